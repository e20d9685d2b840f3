import { type Kysely, type Migration, sql } from 'kysely';
import { supportsClusteredTables } from '../dialects/clustered-tables.js';

/**
 * The near-duplicate band index names each story by its integer key (`article_key`, migration 018) instead of its
 * id: 32 rows a story, the largest table an import writes (38 of 169 MB for the Reuters corpus on SQLite), each row
 * a few bytes instead of 40. Every fingerprinted story gets a key; the rows move over with their day and band.
 * Like the postings, the rows have no foreign key (deleting a story would then seek its rows by an index of their
 * own); lookups reach the story through its key, which goes with the story.
 */
export const bandIndexByKeyMigration: Migration = {
  async up(db: Kysely<any>) {
    // SQLite runs migrations outside a transaction; this one replaces a table, so it must land whole.
    if (supportsClusteredTables(db)) await db.transaction().execute((trx) => rebuild(trx, true));
    else await rebuild(db, false);
  },
};

async function rebuild(db: Kysely<any>, clustered: boolean): Promise<void> {
  await sql`insert into article_key (article_id) select article_id from article_fingerprint where true
    on conflict (article_id) do nothing`.execute(db);
  await sql`create table fingerprint_band_new (
    day integer not null,
    band bigint not null,
    article_key integer not null,
    constraint fingerprint_band_key_pk primary key (day, band, article_key)
  )${sql.raw(clustered ? ' without rowid' : '')}`.execute(db);
  await sql`insert into fingerprint_band_new (day, band, article_key)
    select b.day, b.band, k.key from fingerprint_band b join article_key k on k.article_id = b.article_id`.execute(db);
  await sql`drop table fingerprint_band`.execute(db);
  await sql`alter table fingerprint_band_new rename to fingerprint_band`.execute(db);
}
