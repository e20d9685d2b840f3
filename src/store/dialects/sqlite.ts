import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../schema.js';
import type { Engine } from './engine.js';

/**
 * The embedded engine: one file, WAL so readers never wait for the writer, and synchronous=FULL so a write that
 * returned survives a crash of the process or the machine.
 */
export function openSqlite(file: string): Engine {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SqliteDatabase(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return {
    name: 'sqlite',
    db,
    capabilities: { maxBindParameters: 32_766, concurrentWriters: false },
    migrationSchema: async () => undefined,
    close: () => db.destroy(),
  };
}
