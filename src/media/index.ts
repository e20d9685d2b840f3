/**
 * Media library: turning an uploaded image into safe, responsive variants (type sniffed from the bytes, size and
 * pixel limits, EXIF orientation applied, all metadata stripped) and keeping the files under one storage seam.
 * Its only I/O is sharp and the file system; it knows nothing of articles or HTTP, which build on it.
 */
import type { VariantFormat } from './image-processing.js';

export {
  contentId,
  defaultImageLimits,
  processImage,
  variantWidths,
  type ImageLimits,
  type ImageVariant,
  type ProcessedImage,
  type VariantFormat,
} from './image-processing.js';
export { MediaError, type MediaErrorReason } from './media-error.js';
export { assertValidKey, FileMediaStorage, type MediaStorage } from './media-storage.js';

const extensions: Record<VariantFormat, string> = { webp: 'webp', jpeg: 'jpg' };

/** Storage key of one variant, e.g. `ab12cd34ef56ab78/640.webp`; also its path below `/media/`. */
export function variantKey(id: string, width: number, format: VariantFormat): string {
  return `${id}/${width}.${extensions[format]}`;
}

/** The `srcset` for one format, narrowest first: `/media/<id>/320.webp 320w, /media/<id>/640.webp 640w`. */
export function srcset(
  id: string,
  variants: readonly { width: number; format: VariantFormat }[],
  format: VariantFormat,
): string {
  return variants
    .filter((v) => v.format === format)
    .map((v) => v.width)
    .sort((a, b) => a - b)
    .map((w) => `/media/${variantKey(id, w, format)} ${w}w`)
    .join(', ');
}

/** The content type to store a variant under. */
export function variantContentType(format: VariantFormat): string {
  return format === 'webp' ? 'image/webp' : 'image/jpeg';
}
