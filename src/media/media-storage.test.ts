import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { srcset, variantContentType, variantKey } from './index.js';
import { MediaError } from './media-error.js';
import { FileMediaStorage, assertValidKey } from './media-storage.js';

let root: string;
let storage: FileMediaStorage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'newsdesk-media-'));
  storage = new FileMediaStorage(path.join(root, 'media'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('FileMediaStorage', () => {
  it('round-trips bytes and content type, and overwrites in place', async () => {
    await storage.put('ab12cd34ef56ab78/640.webp', Buffer.from('one'), 'image/webp');
    await storage.put('ab12cd34ef56ab78/640.webp', Buffer.from('two'), 'image/webp');
    expect(await storage.get('ab12cd34ef56ab78/640.webp')).toEqual({
      bytes: Buffer.from('two'),
      contentType: 'image/webp',
    });
    // No temp files left beside the object.
    expect(await readdir(path.join(root, 'media', 'ab12cd34ef56ab78'))).toEqual(['640.webp']);
  });

  it('returns null for a missing key', async () => {
    expect(await storage.get('ab12cd34ef56ab78/320.jpg')).toBeNull();
  });

  it('refuses a content type its key does not imply', async () => {
    await expect(storage.put('ab12/640.webp', Buffer.from('x'), 'text/html')).rejects.toThrow(MediaError);
  });

  it('leaves no file behind when a write fails', async () => {
    // A folder where the file should go makes the final rename fail after the temp file was written.
    const target = path.join(root, 'media', 'ab12', '640.webp');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'keep'), 'x');
    await expect(storage.put('ab12/640.webp', Buffer.from('data'), 'image/webp')).rejects.toThrow();
    expect(await readdir(path.join(root, 'media', 'ab12'))).toEqual(['640.webp']);
    expect(await storage.get('ab12/640.webp')).toBeNull();
  });

  it.each([
    '../secret.jpg',
    'ab12/../../x.jpg',
    'ab12/..',
    '/etc/passwd.jpg',
    'AB12/640.webp',
    'ab12\\640.webp',
    'ab12/640 .webp',
    'ab12//640.webp',
    'ab12/.hidden.webp',
    'ab12/640.webp/',
    'ab12/640.html',
    'ab12/640',
    '',
  ])('rejects the key %j', async (key) => {
    expect(() => assertValidKey(key)).toThrow(MediaError);
    await expect(storage.get(key)).rejects.toThrow(MediaError);
    await expect(storage.put(key, Buffer.from('x'), 'image/webp')).rejects.toThrow(MediaError);
  });

  it('accepts the keys variantKey builds', () => {
    expect(() => assertValidKey(variantKey('ab12cd34ef56ab78', 1600, 'jpeg'))).not.toThrow();
  });
});

describe('variant keys and srcset', () => {
  it('names variants by id, width and extension', () => {
    expect(variantKey('ab12cd34ef56ab78', 640, 'webp')).toBe('ab12cd34ef56ab78/640.webp');
    expect(variantKey('ab12cd34ef56ab78', 640, 'jpeg')).toBe('ab12cd34ef56ab78/640.jpg');
    expect(variantContentType('jpeg')).toBe('image/jpeg');
  });

  it('lists one format, narrowest first', () => {
    const variants = [
      { width: 640, format: 'webp' as const },
      { width: 640, format: 'jpeg' as const },
      { width: 320, format: 'webp' as const },
    ];
    expect(srcset('ab12', variants, 'webp')).toBe('/media/ab12/320.webp 320w, /media/ab12/640.webp 640w');
    expect(srcset('ab12', variants, 'jpeg')).toBe('/media/ab12/640.jpg 640w');
  });
});
