/** Markup helpers: XML content (XHTML, NITF) to HTML, HTML to plain text, and telling the two kinds of text apart. */
import { plainTextToHtml } from '../../domain/text.js';
import { decodeEntities } from './html-entities.js';
import type { XElement, XNode } from './xml.js';

const voidElements = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** How one source element appears in HTML: as a tag (with attributes), unwrapped (children only), or dropped. */
export type HtmlMapping = { tag: string; attrs?: Record<string, string> } | 'unwrap' | 'drop';

export type ElementMapper = (el: XElement) => HtmlMapping;

/** XHTML and unknown markup: the local name, unprefixed attributes. */
export const keepElement: ElementMapper = (el) => ({ tag: el.local.toLowerCase(), attrs: plainAttrs(el) });

export function plainAttrs(el: XElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of el.attrs) if (a.ns === '' && /^[A-Za-z][\w-]*$/.test(a.local)) out[a.local.toLowerCase()] = a.value;
  return out;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Serialises XML nodes as HTML. Text is escaped, and the indentation of pretty-printed XML (whitespace runs that
 * contain a line break) becomes a single space outside <pre>; the mapper decides what each element becomes.
 */
export function xmlToHtml(nodes: readonly XNode[], mapper: ElementMapper = keepElement, inPre = false): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += escapeText(inPre ? node.text : node.text.replace(/[ \t]*[\r\n]\s*/g, ' '));
      continue;
    }
    const mapping = mapper(node);
    if (mapping === 'drop') continue;
    if (mapping === 'unwrap') {
      out += xmlToHtml(node.children, mapper, inPre);
      continue;
    }
    const attrs = Object.entries(mapping.attrs ?? {})
      .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
      .join('');
    if (voidElements.has(mapping.tag)) {
      out += `<${mapping.tag}${attrs}>`;
      continue;
    }
    const pre = inPre || mapping.tag === 'pre';
    out += `<${mapping.tag}${attrs}>${xmlToHtml(node.children, mapper, pre)}</${mapping.tag}>`;
  }
  return out;
}

/** True when a string carries HTML tags (as opposed to plain text that may contain `<` or `&`). */
export function looksLikeHtml(text: string): boolean {
  return /<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?|\/[A-Za-z][A-Za-z0-9-]*\s*|!--[\s\S]*?--)>/.test(text);
}

/**
 * Body HTML from a field that holds HTML by convention (RSS description, content:encoded, Atom type="html"):
 * markup is kept as it is, and a value without any tags is treated as text (its entities decoded, then escaped).
 */
export function htmlFieldToBody(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) return '';
  if (looksLikeHtml(trimmed)) return trimmed;
  // Without markup, only blank lines separate paragraphs; single line breaks are hard wrapping.
  const text = decodeEntities(trimmed);
  return plainTextToHtml(/\n[ \t]*\n/.test(text) ? text : text.replace(/\s*\n\s*/g, ' '));
}

/** Plain text from HTML: scripts, styles and comments dropped, tags removed, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return collapse(
    decodeEntities(
      html
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(/<\/?(?:p|div|br|li|h[1-6]|blockquote|tr|td|th|figure|figcaption|section|article)\b[^>]*>/gi, ' ')
        .replace(/<[^>]*>/g, ''),
    ),
  );
}

/** Inner whitespace collapsed to single spaces, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A plain-text field (which may still carry character references written as text) as clean text, or null. */
export function cleanString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = collapse(value);
  return text || null;
}

/** Whether `standfirst` says something the body does not already open with. */
export function distinctFromBody(standfirst: string | null, bodyHtml: string): string | null {
  if (!standfirst) return null;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const a = norm(standfirst);
  if (!a) return null;
  const b = norm(htmlToText(bodyHtml));
  if (b.startsWith(a)) return null;
  // A summary that is the body cut short ("…" or "[...]") is not distinct either.
  const cut = norm(standfirst.replace(/(\.\.\.|…|\[\s*(\.\.\.|…)\s*\])\s*$/u, ''));
  if (cut && cut.length > 20 && b.startsWith(cut)) return null;
  return standfirst;
}

/** A title as plain text: markup (escaped or not) removed, character references decoded. */
export function plainTitle(raw: string): string {
  return looksLikeHtml(raw) ? htmlToText(raw) : collapse(decodeEntities(raw));
}
