/**
 * Stories' integer keys, on both engines: asked twice in one transaction they are the same keys (the second ask is
 * answered from the first); asked in a transaction that is rolled back, they are forgotten with it, and the next
 * transaction gets keys that are in the table.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { articleKeys } from '../../src/store/article-keys.js';
import { insertPlainStory } from '../support/database-before.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const disposals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const dispose of disposals) await dispose();
});

const TIME = '1987-03-11T09:00:00.000Z';

describe('articleKeys', () => {
  for (const engine of engines) {
    it(`${engine.name}: gives each story one key, and forgets the keys of a transaction rolled back`, async () => {
      const { store, dispose } = await engine.open();
      disposals.push(dispose);
      await store.transaction(async (trx) => {
        await trx.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
        for (const id of ['a', 'b', 'c']) await insertPlainStory(trx, id, TIME);
      });
      const rollback = new Error('rolled back on purpose');
      await expect(
        store.transaction(async (trx) => {
          const first = await articleKeys(trx, ['a', 'b', 'a']);
          expect([...first.keys()]).toEqual(['a', 'b']);
          const again = await articleKeys(trx, ['b', 'c']);
          expect(again.get('b')).toBe(first.get('b'));
          throw rollback;
        }),
      ).rejects.toBe(rollback);
      const keys = await store.transaction(async (trx) => {
        const given = await articleKeys(trx, ['c', 'a']);
        const again = await articleKeys(trx, ['a']);
        expect(again.get('a')).toBe(given.get('a'));
        return given;
      });
      const stored = await store.transaction((trx) => trx.selectFrom('article_key').select(['article_id', 'key']).orderBy('article_id').execute());
      expect(stored.map((r) => [r.article_id, Number(r.key)])).toEqual([
        ['a', keys.get('a')],
        ['c', keys.get('c')],
      ]);
      expect(keys.get('a')).not.toBe(keys.get('c'));
    });
  }
});
