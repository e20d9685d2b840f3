/**
 * NITF 3.x (News Industry Text Format), standalone or inside NewsML-G2 inlineXML: head/title, docdata (doc-id,
 * urgency, date.issue, date.release as the embargo when it is later, du-key as slugline, subjects), body.head
 * (hedline/hl1, hl2, byline, dateline, abstract, distributor), body.content to HTML.
 */
import { parseDate } from './dates.js';
import { WireFormatError } from './errors.js';
import { collapse, htmlToText, plainAttrs, xmlToHtml, type ElementMapper } from './html.js';
import { utf8Bytes, type ItemCandidate, type ItemDraft } from './item.js';
import type { WireImage } from './types.js';
import { attr, cleanText, descendants, element, elements, textOf, type XElement } from './xml.js';

/** NITF elements in either no namespace or the NITF namespace (local names are what matter). */
const anyNs = () => true;

export function nitfCandidates(root: XElement, text: string): ItemCandidate[] {
  if (root.local !== 'nitf') throw new WireFormatError(`expected an NITF document, found <${root.name}>`);
  return [
    {
      guidHint: docId(root),
      bytes: utf8Bytes(text.slice(root.start, root.end)),
      read: () => readNitf(root),
    },
  ];
}

function docId(nitf: XElement): string | null {
  const docdata = element(element(nitf, 'head', anyNs), 'docdata', anyNs);
  const id = element(docdata, 'doc-id', anyNs);
  return attr(id, 'id-string') ?? cleanText(id) ?? attr(nitf, 'uno');
}

export function readNitf(nitf: XElement): ItemDraft {
  const head = element(nitf, 'head', anyNs);
  const docdata = element(head, 'docdata', anyNs);
  const body = element(nitf, 'body', anyNs);
  const bodyHead = element(body, 'body.head', anyNs);
  const hedline = element(bodyHead, 'hedline', anyNs);

  const issued = dateAttr(element(docdata, 'date.issue', anyNs));
  const released = dateAttr(element(docdata, 'date.release', anyNs));
  const status = attr(docdata, 'management-status');
  const embargo = released && (status === 'embargoed' || (issued !== null && released > issued)) ? released : null;

  const urgency = Number(attr(element(docdata, 'urgency', anyNs), 'ed-urg'));
  const subjects: (string | null)[] = [];
  for (const subject of descendants(head ?? nitf, 'tobject.subject', anyNs)) {
    subjects.push(attr(subject, 'tobject.subject.detail') ?? attr(subject, 'tobject.subject.matter') ?? attr(subject, 'tobject.subject.type') ?? attr(subject, 'tobject.subject.refnum'));
  }
  for (const classifier of descendants(docdata ?? nitf, 'classifier', anyNs)) subjects.push(attr(classifier, 'value') ?? cleanText(classifier));
  for (const keyword of descendants(docdata ?? nitf, 'keyword', anyNs)) subjects.push(attr(keyword, 'key') ?? cleanText(keyword));

  const byline = element(bodyHead, 'byline', anyNs);
  const { html, images } = nitfBodyHtml(element(body, 'body.content', anyNs));
  const abstract = element(bodyHead, 'abstract', anyNs);

  return {
    guid: docId(nitf),
    headline: cleanText(element(hedline, 'hl1', anyNs)) ?? cleanText(element(head, 'title', anyNs)) ?? '',
    bodyHtml: html,
    standfirst: cleanText(element(hedline, 'hl2', anyNs)) ?? (abstract ? htmlToText(xmlToHtml(abstract.children)) : null),
    byline: byline ? bylineText(byline) : null,
    dateline: datelineText(element(bodyHead, 'dateline', anyNs)),
    slugline: attr(element(docdata, 'du-key', anyNs), 'key'),
    language: nitfLanguage(nitf),
    subjects,
    urgency: Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : null,
    publishedAt: issued,
    updatedAt: null,
    embargoUntil: embargo,
    link: null,
    source:
      cleanText(element(bodyHead, 'distributor', anyNs)) ??
      attr(element(docdata, 'doc.copyright', anyNs), 'holder') ??
      attr(element(head, 'pubdata', anyNs), 'name'),
    images,
  };
}

