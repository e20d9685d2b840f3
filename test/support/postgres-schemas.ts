/**
 * The PostgreSQL schemas of a test run (vitest `globalSetup`). Each store test works in a schema of its own
 * (`engines.ts`), and they are dropped when the whole run ends rather than when each suite ends: Kysely's migrator
 * reads the tables of every schema, so a schema dropped while another suite migrates fails that suite
 * ("schema … does not exist").
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { POSTGRES_URL } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What every PostgreSQL test schema of this run is named with first. */
    postgresSchemaPrefix: string;
  }
}

const prefix = `newsdesk_test_${process.pid}_`;

export function setup(project: TestProject): void {
  project.provide('postgresSchemaPrefix', prefix);
}

export async function teardown(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return; // No PostgreSQL, so no schemas: the suites that need it said so.
  }
  try {
    const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [prefix]);
    for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`);
  } finally {
    await client.end();
  }
}
