/**
 * Migration 010 on an existing SQLite database: `article_term` and `fingerprint_band` become WITHOUT ROWID tables
 * with every row kept (the terms then move on to the index of 018), and a database that already had the later
 * migrations (011, 012) applied takes 010 too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/index.js';
import { bandDay } from '../../src/store/fingerprint-repository.js';
import { expectedBandRows } from '../support/band-index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-migration-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A database at the schema before 010 (plus the later migrations when `later`), holding one story's index rows. */
async function existingDatabase(file: string, later: boolean) {
  const connection = new Database(file);
  connection.pragma('foreign_keys = ON');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: connection }) });
  const withoutImportIndexes = {
    getMigrations: async () => {
      const all = await migrationProvider.getMigrations();
      // Up to 012: 013 re-keys the band index (band-index-migration.test.ts).
      return Object.fromEntries(Object.entries(all).filter(([name]) => name < '010' || (later && name > '011' && name < '013')));
    },
  };
  const { error } = await new Migrator({ db, provider: withoutImportIndexes }).migrateToLatest();
  if (error) throw error;
  await db.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
  await db
    .insertInto('article')
    .values({
      id: 'a1', slug: 'first', headline: 'First', body_html: '<p>x</p>', section_id: 'news', language: 'en', status: 'published',
      priority: 0, published_at: '1987-03-11T00:00:00.000Z', first_published_at: '1987-03-11T00:00:00.000Z',
      updated_at: '1987-03-11T00:00:00.000Z', revision: 1, content_hash: 'h', created_at: '1987-03-11T00:00:00.000Z',
    })
    .execute();
  await db.insertInto('article_term').values([{ article_id: 'a1', term: 'oil', weight: 2.5 }, { article_id: 'a1', term: 'opec', weight: 1 }]).execute();
  await db.insertInto('article_fingerprint').values({ article_id: 'a1', simhash: '1', bands: JSON.stringify(['0:00ff', '1:ab12']) }).execute();
  await db.insertInto('fingerprint_band').values([{ band: '0:00ff', article_id: 'a1' }, { band: '1:ab12', article_id: 'a1' }]).execute();
  await db.destroy();
}

describe('migration 010 (import indexes) on an existing SQLite database', () => {
  for (const later of [false, true]) {
    it(`keeps every row${later ? ' when later migrations were applied first' : ''}`, async () => {
      const file = path.join(dir, `existing-${later}.sqlite`);
      await existingDatabase(file, later);
      const store = openStore({ sqliteFile: file });
      try {
        expect(await store.migrate()).toContain('010-import-indexes');
        // 018 then moved the terms into the index keyed by integers; the frequencies come from the terms' stories.
        expect(await store.related.termsOf('a1')).toEqual([
          { term: 'oil', weight: 2.5, df: 1 },
          { term: 'opec', weight: 1, df: 1 },
        ]);
      } finally {
        await store.close();
      }
      const db = new Database(file, { readonly: true });
      try {
        const tables = db.prepare("select name, sql from sqlite_master where name in ('term_posting', 'fingerprint_band')").all() as { name: string; sql: string }[];
        expect(tables).toHaveLength(2);
        for (const table of tables) expect(table.sql.toLowerCase()).toContain('without rowid');
        // 013 then rebuilt the band index from the fingerprint, keyed by day (and 019 by the story's key).
        const keyed = db.prepare('select b.day, b.band, k.article_id from fingerprint_band b join article_key k on k.key = b.article_key').all() as { day: number; band: number; article_id: string }[];
        expect(keyed.map((r) => `${r.day}/${r.band}/${r.article_id}`).sort()).toEqual(
          expectedBandRows('a1', bandDay('1987-03-11T00:00:00.000Z'), ['0:00ff', '1:ab12']).sort(),
        );
        expect(db.prepare('pragma foreign_key_check').all()).toEqual([]);
      } finally {
        db.close();
      }
    });
  }
});
