import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { MediaError } from './media-error.js';

export interface MediaStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Buffer; contentType: string } | null>;
}

/**
 * The content type is implied by the key's extension rather than stored beside the file: one file per object keeps
 * a write atomic, and a file can never be served under a type other than the one its name says.
 */
const contentTypes: Readonly<Record<string, string>> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  avif: 'image/avif',
};

const keyPattern = /^[a-z0-9./-]+$/;

/**
 * Media files under one root folder (e.g. `${NEWSDESK_DATA}/media`), keyed like `ab12cd34ef56ab78/640.webp`.
 * Keys end up in file paths and URLs, so they are held to a narrow alphabet and cannot climb out of the root.
 */
export class FileMediaStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    const expected = contentTypeOf(key);
    if (contentType !== expected) {
      throw new MediaError('key', `content type "${contentType}" does not match key "${key}" (${expected})`);
    }
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true });
    // Write beside the target and rename over it: rename is atomic within a folder, so readers and a crash see the
    // old file or the new one, never half of one. The leading dot keeps temp names outside the key space.
    const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    await syncDir(dir);
  }

  async get(key: string): Promise<{ bytes: Buffer; contentType: string } | null> {
    const file = this.pathOf(key);
    try {
      return { bytes: await readFile(file), contentType: contentTypeOf(key) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
      throw err;
    }
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    const file = path.join(this.root, ...key.split('/'));
    // Belt and braces: the key rules already forbid climbing out of the root.
    const rel = path.relative(this.root, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw invalidKey(key, 'it leaves the media folder');
    return file;
  }
}

/** Throws unless `key` is relative, made of `[a-z0-9./-]`, has no empty, `.` or `..` segments and a known extension. */
export function assertValidKey(key: string): void {
  if (key.length === 0 || key.length > 200) throw invalidKey(key, 'it must be 1 to 200 characters');
  if (!keyPattern.test(key)) throw invalidKey(key, 'only a-z, 0-9, ".", "/" and "-" are allowed');
  if (key.startsWith('/')) throw invalidKey(key, 'it must be relative');
  if (key.includes('..')) throw invalidKey(key, 'it must not contain ".."');
  // Segments starting with a dot would be hidden files and could collide with our temp files.
  if (key.split('/').some((s) => s === '' || s.startsWith('.'))) {
    throw invalidKey(key, 'segments must be non-empty and not start with "."');
  }
  contentTypeOf(key);
}

function contentTypeOf(key: string): string {
  const type = contentTypes[path.posix.extname(key).slice(1)];
  if (!type) throw invalidKey(key, `the extension must be one of ${Object.keys(contentTypes).join(', ')}`);
  return type;
}

function invalidKey(key: string, why: string): MediaError {
  return new MediaError('key', `invalid media key "${key}": ${why}`);
}

/** Makes the rename itself durable; some platforms (Windows) cannot open a folder, and lose only that guarantee. */
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort, see above.
  } finally {
    await handle?.close();
  }
}
