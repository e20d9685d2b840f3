/**
 * Migration 013 on an existing database, on both engines: the band index is rebuilt from the stored fingerprints,
 * keyed (day, band hash, article), each fingerprint learns its day, and near-duplicate lookups find the stories
 * fingerprinted before the migration exactly as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bandDay, bandRows } from '../../src/store/fingerprint-repository.js';
import { type Store, openStore } from '../../src/store/index.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { enginesUnderTest } from '../support/engines.js';
import { POSTGRES_URL } from '../support/services.js';

const engines = await enginesUnderTest();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const stories = [
  { id: 'a1', updatedAt: '1987-03-11T09:00:00.000Z', bands: ['0:00ff00ff00ff00ff', '1:ab12ab12ab12ab12'] },
  { id: 'a2', updatedAt: '1987-03-12T23:59:59.000Z', bands: ['0:00ff00ff00ff00ff', '2:0123456789abcdef'] },
  { id: 'a3', updatedAt: '1987-04-30T12:00:00.000Z', bands: ['x:fedcba9876543210'] },
];

/** A database of the chosen engine at the schema before 013, holding three fingerprinted stories. */
async function existingDatabase(engine: 'sqlite' | 'postgres'): Promise<{ open(): Store; raw(): Kysely<any> }> {
  let raw: () => Kysely<any>;
  let open: () => Store;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-band-migration-'));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'existing.sqlite');
    raw = () => {
      const connection = new Database(file);
      connection.pragma('foreign_keys = ON');
      return new Kysely<any>({ dialect: new SqliteDialect({ database: connection }) });
    };
    open = () => openStore({ sqliteFile: file });
  } else {
    const schema = `newsdesk_band_migration_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    raw = () => new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 1 }) }) });
    const admin = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: POSTGRES_URL, max: 1 }) }) });
    await admin.schema.createSchema(schema).execute();
    cleanups.push(async () => {
      await admin.schema.dropSchema(schema).cascade().execute();
      await admin.destroy();
    });
    open = () => openStore({ databaseUrl: url.toString(), sqliteFile: '' });
  }
  const db = raw();
  const before013 = {
    getMigrations: async () => Object.fromEntries(Object.entries(await migrationProvider.getMigrations()).filter(([name]) => name < '013')),
  };
  // PostgreSQL keeps the migrator's bookkeeping in the database's own schema, as `Store.migrate` does.
  const schema = engine === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s : undefined;
  const { error } = await new Migrator({ db, provider: before013, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  if (error) throw error;
  await db.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
  for (const { id, updatedAt, bands } of stories) {
    await db
      .insertInto('article')
      .values({
        id, slug: id, headline: id, body_html: '<p>x</p>', section_id: 'news', language: 'en', status: 'published', priority: 0,
        published_at: updatedAt, first_published_at: updatedAt, updated_at: updatedAt, revision: 1, content_hash: id, created_at: updatedAt,
      })
      .execute();
    await db.insertInto('article_fingerprint').values({ article_id: id, simhash: '7', bands: JSON.stringify(bands) }).execute();
    await db.insertInto('fingerprint_band').values(bands.map((band) => ({ band, article_id: id }))).execute();
  }
  await db.destroy();
  return { open, raw };
}

describe('migration 013 (band index by day) on an existing database', () => {
  for (const engine of engines) {
    it(`${engine.name}: rebuilds the band index from the fingerprints`, async () => {
      const existing = await existingDatabase(engine.name);
      const store = existing.open();
      const db = existing.raw();
      try {
        expect(await store.migrate()).toContain('013-band-index-by-day');
        const rows = await db.selectFrom('fingerprint_band').select(['day', 'band', 'article_id']).execute();
        const expected = stories.flatMap(({ id, updatedAt, bands }) => bandRows(id, bandDay(updatedAt), bands));
        const key = (r: { day: number; band: number; article_id: string }) => `${r.day}/${r.band}/${r.article_id}`;
        expect(rows.map((r) => key(r as never)).sort()).toEqual(expected.map(([day, band, article_id]) => key({ day, band, article_id })).sort());
        const days = await db.selectFrom('article_fingerprint').select(['article_id', 'day']).orderBy('article_id').execute();
        expect(days).toEqual(stories.map(({ id, updatedAt }) => ({ article_id: id, day: bandDay(updatedAt) })));

        const [shared, exact, tooLate] = await store.fingerprints.candidatesForAll([
          { bands: ['0:00ff00ff00ff00ff'], from: '1987-03-10T00:00:00.000Z', to: '1987-03-13T00:00:00.000Z' },
          { bands: ['x:fedcba9876543210'], from: '1987-04-29T00:00:00.000Z', to: '1987-05-02T00:00:00.000Z' },
          { bands: ['1:ab12ab12ab12ab12'], from: '1987-03-11T09:00:01.000Z', to: '1987-03-14T00:00:00.000Z' },
        ]);
        expect(shared!.map((f) => f.articleId)).toEqual(['a1', 'a2']);
        expect(exact).toEqual([{ articleId: 'a3', simhash: '7', bands: stories[2]!.bands }]);
        expect(tooLate).toEqual([]);
      } finally {
        await store.close();
        await db.destroy();
      }
    });
  }
});
