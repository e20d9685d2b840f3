/**
 * The engines every store test runs against. Each PostgreSQL run gets a schema of its own (dropped when the test run
 * ends, `postgres-schemas.ts`), so suites can run in parallel against one database. NEWSDESK_TEST_ENGINES=sqlite (or
 * postgres) narrows the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Store, openStore } from '../../src/store/index.js';
import { POSTGRES_URL, postgresAvailable } from './services.js';

export interface EngineUnderTest {
  name: 'sqlite' | 'postgres';
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

const wanted = (process.env.NEWSDESK_TEST_ENGINES ?? 'sqlite,postgres').split(',');

const sqlite: EngineUnderTest = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-store-'));
    const store = openStore({ sqliteFile: path.join(dir, 'test.sqlite') });
    await store.migrate();
    return {
      store,
      async dispose() {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: EngineUnderTest = {
  name: 'postgres',
  async open() {
    const schema = `${inject('postgresSchemaPrefix')}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const store = openStore({ databaseUrl: url.toString(), sqliteFile: '' });
    await store.migrate();
    return {
      store,
      async dispose() {
        await store.close();
      },
    };
  },
};

export async function enginesUnderTest(): Promise<EngineUnderTest[]> {
  const engines: EngineUnderTest[] = [];
  if (wanted.includes('sqlite')) engines.push(sqlite);
  if (wanted.includes('postgres') && (await postgresAvailable())) engines.push(postgres);
  return engines;
}
