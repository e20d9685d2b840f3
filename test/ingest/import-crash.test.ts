/**
 * An import killed with SIGKILL part-way through the Reuters corpus, then run again: every story is in the store
 * exactly once, and the stories written before the crash are still related after the resumed run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusSlice } from '../support/corpus.js';

const RECORDS = 4000;
const KILL_AFTER = 1500;
const entry = ['--import', 'tsx', path.resolve('src/cli/main.ts')];

describe('an import killed part-way', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-crash-'));
  const file = corpusSlice('reuters21578', 1, RECORDS + 1);
  const dbFile = path.join(dataDir, 'newsdesk.sqlite');
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const importRun = () =>
    spawn(process.execPath, [...entry, 'import', file], { env: { ...process.env, NEWSDESK_DATA: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });

  /** Articles committed so far, read through a separate connection as another process would. */
  function committed(): number {
    if (!fs.existsSync(dbFile)) return 0;
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      const table = db.prepare("select count(*) as n from sqlite_master where name = 'article'").get() as { n: number };
      return table.n ? (db.prepare('select count(*) as n from article').get() as { n: number }).n : 0;
    } finally {
      db.close();
    }
  }

  it('finds every item exactly once after a restart', async () => {
    const first = importRun();
    const exited = new Promise<number | null>((resolve) => first.once('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? -9 : _code)));
    // Poll the store until enough batches have committed, then kill the importer without warning.
    const deadline = Date.now() + 120_000;
    while (committed() < KILL_AFTER && Date.now() < deadline) await delay(50);
    first.kill('SIGKILL');
    expect(await exited).toBe(-9);
    const before = committed();
    expect(before).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(before).toBeLessThan(RECORDS);

    const second = importRun();
    let output = '';
    second.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(0);
    const added = Number(/(\d+) added/.exec(output)![1]);
    const unchanged = Number(/(\d+) unchanged/.exec(output)![1]);
    expect(unchanged).toBe(before);

    const db = new Database(dbFile, { readonly: true });
    try {
      const ids = new Set(
        fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id),
      );
      const stored = db.prepare('select id from article').all() as { id: string }[];
      const rejected = ids.size - stored.length;
      expect(new Set(stored.map((r) => r.id)).size).toBe(stored.length);
      expect(stored.every((r) => ids.has(r.id))).toBe(true);
      expect(before + added).toBe(stored.length);
      expect(rejected).toBeLessThanOrEqual(2);
      expect((db.prepare('select count(*) as n from revision where revision > 1').get() as { n: number }).n).toBe(0);
      expect((db.prepare('select count(*) as n from relate_queue').get() as { n: number }).n).toBe(0);
      const related = db.prepare('select count(distinct article_id) as n from article_related').get() as { n: number };
      expect(related.n).toBeGreaterThan(stored.length * 0.9);
    } finally {
      db.close();
    }
  }, 300_000);
});
