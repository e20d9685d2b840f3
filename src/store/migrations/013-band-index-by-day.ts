import { type Kysely, type Migration, sql } from 'kysely';
import { supportsClusteredTables } from '../dialects/clustered-tables.js';
import { insertColumns } from '../dialects/column-insert.js';
import { bandHash } from '../fingerprint-repository.js';

/** Fingerprints re-filed per statement while the index is rebuilt. */
const REBUILD_CHUNK = 2_000;
const DAY_MS = 86_400_000;
/** The day a time falls on, as this migration filed keys (017 then files them by seven-day period). */
const dayOfTime = (time: string) => Math.floor(Date.parse(time) / DAY_MS);

/**
 * The near-duplicate band index re-keyed from (band text, article) to (day, 52-bit band hash, article), and each
 * fingerprint told the day its keys are filed under (`article_fingerprint.day`, the day of the story's time when it
 * was fingerprinted). Keyed by band alone, every import batch inserted its keys all over the B-tree, and each commit
 * rewrote nearly every page of it; by day first, a batch of stories from the same hours lands on a few pages at the
 * end. The index is rebuilt from the fingerprints (`article_fingerprint.bands` holds every key), on both engines.
 */
export const bandIndexByDayMigration: Migration = {
  async up(db: Kysely<any>) {
    // SQLite runs migrations outside a transaction; this one replaces a table, so it must land whole.
    if (supportsClusteredTables(db)) await db.transaction().execute((trx) => rebuild(trx, true));
    else await rebuild(db, false);
  },
};

/** The band index's columns as this migration made them (migration 019 keys it by story key instead). */
const BAND_COLUMNS = [
  { name: 'day', pgType: 'integer' },
  { name: 'band', pgType: 'bigint' },
  { name: 'article_id', pgType: 'text' },
] as const;

async function rebuild(db: Kysely<any>, clustered: boolean): Promise<void> {
  await db.schema.alterTable('article_fingerprint').addColumn('day', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.dropTable('fingerprint_band').execute();
  await sql`create table fingerprint_band (
    day integer not null,
    band bigint not null,
    article_id text not null references article (id) on delete cascade,
    constraint fingerprint_band_day_pk primary key (day, band, article_id)
  )${sql.raw(clustered ? ' without rowid' : '')}`.execute(db);

  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('article_fingerprint as f')
      .innerJoin('article as a', 'a.id', 'f.article_id')
      .select(['f.article_id', 'f.bands', 'a.updated_at'])
      .where('f.article_id', '>', after)
      .orderBy('f.article_id')
      .limit(REBUILD_CHUNK)
      .execute();
    if (!rows.length) break;
    const days = rows.map((r) => ({ id: r.article_id as string, day: dayOfTime(r.updated_at as string), bands: JSON.parse(r.bands as string) as string[] }));
    // One portable statement per chunk (a round trip each on PostgreSQL), not one per fingerprint.
    const dayOf = sql.join(days.map(({ id, day }) => sql`when ${id} then cast(${day} as integer)`), sql` `);
    await db
      .updateTable('article_fingerprint')
      .set({ day: sql`case article_id ${dayOf} end` })
      .where('article_id', 'in', days.map((d) => d.id))
      .execute();
    await insertColumns(db, 'fingerprint_band', BAND_COLUMNS, days.flatMap(({ id, day, bands }) => [...new Set(bands.map(bandHash))].map((band) => [day, band, id])));
    after = rows[rows.length - 1]!.article_id as string;
  }
}
