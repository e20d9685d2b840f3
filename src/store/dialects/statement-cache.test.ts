import { describe, expect, it } from 'vitest';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { STATEMENT_CACHE_LIMITS, withStatementCache } from './statement-cache.js';

const limits = (over: Partial<typeof STATEMENT_CACHE_LIMITS>) => ({ ...STATEMENT_CACHE_LIMITS, ...over });

function fakeDatabase() {
  const prepared: string[] = [];
  let closed = false;
  const database: SqliteDatabase = {
    close: () => {
      closed = true;
    },
    prepare: (sql: string) => {
      prepared.push(sql);
      return { sql } as unknown as SqliteStatement;
    },
  };
  return { database, prepared, isClosed: () => closed };
}

describe('withStatementCache', () => {
  it('prepares each statement once and hands back the same one', () => {
    const fake = fakeDatabase();
    const db = withStatementCache(fake.database);
    const first = db.prepare('select 1');
    expect(db.prepare('select 1')).toBe(first);
    db.prepare('select 2');
    expect(fake.prepared).toEqual(['select 1', 'select 2']);
  });

  it('drops the least recently used statement when full', () => {
    const fake = fakeDatabase();
    const db = withStatementCache(fake.database, limits({ statements: 3, longStatements: 1 }));
    db.prepare('a');
    db.prepare('b');
    db.prepare('a'); // a is now the most recently used
    db.prepare('c'); // pushes out b
    db.prepare('a');
    db.prepare('b');
    expect(fake.prepared).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps only a few long statements, and none too long', () => {
    const fake = fakeDatabase();
    const db = withStatementCache(fake.database, limits({ statements: 10, longStatements: 1, shortSqlLength: 5, maxSqlLength: 10 }));
    db.prepare('select 1');
    db.prepare('select 1');
    db.prepare('select 2'); // pushes out select 1: one long statement is kept
    db.prepare('select 1');
    db.prepare('a');
    db.prepare('a'); // short ones are kept beside it
    db.prepare('select 1');
    db.prepare('select 1 + 1');
    db.prepare('select 1 + 1');
    expect(fake.prepared).toEqual(['select 1', 'select 2', 'select 1', 'a', 'select 1 + 1', 'select 1 + 1']);
  });

  it('closes the database', () => {
    const fake = fakeDatabase();
    withStatementCache(fake.database).close();
    expect(fake.isClosed()).toBe(true);
  });
});
