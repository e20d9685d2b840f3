/**
 * Content API v1: published articles as JSON for apps and partners. A public contract: fields are added, never
 * renamed. Lists are newest first with opaque keyset cursors, so paging stays stable while news is published.
 */
import type { FastifyPluginAsync } from 'fastify';
import { type Article, type ArticleSummary, articlePath } from '../domain/article.js';
import type { Clock } from '../domain/clock.js';
import type { Edition } from '../domain/edition.js';
import { InvalidCursorError, NotFoundError } from '../domain/errors.js';
import type { Curation } from '../curation/index.js';
import type { Store } from '../store/index.js';
import { sendProblem } from './problem.js';

export interface ContentApiOptions {
  store: Store;
  curation: Curation;
  clock: Clock;
  edition: Edition;
}

const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    section: { type: 'string', minLength: 1, maxLength: 200 },
    topic: { type: 'string', minLength: 1, maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    cursor: { type: 'string', minLength: 1, maxLength: 500 },
  },
} as const;

interface ListQuery {
  section?: string;
  topic?: string;
  limit: number;
  cursor?: string;
}

export function encodeCursor(story: Pick<ArticleSummary, 'publishedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([story.publishedAt, story.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { publishedAt: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      const [publishedAt, id] = value as [string, string];
      if (!Number.isNaN(Date.parse(publishedAt))) return { publishedAt, id };
    }
  } catch {
    // Falls through to the error below: a cursor is opaque, so any damage gets the same answer.
  }
  throw new InvalidCursorError('cursor is not one this API issued; start again without it');
}

export const contentApi: FastifyPluginAsync<ContentApiOptions> = async (app, { store, curation, clock, edition }) => {
  const tz = edition.timeZone;
  const summaryJson = (a: ArticleSummary) => ({
    id: a.id,
    url: articlePath(a, tz),
    headline: a.headline,
    standfirst: a.standfirst,
    section: a.section.name,
    source: a.source?.name ?? null,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
  });
  const articleJson = (a: Article, related: ArticleSummary[]) => ({
    ...summaryJson(a),
    sectionSlug: a.section.slug,
    dateline: a.dateline,
    byline: a.byline,
    bodyHtml: a.bodyHtml,
    language: a.language,
    topics: a.topics.map((t) => ({ slug: t.slug, name: t.name })),
    image: a.image,
    firstPublishedAt: a.firstPublishedAt,
    revision: a.revision,
    related: related.map(summaryJson),
  });

  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new NotFoundError(`No API route ${request.method} ${request.url.split('?')[0]}`)),
  );

  app.get<{ Querystring: ListQuery }>('/articles', { schema: { querystring: listQuerySchema } }, async (request) => {
    const { section, topic, limit, cursor } = request.query;
    const now = clock.now().toISOString();
    const filter: { sectionId?: string; topicId?: string } = {};
    if (section) {
      const found = await store.taxonomy.sectionBySlug(section);
      if (!found) return { items: [], nextCursor: null };
      filter.sectionId = found.id;
    }
    if (topic) {
      const found = await store.taxonomy.topicBySlug(topic);
      if (!found) return { items: [], nextCursor: null };
      filter.topicId = found.id;
    }
    const rows = await store.articles.list({
      now,
      ...filter,
      limit: limit + 1,
      ...(cursor ? { before: decodeCursor(cursor) } : {}),
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(summaryJson), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  });

  app.get<{ Params: { id: string } }>('/articles/:id', async (request) => {
    const now = clock.now();
    const article = await store.articles.findById(request.params.id, now.toISOString());
    if (!article) throw new NotFoundError(`No published article with id "${request.params.id}"`, { id: request.params.id });
    return articleJson(article, await curation.relatedFor(article, now));
  });
};
