/**
 * A database as an existing installation holds it before an upgrade: migrated up to, not including, one migration,
 * on either engine. Migration tests seed it through `raw()` in the old schema's shape, then `open()` a store on it
 * and migrate. A PostgreSQL one is a schema of this test run, dropped when the run ends (`postgres-schemas.ts`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { oneMigrationAtATime } from '../../src/store/dialects/postgres.js';
import { type Store, openStore } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { POSTGRES_URL } from './services.js';

export interface DatabaseBefore {
  /** A Kysely handle on the database, for rows in the old schema's shape; the caller destroys it. */
  raw(): Kysely<any>;
  /** The store on the same database; the caller closes it. */
  open(): Store;
  /** The SQLite file, for a plan read through better-sqlite3 itself. */
  sqliteFile?: string;
  /** Removes what `dispose` can: the SQLite file's folder. */
  dispose(): void;
}

export async function databaseBefore(engine: 'sqlite' | 'postgres', migration: string): Promise<DatabaseBefore> {
  let database: DatabaseBefore;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-before-'));
    const sqliteFile = path.join(dir, 'existing.sqlite');
    database = {
      raw() {
        const connection = new Database(sqliteFile);
        connection.pragma('foreign_keys = ON');
        return new Kysely<any>({ dialect: new SqliteDialect({ database: connection }) });
      },
      open: () => openStore({ sqliteFile }),
      sqliteFile,
      dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  } else {
    const schema = `${inject('postgresSchemaPrefix')}before_${migration.slice(0, 3)}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    database = {
      raw: () => new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }) }),
      open: () => openStore({ databaseUrl: url.toString(), sqliteFile: '' }),
      dispose: () => {},
    };
  }
  const db = database.raw();
  try {
    const before = {
      getMigrations: async () => Object.fromEntries(Object.entries(await migrationProvider.getMigrations()).filter(([name]) => name < migration)),
    };
    // PostgreSQL keeps the migrator's bookkeeping in the database's own schema, as `Store.migrate` does.
    const schema = engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s : undefined;
    const migrator = new Migrator({ db, provider: before, ...(schema ? { migrationTableSchema: schema } : {}) });
    // As `Store.migrate` does, one migration at a time on the server's database, on a connection of the lock's own.
    const { error } = await (engine === 'postgres' ? withLock(database, () => migrator.migrateToLatest()) : migrator.migrateToLatest());
    if (error) throw error;
  } finally {
    await db.destroy();
  }
  return database;
}

/** Runs `migrate` holding the migration lock on a connection of the lock's own (`raw()` has a single one). */
async function withLock<T>(database: DatabaseBefore, migrate: () => Promise<T>): Promise<T> {
  const lock = database.raw();
  try {
    return await oneMigrationAtATime(lock, migrate);
  } finally {
    await lock.destroy();
  }
}

/** A published story named `id` in section `news` (which the caller creates), as old schemas hold one, at `time`. */
export async function insertPlainStory(db: Kysely<any>, id: string, time: string): Promise<void> {
  await db
    .insertInto('article')
    .values({
      id, slug: id, headline: id, body_html: '<p>x</p>', section_id: 'news', language: 'en', status: 'published', priority: 0,
      published_at: time, first_published_at: time, updated_at: time, revision: 1, content_hash: id, created_at: time,
    })
    .execute();
}
