/**
 * Migration 020 on an existing database, on both engines: each story's packed terms, filed by its id until now, are
 * filed by its integer key (a story packed without a key gets one); relating reads the same terms, and deleting a
 * story takes its pack with it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseBefore, databaseBefore, insertPlainStory } from '../support/database-before.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const TIME = '1987-03-11T09:00:00.000Z';
const frequencies: Record<string, number> = { crude: 2, opec: 1, wheat: 1 };
/** Each story's terms and weights; `a3` is packed but has no key yet. */
const packs: Record<string, Record<string, number>> = {
  a1: { crude: 2.5, opec: 1 },
  a2: { crude: 1 },
  a3: { wheat: 1.5 },
};

async function existingDatabase(engine: 'sqlite' | 'postgres'): Promise<DatabaseBefore> {
  const existing = await databaseBefore(engine, '020');
  cleanups.push(async () => existing.dispose());
  const db = existing.raw();
  await db.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
  const termIds = new Map<string, number>();
  for (const [term, df] of Object.entries(frequencies)) {
    const { id } = await db.insertInto('term_stat').values({ term, df }).returning('id').executeTakeFirstOrThrow();
    termIds.set(term, Number(id));
  }
  for (const [id, weights] of Object.entries(packs)) {
    await insertPlainStory(db, id, TIME);
    const terms = JSON.stringify(Object.entries(weights).map(([term, weight]) => [termIds.get(term)!, weight]));
    await db.insertInto('article_term_pack').values({ article_id: id, terms }).execute();
    if (id === 'a3') continue;
    const { key } = await db.insertInto('article_key').values({ article_id: id }).returning('key').executeTakeFirstOrThrow();
    const postings = Object.entries(weights).map(([term, weight]) => ({ term_id: termIds.get(term)!, article_key: Number(key), weight }));
    await db.insertInto('term_posting').values(postings).execute();
  }
  await db.destroy();
  return existing;
}

describe('migration 020 (term packs filed by story key) on an existing database', () => {
  for (const engine of engines) {
    it(`${engine.name}: keeps every story's terms, gives a key to a story without one, and drops a pack with its story`, async () => {
      const existing = await existingDatabase(engine.name);
      const store = existing.open();
      const db = existing.raw();
      try {
        expect(await store.migrate()).toContain('020-term-pack-by-key');
        for (const [id, weights] of Object.entries(packs)) {
          expect(await store.related.termsOf(id)).toEqual(
            Object.keys(weights).sort().map((term) => ({ term, weight: weights[term], df: frequencies[term] })),
          );
        }
        const filed = await db
          .selectFrom('article_term_pack as p')
          .innerJoin('article_key as k', 'k.key', 'p.article_key')
          .select('k.article_id')
          .orderBy('k.article_id')
          .execute();
        expect(filed.map((r) => r.article_id)).toEqual(['a1', 'a2', 'a3']);
        const pages = [];
        for await (const page of store.related.allPostings()) pages.push(...page);
        expect(pages.map((p) => `${p.articleId}/${p.term}`)).toEqual(['a1/crude', 'a1/opec', 'a2/crude', 'a3/wheat']);

        await db.deleteFrom('article').where('id', '=', 'a2').execute();
        const left = await db.selectFrom('article_term_pack').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
        expect(Number(left.n)).toBe(2);
        expect(await store.related.termsOf('a2')).toEqual([]);
      } finally {
        await store.close();
        await db.destroy();
      }
    });
  }
});
