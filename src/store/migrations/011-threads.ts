import type { Kysely, Migration } from 'kysely';

/**
 * Story threads (articles about one developing story, grouped as they are related), editors' pins and exclusions
 * on each article's Related Stories, and a reverse index of the related lists (which lists show a story), so a
 * story's change refreshes the lists it appears in.
 */
export const threadsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('article_thread')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('article.id').onDelete('cascade'))
      .addColumn('thread_id', 'text', (c) => c.notNull())
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_thread_by_thread').on('article_thread').columns(['thread_id', 'article_id']).execute();
    await db.schema
      .createTable('related_override')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('related_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('related_override_pk', ['article_id', 'related_id'])
      .execute();
    await db.schema.createIndex('article_related_by_related').on('article_related').columns(['related_id', 'article_id']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('article_related_by_related').execute();
    await db.schema.dropTable('related_override').execute();
    await db.schema.dropTable('article_thread').execute();
  },
};