function nitfLanguage(nitf: XElement): string | null {
  const xmlLang = nitf.attrs.find((a) => a.local === 'lang' || a.local === 'baselang')?.value ?? null;
  if (xmlLang) return xmlLang;
  const body = element(nitf, 'body', anyNs);
  return attr(body, 'lang') ?? body?.attrs.find((a) => a.local === 'lang')?.value ?? null;
}

function dateAttr(el: XElement | null): string | null {
  if (!el) return null;
  return parseDate(attr(el, 'norm') ?? textOf(el));
}

/** A byline without its title line ("By Jo Smith, <byttl>Staff</byttl>" → "By Jo Smith"). */
function bylineText(byline: XElement): string | null {
  const text = byline.children
    .map((c) => (c.kind === 'text' ? c.text : c.local === 'byttl' ? '' : textOf(c)))
    .join('');
  return collapse(text.replace(/[,\s]+$/, '')) || cleanText(byline);
}

function datelineText(dateline: XElement | null): string | null {
  if (!dateline) return null;
  return collapse(textOf(dateline).replace(/\s*[-–—]+\s*$/, '')) || null;
}

/** NITF body.content markup as HTML, with its media as images. */
export function nitfBodyHtml(content: XElement | null): { html: string; images: WireImage[] } {
  if (!content) return { html: '', images: [] };
  const images: WireImage[] = [];
  const mapper: ElementMapper = (el) => {
    switch (el.local) {
      case 'p':
      case 'ul':
      case 'ol':
      case 'li':
      case 'dl':
      case 'dt':
      case 'dd':
      case 'table':
      case 'thead':
      case 'tbody':
      case 'tfoot':
      case 'tr':
      case 'caption':
      case 'em':
      case 'q':
      case 'pre':
      case 'sub':
      case 'sup':
      case 'br':
      case 'hr':
        return { tag: el.local };
      case 'td':
      case 'th':
        return { tag: el.local, attrs: pick(plainAttrs(el), ['colspan', 'rowspan', 'align']) };
      case 'strong':
      case 'b':
        return { tag: 'strong' };
      case 'i':
        return { tag: 'em' };
      case 'a':
        return { tag: 'a', attrs: pick(plainAttrs(el), ['href', 'title']) };
      case 'hl1':
      case 'hl2':
        return { tag: 'h2' };
      case 'bq':
      case 'blockquote':
        return { tag: 'blockquote' };
      case 'credit':
        return { tag: 'cite' };
      case 'media': {
        const image = mediaImage(el);
        if (image) images.push(image);
        return 'drop';
      }
      case 'note':
      case 'fn':
      case 'body.end':
        return 'drop';
      default:
        return 'unwrap';
    }
  };
  const html = xmlToHtml(content.children, mapper)
    .replace(/<p>\s*<\/p>/g, '')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return { html, images };
}

function mediaImage(media: XElement): WireImage | null {
  const type = (attr(media, 'media-type') ?? '').toLowerCase();
  if (type && type !== 'image' && type !== 'photo' && type !== 'graphic') return null;
  // A reference must be a URL (or a path); some agencies put an internal picture id there.
  const refs = elements(media, 'media-reference', anyNs).filter((r) =>
    /^(https?:\/\/|\/)/i.test(attr(r, 'source') ?? attr(r, 'data-location') ?? ''),
  );
  const ref = refs.sort((a, b) => Number(attr(b, 'width') ?? 0) - Number(attr(a, 'width') ?? 0))[0];
  if (!ref) return null;
  return {
    url: (attr(ref, 'source') ?? attr(ref, 'data-location')) as string,
    alt: attr(ref, 'alternate-text') ?? attr(ref, 'name'),
    caption: cleanText(element(media, 'media-caption', anyNs)),
    credit: cleanText(element(media, 'media-producer', anyNs)),
  };
}

function pick(attrs: Record<string, string>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) if (attrs[name] !== undefined) out[name] = attrs[name] as string;
  return out;
}
