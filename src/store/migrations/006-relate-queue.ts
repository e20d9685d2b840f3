import type { Kysely, Migration } from 'kysely';

/**
 * Stories whose related lists are due a recompute, queued in the same transaction that changed them: a crash
 * between writing a story and relating it leaves the work queued, not lost.
 */
export const relateQueueMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('relate_queue')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('article.id').onDelete('cascade'))
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .execute();
  },
};
