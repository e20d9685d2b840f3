/** Wire sources and their push tokens (stored as SHA-256 only). */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface WireSource {
  id: string;
  name: string;
  section: string;
  trust: 'publish' | 'queue';
  createdAt: string;
}

export class SourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(source: WireSource, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('wire_source')
      .values({ id: source.id, name: source.name, section: source.section, trust: source.trust, token_hash: tokenHash, created_at: source.createdAt })
      .execute();
  }

  async byId(id: string): Promise<(WireSource & { tokenHash: string }) | null> {
    const row = await this.db.selectFrom('wire_source').selectAll().where('id', '=', id).executeTakeFirst();
    return row
      ? { id: row.id, name: row.name, section: row.section, trust: row.trust as WireSource['trust'], createdAt: row.created_at, tokenHash: row.token_hash }
      : null;
  }
}
