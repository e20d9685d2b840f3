/**
 * RSS 0.9x, 2.0 (with the content, Dublin Core, Media RSS and Atom modules) and RSS 1.0 / 0.90 (RDF, items beside
 * the channel). WordPress WXR is RSS 2.0 and reads as such.
 */
import { parseDate } from './dates.js';
import { NS } from './namespaces.js';
import { WireFormatError } from './errors.js';
import { collapse, htmlFieldToBody, htmlToText, plainTitle, xmlToHtml } from './html.js';
import { utf8Bytes, type ItemCandidate, type ItemDraft } from './item.js';
import { isImageReference, mediaImages } from './media.js';
import type { WireImage } from './types.js';
import {
  attr, cleanText, element, elements, inheritedXmlAttr, resolveUrl, textOf, type XElement,
} from './xml.js';

const RSS_NS = new Set(['', 'http://backend.userland.com/rss2', 'http://backend.userland.com/rss', NS.rss10, NS.rss090]);
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = new Set(['http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/']);
const DCTERMS_NS = 'http://purl.org/dc/terms/';
const ATOM_NS = new Set([NS.atom10, NS.atom03]);
const XHTML_NS = NS.xhtml;

export function rssCandidates(root: XElement, text: string): ItemCandidate[] {
  if (root.local === 'rss') {
    // A feed without a channel (or a channel without items) is an empty feed, not a broken one.
    const channel = element(root, 'channel', RSS_NS);
    const items = [...elements(channel, 'item', RSS_NS), ...elements(root, 'item', RSS_NS)];
    return items.map((item) => candidate(item, channel ?? root, text));
  }
  if (root.local === 'RDF' && root.ns === NS.rdf) {
    const channel = element(root, 'channel', RSS_NS);
    const items = elements(root, 'item', RSS_NS);
    return items.map((item) => candidate(item, channel ?? root, text));
  }
  throw new WireFormatError(`expected an RSS document, found <${root.name}>`);
}

function candidate(item: XElement, channel: XElement, text: string): ItemCandidate {
  return {
    guidHint: cleanText(element(item, 'guid', RSS_NS)) ?? cleanText(element(item, 'link', RSS_NS)),
    bytes: utf8Bytes(text.slice(item.start, item.end)),
    read: () => readItem(item, channel),
  };
}

function readItem(item: XElement, channel: XElement): ItemDraft {
  const rss = (local: string) => element(item, local, RSS_NS);
  const dc = (local: string) => elements(item, local, DC_NS);

  const link = firstLink(item);
  const guid = cleanText(rss('guid')) ?? attr(item, 'about', NS.rdf) ?? link;

  const encoded = element(item, 'encoded', CONTENT_NS) ?? element(item, 'encoded', '');
  const xhtmlBody = element(item, 'body', XHTML_NS) ?? element(item, 'div', XHTML_NS);
  const description = rss('description');
  const descriptionHtml = description ? htmlFieldToBody(textOf(description)) : '';
  let bodyHtml = '';
  let standfirst: string | null = null;
  if (encoded && textOf(encoded).trim()) {
    bodyHtml = htmlFieldToBody(textOf(encoded));
    standfirst = descriptionHtml ? htmlToText(descriptionHtml) : null;
  } else if (xhtmlBody) {
    bodyHtml = xmlToHtml(xhtmlBody.children);
    standfirst = descriptionHtml ? htmlToText(descriptionHtml) : null;
  } else {
    bodyHtml = descriptionHtml;
  }

  const authors = [...dc('creator').map(cleanText), personName(cleanText(rss('author')))].filter(Boolean) as string[];
  const published =
    parseDate(textOf(rss('pubDate'))) ??
    firstDate(dc('date')) ??
    firstDate(elements(item, 'issued', DCTERMS_NS)) ??
    firstDate(elements(item, 'created', DCTERMS_NS)) ??
    firstDate(elements(item, 'published', ATOM_NS));
  const updated = firstDate(elements(item, 'modified', DCTERMS_NS)) ?? firstDate(elements(item, 'updated', ATOM_NS));

  const subjects = [
    ...elements(item, 'category', RSS_NS).map((c) => plainTitle(textOf(c))),
    ...dc('subject').map((c) => plainTitle(textOf(c))),
  ];

  return {
    guid,
    headline: plainTitle(textOf(rss('title'))),
    bodyHtml,
    standfirst,
    byline: authors.length ? [...new Set(authors)].join(', ') : null,
    language:
      cleanText(dc('language')[0]) ??
      cleanText(element(channel, 'language', RSS_NS)) ??
      cleanText(elements(channel, 'language', DC_NS)[0]) ??
      inheritedXmlAttr(item, 'lang'),
    subjects,
    publishedAt: published ?? updated,
    updatedAt: updated,
    link,
    source: cleanText(rss('source')) ?? cleanText(dc('publisher')[0]) ?? cleanText(dc('source')[0]),
    images: [...mediaImages(item), ...enclosureImages(item)],
  };
}

function firstLink(item: XElement): string | null {
  for (const link of elements(item, 'link', RSS_NS)) {
    const href = collapse(textOf(link));
    if (href) return resolveUrl(link, href);
  }
  for (const link of elements(item, 'link', ATOM_NS)) {
    const rel = attr(link, 'rel') ?? 'alternate';
    const href = attr(link, 'href');
    if (href && rel === 'alternate') return resolveUrl(link, href);
  }
  const about = attr(item, 'about', NS.rdf);
  return about ? resolveUrl(item, about) : null;
}

function enclosureImages(item: XElement): WireImage[] {
  const out: WireImage[] = [];
  for (const enclosure of elements(item, 'enclosure', RSS_NS)) {
    const url = attr(enclosure, 'url');
    if (url && isImageReference(url, attr(enclosure, 'type'), null)) {
      out.push({ url: resolveUrl(enclosure, url), alt: null, caption: null, credit: null });
    }
  }
  return out;
}

function firstDate(els: XElement[]): string | null {
  for (const el of els) {
    const date = parseDate(textOf(el));
    if (date) return date;
  }
  return null;
}


/** RSS `author` is an e-mail address, often with the name in parentheses: "jo@example.com (Jo Smith)". */
function personName(author: string | null): string | null {
  if (!author) return null;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(author);
  if (m?.[1]) return m[1].trim();
  return author;
}
