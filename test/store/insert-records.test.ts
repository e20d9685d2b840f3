/**
 * Batches of records inserted with statements built as text, on both engines: every record lands whatever the
 * batch's size (taken in power-of-two steps), and the conflict clause applies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { insertRecords } from '../../src/store/insert-records.js';
import type { Store } from '../../src/store/index.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const disposals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposals) await dispose();
});

async function frequencies(store: Store): Promise<Record<string, number>> {
  const rows = await store.transaction((trx) => trx.selectFrom('term_stat').select(['term', 'df']).execute());
  return Object.fromEntries(rows.map((r) => [r.term, Number(r.df)]));
}

describe('insertRecords', () => {
  for (const engine of engines) {
    it(`${engine.name}: inserts batches of any size, and applies the conflict clause`, async () => {
      const { store, dispose } = await engine.open();
      disposals.push(dispose);
      // 7 = 4 + 2 + 1 rows; 15,001 takes steps as large as the parameter limit allows.
      const first = Array.from({ length: 7 }, (_, i) => ({ term: `t${i}`, df: i }));
      const many = Array.from({ length: 15_001 }, (_, i) => ({ term: `m${i}`, df: 1 }));
      await store.transaction(async (trx) => {
        await insertRecords(trx, 'term_stat', first);
        await insertRecords(trx, 'term_stat', many);
        await insertRecords(trx, 'term_stat', [], 'on conflict (term) do nothing');
        await insertRecords(trx, 'term_stat', [{ term: 't1', df: 10 }, { term: 'new', df: 2 }], 'on conflict (term) do update set df = term_stat.df + excluded.df');
      });
      const df = await frequencies(store);
      expect(Object.keys(df)).toHaveLength(7 + 15_001 + 1);
      expect([df.t0, df.t1, df.t6, df.new, df.m0, df.m15000]).toEqual([0, 11, 6, 2, 1, 1]);
    });
  }
});
