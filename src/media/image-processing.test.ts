import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage } from './image-processing.js';
import { MediaError } from './media-error.js';

const blank = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } });

const xmp =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>';

/** A camera-like JPEG: rotated by EXIF, with copyright, GPS position, XMP and a non-sRGB profile to leak. */
const cameraJpeg = () =>
  blank(2000, 1000)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Copyright: 'secret', Artist: 'x' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
    })
    .withXmp(xmp)
    .withIccProfile('p3')
    .toBuffer();

async function rejection(promise: Promise<unknown>): Promise<MediaError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MediaError);
  return err as MediaError;
}

describe('processImage', () => {
  it('renders WebP and JPEG variants at each width up to the original, rotated per EXIF', async () => {
    const input = await cameraJpeg();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined(); // the fixture really carries what must be stripped

    const image = await processImage(input);
    expect(image).toMatchObject({ width: 1000, height: 2000, format: 'jpeg' });
    expect(image.id).toMatch(/^[0-9a-f]{16}$/);
    expect(image.variants.map((v) => `${v.width}x${v.height}.${v.format}`)).toEqual([
      '320x640.webp',
      '320x640.jpeg',
      '640x1280.webp',
      '640x1280.jpeg',
    ]);
    for (const v of image.variants) {
      const meta = await sharp(v.bytes).metadata();
      expect(meta.format).toBe(v.format);
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(v.bytes.includes('secret')).toBe(false);
      if (v.format === 'jpeg') expect(meta.isProgressive).toBe(true);
    }
  });

  it('gives the same id to the same bytes', async () => {
    const input = await blank(400, 300).png().toBuffer();
    const [a, b] = await Promise.all([processImage(input), processImage(Buffer.from(input))]);
    expect(a.id).toBe(b.id);
  });

  it('offers all four widths for a large original', async () => {
    const image = await processImage(await blank(2400, 1200).webp().toBuffer());
    expect(image.format).toBe('webp');
    expect([...new Set(image.variants.map((v) => v.width))]).toEqual([320, 640, 1024, 1600]);
    expect(image.variants.find((v) => v.width === 1600)?.height).toBe(800);
  });

  it('gives a tiny image one variant per format at its own width', async () => {
    const image = await processImage(await blank(120, 90).png().toBuffer());
    expect(image.variants.map((v) => [v.width, v.height, v.format])).toEqual([
      [120, 90, 'webp'],
      [120, 90, 'jpeg'],
    ]);
  });

  it('takes the first frame of an animated GIF', async () => {
    const frames = await Promise.all(
      ['#ff0000', '#00ff00'].map((c) =>
        sharp({ create: { width: 100, height: 80, channels: 3, background: c } }).png().toBuffer(),
      ),
    );
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    const image = await processImage(gif);
    expect(image).toMatchObject({ width: 100, height: 80, format: 'gif' });
    const { dominant } = await sharp(image.variants[0]!.bytes).stats();
    expect(dominant.r).toBeGreaterThan(200);
    expect(dominant.g).toBeLessThan(50);
  });

  it.skipIf(!sharp.format.heif?.input.buffer)('accepts AVIF', async () => {
    const image = await processImage(await blank(400, 300).avif().toBuffer());
    expect(image).toMatchObject({ width: 400, height: 300, format: 'avif' });
  });

  it('flattens transparency onto white in JPEG variants', async () => {
    const clear = { r: 0, g: 0, b: 0, alpha: 0 };
    const png = await sharp({ create: { width: 60, height: 60, channels: 4, background: clear } }).png().toBuffer();
    const jpeg = (await processImage(png)).variants.find((v) => v.format === 'jpeg')!;
    const { dominant } = await sharp(jpeg.bytes).stats();
    expect(dominant.r).toBeGreaterThan(240);
  });

  it('rejects an SVG, scripts and all', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(1)</script>' +
        '<rect width="400" height="400"/></svg>',
    );
    const err = await rejection(processImage(svg));
    expect(err.message).toMatch(/^image type "svg" is not accepted; upload JPEG, PNG, WebP/);
    expect(err.code).toBe('NEWSDESK_ERR_UNSUPPORTED_MEDIA');
  });

  it('rejects other real images of a type we do not take', async () => {
    const tiff = await blank(200, 200).tiff().toBuffer();
    expect((await rejection(processImage(tiff))).message).toMatch(/^image type "tiff" is not accepted/);
  });

  it('rejects text and HTML whatever they are called', async () => {
    const text = Buffer.from('holiday.jpg: definitely a photo, trust me\n');
    const html = Buffer.from('<!doctype html><html><body><img src=x onerror=alert(1)></body></html>');
    for (const bytes of [text, html, Buffer.alloc(0)]) {
      expect((await rejection(processImage(bytes))).message).toBe('file is not a readable image');
    }
  });

  it('rejects a truncated JPEG', async () => {
    const noise = { type: 'gaussian', mean: 128, sigma: 30 } as const;
    const noisy = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#000', noise } })
      .jpeg()
      .toBuffer();
    const err = await rejection(processImage(noisy.subarray(0, noisy.length / 2)));
    expect(err.message).toBe('file is not a readable image');
  });

  it('checks size before content, against a lowered byte limit', async () => {
    const err = await rejection(processImage(Buffer.alloc(1.5 * 1024 * 1024), { maxBytes: 1024 * 1024 }));
    expect(err.message).toBe('file is 1.5 MB; the limit is 1 MB');
  });

  it('rejects a file over the byte limit with the limit in MB', async () => {
    const big = Buffer.alloc(16 * 1024 * 1024);
    const err = await rejection(processImage(big));
    expect(err.message).toBe('file is 16 MB; the limit is 15 MB');
    expect(err.reason).toBe('too-large');
  });

  it('rejects a decompression bomb by its header before decoding it', async () => {
    const huge = await blank(10_000, 10_000).png({ compressionLevel: 1 }).toBuffer();
    const err = await rejection(processImage(huge, { maxPixels: 20_000_000 }));
    expect(err.message).toBe('image is 10000×10000 (100 megapixels); the limit is 20 megapixels');
  });

  it('applies the default 40 megapixel limit', async () => {
    const input = await blank(8000, 5001).png({ compressionLevel: 1 }).toBuffer();
    expect((await rejection(processImage(input))).message).toMatch(/40 megapixels$/);
  });

  it('rejects an image smaller than 50×50 after orientation', async () => {
    const input = await blank(200, 40).jpeg().toBuffer();
    expect((await rejection(processImage(input))).message).toBe('image is 200×40; it must be at least 50×50');
  });
});
