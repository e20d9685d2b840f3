import type { Kysely, Migration } from 'kysely';

/** Readership: reads per story per hour, counted without cookies or addresses and written in batches. */
export const readsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('article_read')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('hour', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_read_pk', ['article_id', 'hour'])
      .execute();
    await db.schema.createIndex('article_read_by_hour').on('article_read').columns(['hour', 'article_id']).execute();
  },
};
