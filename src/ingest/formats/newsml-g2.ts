/**
 * IPTC NewsML-G2: a newsItem, or a newsMessage whose itemSet holds newsItems (packages and other items in a
 * message are ignored; they carry references and knowledge, not news text). A document that is itself a
 * packageItem, conceptItem, knowledgeItem, planningItem or catalog yields one item error saying so. Content comes
 * from inlineXML (NITF body.content or an XHTML body) or inlineData (plain text); remoteContent images become
 * images. The namespace is optional (TT sends none) and any prefix works (Reuters sends ns0:).
 */
import { plainTextToHtml } from '../../domain/text.js';
import { parseDate } from './dates.js';
import { NS } from './namespaces.js';
import { ItemProblem, WireFormatError } from './errors.js';
import { collapse, htmlFieldToBody, htmlToText, keepElement, xmlToHtml, type ElementMapper } from './html.js';
import { utf8Bytes, type ItemCandidate, type ItemDraft } from './item.js';
import { nitfBodyHtml, readNitf } from './nitf.js';
import type { ItemError, WireImage } from './types.js';
import { attr, cleanText, descendants, element, elements, XML_NS, textOf, type XElement } from './xml.js';

const G2 = new Set([NS.nar, '']);
const otherItems = new Set(['packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);
const itemKinds: Record<string, string> = {
  packageItem: 'a packageItem (a package of references to other items)',
  conceptItem: 'a conceptItem (knowledge about a concept)',
  knowledgeItem: 'a knowledgeItem (a set of concepts)',
  planningItem: 'a planningItem (planned coverage)',
  catalogItem: 'a catalogItem (a scheme catalog)',
  catalog: 'a catalog (scheme definitions)',
};

export interface G2Document {
  candidates: ItemCandidate[];
  errors: ItemError[];
}

export function newsmlG2Document(root: XElement, text: string): G2Document {
  const g2 = (local: string, el: XElement | null = root) => elements(el, local, G2);
  if (root.local === 'newsItem' && G2.has(root.ns)) return { candidates: [candidate(root, text)], errors: [] };
  if (root.local === 'newsMessage' && G2.has(root.ns)) {
    const newsItems: XElement[] = [];
    const packages: XElement[] = [];
    let others = 0;
    for (const set of g2('itemSet')) {
      for (const el of elements(set)) {
        if (!G2.has(el.ns)) continue;
        if (el.local === 'newsItem') newsItems.push(el);
        else if (el.local === 'packageItem') packages.push(el);
        if (otherItems.has(el.local)) others++;
      }
    }
    if (newsItems.length === 0) {
      if (others > 0) return { candidates: [skipped(root, 'is a newsMessage of packages or knowledge items only, not news content', text)], errors: [] };
      throw new WireFormatError('NewsML-G2 newsMessage has no itemSet with items');
    }
    const media = associateMedia(newsItems, packages);
    return {
      candidates: newsItems.filter((item) => !media.consumed.has(item)).map((item) => candidate(item, text, media.attached.get(item) ?? [])),
      errors: [],
    };
  }
  const kind = itemKinds[root.local];
  if (kind && G2.has(root.ns)) {
    return { candidates: [skipped(root, `is ${kind}, not news content`, text)], errors: [] };
  }
  throw new WireFormatError(`NewsML-G2 document has the root <${root.name}>; expected a newsItem or a newsMessage`);
}

function skipped(el: XElement, why: string, text: string): ItemCandidate {
  return {
    guidHint: attr(el, 'guid'),
    bytes: utf8Bytes(text.slice(el.start, el.end)),
    read: () => {
      throw new ItemProblem(`item ${why}`);
    },
  };
}

function candidate(item: XElement, text: string, media: XElement[] = []): ItemCandidate {
  return {
    guidHint: attr(item, 'guid'),
    bytes: utf8Bytes(text.slice(item.start, item.end)),
    read: () => readNewsItem(item, media),
  };
}

function itemClassOf(item: XElement): string {
  return attr(element(element(item, 'itemMeta', G2), 'itemClass', G2), 'qcode') ?? '';
}

function isTextItem(item: XElement): boolean {
  return /(^|:)text$/i.test(itemClassOf(item));
}

/**
 * Pictures (and other media) that travel with a text item in the same message, tied to it by a package that
 * groups them or by the text item's own links. Such media items become the text item's images and are not
 * reported as items of their own.
 */
function associateMedia(newsItems: XElement[], packages: XElement[]): { attached: Map<XElement, XElement[]>; consumed: Set<XElement> } {
  const byGuid = new Map<string, XElement>();
  for (const item of newsItems) {
    const guid = attr(item, 'guid');
    if (guid) byGuid.set(guid, item);
  }
  const attached = new Map<XElement, XElement[]>();
  const consumed = new Set<XElement>();
  const attach = (textItem: XElement, mediaItem: XElement) => {
    if (mediaItem === textItem || isTextItem(mediaItem)) return;
    const list = attached.get(textItem) ?? [];
    if (!list.includes(mediaItem)) list.push(mediaItem);
    attached.set(textItem, list);
    consumed.add(mediaItem);
  };
  for (const pkg of packages) {
    const refs = descendants(pkg, 'itemRef', G2)
      .map((ref) => byGuid.get(attr(ref, 'residref') ?? ''))
      .filter((item): item is XElement => item !== undefined);
    const textItem = refs.find(isTextItem);
    if (textItem) for (const ref of refs) attach(textItem, ref);
  }
  for (const item of newsItems.filter(isTextItem)) {
    for (const link of elements(element(item, 'itemMeta', G2), 'link', G2)) {
      const target = byGuid.get(attr(link, 'residref') ?? '');
      if (target) attach(item, target);
    }
  }
  return { attached, consumed };
}

function readNewsItem(item: XElement, media: XElement[] = []): ItemDraft {
  const g2 = (local: string, el: XElement | null) => element(el, local, G2);
  const all = (local: string, el: XElement | null) => elements(el, local, G2);
  const guid = attr(item, 'guid');
  if (!guid?.trim()) throw new ItemProblem('item has no guid');
  const itemMeta = g2('itemMeta', item);
  if (!itemMeta) throw new ItemProblem('item has no itemMeta');
  const contentMeta = g2('contentMeta', item);
  const itemLang = attr(item, 'lang', XML_NS);

  const headlines = all('headline', contentMeta);
  const mainHeadline = pickByRole(headlines, (role) => !role || /(^|:)(main|headline)$/i.test(role), itemLang);
  const subHeadline = headlines.find((h) => /(^|:)(sub|subheadline|subhead)$/i.test(attr(h, 'role') ?? '')) ?? null;

  const descriptions = all('description', contentMeta);
  const summary = descriptions.find((d) => /(^|:)(summary|teaser|abstract|lead)$/i.test(attr(d, 'role') ?? ''));
  const caption = descriptions.find((d) => /(^|:)caption$/i.test(attr(d, 'role') ?? ''));
  const plainDescription = descriptions.find((d) => !attr(d, 'role'));

  const content = readContent(item);
  const itemClass = itemClassOf(item);
  const isMedia = /(^|:)(picture|graphic|video|audio|animated)$/i.test(itemClass);

  const version = Number(attr(item, 'version'));
  const versionCreated = parseDate(textOf(g2('versionCreated', itemMeta)));
  const firstCreated = parseDate(textOf(g2('firstCreated', itemMeta)));
  const contentCreated = parseDate(textOf(g2('contentCreated', contentMeta)));
  const contentModified = parseDate(textOf(g2('contentModified', contentMeta)));
  const embargo =
    parseDate(textOf(g2('embargoed', itemMeta))) ??
    parseDate(attr(item, 'embargoed') ?? attr(itemMeta, 'embargoed') ?? attr(g2('pubStatus', itemMeta), 'embargoed'));

  const urgencyText = cleanText(g2('urgency', contentMeta)) ?? cleanText(g2('urgency', itemMeta));
  const urgency = urgencyText && /^\d$/.test(urgencyText) ? Number(urgencyText) : null;

  const located = g2('located', contentMeta);
  const provider = g2('provider', itemMeta);
  const infoSources = all('infoSource', contentMeta);
  const by = all('by', contentMeta).map(cleanText).find(Boolean) ?? null;
  const creators = all('creator', contentMeta)
    .map((c) => cleanText(g2('name', c)) ?? attr(c, 'literal'))
    .filter((n): n is string => !!n && /\s/.test(n));

  const standfirstEl = summary ?? (isMedia ? caption : undefined) ?? plainDescription ?? null;
  const standfirst = standfirstEl ? plainText(standfirstEl) : content.standfirst ?? (subHeadline ? plainText(subHeadline) : null);

  return {
    guid,
    version: Number.isInteger(version) && attr(item, 'version') !== null ? version : null,
    headline: mainHeadline ? plainText(mainHeadline) : content.headline ?? '',
    bodyHtml: content.html,
    standfirst,
    byline: by ?? content.byline ?? (creators.length ? creators.join(', ') : null),
    dateline: cleanText(g2('dateline', contentMeta))?.replace(/\s*[-–—]+\s*$/, '') ?? content.dateline,
    slugline: cleanText(g2('slugline', contentMeta)),
    located: located ? cleanText(g2('name', located)) ?? attr(located, 'literal') : null,
    language: attr(g2('language', contentMeta), 'tag') ?? itemLang,
    subjects: all('subject', contentMeta).map((s) => conceptName(s, itemLang)),
    urgency,
    publishedAt: firstCreated ?? contentCreated ?? versionCreated,
    updatedAt: versionCreated ?? contentModified,
    embargoUntil: embargo,
    link: canonicalLink(itemMeta),
    source:
      cleanText(g2('creditline', contentMeta)) ??
      infoSources.map((s) => partyName(s, itemLang)).find(Boolean) ??
      (provider ? partyName(provider, itemLang) : null),
    images: [
      ...content.images,
      ...remoteImages(item, caption ? plainText(caption) : null),
      ...media.flatMap((m) => {
        const mediaCaption = elements(element(m, 'contentMeta', G2), 'description', G2).find((d) => /(^|:)caption$/i.test(attr(d, 'role') ?? ''));
        return remoteImages(m, mediaCaption ? plainText(mediaCaption) : null);
      }),
    ],
  };
}

/** The headline (or other labelled text) that fits: the role, then the item's language, then the lowest rank. */
function pickByRole(list: XElement[], roleOk: (role: string | null) => boolean, lang: string | null): XElement | null {
  const candidates = list.filter((h) => roleOk(attr(h, 'role')) && cleanText(h));
  const pool = candidates.length ? candidates : list.filter((h) => cleanText(h));
  const inLang = lang ? pool.filter((h) => (attr(h, 'lang', XML_NS) ?? lang) === lang) : pool;
  const ranked = (inLang.length ? inLang : pool).slice().sort((a, b) => rank(a) - rank(b));
  return ranked[0] ?? null;
}

function rank(el: XElement): number {
  const value = Number(attr(el, 'rank'));
  return Number.isFinite(value) && attr(el, 'rank') !== null ? value : 0;
}

function plainText(el: XElement): string {
  return collapse(textOf(el));
}

/** A concept's name (in the item's language when there are several), else its qcode, literal or uri. */
function conceptName(el: XElement, lang: string | null): string | null {
  const names = elements(el, 'name', G2).filter((n) => cleanText(n));
  const named = (lang && names.find((n) => attr(n, 'lang', XML_NS) === lang)) || names.find((n) => !attr(n, 'role')) || names[0];
  if (named) return cleanText(named);
  return attr(el, 'qcode') ?? attr(el, 'literal') ?? attr(el, 'uri');
}

/** A party (provider, info source) by name; a bare qcode loses its scheme alias ("nprov:TT" → "TT"). */
function partyName(el: XElement, lang: string | null): string | null {
  const name = conceptName(el, lang);
  if (!name || elements(el, 'name', G2).some((n) => cleanText(n)) || attr(el, 'literal')) return name;
  return attr(el, 'qcode') ? name.replace(/^[^:]+:/, '') : name;
}

function canonicalLink(itemMeta: XElement | null): string | null {
  for (const link of elements(itemMeta, 'link', G2)) {
    const rel = attr(link, 'rel') ?? '';
    if (/(^|:)(canonical|self|web)$/i.test(rel)) return attr(link, 'href');
  }
  return null;
}

interface Content {
  html: string;
  headline: string | null;
  standfirst: string | null;
  byline: string | null;
  dateline: string | null;
  images: WireImage[];
}

/** The best text rendition in the contentSet: inlineXML (NITF, XHTML) over inlineData. */
function readContent(item: XElement): Content {
  const empty: Content = { html: '', headline: null, standfirst: null, byline: null, dateline: null, images: [] };
  const contentSet = element(item, 'contentSet', G2);
  if (!contentSet) return empty;
  for (const inline of elements(contentSet, 'inlineXML', G2)) {
    const nitf = descendants(inline, 'nitf')[0] ?? (elements(inline)[0]?.local === 'nitf' ? elements(inline)[0] : undefined);
    if (nitf) {
      const draft = readNitf(nitf);
      if (draft.bodyHtml || draft.headline) {
        return {
          html: draft.bodyHtml ?? '',
          headline: draft.headline || null,
          standfirst: draft.standfirst ?? null,
          byline: draft.byline ?? null,
          dateline: draft.dateline ?? null,
          images: (draft.images ?? []).filter((i): i is WireImage => i !== null),
        };
      }
      continue;
    }
    const html = xhtmlBody(inline);
    if (html) return { ...empty, html };
    // Other XML vocabularies (SportsML, NITF-like custom markup): keep their text as paragraphs.
    const bodyContent = descendants(inline, 'body.content')[0];
    if (bodyContent) {
      const { html: nitfHtml, images } = nitfBodyHtml(bodyContent);
      if (nitfHtml) return { ...empty, html: nitfHtml, images };
    }
  }
  for (const inline of elements(contentSet, 'inlineData', G2)) {
    const type = (attr(inline, 'contenttype') ?? 'text/plain').toLowerCase();
    const data = textOf(inline);
    if (!data.trim()) continue;
    if (/html/.test(type)) return { ...empty, html: htmlFieldToBody(data) };
    if (type.startsWith('text/')) return { ...empty, html: plainTextToHtml(data) };
  }
  return empty;
}

/** HTML elements that may stand at the top of an inline XHTML fragment sent without a namespace. */
const htmlBlocks = new Set(['p', 'div', 'section', 'article', 'h2', 'h3', 'h4', 'ul', 'ol', 'blockquote', 'table', 'figure', 'pre']);

/**
 * An XHTML rendition's body: the <body> of an html document, an XHTML element, or a run of bare HTML blocks
 * (<p>…); dpa-style headers are left out. Other vocabularies (SportsML, event lists) are not body text.
 */
function xhtmlBody(inline: XElement): string {
  const roots = elements(inline);
  const root = roots[0];
  if (!root) return '';
  let body: XElement | null;
  if (root.local === 'html') body = elements(root).find((e) => e.local === 'body') ?? null;
  else if (root.ns === NS.xhtml) body = root;
  // Bare HTML inside NewsML-G2 inherits the NewsML-G2 default namespace.
  else if (roots.every((r) => (r.ns === '' || r.ns === NS.nar) && htmlBlocks.has(r.local))) body = inline;
  else return '';
  if (!body) return '';
  const main = descendants(body, 'section').find((s) => /(^|\s)main(\s|$)/.test(attr(s, 'class') ?? ''));
  // The headline travels in contentMeta; an <h1> in the body repeats it, and a <header> holds metadata.
  const dropped = new Set(['header', 'head', 'h1', 'script', 'style']);
  const mapper: ElementMapper = (el) => (dropped.has(el.local) ? 'drop' : keepElement(el));
  const html = xmlToHtml((main ?? body).children, mapper).trim();
  return htmlToText(html) ? html : '';
}

/** Pictures in remoteContent (a picture item's own renditions): the largest, or one marked as the base or high-res. */
function remoteImages(item: XElement, caption: string | null): WireImage[] {
  const contentSet = element(item, 'contentSet', G2);
  const remotes = elements(contentSet, 'remoteContent', G2).filter((r) => {
    const href = attr(r, 'href') ?? attr(r, 'residref');
    const type = (attr(r, 'contenttype') ?? '').toLowerCase();
    return href && /^https?:/i.test(href) && (type.startsWith('image/') || (!type && /\.(jpe?g|png|gif|webp)(\?|$)/i.test(href)));
  });
  if (remotes.length === 0) return [];
  const preferred =
    remotes.find((r) => /(^|:)(baseImage|highRes|hires|original)$/i.test(attr(r, 'rendition') ?? '')) ??
    remotes.slice().sort((a, b) => Number(attr(b, 'width') ?? 0) * Number(attr(b, 'height') ?? 0) - Number(attr(a, 'width') ?? 0) * Number(attr(a, 'height') ?? 0))[0];
  if (!preferred) return [];
  const contentMeta = element(item, 'contentMeta', G2);
  const credit = cleanText(element(contentMeta, 'creditline', G2)) ?? cleanText(element(contentMeta, 'by', G2));
  const headline = cleanText(element(contentMeta, 'headline', G2));
  return [{ url: (attr(preferred, 'href') ?? attr(preferred, 'residref')) as string, alt: headline, caption, credit }];
}
