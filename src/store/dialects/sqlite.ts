import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type DatabaseConnection, Kysely, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';
import type { Database } from '../schema.js';
import type { Engine } from './engine.js';
import { withStatementCache } from './statement-cache.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/** Log size at which checkpoints move to a thread of their own (`wal-checkpointer.ts`). */
export const CHECKPOINT_THREAD_START_BYTES = 16 * 1024 * 1024;

export interface SqliteOptions {
  checkpointThreadStartBytes?: number;
}

export interface SqliteEngine extends Engine {
  /** Null for an in-memory database, which has no log. */
  readonly checkpointer: WalCheckpointer | null;
}

/**
 * The embedded engine: one file, WAL so readers never wait for the writer, and synchronous=FULL so a write that
 * returned survives a crash of the process or the machine. Statements stay prepared between queries.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteEngine {
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
  // Checkpoints run on a thread of their own once the WAL outgrows 16 MiB (`wal-checkpointer.ts`). This connection
  // checkpoints by itself only at 256 MiB, should that thread fall behind or fail: rather than at 1,000 pages, the
  // default, as an import commit rewrites the same index pages again and again, and each checkpoint copied all of
  // them into the database file once more (full Reuters import: 4.6 -> 3.9 GB written at 64 MiB). Durability is
  // unchanged (synchronous=FULL still syncs the WAL on every commit); readers scan a longer WAL index at most. The
  // WAL file is cut back to 64 MiB after a checkpoint.
  connection.pragma('wal_autocheckpoint = 65536');
  connection.pragma('journal_size_limit = 67108864');
  const checkpointer =
    file === ':memory:'
      ? null
      : new WalCheckpointer(file, {
          startAtBytes: options.checkpointThreadStartBytes ?? CHECKPOINT_THREAD_START_BYTES,
          onFailure: (error) => console.warn(`newsdesk: ${error.message}; checkpoints go on after commits instead`),
        });
  const db = new Kysely<Database>({ dialect: new CheckpointingSqliteDialect({ database: withStatementCache(connection) }, checkpointer) });
  return {
    name: 'sqlite',
    db,
    capabilities: { maxBindParameters: 32_766, concurrentWriters: false },
    checkpointer,
    migrationSchema: async () => undefined,
    oneMigrationAtATime: (migrate) => migrate(),
    close: async () => {
      // The checkpointing thread's connection closes first, so this one is the last and leaves the file whole.
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

/** Kysely's SQLite dialect, telling the checkpointer of every commit. */
class CheckpointingSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly checkpointer: WalCheckpointer | null,
  ) {
    super(config);
  }

  override createDriver() {
    const checkpointer = this.checkpointer;
    return new (class extends SqliteDriver {
      override async commitTransaction(connection: DatabaseConnection): Promise<void> {
        await super.commitTransaction(connection);
        checkpointer?.committed();
      }
    })(this.config);
  }
}
