import type { Kysely, Migration } from 'kysely';

/**
 * The wire desk: sources that are polled (a feed URL or a drop folder) as well as pushed to, each with a credit
 * line and auto-publish rules; their health and log; the files a folder source has taken in; and the wire queue,
 * where items from sources that queue for editors wait to be picked up into drafts.
 */
export const wireDeskMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('wire_source').addColumn('kind', 'text', (c) => c.notNull().defaultTo('push')).execute();
    await db.schema.alterTable('wire_source').addColumn('location', 'text').execute();
    await db.schema.alterTable('wire_source').addColumn('format', 'text').execute();
    await db.schema.alterTable('wire_source').addColumn('poll_seconds', 'integer').execute();
    await db.schema.alterTable('wire_source').addColumn('credit', 'text').execute();
    await db.schema.alterTable('wire_source').addColumn('rules', 'text', (c) => c.notNull().defaultTo('[]')).execute();

    await db.schema
      .createTable('source_health')
      .addColumn('source_id', 'text', (c) => c.primaryKey().references('wire_source.id').onDelete('cascade'))
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('checked_at', 'text')
      .addColumn('succeeded_at', 'text')
      .addColumn('failed_at', 'text')
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('next_poll_at', 'text')
      .addColumn('items_received', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('source_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull().references('wire_source.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('source_log_by_source').on('source_log').columns(['source_id', 'at']).execute();
    await db.schema
      .createTable('source_file')
      .addColumn('source_id', 'text', (c) => c.notNull().references('wire_source.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('source_file_pk', ['source_id', 'name'])
      .execute();

    await db.schema
      .createTable('wire_queue')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull().references('wire_source.id').onDelete('cascade'))
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('version', 'integer')
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('priority', 'integer', (c) => c.notNull())
      .addColumn('item_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('simhash', 'text', (c) => c.notNull())
      .addColumn('bands', 'text', (c) => c.notNull())
      .addColumn('also_from', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('article_id', 'text', (c) => c.references('article.id').onDelete('set null'))
      .addColumn('picked_by', 'text')
      .addColumn('picked_at', 'text')
      .execute();
    await db.schema.createIndex('wire_queue_by_state').on('wire_queue').columns(['state', 'received_at']).execute();
    await db.schema.createIndex('wire_queue_by_source').on('wire_queue').columns(['source_id', 'received_at']).execute();
    await db.schema
      .createTable('wire_queue_band')
      .addColumn('band', 'text', (c) => c.notNull())
      .addColumn('queue_id', 'text', (c) => c.notNull().references('wire_queue.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('wire_queue_band_pk', ['band', 'queue_id'])
      .execute();
  },
};
