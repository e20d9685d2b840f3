import type { Kysely, Migration } from 'kysely';

/** Curation boards: editors' pins and exclusions on computed lists (Today's Top News, Hot Topics), per section. */
export const boardsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('board_entry')
      .addColumn('board', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'text')
      .addPrimaryKeyConstraint('board_entry_pk', ['board', 'scope', 'item_id'])
      .execute();
  },
};
