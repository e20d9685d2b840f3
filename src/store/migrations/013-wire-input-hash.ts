import type { Kysely, Migration } from 'kysely';

/**
 * Each wire item remembers a hash of the item as it was last taken in (`wire_item.input_hash`), so the same item
 * arriving again (a re-import, a feed polled again) is recognised as unchanged before it is sanitized, indexed and
 * fingerprinted, which is most of what an import costs. Items taken in before this have none and are compared the
 * long way, once.
 */
export const wireInputHashMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('wire_item').addColumn('input_hash', 'text').execute();
  },
};
