/**
 * Prepared-statement reuse for SQLite. Kysely's SQLite driver calls `prepare(sql)` for every query it runs, and
 * preparing (parsing and planning the SQL) costs more than running most of Newsdesk's statements; the store
 * issues a few hundred distinct statements over and over, so they are kept prepared here, keyed by their SQL text.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export interface StatementCacheLimits {
  /** Distinct statements kept; the least recently used goes first once the cache is full. */
  statements: number;
  /**
   * Of those, long ones (SQL over `shortSqlLength`): multi-row statements, each holding a plan for thousands of
   * parameters. Batches of rows come in power-of-two row counts (`values-statement.ts`), so their texts recur and
   * a few dozen cover an import; a long statement with an arbitrary row count rarely recurs, and this bound keeps
   * such statements from filling memory.
   */
  longStatements: number;
  shortSqlLength: number;
  /** Longer SQL is never kept. The longest batch, 8,192 rows of three columns, is about 90,000 characters. */
  maxSqlLength: number;
}

export const STATEMENT_CACHE_LIMITS: StatementCacheLimits = {
  statements: 500,
  longStatements: 64,
  shortSqlLength: 4_000,
  maxSqlLength: 100_000,
};

/**
 * `database` with a caching `prepare`. Safe because the driver serialises queries on its one connection: a cached
 * statement is never run again while an earlier run of it (a streamed read) is still open.
 */
export function withStatementCache(database: SqliteDatabase, limits: StatementCacheLimits = STATEMENT_CACHE_LIMITS): SqliteDatabase {
  const short = new LeastRecentlyUsed(limits.statements - limits.longStatements);
  const long = new LeastRecentlyUsed(limits.longStatements);
  return {
    close: () => {
      short.clear();
      long.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      if (sql.length > limits.maxSqlLength) return database.prepare(sql);
      const cache = sql.length <= limits.shortSqlLength ? short : long;
      const cached = cache.get(sql);
      if (cached) return cached;
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      return statement;
    },
  };
}

class LeastRecentlyUsed {
  private readonly entries = new Map<string, SqliteStatement>();

  constructor(private readonly size: number) {}

  get(sql: string): SqliteStatement | undefined {
    const statement = this.entries.get(sql);
    if (statement) {
      // Map keeps insertion order: re-inserting marks the statement as the most recently used.
      this.entries.delete(sql);
      this.entries.set(sql, statement);
    }
    return statement;
  }

  set(sql: string, statement: SqliteStatement): void {
    if (this.size <= 0) return;
    this.entries.set(sql, statement);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
