import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * What differs between database engines, stated as capabilities rather than checks on the engine's name
 * (the way Kysely's own dialect adapters do it).
 */
export interface EngineCapabilities {
  /** Most bound parameters one statement may carry; batch writers size their chunks from it. */
  maxBindParameters: number;
  /** Whether several processes may write at once (PostgreSQL) or writes are serialised by a file lock (SQLite). */
  concurrentWriters: boolean;
}

export interface Engine {
  readonly name: string;
  readonly db: Kysely<Database>;
  readonly capabilities: EngineCapabilities;
  /**
   * The schema migrations must keep their bookkeeping tables in: the connection's current schema on PostgreSQL
   * (several Newsdesk databases may share one server under different search paths), none on SQLite.
   */
  migrationSchema(): Promise<string | undefined>;
  /**
   * Runs `migrate` while no other Newsdesk migration runs on the same database server's database: on PostgreSQL,
   * Kysely's migrator reads the catalog of every schema, which fails when another schema's migration drops a table
   * at that moment. One at a time on SQLite anyway (the file's write lock).
   */
  oneMigrationAtATime<T>(migrate: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
