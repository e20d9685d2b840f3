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
}
