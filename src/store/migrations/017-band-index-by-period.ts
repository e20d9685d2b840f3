import { type Kysely, type Migration, sql } from 'kysely';
import { supportsClusteredTables } from '../dialects/clustered-tables.js';
import { BAND_PERIOD_DAYS } from '../fingerprint-repository.js';

/**
 * The near-duplicate band index files each story's keys under the first day of its seven-day period rather than
 * under its day (`bandDay`), so a lookup window of ±3 days seeks each key in at most two periods instead of seven
 * days. Every row moves to its period's first day, and each fingerprint's `day` with it. No two rows meet on the
 * way: all of one story's rows share one day, and its band hashes are distinct.
 */
export const bandIndexByPeriodMigration: Migration = {
  async up(db: Kysely<any>) {
    // SQLite runs migrations outside a transaction; this one rewrites two tables' keys, so it must land whole.
    if (supportsClusteredTables(db)) await db.transaction().execute(refile);
    else await refile(db);
  },
};

async function refile(db: Kysely<any>): Promise<void> {
  const n = sql.lit(BAND_PERIOD_DAYS);
  const start = sql`day - (((day % ${n}) + ${n}) % ${n})`;
  await sql`update fingerprint_band set day = ${start} where day <> ${start}`.execute(db);
  await sql`update article_fingerprint set day = ${start} where day <> ${start}`.execute(db);
}
