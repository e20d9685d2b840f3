/**
 * The newsroom's media library: an uploaded image becomes stored, responsive, metadata-free variants plus a
 * description (alt text is required: a picture no screen reader can describe does not go on the site).
 */
import { ValidationError } from '../domain/errors.js';
import { type MediaStorage, type ProcessedImage, processImage, srcset, variantContentType, variantKey } from '../media/index.js';

export interface ImageDescription {
  alt?: unknown;
  caption?: unknown;
  credit?: unknown;
}

export interface StoredImage {
  id: string;
  url: string;
  srcset: { webp: string; jpeg: string };
  width: number;
  height: number;
  alt: string;
  caption: string | null;
  credit: string | null;
}

export const MAX_ALT_LENGTH = 300;

export class MediaLibrary {
  constructor(private readonly storage: MediaStorage) {}

  async add(bytes: Buffer, description: ImageDescription): Promise<StoredImage> {
    const alt = text(description.alt);
    if (!alt) throw new ValidationError('alt text is required: describe the image for readers who cannot see it', { field: 'alt' });
    if (alt.length > MAX_ALT_LENGTH) throw new ValidationError(`alt text is longer than ${MAX_ALT_LENGTH} characters`, { field: 'alt' });
    const image = await processImage(bytes);
    for (const variant of image.variants) {
      await this.storage.put(variantKey(image.id, variant.width, variant.format), variant.bytes, variantContentType(variant.format));
    }
    return {
      id: image.id,
      url: `/media/${variantKey(image.id, largestWidth(image), 'jpeg')}`,
      srcset: { webp: srcset(image.id, image.variants, 'webp'), jpeg: srcset(image.id, image.variants, 'jpeg') },
      width: image.width,
      height: image.height,
      alt,
      caption: text(description.caption) || null,
      credit: text(description.credit) || null,
    };
  }
}

function largestWidth(image: ProcessedImage): number {
  return Math.max(...image.variants.map((v) => v.width));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}
