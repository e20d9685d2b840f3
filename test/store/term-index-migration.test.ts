/**
 * Migration 018 on an existing database, on both engines: the term index keyed by story ids and term texts becomes
 * one keyed by integers, with each story's terms packed in one row, and relating reads the same terms, weights,
 * frequencies and postings as before; a story indexed anew afterwards replaces its terms.
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
const terms: Record<string, Record<string, number>> = {
  a1: { crude: 2.5, opec: 1, quota: 0.75 },
  a2: { crude: 1, tanker: 3 },
  a3: { wheat: 1.5 },
};
// `tanker` has no frequency row, as a database written before frequencies were kept in step might lack one.
const frequencies = { crude: 2, opec: 1, quota: 1, wheat: 1 };

async function existingDatabase(engine: 'sqlite' | 'postgres'): Promise<DatabaseBefore> {
  const existing = await databaseBefore(engine, '018');
  cleanups.push(async () => existing.dispose());
  const db = existing.raw();
  await db.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
  for (const [id, weights] of Object.entries(terms)) {
    await insertPlainStory(db, id, TIME);
    await db.insertInto('article_term').values(Object.entries(weights).map(([term, weight]) => ({ article_id: id, term, weight }))).execute();
  }
  await db.insertInto('term_stat').values(Object.entries(frequencies).map(([term, df]) => ({ term, df }))).execute();
  await db.destroy();
  return existing;
}

describe('migration 018 (term index keyed by integers) on an existing database', () => {
  for (const engine of engines) {
    it(`${engine.name}: keeps every story's terms, weights and frequencies, and finds each story by its terms`, async () => {
      const existing = await existingDatabase(engine.name);
      const store = existing.open();
      const db = existing.raw();
      try {
        expect(await store.migrate()).toContain('018-term-index-by-key');
        const df: Record<string, number> = { ...frequencies, tanker: 1 };
        for (const [id, weights] of Object.entries(terms)) {
          expect(await store.related.termsOf(id)).toEqual(
            Object.keys(weights).sort().map((term) => ({ term, weight: weights[term], df: df[term] })),
          );
        }
        const carrying = async (term: string, exclude = 'none') =>
          (await store.related.postings([term], exclude)).map((p) => `${p.articleId}:${p.weight}`).sort();
        expect(await carrying('crude')).toEqual(['a1:2.5', 'a2:1']);
        expect(await carrying('crude', 'a1')).toEqual(['a2:1']);
        expect(await carrying('tanker')).toEqual(['a2:3']);
        expect((await store.related.candidates(['a2', 'a3'])).map((c) => [c.id, c.terms.map((t) => t.term)])).toEqual([
          ['a2', ['crude', 'tanker']],
          ['a3', ['wheat']],
        ]);
        const pages = [];
        for await (const page of store.related.allPostings()) pages.push(...page);
        expect(pages.map((p) => `${p.articleId}/${p.term}`)).toEqual(['a1/crude', 'a1/opec', 'a1/quota', 'a2/crude', 'a2/tanker', 'a3/wheat']);
        expect((await db.selectFrom('term_posting').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n).toEqual(engine.name === 'postgres' ? '6' : 6);
      } finally {
        await store.close();
        await db.destroy();
      }
    });
  }
});
