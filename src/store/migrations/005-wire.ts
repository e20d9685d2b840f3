import type { Kysely, Migration } from 'kysely';

/** Wire identity: which agency item (GUID, version) each imported article is, so older versions never win. */
export const wireMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('wire_item')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('article.id').onDelete('cascade'))
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('version', 'integer')
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
  },
};
