import type { Kysely, Migration } from 'kysely';

/** The foundation schema: the newsroom's nouns, revisions, collections and the related-stories read model. */
export const initialMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('section')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('source')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('credit_line', 'text', (c) => c.notNull())
      .execute();
    for (const table of ['topic', 'author']) {
      await db.schema
        .createTable(table)
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
    }
    await db.schema
      .createTable('image')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('width', 'integer')
      .addColumn('height', 'integer')
      .addColumn('alt', 'text', (c) => c.notNull())
      .addColumn('caption', 'text')
      .addColumn('credit', 'text')
      .execute();
    await db.schema
      .createTable('article')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('standfirst', 'text')
      .addColumn('body_html', 'text', (c) => c.notNull())
      .addColumn('dateline', 'text')
      .addColumn('byline', 'text')
      .addColumn('source_id', 'text', (c) => c.references('source.id'))
      .addColumn('section_id', 'text', (c) => c.notNull().references('section.id'))
      .addColumn('image_id', 'text', (c) => c.references('image.id'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('first_published_at', 'text')
      .addColumn('published_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_status_published').on('article').columns(['status', 'published_at', 'id']).execute();
    await db.schema
      .createIndex('article_section_published')
      .on('article')
      .columns(['section_id', 'status', 'published_at', 'id'])
      .execute();
    await db.schema
      .createIndex('article_source_published')
      .on('article')
      .columns(['source_id', 'status', 'published_at', 'id'])
      .execute();

    await db.schema
      .createTable('article_topic')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('topic_id', 'text', (c) => c.notNull().references('topic.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_topic_pk', ['article_id', 'topic_id'])
      .execute();
    await db.schema.createIndex('article_topic_by_topic').on('article_topic').columns(['topic_id', 'article_id']).execute();
    await db.schema
      .createTable('article_author')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('author.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_author_pk', ['article_id', 'author_id'])
      .execute();
    await db.schema
      .createTable('revision')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('revision_pk', ['article_id', 'revision'])
      .execute();

    await db.schema
      .createTable('collection')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('section_id', 'text', (c) => c.references('section.id'))
      .execute();
    await db.schema
      .createTable('collection_item')
      .addColumn('collection_id', 'text', (c) => c.notNull().references('collection.id').onDelete('cascade'))
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addPrimaryKeyConstraint('collection_item_pk', ['collection_id', 'article_id'])
      .execute();

    await db.schema
      .createTable('article_term')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('weight', 'real', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_term_pk', ['article_id', 'term'])
      .execute();
    await db.schema.createIndex('article_term_by_term').on('article_term').columns(['term', 'article_id', 'weight']).execute();
    await db.schema
      .createTable('term_stat')
      .addColumn('term', 'text', (c) => c.primaryKey())
      .addColumn('df', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('article_related')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('related_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('score', 'real', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_related_pk', ['article_id', 'related_id'])
      .execute();

    await db.schema
      .createTable('setting')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
  },
};
