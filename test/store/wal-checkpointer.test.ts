/**
 * SQLite's write-ahead log checkpointed on a thread of its own: none starts for a small log; once the log is big
 * enough, a commit asks for a checkpoint and goes on, the thread copies the log into the database file, and what
 * was committed is all there after the store closes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/dialects/sqlite.js';
import { WalCheckpointer } from '../../src/store/dialects/wal-checkpointer.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function databaseFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-checkpoint-'));
  folders.push(folder);
  return path.join(folder, 'test.sqlite');
}

/** A database in WAL mode whose writer never checkpoints by itself, with `rows` rows of 1 KB committed. */
function writer(file: string): SqliteDatabase.Database {
  const connection = new SqliteDatabase(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('wal_autocheckpoint = 0');
  connection.exec('create table note (id integer primary key, text text not null)');
  return connection;
}

function commitRows(connection: SqliteDatabase.Database, rows: number): void {
  const insert = connection.prepare('insert into note (text) values (?)');
  connection.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`${i} ${'x'.repeat(1_000)}`);
  })();
}

describe('WAL checkpoints on a thread of their own', () => {
  it('starts no thread while the log is smaller than its threshold', async () => {
    const file = databaseFile();
    const connection = writer(file);
    const checkpointer = new WalCheckpointer(file, { startAtBytes: 64 * 1024 * 1024 });
    commitRows(connection, 100);
    checkpointer.committed();
    await checkpointer.idle();
    expect(checkpointer.completed).toBe(0);
    await checkpointer.close();
    connection.close();
  });

  it('copies the whole log into the database file once asked, while the writer goes on', async () => {
    const file = databaseFile();
    const connection = writer(file);
    const failures: Error[] = [];
    const checkpointer = new WalCheckpointer(file, { startAtBytes: 1, onFailure: (error) => failures.push(error) });
    commitRows(connection, 2_000);
    checkpointer.committed();
    // Asked again while the first runs: one more checkpoint follows, not one per ask.
    commitRows(connection, 2_000);
    checkpointer.committed();
    checkpointer.committed();
    await checkpointer.idle();
    expect(failures).toEqual([]);
    expect(checkpointer.completed).toBeGreaterThanOrEqual(1);
    expect(checkpointer.completed).toBeLessThanOrEqual(2);
    // The log holds at least the last commit's 2,000 rows of 1 KB (the first may have been copied and the log reset).
    expect(checkpointer.last!.frames).toBeGreaterThan(400);
    expect(checkpointer.last!.copied).toBe(checkpointer.last!.frames);
    // Nothing is left for the writer to copy.
    const [own] = connection.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(own!.checkpointed).toBe(own!.log);
    await checkpointer.close();
    expect(connection.prepare('select count(*) as n from note').get()).toEqual({ n: 4_000 });
    connection.close();
  });

  it('runs behind a store: commits ask for checkpoints, and every row is there after the store is closed', async () => {
    const file = databaseFile();
    const engine = openSqlite(file, { checkpointThreadStartBytes: 1 });
    await sql`create table note (id integer primary key, text text not null)`.execute(engine.db);
    for (let batch = 0; batch < 5; batch++) {
      await engine.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 200; i++) await sql`insert into note (text) values (${`${batch}.${i} ${'y'.repeat(2_000)}`})`.execute(trx);
      });
    }
    await engine.checkpointer!.idle();
    expect(engine.checkpointer!.completed).toBeGreaterThanOrEqual(1);
    await engine.close();
    // The last connection closed: the log was folded in and removed, and the file alone holds every row.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new SqliteDatabase(file, { readonly: true });
    expect(reopened.prepare('select count(*) as n from note').get()).toEqual({ n: 1_000 });
    reopened.close();
  });

  it('keeps the process alive until the thread has closed, when nothing else does', () => {
    const sqliteModule = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/store/dialects/sqlite.ts')).href;
    const script = `
      import { sql } from 'kysely';
      import { openSqlite } from ${JSON.stringify(sqliteModule)};
      const engine = openSqlite(${JSON.stringify(databaseFile())}, { checkpointThreadStartBytes: 1 });
      await sql\`create table note (text text)\`.execute(engine.db);
      await engine.db.transaction().execute((trx) => sql\`insert into note values (\${'z'.repeat(10_000)})\`.execute(trx));
      await engine.close();
      console.log('closed');`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('closed');
    expect(child.status).toBe(0);
  });

  it('has no thread for an in-memory database', async () => {
    const engine = openSqlite(':memory:');
    expect(engine.checkpointer).toBeNull();
    await engine.close();
  });
});
