import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { MediaError } from './media-error.js';

export interface ImageLimits {
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Largest decoded size, in pixels (width × height): the guard against decompression bombs. */
  maxPixels: number;
  minWidth: number;
  minHeight: number;
}

export const defaultImageLimits: Readonly<ImageLimits> = Object.freeze({
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 40_000_000,
  minWidth: 50,
  minHeight: 50,
});

export type VariantFormat = 'webp' | 'jpeg';

export interface ImageVariant {
  width: number;
  height: number;
  format: VariantFormat;
  bytes: Buffer;
}

export interface ProcessedImage {
  /** First 16 hex characters of the input's sha256: the same upload always gets the same id. */
  id: string;
  /** Dimensions after EXIF orientation was applied. */
  width: number;
  height: number;
  /** The detected source type: jpeg, png, webp, gif or avif. */
  format: string;
  variants: ImageVariant[];
}

const jpegOptions = { quality: 82, mozjpeg: true, progressive: true } as const;

/** Widths offered to `srcset`; none is upscaled. */
export const variantWidths: readonly number[] = [320, 640, 1024, 1600];

const MiB = 1024 * 1024;

// The prebuilt sharp decodes AVIF through libheif; a custom libvips build may not, so ask rather than assume.
const avifSupported = sharp.format.heif?.input.buffer === true;
const acceptedList = avifSupported ? 'JPEG, PNG, WebP, GIF or AVIF' : 'JPEG, PNG, WebP or GIF';

/**
 * Checks an uploaded image and renders its responsive variants. The type comes from the bytes (never a file name or
 * a claimed mime type); every output is auto-oriented, converted to sRGB and stripped of EXIF, GPS, XMP and ICC data,
 * because photos routinely carry the photographer's location and camera serial numbers.
 */
export async function processImage(input: Buffer, limits: Partial<ImageLimits> = {}): Promise<ProcessedImage> {
  const lim: ImageLimits = { ...defaultImageLimits, ...limits };
  if (input.length > lim.maxBytes) {
    throw new MediaError('too-large', `file is ${mb(input.length)} MB; the limit is ${mb(lim.maxBytes)} MB`, {
      bytes: input.length,
      maxBytes: lim.maxBytes,
    });
  }
  const meta = await readMetadata(input);
  const format = acceptedFormat(meta);

  // Metadata reads only the header, so this catches a bomb before any pixel is decoded and names its size; the
  // `limitInputPixels` given to the decoder below is the backstop should a header lie.
  const pixels = meta.width * meta.height;
  if (pixels > lim.maxPixels) {
    const size = `${meta.width}×${meta.height} (${megapixels(pixels)} megapixels)`;
    throw new MediaError('too-large', `image is ${size}; the limit is ${megapixels(lim.maxPixels)} megapixels`, {
      width: meta.width,
      height: meta.height,
      maxPixels: lim.maxPixels,
    });
  }
  const { width, height } = meta.autoOrient;
  if (width < lim.minWidth || height < lim.minHeight) {
    const min = `${lim.minWidth}×${lim.minHeight}`;
    throw new MediaError('too-small', `image is ${width}×${height}; it must be at least ${min}`, { width, height });
  }

  const widths = variantWidths.filter((w) => w <= width);
  if (widths.length === 0) widths.push(width);

  const variants: ImageVariant[] = [];
  // One width at a time keeps peak memory to two decodes of a large original.
  for (const w of widths) {
    const resized = decoder(input, lim.maxPixels).resize({ width: w });
    // JPEG has no alpha: flatten onto white, otherwise transparent areas turn black.
    const jpeg = resized.clone().flatten({ background: '#ffffff' }).jpeg(jpegOptions);
    const webp = resized.clone().webp({ quality: 80 });
    variants.push(...(await Promise.all([encode(webp, 'webp'), encode(jpeg, 'jpeg')])));
  }

  return { id: contentId(input), width, height, format, variants };
}

/** First 16 hex characters of sha256(bytes): 64 bits, plenty to tell a newsroom's images apart. */
export function contentId(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

async function readMetadata(input: Buffer): Promise<Metadata> {
  if (input.length === 0) throw unreadable();
  try {
    return await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
}

function acceptedFormat(meta: Metadata): string {
  switch (meta.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return meta.format;
    case 'heif':
      // libheif reports AVIF and HEIC alike as "heif"; only the AV1 flavour is AVIF.
      if (avifSupported && meta.compression === 'av1') return 'avif';
      return rejectType(meta.compression === 'hevc' ? 'heic' : 'heif');
    default:
      // SVG lands here on purpose: it can carry scripts and external references.
      return rejectType(String(meta.format));
  }
}

function rejectType(type: string): never {
  throw new MediaError('type', `image type "${type}" is not accepted; upload ${acceptedList}`, { type });
}

/**
 * A fresh decoder per variant. `autoOrient` applies and drops the EXIF orientation; writing without
 * `keepMetadata`/`withMetadata` is what strips all metadata and converts to sRGB. Only the first frame of an
 * animated GIF or WebP is read (sharp's default of one page). `failOn: 'error'` still refuses truncated or corrupt
 * data but tolerates the harmless warnings many camera JPEGs trigger.
 */
function decoder(input: Buffer, maxPixels: number): Sharp {
  return sharp(input, { autoOrient: true, limitInputPixels: maxPixels, failOn: 'error' });
}

async function encode(pipeline: Sharp, format: ImageVariant['format']): Promise<ImageVariant> {
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, format, bytes: data };
  } catch (err) {
    // A truncated or corrupt body passes the header check and fails here.
    if (err instanceof Error && /pixel limit/i.test(err.message)) {
      throw new MediaError('too-large', 'image exceeds the pixel limit');
    }
    throw unreadable();
  }
}

// The decoder's own message stays out: details reach the public, and libvips wording helps nobody there.
function unreadable(): MediaError {
  return new MediaError('unreadable', 'file is not a readable image');
}

/** "15", "16.2": whole numbers without a pointless ".0". */
function mb(bytes: number): string {
  return trim(bytes / MiB);
}

function megapixels(pixels: number): string {
  return trim(pixels / 1_000_000);
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
