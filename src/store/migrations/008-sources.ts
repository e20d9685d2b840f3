import type { Kysely, Migration } from 'kysely';

/** Wire sources: agencies and partners that push documents, each with its section, trust and credit line. */
export const sourcesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('wire_source')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('trust', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
