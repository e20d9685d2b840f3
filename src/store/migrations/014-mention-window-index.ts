import type { Kysely, Migration } from 'kysely';

/**
 * Hot Topics reads every mention published in its window, grouped by story: with the window's columns in an index
 * ordered by time and story, that read is one range of the index, with no look-up of the table per mention (2.7
 * million of them with 100,000 stories in the window). It leads with `published_at`, so it replaces the index on
 * that column alone. Each step may run again (SQLite runs migrations outside a transaction).
 */
export const mentionWindowIndexMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createIndex('article_mention_window')
      .ifNotExists()
      .on('article_mention')
      .columns(['published_at', 'article_id', 'in_headline', 'key', 'label'])
      .execute();
    await db.schema.dropIndex('article_mention_by_time').ifExists().execute();
  },
};
