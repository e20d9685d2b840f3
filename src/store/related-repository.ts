/** The related-stories index (terms with document frequencies) and its read model (each article's related list). */
import type { Kysely } from 'kysely';
import type { ArticleSummary } from '../domain/article.js';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';
import { selectSummaries, toSummary } from './summaries.js';
import { type IndexedTerm, type TermPosting, allPostings, postingsOf, termsOfStories } from './related-index.js';

/** What the ranking needs to know of a shortlisted story. */
export interface RelatedCandidate {
  id: string;
  headline: string;
  publishedAt: string;
  terms: IndexedTerm[];
}

export interface RelatedTarget {
  id: string;
  headline: string;
  publishedAt: string;
  terms: IndexedTerm[];
}

export interface RelatedEntry {
  relatedId: string;
  score: number;
}

/** An editor's changes to one article's computed related list. */
export interface RelatedOverrides {
  /** Shown first, in this order. */
  pinned: string[];
  /** Never shown. */
  excluded: string[];
}

export class RelatedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** An article as the related-stories ranking sees it: headline, time and indexed terms; null if unknown. */
  async target(articleId: string): Promise<RelatedTarget | null> {
    const article = await this.db
      .selectFrom('article')
      .select(['id', 'headline', 'published_at', 'updated_at'])
      .where('id', '=', articleId)
      .executeTakeFirst();
    if (!article) return null;
    const terms = await this.termsOf(articleId);
    return { id: article.id, headline: article.headline, publishedAt: article.published_at ?? article.updated_at, terms };
  }

  async termsOf(articleId: string): Promise<IndexedTerm[]> {
    return (await termsOfStories(this.db, [articleId])).get(articleId) ?? [];
  }

  /** Every article other than `excludeId` that carries one of `terms`, with that term's weight. */
  async postings(terms: string[], excludeId: string): Promise<TermPosting[]> {
    return postingsOf(this.db, terms, excludeId);
  }

  /** Headline, time and indexed terms of those of `ids` that are published. */
  async candidates(ids: string[]): Promise<RelatedCandidate[]> {
    if (!ids.length) return [];
    const terms = await termsOfStories(this.db, ids);
    // Status is checked here rather than in SQL: a status condition tempts SQLite's planner into scanning the
    // status index instead of looking the ids up by primary key.
    const rows = await this.db
      .selectFrom('article')
      .select(['id', 'headline', 'status', 'published_at', 'updated_at'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    return rows
      .filter((r) => r.status === 'published')
      .map((r) => ({ id: r.id, headline: r.headline, publishedAt: r.published_at ?? r.updated_at, terms: terms.get(r.id) ?? [] }));
  }

  async replace(articleId: string, entries: RelatedEntry[]): Promise<void> {
    await this.replaceMany(new Map([[articleId, entries]]));
  }

  /** Stories queued for relating since they last changed, oldest first. */
  async queued(limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('relate_queue').select('article_id').orderBy('queued_at').orderBy('article_id').limit(limit).execute();
    return rows.map((r) => r.article_id);
  }

  /** Replaces the related lists of every article in `lists` and takes them off the queue, in one transaction. */
  async replaceMany(lists: Map<string, RelatedEntry[]>): Promise<void> {
    if (!lists.size) return;
    const rows = [...lists].flatMap(([articleId, entries]) =>
      entries.map((e, position) => ({ article_id: articleId, related_id: e.relatedId, position, score: e.score })),
    );
    await this.db.transaction().execute(async (trx) => {
      for (const ids of chunks([...lists.keys()], 500)) {
        await trx.deleteFrom('article_related').where('article_id', 'in', ids).execute();
        await trx.deleteFrom('relate_queue').where('article_id', 'in', ids).execute();
      }
      for (const chunk of chunks(rows, 1_000)) await trx.insertInto('article_related').values(chunk).execute();
    });
  }

  /** The articles whose stored lists show any of `relatedIds` (to refresh when those change). */
  async listing(relatedIds: string[]): Promise<string[]> {
    const out = new Set<string>();
    for (const ids of chunks(relatedIds, 500)) {
      const rows = await this.db.selectFrom('article_related').select('article_id').where('related_id', 'in', ids).execute();
      for (const r of rows) out.add(r.article_id);
    }
    return [...out].sort();
  }

  /** Ids of every published article. */
  async publishedIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('article').select('id').where('status', '=', 'published').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  /** The editors' pins and exclusions of each of `articleIds` that has any. */
  async overridesOf(articleIds: string[]): Promise<Map<string, RelatedOverrides>> {
    const out = new Map<string, RelatedOverrides>();
    for (const ids of chunks(articleIds, 500)) {
      const rows = await this.db
        .selectFrom('related_override')
        .select(['article_id', 'related_id', 'action', 'position'])
        .where('article_id', 'in', ids)
        .orderBy('article_id')
        .orderBy('position')
        .orderBy('related_id')
        .execute();
      for (const r of rows) {
        let overrides = out.get(r.article_id);
        if (!overrides) out.set(r.article_id, (overrides = { pinned: [], excluded: [] }));
        (r.action === 'pin' ? overrides.pinned : overrides.excluded).push(r.related_id);
      }
    }
    return out;
  }

  /** Replaces an article's pins and exclusions. */
  async setOverrides(articleId: string, overrides: RelatedOverrides): Promise<void> {
    const rows = [
      ...overrides.pinned.map((relatedId, position) => ({ article_id: articleId, related_id: relatedId, action: 'pin' as const, position })),
      ...overrides.excluded
        .filter((id) => !overrides.pinned.includes(id))
        .map((relatedId, position) => ({ article_id: articleId, related_id: relatedId, action: 'exclude' as const, position })),
    ];
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('related_override').where('article_id', '=', articleId).execute();
      if (rows.length) await trx.insertInto('related_override').values(rows).execute();
    });
  }

  /** Every posting of the index, story by story in id order, a page of stories at a time. */
  allPostings(storiesPerPage = 2_000): AsyncGenerator<TermPosting[]> {
    return allPostings(this.db, storiesPerPage);
  }

  /** Headline and time of every published article. */
  async allCandidates(): Promise<Omit<RelatedCandidate, 'terms'>[]> {
    const rows = await this.db
      .selectFrom('article')
      .select(['id', 'headline', 'published_at', 'updated_at'])
      .where('status', '=', 'published')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, headline: r.headline, publishedAt: r.published_at ?? r.updated_at }));
  }

  /** The stored related list of `articleId` as ranked (ids in rank order, whatever their visibility). */
  async rankedOf(articleId: string, limit: number): Promise<RelatedEntry[]> {
    const rows = await this.db
      .selectFrom('article_related')
      .select(['related_id', 'score'])
      .where('article_id', '=', articleId)
      .orderBy('position')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ relatedId: r.related_id, score: r.score }));
  }

  /** The stored related list of `articleId`, keeping only stories visible at `now`, in stored order. */
  async relatedOf(articleId: string, now: string, limit: number): Promise<ArticleSummary[]> {
    const rows = await selectSummaries(this.db, now)
      .innerJoin('article_related as r', 'r.related_id', 'a.id')
      .where('r.article_id', '=', articleId)
      .orderBy('r.position')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }
}

