/**
 * Atom 1.0 (RFC 4287) feeds and entry documents, and Atom 0.3 (issued/modified, mode="escaped|base64|xml").
 * Text constructs are read by their type: text, html, xhtml (inline, the wrapping div dropped) and base64.
 */
import { parseDate } from './dates.js';
import { NS } from './namespaces.js';
import { WireFormatError } from './errors.js';
import { collapse, htmlFieldToBody, htmlToText, plainTitle, xmlToHtml } from './html.js';
import { plainTextToHtml } from '../../domain/text.js';
import { utf8Bytes, type ItemCandidate, type ItemDraft } from './item.js';
import { isImageReference, mediaImages } from './media.js';
import type { WireImage } from './types.js';
import { attr, cleanText, element, elements, inheritedXmlAttr, resolveUrl, textOf, type XElement } from './xml.js';

const ATOM_NS = new Set([NS.atom10, NS.atom03, '']);
const DC_NS = new Set(['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/']);

export function atomCandidates(root: XElement, text: string): ItemCandidate[] {
  if (root.local === 'entry') return [candidate(root, null, text)];
  if (root.local !== 'feed') throw new WireFormatError(`expected an Atom feed, found <${root.name}>`);
  return elements(root, 'entry', ATOM_NS).map((entry) => candidate(entry, root, text));
}

function candidate(entry: XElement, feed: XElement | null, text: string): ItemCandidate {
  return {
    guidHint: cleanText(element(entry, 'id', ATOM_NS)),
    bytes: utf8Bytes(text.slice(entry.start, entry.end)),
    read: () => readEntry(entry, feed),
  };
}

function readEntry(entry: XElement, feed: XElement | null): ItemDraft {
  const atom = (local: string) => element(entry, local, ATOM_NS);
  const title = readText(atom('title'));
  const content = atom('content');
  const summary = readText(atom('summary'));
  const body = content && !attr(content, 'src') ? readText(content) : null;

  let bodyHtml = '';
  let standfirst: string | null = null;
  if (body && body.text) {
    bodyHtml = body.html;
    standfirst = summary?.text || null;
  } else if (summary) {
    bodyHtml = summary.html;
  }

  const links = elements(entry, 'link', ATOM_NS);
  let link: string | null = null;
  const images: WireImage[] = [];
  for (const l of links) {
    const href = attr(l, 'href') ?? (collapse(textOf(l)) || null);
    if (!href) continue;
    const rel = attr(l, 'rel') ?? 'alternate';
    if (rel === 'alternate' && !link) link = resolveUrl(l, href);
    if (rel === 'enclosure' && isImageReference(href, attr(l, 'type'), null)) {
      images.push({ url: resolveUrl(l, href), alt: attr(l, 'title'), caption: null, credit: null });
    }
  }
  if (!link && content && attr(content, 'src')) link = resolveUrl(content, attr(content, 'src') as string);

  const authors = elements(entry, 'author', ATOM_NS).map((a) => cleanText(element(a, 'name', ATOM_NS)) ?? cleanText(a));
  const dcCreators = elements(entry, 'creator', DC_NS).map(cleanText);
  const names = [...authors, ...dcCreators].filter(Boolean) as string[];

  const published =
    date(atom('published')) ?? date(atom('issued')) ?? date(atom('created')) ?? date(elements(entry, 'date', DC_NS)[0]);
  const updated = date(atom('updated')) ?? date(atom('modified'));

  const sourceEl = atom('source');
  const source = sourceEl ? readText(element(sourceEl, 'title', ATOM_NS))?.text || null : null;

  return {
    guid: cleanText(atom('id')),
    headline: title?.text ?? '',
    bodyHtml,
    standfirst,
    byline: names.length ? [...new Set(names)].join(', ') : null,
    language: inheritedXmlAttr(content ?? entry, 'lang') ?? (feed ? inheritedXmlAttr(feed, 'lang') : null),
    subjects: [
      ...elements(entry, 'category', ATOM_NS).map((c) => plainTitle(attr(c, 'label') ?? attr(c, 'term') ?? textOf(c))),
      ...elements(entry, 'subject', DC_NS).map((c) => plainTitle(textOf(c))),
    ],
    publishedAt: published ?? updated,
    updatedAt: updated,
    link,
    source,
    images: [...mediaImages(entry), ...images],
  };
}

function date(el: XElement | null | undefined): string | null {
  return el ? parseDate(textOf(el)) : null;
}

export interface TextConstruct {
  html: string;
  text: string;
}

/** An Atom text construct as HTML and as plain text. */
export function readText(el: XElement | null): TextConstruct | null {
  if (!el) return null;
  const type = (attr(el, 'type') ?? 'text').trim().toLowerCase();
  const mode = (attr(el, 'mode') ?? '').trim().toLowerCase(); // Atom 0.3
  let raw = textOf(el);
  if (mode === 'base64' || (type !== 'text' && type !== 'html' && type !== 'xhtml' && !type.startsWith('text/') && !type.includes('xml') && isBase64(raw))) {
    raw = Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8');
    return fromTyped(type, raw);
  }
  if (type === 'xhtml' || mode === 'xml' || type === 'application/xhtml+xml') {
    const wrapper = elements(el).length === 1 && el.children.every((c) => c.kind === 'element' || !c.text.trim())
      ? elements(el)[0]
      : null;
    // The XHTML div that wraps the content is dropped (also when a feed forgets its namespace).
    const nodes = wrapper && wrapper.local === 'div' ? wrapper.children : el.children;
    const html = xmlToHtml(nodes).trim();
    return { html, text: htmlToText(html) };
  }
  if (mode === 'escaped') return fromTyped(type === 'text' ? 'html' : type, raw);
  return fromTyped(type, raw);
}

function fromTyped(type: string, raw: string): TextConstruct {
  if (type === 'html' || type === 'text/html') {
    return { html: htmlFieldToBody(raw), text: htmlToText(raw) };
  }
  return { html: plainTextToHtml(raw), text: collapse(raw) };
}

function isBase64(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return compact.length > 0 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact);
}
