/** The related-stories index (terms with document frequencies) and its read model (each article's related list). */
import type { Kysely } from 'kysely';
import type { ArticleSummary } from '../domain/article.js';
import type { Database } from './schema.js';
import { selectSummaries, toSummary } from './summaries.js';

export interface IndexedTerm {
  term: string;
  weight: number;
  df: number;
}

export interface Posting {
  articleId: string;
  term: string;
  weight: number;
  publishedAt: string;
  headline: string;
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
    return this.db
      .selectFrom('article_term as t')
      .innerJoin('term_stat as s', 's.term', 't.term')
      .select(['t.term', 't.weight', 's.df'])
      .where('t.article_id', '=', articleId)
      .orderBy('t.term')
      .execute();
  }

  /** Every published article other than `excludeId` that carries one of `terms`, with that term's weight. */
  async postings(terms: string[], excludeId: string): Promise<Posting[]> {
    if (!terms.length) return [];
    const rows = await this.db
      .selectFrom('article_term as t')
      .innerJoin('article as a', 'a.id', 't.article_id')
      .select(['t.article_id', 't.term', 't.weight', 'a.published_at', 'a.headline'])
      .where('t.term', 'in', terms)
      .where('t.article_id', '!=', excludeId)
      .where('a.status', '=', 'published')
      .orderBy('t.article_id')
      .orderBy('t.term')
      .execute();
    return rows.map((r) => ({
      articleId: r.article_id,
      term: r.term,
      weight: r.weight,
      publishedAt: r.published_at ?? '',
      headline: r.headline,
    }));
  }

  async replace(articleId: string, entries: RelatedEntry[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('article_related').where('article_id', '=', articleId).execute();
      if (entries.length) {
        await trx
          .insertInto('article_related')
          .values(
            entries.map((e, position) => ({ article_id: articleId, related_id: e.relatedId, position, score: e.score })),
          )
          .execute();
      }
    });
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
