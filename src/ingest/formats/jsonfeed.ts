/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
import { plainTextToHtml } from '../../domain/text.js';
import { parseDate } from './dates.js';
import { ItemProblem, WireFormatError } from './errors.js';
import { htmlFieldToBody, plainTitle } from './html.js';
import { utf8Bytes, type ItemCandidate, type ItemDraft } from './item.js';
import type { WireImage } from './types.js';

type Json = Record<string, unknown>;

export function jsonFeedCandidates(doc: unknown): ItemCandidate[] {
  if (!isObject(doc)) throw new WireFormatError('JSON Feed is not a JSON object');
  // The spec says a URL (https://jsonfeed.org/version/1.1); some producers write the bare number.
  if (doc.version !== undefined && (typeof doc.version !== 'string' || !/^(https?:\/\/jsonfeed\.org\/version\/)?1(\.[01])?\/?$/.test(doc.version))) {
    throw new WireFormatError(`JSON Feed version ${JSON.stringify(doc.version)} is not one we read (1 or 1.1)`);
  }
  if (!Array.isArray(doc.items)) throw new WireFormatError('JSON Feed has no items array');
  const feedAuthors = authorNames(doc);
  const feedLanguage = typeof doc.language === 'string' ? doc.language : null;
  return doc.items.map((item: unknown) => ({
    guidHint: isObject(item) && (typeof item.id === 'string' || typeof item.id === 'number') ? String(item.id) : null,
    bytes: utf8Bytes(JSON.stringify(item) ?? ''),
    read: () => readItem(item, feedAuthors, feedLanguage),
  }));
}

function readItem(item: unknown, feedAuthors: string[], feedLanguage: string | null): ItemDraft {
  if (!isObject(item)) throw new ItemProblem('item is not a JSON object');
  for (const key of ['title', 'content_html', 'content_text', 'summary', 'url', 'external_url', 'image', 'banner_image', 'date_published', 'date_modified', 'language']) {
    if (item[key] !== undefined && item[key] !== null && typeof item[key] !== 'string') {
      throw new ItemProblem(`item ${key} must be a string, not ${typeof item[key]}`);
    }
  }
  if (item.id !== undefined && typeof item.id !== 'string' && typeof item.id !== 'number') {
    throw new ItemProblem('item id must be a string');
  }
  if (item.tags !== undefined && !Array.isArray(item.tags)) throw new ItemProblem('item tags must be an array of strings');

  const html = str(item.content_html);
  const text = str(item.content_text);
  const summary = str(item.summary);
  let bodyHtml = html ? htmlFieldToBody(html) : text ? plainTextToHtml(text) : '';
  let standfirst = summary;
  if (!bodyHtml && summary) {
    bodyHtml = plainTextToHtml(summary);
    standfirst = null;
  }
  const published = str(item.date_published);
  const modified = str(item.date_modified);
  const authors = authorNames(item);
  const images: WireImage[] = [];
  for (const key of ['image', 'banner_image'] as const) {
    const url = str(item[key]);
    if (url) images.push({ url, alt: null, caption: null, credit: null });
  }
  if (Array.isArray(item.attachments)) {
    for (const attachment of item.attachments) {
      if (!isObject(attachment)) continue;
      const url = str(attachment.url);
      const type = str(attachment.mime_type);
      if (url && type?.toLowerCase().startsWith('image/')) {
        images.push({ url, alt: null, caption: str(attachment.title), credit: null });
      }
    }
  }
  const publishedAt = parseDate(published);
  const updatedAt = parseDate(modified);
  return {
    guid: item.id === undefined || item.id === null ? null : String(item.id),
    headline: plainTitle(str(item.title) ?? ''),
    bodyHtml,
    standfirst,
    byline: (authors.length ? authors : feedAuthors).join(', ') || null,
    language: str(item.language) ?? feedLanguage,
    subjects: Array.isArray(item.tags) ? item.tags.map((t) => (typeof t === 'string' ? t : null)) : [],
    publishedAt: publishedAt ?? updatedAt,
    updatedAt,
    link: str(item.url) ?? str(item.external_url),
    images,
  };
}

/** JSON Feed 1.1 `authors`, or 1.0 `author`. */
function authorNames(o: Json): string[] {
  const list = Array.isArray(o.authors) ? o.authors : isObject(o.author) ? [o.author] : [];
  return list.map((a) => (isObject(a) ? str(a.name) : null)).filter((n): n is string => n !== null);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
