import type { Kysely, Migration } from 'kysely';

/**
 * Hot Topics' window read looks up each story's `status` and `embargo_until` (`MentionRepository.window`). On SQLite
 * both columns lie after `body_html` in the row, and a row longer than about 4 KB (a news story's body is 3-6 KB)
 * keeps only its start on the table's page and the rest on overflow pages, so every look-up walked them. With both
 * columns in an index beside `id`, the look-up reads that index alone. 100,000 stories in the window with 3-6 KB
 * bodies: window query 0.69-0.89 -> 0.38-0.46 s, whole refresh 1.07-1.18 -> 0.77-0.84 s (bench/RESULTS.md). The
 * extra index entry per article written costs about 1 microsecond, lost in the noise of an import. PostgreSQL keeps
 * long bodies out of the row (TOAST) and gains less (its hash join reads this index instead of the table: 0.25 ->
 * 0.22 s), but both engines keep one schema. It may run again (SQLite runs migrations outside a transaction).
 */
export const articleVisibilityIndexMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('article_visibility').ifNotExists().on('article').columns(['id', 'status', 'embargo_until']).execute();
  },
};
