/**
 * Whether the engine can store a table as the B-tree of its primary key (SQLite's `WITHOUT ROWID`) instead of a
 * heap plus a separate primary-key index. Migrations ask this of the database they are given, as they get no engine.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

export function supportsClusteredTables(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
