import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';
import type { Engine } from './engine.js';
import { withStatementCache } from './statement-cache.js';

/**
 * The embedded engine: one file, WAL so readers never wait for the writer, and synchronous=FULL so a write that
 * returned survives a crash of the process or the machine. Statements stay prepared between queries.
 */
export function openSqlite(file: string): Engine {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SqliteDatabase(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // 256 MiB of page cache rather than the default 2 MiB (a ceiling, taken only as the database grows): an import
  // inserts into indexes keyed by terms and article hashes, all over the B-trees, and once those outgrow the cache
  // most inserts first re-read their page. Full Reuters wire import: 64 MiB 308 items/s, 256 MiB 355 (bench/RESULTS.md).
  connection.pragma('cache_size = -262144');
  // Checkpoint once the WAL holds 64 MiB rather than 4 MiB (the default 1,000 pages): an import commit rewrites the
  // same index pages again and again, and each checkpoint copied all of them into the database file once more.
  // The WAL is cut back to that size after a checkpoint. Durability is unchanged (synchronous=FULL still syncs the
  // WAL on every commit); readers scan a longer WAL index at most. Full Reuters import: 4.6 -> 3.9 GB written.
  connection.pragma('wal_autocheckpoint = 16384');
  connection.pragma('journal_size_limit = 67108864');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return {
    name: 'sqlite',
    db,
    capabilities: { maxBindParameters: 32_766, concurrentWriters: false },
    migrationSchema: async () => undefined,
    oneMigrationAtATime: (migrate) => migrate(),
    close: () => db.destroy(),
  };
}
