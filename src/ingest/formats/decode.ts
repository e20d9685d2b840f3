/**
 * Bytes to text. JSON is UTF-8; XML says its encoding in a byte order mark or its declaration (XML 1.0, appendix F),
 * and without either it is UTF-8. Decoding is strict: bytes that are not valid in the encoding reject the document
 * rather than turning into replacement characters.
 */
import { WireFormatError } from './errors.js';

type WideEncoding = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

interface Sniffed {
  encoding: string;
  /** Bytes of byte order mark to skip. */
  skip: number;
  /** Where the encoding came from, for messages. */
  from: 'bom' | 'declaration' | 'layout' | 'default';
}

/** The document's text. Strings are taken as already decoded (a leading BOM character is dropped). */
export function decodeDocument(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const sniffed = sniffEncoding(input);
  const body = input.subarray(sniffed.skip);
  let text: string;
  if (sniffed.encoding === 'utf-32le' || sniffed.encoding === 'utf-32be') {
    text = decodeUtf32(body, sniffed.encoding === 'utf-32le');
  } else {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(sniffed.encoding, { fatal: true, ignoreBOM: true });
    } catch {
      throw new WireFormatError(`document declares encoding "${sniffed.encoding}", which is not supported`);
    }
    try {
      text = decoder.decode(body);
      if (decoder.encoding === 'windows-1252') text = fixWindows1252(text);
    } catch {
      const offset = firstInvalidOffset(body, decoder.encoding);
      const where = offset === null ? '' : ` (byte 0x${hex(body[offset] ?? 0)} at offset ${offset + sniffed.skip})`;
      throw new WireFormatError(
        sniffed.from === 'default'
          ? `document is not valid UTF-8 and declares no other encoding${where}`
          : `document is not valid ${sniffed.encoding}${where}`,
      );
    }
  }
  return text.replace(/^\uFEFF/, '');
}

export function sniffEncoding(bytes: Uint8Array): Sniffed {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x00 && b(1) === 0x00 && b(2) === 0xfe && b(3) === 0xff) return wide('utf-32be', 4, 'bom');
  if (b(0) === 0xff && b(1) === 0xfe && b(2) === 0x00 && b(3) === 0x00) return wide('utf-32le', 4, 'bom');
  if (b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf) return { encoding: 'utf-8', skip: 3, from: 'bom' };
  if (b(0) === 0xfe && b(1) === 0xff) return wide('utf-16be', 2, 'bom');
  if (b(0) === 0xff && b(1) === 0xfe) return wide('utf-16le', 2, 'bom');
  // No BOM: the layout of the first "<" (or "{") tells the code unit size.
  if (b(0) === 0x00 && b(1) === 0x00 && b(2) === 0x00 && b(3) !== 0x00) return wide('utf-32be', 0, 'layout');
  if (b(0) !== 0x00 && b(1) === 0x00 && b(2) === 0x00 && b(3) === 0x00) return wide('utf-32le', 0, 'layout');
  if (b(0) === 0x00 && b(1) !== 0x00 && b(2) === 0x00 && b(3) !== 0x00) return wide('utf-16be', 0, 'layout');
  if (b(0) !== 0x00 && b(1) === 0x00 && b(2) !== 0x00 && b(3) === 0x00) return wide('utf-16le', 0, 'layout');
  // ASCII-compatible: read the XML declaration, if any, from the first bytes.
  const head = latin1(bytes.subarray(0, 512));
  const decl = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (decl?.[1]) return { encoding: normaliseLabel(decl[1]), skip: 0, from: 'declaration' };
  return { encoding: 'utf-8', skip: 0, from: 'default' };
}

function wide(encoding: WideEncoding, skip: number, from: Sniffed['from']): Sniffed {
  return { encoding, skip, from };
}

/**
 * The declared label as TextDecoder knows it. A document that a BOM-less 16-bit layout did not catch but that
 * declares UTF-16 or UTF-32 cannot be what it says (its declaration was readable as single bytes).
 */
function normaliseLabel(label: string): string {
  const l = label.toLowerCase();
  if (/^(utf-?16|ucs-?2|utf-?32|ucs-?4)/.test(l)) {
    throw new WireFormatError(`document declares encoding "${label}" but its bytes are single-byte text`);
  }
  return l;
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  if (bytes.length % 4 !== 0) throw new WireFormatError('document is not valid UTF-32 (length is not a multiple of 4)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      throw new WireFormatError(`document is not valid UTF-32 (code point 0x${cp.toString(16)} at offset ${i})`);
    }
    parts.push(String.fromCodePoint(cp));
  }
  return parts.join('');
}

/** windows-1252's characters at 0x80–0x9F (WHATWG), where ISO-8859-1 has C1 controls. */
const cp1252 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Node 20's TextDecoder decodes windows-1252 (and the labels WHATWG maps to it: iso-8859-1, latin1, us-ascii) as
 * ISO-8859-1, leaving 0x80–0x9F as C1 controls; this puts the windows-1252 characters (“ ” – — € …) in their place.
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009F]/g, (c) => cp1252[c.charCodeAt(0) - 0x80] ?? c);
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const byte of bytes) s += String.fromCharCode(byte);
  return s;
}

function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

/** The offset of the first malformed UTF-8 sequence (a strict TextDecoder only says that decoding failed). */
function firstInvalidOffset(bytes: Uint8Array, encoding: string): number | null {
  if (encoding !== 'utf-8') return null;
  // UTF-8 is self-synchronising: scan for the first malformed sequence directly.
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] ?? 0;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const cont = bytes[i + k];
      if (cont === undefined || (cont & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return null;
}
