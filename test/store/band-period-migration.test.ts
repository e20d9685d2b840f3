/**
 * Migration 017 on an existing database, on both engines: band keys filed by day move to the first day of their
 * seven-day period, with each fingerprint's day, and near-duplicate lookups find what they found before, also
 * across a period's boundary.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { bandDay, bandHash } from '../../src/store/fingerprint-repository.js';
import { bandIndexRows, expectedBandRows } from '../support/band-index.js';
import { type DatabaseBefore, databaseBefore, insertPlainStory } from '../support/database-before.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const DAY_MS = 86_400_000;
// 1987-03-12 is day 6,279 since 1970, the first day of a period: a1 and a2 lie on either side of the boundary.
const stories = [
  { id: 'a1', updatedAt: '1987-03-11T09:00:00.000Z', bands: ['0:00ff00ff00ff00ff', '1:ab12ab12ab12ab12'] },
  { id: 'a2', updatedAt: '1987-03-12T23:59:59.000Z', bands: ['0:00ff00ff00ff00ff', '2:0123456789abcdef'] },
  { id: 'a3', updatedAt: '1987-04-30T12:00:00.000Z', bands: ['x:fedcba9876543210'] },
];
const dayOf = (time: string) => Math.floor(Date.parse(time) / DAY_MS);

/** A database of the chosen engine at the schema before 017, its band keys filed by day as 013-016 filed them. */
async function existingDatabase(engine: 'sqlite' | 'postgres'): Promise<DatabaseBefore> {
  const existing = await databaseBefore(engine, '017');
  cleanups.push(async () => existing.dispose());
  const db = existing.raw();
  await db.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
  for (const { id, updatedAt, bands } of stories) {
    await insertPlainStory(db, id, updatedAt);
    await db.insertInto('article_fingerprint').values({ article_id: id, simhash: '7', bands: JSON.stringify(bands), day: dayOf(updatedAt) }).execute();
    const rows = [...new Set(bands.map(bandHash))].map((band) => ({ day: dayOf(updatedAt), band, article_id: id }));
    await db.insertInto('fingerprint_band').values(rows).execute();
  }
  await db.destroy();
  return existing;
}

describe('migration 017 (band index by seven-day period) on an existing database', () => {
  it('files a time under the first day of its period', () => {
    expect(bandDay('1987-03-12T00:00:00.000Z')).toBe(6279);
    expect(bandDay('1987-03-18T23:59:59.999Z')).toBe(6279);
    expect(bandDay('1987-03-11T23:59:59.999Z')).toBe(6272);
    expect(bandDay('1969-12-31T12:00:00.000Z')).toBe(-7);
  });

  for (const engine of engines) {
    it(`${engine.name}: moves every key and fingerprint to its period, and lookups find the same stories`, async () => {
      const existing = await existingDatabase(engine.name);
      const store = existing.open();
      const db = existing.raw();
      try {
        expect(await store.migrate()).toContain('017-band-index-by-period');
        const rows = await bandIndexRows(db);
        expect(rows).toEqual(stories.flatMap(({ id, updatedAt, bands }) => expectedBandRows(id, bandDay(updatedAt), bands)).sort());
        expect(new Set(rows.map((r) => Number(r.split('/')[0])))).toEqual(new Set([6272, 6279, 6328]));
        const days = await db.selectFrom('article_fingerprint').select(['article_id', 'day']).orderBy('article_id').execute();
        expect(days).toEqual(stories.map(({ id, updatedAt }) => ({ article_id: id, day: bandDay(updatedAt) })));

        const [acrossBoundary, exact, tooLate] = await store.fingerprints.candidatesForAll([
          { bands: ['0:00ff00ff00ff00ff'], from: '1987-03-10T00:00:00.000Z', to: '1987-03-13T00:00:00.000Z' },
          { bands: ['x:fedcba9876543210'], from: '1987-04-29T00:00:00.000Z', to: '1987-05-02T00:00:00.000Z' },
          { bands: ['1:ab12ab12ab12ab12'], from: '1987-03-11T09:00:01.000Z', to: '1987-03-14T00:00:00.000Z' },
        ]);
        expect(acrossBoundary!.map((f) => f.articleId)).toEqual(['a1', 'a2']);
        expect(exact).toEqual([{ articleId: 'a3', simhash: '7', bands: stories[2]!.bands }]);
        expect(tooLate).toEqual([]);

        // A story fingerprinted anew after the migration replaces its keys under its period.
        await store.transaction((trx) => store.fingerprints.putAll(trx, [{ articleId: 'a1', simhash: '8', bands: ['9:1111111111111111'], updatedAt: '1987-03-11T09:00:00.000Z' }]));
        expect((await bandIndexRows(db)).filter((r) => r.endsWith('/a1'))).toEqual(expectedBandRows('a1', 6272, ['9:1111111111111111']));
      } finally {
        await store.close();
        await db.destroy();
      }
    });
  }
});
