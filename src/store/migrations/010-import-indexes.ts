import { type Kysely, type Migration, sql } from 'kysely';
import { supportsClusteredTables } from '../dialects/clustered-tables.js';

/**
 * The two tables an import writes most rows into, `article_term` (up to 60 rows per story) and `fingerprint_band`
 * (32 per story), stored on SQLite as the B-tree of their primary key (`WITHOUT ROWID`): one B-tree fewer to write
 * for each (a row table plus its key index before), and an article's terms side by side. Rows are copied over;
 * nothing else changes. PostgreSQL has no such storage and keeps its tables as they are.
 */
export const importIndexesMigration: Migration = {
  async up(db: Kysely<any>) {
    if (!supportsClusteredTables(db)) return;
    // SQLite runs migrations outside a transaction; this one replaces tables, so it must land whole.
    await db.transaction().execute(async (trx) => {
      await sql`create table fingerprint_band_new (
        band text not null,
        article_id text not null references article (id) on delete cascade,
        constraint fingerprint_band_pk primary key (band, article_id)
      ) without rowid`.execute(trx);
      await sql`insert into fingerprint_band_new (band, article_id) select band, article_id from fingerprint_band`.execute(trx);
      await sql`drop table fingerprint_band`.execute(trx);
      await sql`alter table fingerprint_band_new rename to fingerprint_band`.execute(trx);

      await sql`create table article_term_new (
        article_id text not null references article (id) on delete cascade,
        term text not null,
        weight real not null,
        constraint article_term_pk primary key (article_id, term)
      ) without rowid`.execute(trx);
      await sql`insert into article_term_new (article_id, term, weight) select article_id, term, weight from article_term`.execute(trx);
      await sql`drop table article_term`.execute(trx);
      await sql`alter table article_term_new rename to article_term`.execute(trx);
      await sql`create index article_term_by_term on article_term (term, article_id, weight)`.execute(trx);
    });
  },
};
