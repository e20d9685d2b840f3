/**
 * Which format a document is in, from its content alone: the root element and its namespace for XML, the keys for
 * JSON. Detection is lexical (it looks at the start of the document), so it also names the format of a document
 * that then fails to parse, and the parse error can say what was wrong with it.
 */
import { sniffEncoding } from './decode.js';
import { NS } from './namespaces.js';
import type { WireFormat } from './types.js';


/** NewsML-G2 root elements (items, the message envelope, catalogs) and the fragments its spec prints. */
const g2Roots = new Set([
  'newsItem', 'packageItem', 'newsMessage', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem',
  'contentSet', 'contentMeta', 'itemMeta', 'groupSet',
]);

export interface RootInfo {
  prefix: string;
  local: string;
  /** Namespace URI of the root element, as far as its own start tag declares it. */
  ns: string;
}

export function detectFormat(input: string | Uint8Array): WireFormat | null {
  const text = typeof input === 'string' ? input : peekText(input);
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return detectJson(start);
  if (start.startsWith('<')) return detectXml(start);
  return null;
}

/** The first few kilobytes of a byte document as text, for detection only (lenient about bad bytes). */
function peekText(bytes: Uint8Array): string {
  const sniffed = sniffEncoding(bytes);
  const slice = bytes.subarray(sniffed.skip, sniffed.skip + 16384);
  if (sniffed.encoding.startsWith('utf-32')) {
    let out = '';
    const le = sniffed.encoding === 'utf-32le';
    for (let i = 0; i + 3 < slice.length; i += 4) {
      const cp = le
        ? (slice[i] ?? 0) | ((slice[i + 1] ?? 0) << 8) | ((slice[i + 2] ?? 0) << 16)
        : ((slice[i + 1] ?? 0) << 16) | ((slice[i + 2] ?? 0) << 8) | (slice[i + 3] ?? 0);
      out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
    }
    return out;
  }
  try {
    return new TextDecoder(sniffed.encoding).decode(slice);
  } catch {
    return new TextDecoder('utf-8').decode(slice);
  }
}

export function readRoot(text: string): RootInfo | null {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    const skip =
      /^<\?[\s\S]*?\?>/.exec(rest) ??
      /^<!--[\s\S]*?-->/.exec(rest) ??
      /^<!DOCTYPE(?:[^[>]*\[[\s\S]*?\]\s*>|[^>]*>)/i.exec(rest);
    if (!skip) break;
    rest = rest.slice(skip[0].length);
  }
  const m = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?([^>]*)/.exec(rest);
  if (!m) return null;
  const [, first, second, attrs] = m;
  const prefix = second ? (first as string) : '';
  const local = second ?? (first as string);
  const declared = new RegExp(`\\bxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(attrs ?? '');
  return { prefix, local, ns: declared?.[1] ?? '' };
}

function detectXml(text: string): WireFormat | null {
  const root = readRoot(text);
  if (!root) return null;
  const { local, ns } = root;
  if (local === 'rss') return 'rss';
  if (local === 'RDF') return 'rdf';
  if (local === 'feed' && (ns === '' || ns === NS.atom10 || ns === NS.atom03)) return 'atom';
  if (local === 'entry' && (ns === NS.atom10 || ns === NS.atom03)) return 'atom';
  if (local === 'nitf') return 'nitf';
  if (ns === NS.nar) return 'newsml-g2';
  if (g2Roots.has(local) && (ns === '' || ns === NS.nar)) return 'newsml-g2';
  if (local === 'catalog' && ns === NS.nar) return 'newsml-g2';
  return null;
}

const ninjsKeys = [
  'uri', 'guid', '$standard', 'headline', 'headlines', 'body_text', 'body_html', 'body_xhtml', 'bodies',
  'versioncreated', 'versionCreated', 'firstcreated', 'firstCreated', 'pubstatus', 'pubStatus', 'renditions',
  'associations', 'description_text', 'descriptions', 'embargoed', 'embargoedUntil',
];

function detectJson(text: string): WireFormat | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return sniffJsonKeys(text);
  }
  return classifyJson(value);
}

export function classifyJson(value: unknown): WireFormat | null {
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => classifyJson(v) === 'ninjs') ? 'ninjs' : null;
  if (!value || typeof value !== 'object') return null;
  const o = value as Record<string, unknown>;
  if (typeof o.version === 'string' && /jsonfeed\.org\/version\//i.test(o.version)) return 'jsonfeed';
  if (Array.isArray(o.items)) {
    if ('home_page_url' in o || 'feed_url' in o || typeof o.title === 'string') return 'jsonfeed';
    if (typeof o.version === 'string' && /^1(\.\d+)?$/.test(o.version)) return 'jsonfeed';
    const itemKeys = ['content_html', 'content_text', 'date_published', 'external_url'];
    if (o.items.some((i) => i && typeof i === 'object' && itemKeys.some((k) => k in (i as object)))) return 'jsonfeed';
  }
  const standard = (o.standard ?? o.$standard) as { name?: unknown } | undefined;
  if (standard && typeof standard.name === 'string' && /ninjs/i.test(standard.name)) return 'ninjs';
  // A list wrapper ({ total, item: [...] }) around ninjs items.
  if (Array.isArray(o.item) && o.item.length > 0 && o.item.every((v) => classifyJson(v) === 'ninjs')) return 'ninjs';
  if (ninjsKeys.some((key) => key in o)) return 'ninjs';
  return null;
}

/** For JSON that does not parse: the keys still say what it was meant to be. */
function sniffJsonKeys(text: string): WireFormat | null {
  if (/"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//i.test(text)) return 'jsonfeed';
  const keys = new RegExp(`"(${ninjsKeys.map((k) => k.replace(/\$/g, '\\$')).join('|')})"\\s*:`);
  if (keys.test(text)) return 'ninjs';
  if (/"items"\s*:\s*\[/.test(text) && /"(content_html|content_text|home_page_url|feed_url)"\s*:/.test(text)) return 'jsonfeed';
  return null;
}
