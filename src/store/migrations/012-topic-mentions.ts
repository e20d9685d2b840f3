import type { Kysely, Migration } from 'kysely';

/**
 * The topics each story mentions (names and key phrases from its headline and lead, and its editors' topics), as
 * Hot Topics ranks them: by key, with the story's publication time, so a refresh reads only its time window.
 */
export const topicMentionsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('article_mention')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('slug', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('in_headline', 'integer', (c) => c.notNull())
      .addColumn('span', 'integer', (c) => c.notNull())
      .addColumn('length', 'integer', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_mention_pk', ['article_id', 'key'])
      .execute();
    await db.schema.createIndex('article_mention_by_time').on('article_mention').column('published_at').execute();
    await db.schema.createIndex('article_mention_by_slug').on('article_mention').columns(['slug', 'published_at']).execute();
  },
};
