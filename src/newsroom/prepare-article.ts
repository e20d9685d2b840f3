/**
 * From an `ArticleInput` (import, demo, later the editor) to a storable `ArticleWrite`: validated, normalised,
 * sanitized and indexed. Pure, so every rule here is tested without a database.
 */
import { type ArticleInput, type ArticleStatus, articleStatuses } from '../domain/article.js';
import { InvalidRecordError } from '../domain/errors.js';
import { sanitizeBodyHtml, sanitizedBodyText } from '../domain/sanitize.js';
// The pure extractor alone, not the curation barrel: the preparing worker loads this module, and the barrel would
// bring Hot Topics' language model and the store with it (0.2 s more before a bulk import's first document).
import { extractTerms } from '../curation/terms.js';
import type { ArticleWrite } from '../store/index.js';

export const MAX_HEADLINE_LENGTH = 300;
export const MAX_BODY_LENGTH = 1_000_000;
export const MAX_PRIORITY = 10;

export interface PrepareContext {
  now: Date;
  newId: () => string;
}

export function prepareArticle(input: ArticleInput, context: PrepareContext): ArticleWrite {
  const headline = plainText(requireText(input.headline, 'headline'));
  if (headline.length > MAX_HEADLINE_LENGTH) {
    throw new InvalidRecordError(`headline is ${headline.length} characters; the most is ${MAX_HEADLINE_LENGTH}`, 'headline');
  }
  if (typeof input.bodyHtml !== 'string') throw new InvalidRecordError('body must be a string', 'body');
  if (input.bodyHtml.length > MAX_BODY_LENGTH) {
    throw new InvalidRecordError(`body is ${input.bodyHtml.length} characters; the most is ${MAX_BODY_LENGTH}`, 'body');
  }
  const section = requireText(input.section, 'section');
  const status = parseStatus(input.status ?? 'published');
  const priority = input.priority ?? 0;
  if (!Number.isInteger(priority) || priority < 0 || priority > MAX_PRIORITY) {
    throw new InvalidRecordError(`priority must be a whole number from 0 to ${MAX_PRIORITY}`, 'priority');
  }
  const now = context.now.toISOString();
  const publishedAt = parseTime(input.publishedAt, 'publishedAt') ?? (status === 'published' ? now : null);
  const updatedAt = parseTime(input.updatedAt, 'updatedAt') ?? publishedAt ?? now;
  if (publishedAt && updatedAt < publishedAt) {
    throw new InvalidRecordError('updatedAt is earlier than publishedAt', 'updatedAt');
  }
  const scheduledAt = parseTime(input.scheduledAt, 'scheduledAt');
  if (status === 'scheduled' && !scheduledAt) throw new InvalidRecordError('a scheduled story needs scheduledAt', 'scheduledAt');
  const embargoUntil = parseTime(input.embargoUntil, 'embargoUntil');
  const bodyHtml = sanitizeBodyHtml(input.bodyHtml);
  const topics = (input.topics ?? []).map((t) => t.trim()).filter(Boolean);

  return {
    id: input.id?.trim() || context.newId(),
    headline,
    standfirst: optionalText(input.standfirst),
    bodyHtml,
    dateline: optionalText(input.dateline),
    byline: optionalText(input.byline),
    authors: (input.authors ?? []).map((a) => a.trim()).filter(Boolean),
    source: optionalText(input.source),
    section,
    topics,
    language: optionalText(input.language) ?? 'en',
    status,
    priority,
    publishedAt,
    updatedAt,
    image: input.image ?? null,
    scheduledAt: status === 'scheduled' ? scheduledAt : null,
    embargoUntil,
    terms: extractTerms({ headline, text: sanitizedBodyText(bodyHtml), topics, section }),
  };
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim()) throw new InvalidRecordError(`${field} is required`, field);
  return value.trim();
}

/**
 * Headlines, standfirsts, datelines and bylines are plain text: wire copy like "<IBM> RAISES DIVIDEND" keeps its
 * angle brackets, and the site escapes them when it prints. Only whitespace is normalised.
 */
function plainText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? plainText(value) : null;
}

function parseStatus(value: string): ArticleStatus {
  if ((articleStatuses as readonly string[]).includes(value)) return value as ArticleStatus;
  throw new InvalidRecordError(`status must be one of ${articleStatuses.join(', ')}`, 'status');
}

/** ISO 8601 to canonical UTC; a time without an offset is read as UTC, as the corpora's README specifies. */
export function parseTime(value: unknown, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new InvalidRecordError(`${field} must be an ISO 8601 string`, field);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim());
  const ms = Date.parse(hasZone || !value.includes('T') ? value : `${value}Z`);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new InvalidRecordError(`${field} "${value}" is not an ISO 8601 time`, field);
  }
  return new Date(ms).toISOString();
}
