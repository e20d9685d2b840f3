/**
 * One line of a JSON Lines news corpus (the format of the shared data sets: id, title, body, date, dateline,
 * source, category or section, topics, lang) as an `ArticleInput`. Pure; throws `InvalidRecordError` on bad input.
 * A body that opens with a timestamp line ("Posted August 2nd, 2013 at 5:19 pm") dates a record that has no `date`,
 * and its headline, when it has no `title`, comes from the text after that line.
 */
import { createHash } from 'node:crypto';
import type { ArticleInput } from '../domain/article.js';
import { InvalidRecordError } from '../domain/errors.js';
import { headlineFromText, plainTextToHtml, splitParagraphs } from '../domain/text.js';
import { timestampOf } from './timestamp-line.js';

export interface RecordDefaults {
  /** Section for records that name none. */
  section: string;
}

/** Tag lists a corpus may carry; each becomes a topic. (Places are left out: nearly every story has one.) */
const TOPIC_FIELDS = ['topics', 'people', 'orgs'] as const;

export function corpusRecordToInput(record: unknown, defaults: RecordDefaults): ArticleInput {
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new InvalidRecordError('line is not a JSON object');
  }
  const r = record as Record<string, unknown>;
  const title = optionalString(r, 'title');
  const body = optionalString(r, 'body') ?? '';
  const [firstParagraph = '', ...otherParagraphs] = splitParagraphs(body);
  const postedAt = timestampOf(firstParagraph);
  const headline = title?.trim() || headlineFromText(postedAt && otherParagraphs.length ? otherParagraphs.join('\n\n') : body);
  if (!headline) throw new InvalidRecordError('record has neither a title nor a body', 'title');

  const topics: string[] = [];
  for (const field of TOPIC_FIELDS) topics.push(...stringList(r, field));

  return {
    id: recordId(r, headline, body),
    headline,
    bodyHtml: plainTextToHtml(body),
    dateline: optionalString(r, 'dateline'),
    byline: optionalString(r, 'author') ?? optionalString(r, 'byline'),
    source: optionalString(r, 'source'),
    section: optionalString(r, 'category') ?? optionalString(r, 'section') ?? defaults.section,
    topics,
    language: optionalString(r, 'lang') ?? 'en',
    status: 'published',
    publishedAt: optionalString(r, 'date') ?? postedAt?.toISOString() ?? null,
  };
}

/** The record's own id, or, when it has none, one derived from its content so re-imports stay idempotent. */
function recordId(r: Record<string, unknown>, headline: string, body: string): string {
  const id = r.id;
  if (typeof id === 'string' && id.trim()) return id.trim();
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (id !== undefined && id !== null) throw new InvalidRecordError('id must be a string or a number', 'id');
  return `sha-${createHash('sha256').update(`${headline}\n${body}\n${String(r.date ?? '')}`).digest('hex').slice(0, 24)}`;
}

function optionalString(r: Record<string, unknown>, field: string): string | null {
  const value = r[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new InvalidRecordError(`${field} must be a string`, field);
  return value.trim() || null;
}

function stringList(r: Record<string, unknown>, field: string): string[] {
  const value = r[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new InvalidRecordError(`${field} must be a list of strings`, field);
  }
  return value as string[];
}
