/** The wire identity of imported articles: the agency's GUID and the version last taken in. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface WireIdentity {
  articleId: string;
  guid: string;
  version: number | null;
  format: string;
  receivedAt: string;
}

export class WireRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async versions(articleIds: string[]): Promise<Map<string, number | null>> {
    if (!articleIds.length) return new Map();
    const rows = await this.db.selectFrom('wire_item').select(['article_id', 'version']).where('article_id', 'in', articleIds).execute();
    return new Map(rows.map((r) => [r.article_id, r.version]));
  }

  async record(trx: Transaction<Database>, identity: WireIdentity): Promise<void> {
    const row = {
      article_id: identity.articleId,
      guid: identity.guid,
      version: identity.version,
      format: identity.format,
      received_at: identity.receivedAt,
    };
    await trx
      .insertInto('wire_item')
      .values(row)
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ version: row.version, format: row.format, received_at: row.received_at }))
      .execute();
  }

  /** The most recently received wire items, newest first, with their story's headline and state. */
  async newest(limit: number) {
    return this.db
      .selectFrom('wire_item as w')
      .innerJoin('article as a', 'a.id', 'w.article_id')
      .leftJoin('source as s', 's.id', 'a.source_id')
      .select(['a.id', 'a.headline', 'a.status', 'a.updated_at', 'a.published_at', 'a.scheduled_at', 'a.embargo_until', 'w.received_at', 'w.format', 's.name as source'])
      .orderBy('w.received_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
  }
}
