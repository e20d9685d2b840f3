/** Story threads: which developing story each article belongs to, and a thread's articles in time order. */
import type { Kysely } from 'kysely';
import type { ArticleSummary } from '../domain/article.js';
import type { Database } from './schema.js';
import { chunks } from './chunks.js';
import { selectSummaries, toSummary } from './summaries.js';

export class ThreadRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The thread of each of `articleIds` that is in one. */
  async threadsOf(articleIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const ids of chunks(articleIds, 500)) {
      const rows = await this.db.selectFrom('article_thread').select(['article_id', 'thread_id']).where('article_id', 'in', ids).execute();
      for (const r of rows) out.set(r.article_id, r.thread_id);
    }
    return out;
  }

  /** Every article's thread (for evaluation and bulk relating). */
  async membership(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('article_thread').select(['article_id', 'thread_id']).orderBy('article_id').execute();
    return new Map(rows.map((r) => [r.article_id, r.thread_id]));
  }

  /** Ids of the articles of `threadId`, whatever their visibility. */
  async memberIds(threadId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('article_thread').select('article_id').where('thread_id', '=', threadId).orderBy('article_id').execute();
    return rows.map((r) => r.article_id);
  }

  /** The thread's stories visible at `now`, oldest first: "the story so far". */
  async timeline(threadId: string, now: string, limit: number): Promise<ArticleSummary[]> {
    const rows = await selectSummaries(this.db, now)
      .innerJoin('article_thread as th', 'th.article_id', 'a.id')
      .where('th.thread_id', '=', threadId)
      .orderBy('a.published_at')
      .orderBy('a.id')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }

  /** Puts articles in threads (`null` takes one out of its thread), in one transaction. */
  async assign(changes: Map<string, string | null>, at: string): Promise<void> {
    if (!changes.size) return;
    await this.db.transaction().execute(async (trx) => {
      for (const ids of chunks([...changes.keys()], 500)) await trx.deleteFrom('article_thread').where('article_id', 'in', ids).execute();
      const rows = [...changes].flatMap(([articleId, threadId]) => (threadId ? [{ article_id: articleId, thread_id: threadId, joined_at: at }] : []));
      for (const chunk of chunks(rows, 1_000)) await trx.insertInto('article_thread').values(chunk).execute();
    });
  }
}
