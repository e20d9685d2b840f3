/**
 * Prepared-statement reuse for SQLite. Kysely's SQLite driver calls `prepare(sql)` for every query it runs, and
 * preparing (parsing and planning the SQL) costs more than running most of Newsdesk's statements; the store
 * issues a few hundred distinct statements over and over, so they are kept prepared here, keyed by their SQL text.
 */
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct statements kept; the least recently used goes first once the cache is full. */
export const STATEMENT_CACHE_SIZE = 500;
/**
 * Longer SQL is not kept: a multi-row statement whose text carries an arbitrary row count rarely recurs and would
 * only push out the statements that do. Batches of records come in power-of-two row counts (`insert-records.ts`),
 * so their texts recur: the longest, 8,192 rows of three columns, is about 90,000 characters.
 */
export const MAX_CACHED_SQL_LENGTH = 100_000;

/**
 * `database` with a caching `prepare`. Safe because the driver serialises queries on its one connection: a cached
 * statement is never run again while an earlier run of it (a streamed read) is still open.
 */
export function withStatementCache(
  database: SqliteDatabase,
  size = STATEMENT_CACHE_SIZE,
  maxSqlLength = MAX_CACHED_SQL_LENGTH,
): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached) {
        // Map keeps insertion order: re-inserting marks the statement as the most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (sql.length <= maxSqlLength) {
        cache.set(sql, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
