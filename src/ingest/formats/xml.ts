/**
 * XML documents as a small namespaced element tree, read with fast-xml-parser. The reading is safe by construction:
 * documents that declare external or parameter entities are refused, internal entities are capped and never nest
 * (fast-xml-parser ignores entity values that refer to other entities), and nothing is ever fetched. HTML 4's named
 * entities (&eacute;, &nbsp;) are decoded as feed readers do. Three common feed blemishes are repaired before
 * reading: whitespace before the XML declaration, `&#X41;` for `&#x41;`, and a bare `&` (an unescaped ampersand in a
 * URL) outside CDATA sections, the last only when it is what keeps the document from being well-formed.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WireFormatError } from './errors.js';
import { htmlEntities, xmlPredefined } from './html-entities.js';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface XText {
  kind: 'text';
  text: string;
}

export interface XAttr {
  /** The qualified name as written. */
  name: string;
  local: string;
  /** Namespace URI; '' for unprefixed attributes. */
  ns: string;
  value: string;
}

export interface XElement {
  kind: 'element';
  /** The qualified name as written. */
  name: string;
  local: string;
  /** Namespace URI; '' when the element is in no namespace. */
  ns: string;
  attrs: XAttr[];
  children: XNode[];
  parent: XElement | null;
  /** Offsets of the element in the document text, for per-item size limits. */
  start: number;
  end: number;
}

export type XNode = XElement | XText;

/** HTML's named entities, minus XML's own (a parser must not redefine those). */
const extraEntities: Record<string, string> = Object.fromEntries(
  Object.entries(htmlEntities).filter(([name]) => !xmlPredefined.has(name)),
);

const parserOptions = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
  maxNestedTags: 200,
  processEntities: {
    enabled: true,
    maxEntityCount: 64,
    maxEntitySize: 4096,
    maxTotalExpansions: 10_000,
    maxExpandedLength: 1_000_000,
  },
  // fast-xml-parser takes an entity map here (typed as boolean; see OrderedObjParser) and adds it to XML's own.
  htmlEntities: extraEntities as unknown as boolean,
} as const;

const metaSymbol = XMLParser.getMetaDataSymbol() as unknown as symbol;

export interface XmlReadOptions {
  /**
   * Feeds in the wild use module prefixes (itunes:, media:, dc:) without declaring them. When true, the well-known
   * ones resolve to their namespaces and other undeclared prefixes to `urn:x-undeclared:<prefix>`; when false (the
   * default) an undeclared prefix makes the document not namespace-well-formed.
   */
  lenientPrefixes?: boolean;
}

/** Module prefixes feed readers resolve even when a feed forgets to declare them. */
const wellKnownPrefixes: Record<string, string> = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  media: 'http://search.yahoo.com/mrss/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  atom: 'http://www.w3.org/2005/Atom',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  sy: 'http://purl.org/rss/1.0/modules/syndication/',
  georss: 'http://www.georss.org/georss',
};

/** Parses a whole XML document; throws `WireFormatError` naming the problem when it is not well-formed. */
export function parseXml(source: string, options: XmlReadOptions = {}): XElement {
  let text = source.replace(/^\s+(?=<\?xml[\s?])/, '');
  if (!text.trim()) throw new WireFormatError('document is empty');
  guardDoctype(text);
  text = text.replace(/&#X([0-9a-fA-F]+);/g, '&#x$1;');

  let verdict = XMLValidator.validate(text);
  if (verdict !== true && verdict.err.code === 'InvalidChar' && /'&'/.test(verdict.err.msg)) {
    const repaired = escapeBareAmpersands(text);
    const second = XMLValidator.validate(repaired);
    if (second === true) {
      text = repaired;
      verdict = true;
    }
  }
  if (verdict !== true) {
    const { line, col, msg } = verdict.err;
    throw new WireFormatError(`not well-formed XML at line ${line}${col ? `, column ${col}` : ''}: ${msg}`, {
      line,
      column: col,
    });
  }

  let raw: unknown;
  try {
    raw = new XMLParser(parserOptions).parse(text);
  } catch (error) {
    throw new WireFormatError(`cannot read the XML: ${(error as Error).message}`);
  }
  const roots = (raw as OrderedNode[]).filter((node) => elementName(node) !== null);
  const rootNode = roots[0];
  if (!rootNode || roots.length > 1) throw new WireFormatError('not well-formed XML: expected exactly one root element');
  return build(rootNode, null, new Map([['xml', XML_NS]]), text.length, options.lenientPrefixes ?? false);
}

type OrderedNode = Record<string, unknown>;

function elementName(node: OrderedNode): string | null {
  for (const key of Object.keys(node)) if (key !== ':@' && key !== '#text') return key;
  return null;
}

function build(
  node: OrderedNode,
  parent: XElement | null,
  scope: Map<string, string>,
  docLength: number,
  lenient: boolean,
): XElement {
  const name = elementName(node) as string;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
  let inner = scope;
  for (const [attr, value] of Object.entries(rawAttrs)) {
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      inner.set(attr === 'xmlns' ? '' : attr.slice(6), value);
    }
  }
  const [prefix, local] = splitName(name);
  const ns = resolvePrefix(inner, prefix, name, lenient);
  const attrs: XAttr[] = [];
  for (const [attr, value] of Object.entries(rawAttrs)) {
    if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
      attrs.push({ name: attr, local: attr === 'xmlns' ? 'xmlns' : attr.slice(6), ns: XMLNS_NS, value });
      continue;
    }
    const [attrPrefix, attrLocal] = splitName(attr);
    attrs.push({ name: attr, local: attrLocal, ns: attrPrefix ? resolvePrefix(inner, attrPrefix, attr, lenient) : '', value });
  }
  const meta = (node as Record<symbol, { startIndex?: number; endIndex?: number } | undefined>)[metaSymbol];
  const element: XElement = {
    kind: 'element',
    name,
    local,
    ns,
    attrs,
    children: [],
    parent,
    start: meta?.startIndex ?? 0,
    end: meta?.endIndex ?? docLength,
  };
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if ('#text' in child) {
      const value = child['#text'];
      if (value !== undefined && value !== null && value !== '') element.children.push({ kind: 'text', text: String(value) });
    } else if (elementName(child) !== null) {
      element.children.push(build(child, element, inner, docLength, lenient));
    }
  }
  return element;
}

