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
  // 64 MiB of page cache rather than the default 2 MiB: an import inserts into indexes keyed by hashes (band keys,
  // terms), all over the B-trees, and with the small cache most of those inserts first re-read their page.
  connection.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return {
    name: 'sqlite',
    db,
    capabilities: { maxBindParameters: 32_766, concurrentWriters: false },
    migrationSchema: async () => undefined,
    close: () => db.destroy(),
  };
}
