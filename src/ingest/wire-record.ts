/**
 * A parsed wire item as an `ArticleInput`. Pure. The item's GUID is its identity: the same GUID is the same story,
 * so a later version of it updates the article rather than adding another.
 */
import { createHash } from 'node:crypto';
import type { ArticleInput } from '../domain/article.js';
import { InvalidRecordError } from '../domain/errors.js';
import { stripTags } from '../domain/sanitize.js';
import { headlineFromText } from '../domain/text.js';
import type { WireItem } from './formats/index.js';

export interface WireDefaults {
  section: string;
  /** Credit for items that name no provider, e.g. the source's name. */
  source?: string | null;
}

/** The article id of a wire item: stable for its GUID, whatever feed or file it arrives in. */
export function wireArticleId(guid: string): string {
  return `wire-${createHash('sha256').update(guid).digest('hex').slice(0, 32)}`;
}

/** A fingerprint of an item as taken in: the same item again (every field alike) has the same hash. */
export function wireInputHash(input: ArticleInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('base64url');
}

/** Agency urgency (1 flash … 9 lowest) as editorial priority (0 normal … 10 lead). */
export function priorityFromUrgency(urgency: number | null): number {
  if (urgency === null) return 0;
  if (urgency <= 1) return 8;
  if (urgency === 2) return 6;
  if (urgency === 3) return 3;
  return 0;
}

export function wireItemToInput(item: WireItem, defaults: WireDefaults): ArticleInput {
  const headline = item.headline.trim() || headlineFromText(stripTags(item.bodyHtml));
  if (!headline) throw new InvalidRecordError('item has neither a headline nor a body', 'headline');
  const publishedAt = item.publishedAt ?? item.updatedAt;
  const updatedAt = item.updatedAt && publishedAt && item.updatedAt >= publishedAt ? item.updatedAt : publishedAt;
  const image = item.images[0];
  return {
    id: wireArticleId(item.guid),
    headline,
    standfirst: item.standfirst,
    bodyHtml: item.bodyHtml,
    dateline: item.dateline ?? item.located,
    byline: item.byline,
    source: item.source ?? defaults.source ?? null,
    section: defaults.section,
    topics: item.subjects,
    language: item.language ?? 'en',
    status: 'published',
    priority: priorityFromUrgency(item.urgency),
    publishedAt,
    updatedAt,
    embargoUntil: item.embargoUntil,
    image: image
      ? { url: image.url, alt: image.alt ?? image.caption ?? headline, caption: image.caption, credit: image.credit, width: null, height: null }
      : null,
  };
}
