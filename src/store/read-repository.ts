/** Reads per story per hour (`hour` is the UTC hour as `YYYY-MM-DDTHH`), added to in batches. */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export interface ReadCount {
  articleId: string;
  hour: string;
  count: number;
}

export class ReadRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a batch of counts in one transaction. */
  async add(counts: ReadCount[]): Promise<void> {
    if (!counts.length) return;
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < counts.length; i += 500) {
        await trx
          .insertInto('article_read')
          .values(counts.slice(i, i + 500).map((c) => ({ article_id: c.articleId, hour: c.hour, count: c.count })))
          .onConflict((oc) => oc.columns(['article_id', 'hour']).doUpdateSet({ count: sql`article_read.count + excluded.count` }))
          .execute();
      }
    });
  }

  /** The most read stories over the hours [fromHour, toHour], most first, then by id. */
  async mostRead(fromHour: string, toHour: string, limit: number): Promise<{ articleId: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('article_read')
      .select(['article_id', (eb) => eb.fn.sum<number>('count').as('total')])
      .where('hour', '>=', fromHour)
      .where('hour', '<=', toHour)
      .groupBy('article_id')
      .orderBy('total', 'desc')
      .orderBy('article_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ articleId: r.article_id, count: Number(r.total) }));
  }

  /** Reads of each of `articleIds` over the hours [fromHour, toHour]; stories without reads are left out. */
  async totals(articleIds: string[], fromHour: string, toHour: string): Promise<Map<string, number>> {
    if (!articleIds.length) return new Map();
    const rows = await this.db
      .selectFrom('article_read')
      .select(['article_id', (eb) => eb.fn.sum<number>('count').as('total')])
      .where('article_id', 'in', articleIds)
      .where('hour', '>=', fromHour)
      .where('hour', '<=', toHour)
      .groupBy('article_id')
      .execute();
    return new Map(rows.map((r) => [r.article_id, Number(r.total)]));
  }

  /** Total reads per hour over [fromHour, toHour], hours without reads left out. */
  async perHour(fromHour: string, toHour: string): Promise<{ hour: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('article_read')
      .select(['hour', (eb) => eb.fn.sum<number>('count').as('total')])
      .where('hour', '>=', fromHour)
      .where('hour', '<=', toHour)
      .groupBy('hour')
      .orderBy('hour')
      .execute();
    return rows.map((r) => ({ hour: r.hour, count: Number(r.total) }));
  }
}
