/**
 * Sections, sources, topics, authors and images. Their ids are their slugs, so "ensure this name exists" is one
 * idempotent insert inside the caller's transaction, with no read-back.
 */
import { createHash } from 'node:crypto';
import { type Kysely, type SelectQueryBuilder, type Transaction, sql } from 'kysely';
import type { Image, Section, Source, Topic } from '../domain/article.js';
import { nameFromSlug, slugify } from '../domain/slug.js';
import { rowChunks } from './chunks.js';
import type { Database } from './schema.js';

export interface TopicCount {
  topic: Topic;
  count: number;
}

export class TaxonomyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async ensureSection(trx: Transaction<Database>, name: string): Promise<string> {
    const slug = slugify(name) || 'news';
    await trx
      .insertInto('section')
      .values({
        id: slug,
        slug,
        name: name.trim() === slug ? nameFromSlug(slug) : name.trim(),
        position: sql<number>`(select coalesce(max(position), 0) + 1 from section)`,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return slug;
  }

  async ensureSource(trx: Transaction<Database>, name: string): Promise<string> {
    const slug = slugify(name) || 'unknown';
    await trx
      .insertInto('source')
      .values({ id: slug, slug, name: name.trim(), credit_line: `(${name.trim()})` })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return slug;
  }

  /**
   * Ensures every topic named in `lists` (one list per story) with one statement per chunk; returns each list's
   * topic ids in their given order, without duplicates. A slug named twice keeps its first spelling.
   */
  async ensureTopicLists(trx: Transaction<Database>, lists: string[][]): Promise<string[][]> {
    return this.ensureNamedLists(trx, 'topic', lists);
  }

  async ensureAuthorLists(trx: Transaction<Database>, lists: string[][]): Promise<string[][]> {
    return this.ensureNamedLists(trx, 'author', lists);
  }

  private async ensureNamedLists(trx: Transaction<Database>, table: 'topic' | 'author', lists: string[][]) {
    const rows = new Map<string, { id: string; slug: string; name: string }>();
    const ids = lists.map((names) => {
      const slugs = new Set<string>();
      for (const raw of names) {
        const name = raw.trim();
        const slug = slugify(name);
        if (!slug) continue;
        slugs.add(slug);
        if (!rows.has(slug)) rows.set(slug, { id: slug, slug, name: name === slug ? nameFromSlug(slug) : name });
      }
      return [...slugs];
    });
    for (const chunk of rowChunks([...rows.values()])) {
      await trx
        .insertInto(table)
        .values(chunk)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    return ids;
  }

  async ensureImage(trx: Transaction<Database>, image: Omit<Image, 'id'>): Promise<string> {
    const id = createHash('sha256').update(JSON.stringify(image)).digest('base64url').slice(0, 22);
    await trx
      .insertInto('image')
      .values({ id, ...image })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return id;
  }

  async sections(): Promise<Section[]> {
    return this.db.selectFrom('section').selectAll().orderBy('position').orderBy('id').execute();
  }

  async sectionBySlug(slug: string): Promise<Section | null> {
    return (await this.db.selectFrom('section').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
  }

  async topicBySlug(slug: string): Promise<Topic | null> {
    return (await this.db.selectFrom('topic').selectAll().where('slug', '=', slug).executeTakeFirst()) ?? null;
  }

  /** The topics among `ids`, in the order given. */
  async topicsByIds(ids: string[]): Promise<Topic[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom('topic').selectAll().where('id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async sourceBySlug(slug: string): Promise<Source | null> {
    const row = await this.db.selectFrom('source').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? { id: row.id, slug: row.slug, name: row.name, creditLine: row.credit_line } : null;
  }

  /** How often each topic tags stories published in [since, now]; most frequent first, then by slug. */
  async topicFrequencies(since: string, now: string, limit: number): Promise<TopicCount[]> {
    const inWindow = this.db
      .selectFrom('article')
      .select('id')
      .where('status', '=', 'published')
      .where('published_at', '>=', since)
      .where('published_at', '<=', now);
    return this.countTopics(inWindow, limit);
  }

  /** Topic frequencies over the newest `window` published stories: the fallback for a day with no news yet. */
  async topicFrequenciesOfNewest(window: number, now: string, limit: number): Promise<TopicCount[]> {
    const newest = this.db
      .selectFrom('article')
      .select('id')
      .where('status', '=', 'published')
      .where('published_at', '<=', now)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(window);
    return this.countTopics(newest, limit);
  }

  private async countTopics(articles: SelectQueryBuilder<Database, 'article', { id: string }>, limit: number) {
    const rows = await this.db
      .selectFrom('article_topic as at')
      .innerJoin(articles.as('chosen'), 'chosen.id', 'at.article_id')
      .innerJoin('topic as t', 't.id', 'at.topic_id')
      .groupBy(['t.id', 't.slug', 't.name'])
      .select(['t.id', 't.slug', 't.name', (eb) => eb.fn.countAll<number>().as('n')])
      .orderBy('n', 'desc')
      .orderBy('t.slug')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ topic: { id: r.id, slug: r.slug, name: r.name }, count: Number(r.n) }));
  }
}
