import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { Engine } from './engine.js';

const INT8_OID = 20;

/**
 * PostgreSQL for newsrooms that outgrow one machine. Counts come back as int8; they are parsed to numbers on this
 * pool only (never by mutating pg's global parsers), since no Newsdesk count nears 2^53.
 */
export function openPostgres(connectionString: string): Engine {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8_OID) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString, types, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    name: 'postgres',
    db,
    capabilities: { maxBindParameters: 65_535, concurrentWriters: true },
    migrationSchema: async () => (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema,
    oneMigrationAtATime: (migrate) => oneMigrationAtATime(db, migrate),
    close: () => db.destroy(),
  };
}

/** The advisory lock every Newsdesk migration on a PostgreSQL database holds (an arbitrary constant of its own). */
const MIGRATION_LOCK = 0x4e_5753_4445_534b;

/**
 * Runs `migrate` holding the migration lock, on a connection of `db`'s own (the migrator takes others from the
 * pool), so migrations of different schemas on one database never run at once: Kysely's migrator introspects
 * every schema's tables, and one dropped meanwhile makes that read fail.
 */
export async function oneMigrationAtATime<T>(db: Kysely<any>, migrate: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      return await migrate();
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}
