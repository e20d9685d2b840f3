/**
 * From a format's raw reading of one item (a draft) to a `WireItem`, and the document driver every format shares:
 * limits, per-item errors, identities for items that have none.
 */
import { createHash } from 'node:crypto';
import { headlineFromText } from '../../domain/text.js';
import { ItemProblem } from './errors.js';
import { collapse, distinctFromBody, htmlToText } from './html.js';
import type { ItemError, ParseLimits, WireFormat, WireImage, WireItem, ParsedDocument } from './types.js';

export interface ItemDraft {
  guid?: string | null;
  version?: number | null;
  headline?: string | null;
  bodyHtml?: string | null;
  standfirst?: string | null;
  byline?: string | null;
  dateline?: string | null;
  slugline?: string | null;
  located?: string | null;
  language?: string | null;
  subjects?: (string | null | undefined)[];
  urgency?: number | null;
  publishedAt?: string | null;
  updatedAt?: string | null;
  embargoUntil?: string | null;
  link?: string | null;
  source?: string | null;
  images?: (WireImage | null)[];
}

/** One item of a document, read on demand so that limits apply before the work is done. */
export interface ItemCandidate {
  /** The identity when it can be seen without reading the item (for error reports). */
  guidHint: string | null;
  /** Size of the item's source, in bytes. */
  bytes: number;
  read(): ItemDraft;
}

export function runDocument(
  format: WireFormat,
  candidates: readonly ItemCandidate[],
  limits: Required<ParseLimits>,
  documentErrors: ItemError[] = [],
): ParsedDocument {
  const items: WireItem[] = [];
  const errors: ItemError[] = [...documentErrors];
  const count = Math.min(candidates.length, limits.maxItems);
  for (let index = 0; index < count; index++) {
    const candidate = candidates[index] as ItemCandidate;
    const guid = candidate.guidHint;
    if (candidate.bytes > limits.maxItemBytes) {
      errors.push({ index, guid, message: `item ${index + 1} is ${formatBytes(candidate.bytes)}; the limit is ${formatBytes(limits.maxItemBytes)}` });
      continue;
    }
    try {
      items.push(finishItem(candidate.read()));
    } catch (error) {
      if (!(error instanceof ItemProblem)) throw error;
      errors.push({ index, guid, message: error.message.replace(/^item\b/, `item ${index + 1}`) });
    }
  }
  if (candidates.length > count) {
    errors.push({
      index: count,
      guid: null,
      message: `items ${count + 1}–${candidates.length} skipped: the document has ${candidates.length} items; the limit is ${limits.maxItems}`,
    });
  }
  errors.sort((a, b) => a.index - b.index);
  return { format, items, errors };
}

/**
 * Checks and normalises a draft. Problems are thrown as `ItemProblem` with messages that begin with "item", which
 * the driver numbers from 1, as the importer reports them ("item 4 has no title or content").
 */
export function finishItem(draft: ItemDraft): WireItem {
  const bodyHtml = (draft.bodyHtml ?? '').trim();
  const bodyText = bodyHtml ? htmlToText(bodyHtml) : '';
  let headline = collapse(stripControls(draft.headline ?? ''));
  if (!headline && !bodyText) throw new ItemProblem('item has no title or content');
  if (!headline) headline = headlineFromText(bodyText);
  const link = nonEmpty(draft.link);
  const publishedAt = draft.publishedAt ?? null;
  const guid = nonEmpty(draft.guid) ?? derivedGuid(link, headline, publishedAt ?? draft.updatedAt ?? null);
  return {
    guid,
    version: draft.version ?? null,
    headline,
    // A body without text is kept only when it carries media (a picture with a headline is still a story).
    bodyHtml: bodyText || /<(img|figure|video|audio|iframe|table)\b/i.test(bodyHtml) ? bodyHtml : '',
    standfirst: distinctStandfirst(nonEmpty(draft.standfirst), headline, bodyText ? bodyHtml : ''),
    byline: nonEmpty(draft.byline),
    dateline: nonEmpty(draft.dateline),
    slugline: nonEmpty(draft.slugline),
    located: nonEmpty(draft.located),
    language: nonEmpty(draft.language),
    subjects: unique((draft.subjects ?? []).map((s) => nonEmpty(s)).filter((s): s is string => s !== null)),
    urgency: validUrgency(draft.urgency),
    publishedAt,
    updatedAt: draft.updatedAt ?? null,
    embargoUntil: draft.embargoUntil ?? null,
    link,
    // A source is a name; feeds sometimes put the source's URL there (dc:source), which is not one.
    source: nonEmpty(draft.source)?.match(/^[a-z][a-z0-9+.-]*:\/\//i) ? null : nonEmpty(draft.source),
    images: uniqueImages(draft.images ?? []),
  };
}

/** C0 and C1 control characters other than tab and line breaks (XML 1.0 forbids most; some feeds carry them). */
function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
}

/** A standfirst that neither repeats the headline nor is the opening of the body. */
function distinctStandfirst(standfirst: string | null, headline: string, bodyHtml: string): string | null {
  if (!standfirst) return null;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (norm(standfirst) === norm(headline)) return null;
  return distinctFromBody(standfirst, bodyHtml);
}

export function derivedGuid(link: string | null, headline: string, date: string | null): string {
  const digest = createHash('sha256').update(`${link ?? ''}\n${headline}\n${date ?? ''}`).digest('hex');
  return `sha-${digest.slice(0, 24)}`;
}

function nonEmpty(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = collapse(stripControls(value));
  return text || null;
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

function uniqueImages(images: (WireImage | null)[]): WireImage[] {
  const byUrl = new Map<string, WireImage>();
  for (const image of images) {
    if (!image?.url.trim()) continue;
    const url = image.url.trim();
    const known = byUrl.get(url);
    const clean = {
      url,
      alt: nonEmpty(image.alt),
      caption: nonEmpty(image.caption),
      credit: nonEmpty(image.credit),
    };
    if (!known) byUrl.set(url, clean);
    else byUrl.set(url, { url, alt: known.alt ?? clean.alt, caption: known.caption ?? clean.caption, credit: known.credit ?? clean.credit });
  }
  return [...byUrl.values()];
}

function validUrgency(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9 ? value : null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trimNumber(bytes / 1024)} kB`;
  return `${trimNumber(bytes / (1024 * 1024))} MB`;
}

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** Bytes of UTF-8 a piece of text takes. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
