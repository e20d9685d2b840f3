import type { Kysely, Migration } from 'kysely';

/**
 * Near-duplicate detection for wire items: each story's text fingerprint, its band keys for candidate lookup, and
 * the other feeds' copies of a story folded into it ("also from …").
 */
export const fingerprintsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('article_fingerprint')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('article.id').onDelete('cascade'))
      .addColumn('simhash', 'text', (c) => c.notNull())
      .addColumn('bands', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('fingerprint_band')
      .addColumn('band', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('fingerprint_band_pk', ['band', 'article_id'])
      .execute();
    await db.schema
      .createTable('article_duplicate')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('source', 'text')
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_duplicate_pk', ['article_id', 'guid'])
      .execute();
  },
};
