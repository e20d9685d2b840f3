/**
 * Wire ingest, the parsing layer: agency and syndication documents (RSS 0.9x/2.0, RSS 1.0/RDF, Atom, JSON Feed,
 * IPTC ninjs 1.x–3.x, NewsML-G2, NITF) in, normalised `WireItem`s out. This folder owns format detection, byte
 * decoding, safe XML reading, and each format's mapping; it does no I/O and sanitizes nothing (bodies come out as
 * HTML for the caller to sanitize). A document we cannot read throws `WireFormatError`; a bad item in a good
 * document becomes an `ItemError` while the other items still parse.
 */
import { atomCandidates } from './atom.js';
import { decodeDocument } from './decode.js';
import { detectFormat, readRoot } from './detect.js';
import { WireFormatError } from './errors.js';
import { formatBytes, runDocument, type ItemCandidate } from './item.js';
import { jsonFeedCandidates } from './jsonfeed.js';
import { ninjsCandidates } from './ninjs.js';
import { newsmlG2Document } from './newsml-g2.js';
import { nitfCandidates } from './nitf.js';
import { rssCandidates } from './rss.js';
import { defaultLimits, type ItemError, type ParseLimits, type ParsedDocument } from './types.js';
import { parseXml } from './xml.js';

export { detectFormat } from './detect.js';
export { WireFormatError } from './errors.js';
export type { ItemError, ParseLimits, ParsedDocument, WireFormat, WireImage, WireItem } from './types.js';
export { defaultLimits, wireFormats } from './types.js';

export function parseWireDocument(input: string | Uint8Array, limits: ParseLimits = {}): ParsedDocument {
  const max = resolveLimits(limits);
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > max.maxBytes) {
    throw new WireFormatError(`document is ${formatBytes(size)}; the limit is ${formatBytes(max.maxBytes)}`, {
      bytes: size,
      limit: max.maxBytes,
    });
  }
  const text = decodeDocument(input);
  if (!text.trim()) throw new WireFormatError('document is empty');
  const format = detectFormat(text);
  if (!format) throw new WireFormatError(unrecognised(text));

  let candidates: ItemCandidate[];
  let documentErrors: ItemError[] = [];
  switch (format) {
    case 'rss':
    case 'rdf':
      candidates = rssCandidates(parseXml(text, { lenientPrefixes: true }), text);
      break;
    case 'atom':
      candidates = atomCandidates(parseXml(text, { lenientPrefixes: true }), text);
      break;
    case 'nitf':
      candidates = nitfCandidates(parseXml(text), text);
      break;
    case 'newsml-g2': {
      const doc = newsmlG2Document(parseXml(text), text);
      candidates = doc.candidates;
      documentErrors = doc.errors;
      break;
    }
    case 'jsonfeed':
      candidates = jsonFeedCandidates(parseJson(text, 'JSON Feed'));
      break;
    case 'ninjs':
      candidates = ninjsCandidates(parseJson(text, 'ninjs'));
      break;
  }
  return runDocument(format, candidates, max, documentErrors);
}

function resolveLimits(limits: ParseLimits): Required<ParseLimits> {
  const out = { ...defaultLimits };
  for (const key of Object.keys(defaultLimits) as (keyof ParseLimits)[]) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${key} must be a positive integer`);
    out[key] = value;
  }
  return out;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    if (position) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
      throw new WireFormatError(`${what} is not valid JSON at line ${line}, column ${column}: ${reason}`, { line, column });
    }
    throw new WireFormatError(`${what} is not valid JSON: ${message.replace(/\s*is not valid JSON$/, '')}`);
  }
}

function unrecognised(text: string): string {
  const start = text.trimStart();
  if (start.startsWith('<')) {
    const root = readRoot(start);
    return root
      ? `root element <${root.prefix ? `${root.prefix}:` : ''}${root.local}> is not a wire or feed format we read`
      : 'document looks like XML but has no root element';
  }
  if (start.startsWith('{') || start.startsWith('[')) return 'JSON document is neither a JSON Feed nor ninjs';
  return 'document is neither XML nor JSON';
}

