/**
 * Migration 013 on an existing database, on both engines: the band index is rebuilt from the stored fingerprints,
 * keyed (day, band hash, article), each fingerprint learns its day, and near-duplicate lookups find the stories
 * fingerprinted before the migration exactly as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { bandDay } from '../../src/store/fingerprint-repository.js';
import { bandIndexRows, expectedBandRows } from '../support/band-index.js';
import { type DatabaseBefore, databaseBefore, insertPlainStory } from '../support/database-before.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const stories = [
  { id: 'a1', updatedAt: '1987-03-11T09:00:00.000Z', bands: ['0:00ff00ff00ff00ff', '1:ab12ab12ab12ab12'] },
  { id: 'a2', updatedAt: '1987-03-12T23:59:59.000Z', bands: ['0:00ff00ff00ff00ff', '2:0123456789abcdef'] },
  { id: 'a3', updatedAt: '1987-04-30T12:00:00.000Z', bands: ['x:fedcba9876543210'] },
];

/** A database of the chosen engine at the schema before 013, holding three fingerprinted stories. */
async function existingDatabase(engine: 'sqlite' | 'postgres'): Promise<DatabaseBefore> {
  const existing = await databaseBefore(engine, '013');
  cleanups.push(async () => existing.dispose());
  const db = existing.raw();
  await db.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
  for (const { id, updatedAt, bands } of stories) {
    await insertPlainStory(db, id, updatedAt);
    await db.insertInto('article_fingerprint').values({ article_id: id, simhash: '7', bands: JSON.stringify(bands) }).execute();
    await db.insertInto('fingerprint_band').values(bands.map((band) => ({ band, article_id: id }))).execute();
  }
  await db.destroy();
  return existing;
}

describe('migration 013 (band index by day) on an existing database', () => {
  for (const engine of engines) {
    it(`${engine.name}: rebuilds the band index from the fingerprints`, async () => {
      const existing = await existingDatabase(engine.name);
      const store = existing.open();
      const db = existing.raw();
      try {
        expect(await store.migrate()).toContain('013-band-index-by-day');
        expect(await bandIndexRows(db)).toEqual(stories.flatMap(({ id, updatedAt, bands }) => expectedBandRows(id, bandDay(updatedAt), bands)).sort());
        const days = await db.selectFrom('article_fingerprint').select(['article_id', 'day']).orderBy('article_id').execute();
        expect(days).toEqual(stories.map(({ id, updatedAt }) => ({ article_id: id, day: bandDay(updatedAt) })));

        const [shared, exact, tooLate] = await store.fingerprints.candidatesForAll([
          { bands: ['0:00ff00ff00ff00ff'], from: '1987-03-10T00:00:00.000Z', to: '1987-03-13T00:00:00.000Z' },
          { bands: ['x:fedcba9876543210'], from: '1987-04-29T00:00:00.000Z', to: '1987-05-02T00:00:00.000Z' },
          { bands: ['1:ab12ab12ab12ab12'], from: '1987-03-11T09:00:01.000Z', to: '1987-03-14T00:00:00.000Z' },
        ]);
        expect(shared!.map((f) => f.articleId)).toEqual(['a1', 'a2']);
        expect(exact).toEqual([{ articleId: 'a3', simhash: '7', bands: stories[2]!.bands }]);
        expect(tooLate).toEqual([]);
      } finally {
        await store.close();
        await db.destroy();
      }
    });
  }
});