function splitName(name: string): [string, string] {
  const colon = name.indexOf(':');
  return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
}

function resolvePrefix(scope: Map<string, string>, prefix: string, qname: string, lenient: boolean): string {
  if (prefix === '') return scope.get('') ?? '';
  const uri = scope.get(prefix);
  if (uri === undefined && lenient) return wellKnownPrefixes[prefix] ?? `urn:x-undeclared:${prefix}`;
  if (uri === undefined) throw new WireFormatError(`not namespace-well-formed XML: prefix "${prefix}" of <${qname}> is not declared`);
  return uri;
}

/**
 * A DOCTYPE may name a DTD (never fetched) and declare internal entities (capped by the parser); external and
 * parameter entities are refused outright.
 */
function guardDoctype(text: string): void {
  const start = text.search(/<!DOCTYPE/i);
  if (start < 0) return;
  const root = text.slice(0, start).match(/<[A-Za-z_]/);
  if (root) return; // a "<!DOCTYPE" after the root element is text in a CDATA section or malformed; the validator decides
  const subset = /<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/i.exec(text.slice(start))?.[1] ?? '';
  const external = /<!ENTITY\s+(%\s+)?([^\s>]+)\s+(SYSTEM|PUBLIC)\b/i.exec(subset);
  if (external) {
    const name = `${external[1] ? '%' : ''}${external[2] ?? ''}`;
    throw new WireFormatError(`document declares the external entity "${name}" in its DOCTYPE; external entities are refused`);
  }
  if (/<!ENTITY\s+%/i.test(subset)) throw new WireFormatError('document declares a parameter entity in its DOCTYPE; refused');
}

/** Escapes `&` that starts no entity or character reference, leaving CDATA sections alone. */
function escapeBareAmpersands(text: string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&(?!(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);)/g, '&amp;')))
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the tree.

export function isElement(node: XNode | undefined | null): node is XElement {
  return node?.kind === 'element';
}

/** Element children, optionally only those with this local name in one of these namespaces. */
export function elements(el: XElement | null | undefined, local?: string, ns?: NsMatch): XElement[] {
  if (!el) return [];
  const out: XElement[] = [];
  for (const child of el.children) {
    if (child.kind !== 'element') continue;
    if (local !== undefined && child.local !== local) continue;
    if (ns !== undefined && !nsMatches(child.ns, ns)) continue;
    out.push(child);
  }
  return out;
}

export function element(el: XElement | null | undefined, local: string, ns?: NsMatch): XElement | null {
  return elements(el, local, ns)[0] ?? null;
}

/** A namespace URI, a set of them, or a predicate. */
export type NsMatch = string | ReadonlySet<string> | ((ns: string) => boolean);

export function nsMatches(ns: string, match: NsMatch): boolean {
  if (typeof match === 'string') return ns === match;
  if (typeof match === 'function') return match(ns);
  return match.has(ns);
}

/** All descendants (depth first, document order) with this local name. */
export function descendants(el: XElement, local: string, ns?: NsMatch): XElement[] {
  const out: XElement[] = [];
  const visit = (node: XElement) => {
    for (const child of node.children) {
      if (child.kind !== 'element') continue;
      if (child.local === local && (ns === undefined || nsMatches(child.ns, ns))) out.push(child);
      visit(child);
    }
  };
  visit(el);
  return out;
}

/** The concatenated text of an element and its descendants. */
export function textOf(el: XElement | null | undefined): string {
  if (!el) return '';
  let out = '';
  for (const child of el.children) out += child.kind === 'text' ? child.text : textOf(child);
  return out;
}

/** Text, trimmed and with inner whitespace collapsed; null when empty. */
export function cleanText(el: XElement | null | undefined): string | null {
  const text = textOf(el).replace(/\s+/g, ' ').trim();
  return text || null;
}

export function attr(el: XElement | null | undefined, local: string, ns = ''): string | null {
  if (!el) return null;
  for (const a of el.attrs) if (a.local === local && a.ns === ns) return a.value;
  return null;
}

/** The in-scope value of an inherited xml: attribute (xml:lang, xml:base). */
export function inheritedXmlAttr(el: XElement | null, local: 'lang' | 'base'): string | null {
  for (let node = el; node; node = node.parent) {
    const value = attr(node, local, XML_NS);
    if (value !== null) return value;
  }
  return null;
}

/** Resolves a reference against the in-scope xml:base values; an unresolvable one is returned as written. */
export function resolveUrl(el: XElement | null, href: string): string {
  const ref = href.trim();
  if (!ref) return ref;
  const bases: string[] = [];
  for (let node = el; node; node = node.parent) {
    const base = attr(node, 'base', XML_NS);
    if (base !== null) bases.push(base.trim());
  }
  let resolved: string | null = null;
  for (const base of bases.reverse()) {
    try {
      resolved = resolved === null ? new URL(base).href : new URL(base, resolved).href;
    } catch {
      // an unusable xml:base is ignored
    }
  }
  if (!resolved) return ref;
  try {
    return new URL(ref, resolved).href;
  } catch {
    return ref;
  }
}
