/** Relating in bulk (in-memory index) and one story at a time (store queries) must choose the same stories. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import { Importer } from '../../src/ingest/importer.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { corpusSlice } from '../support/corpus.js';

describe('related stories, bulk and incremental', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock(new Date('1987-03-11T18:00:00Z')) });
    const importer = new Importer(t.services.publisher, t.services.curation, t.services.store, t.services.clock);
    await importer.importFiles([corpusSlice('reuters21578', 1, 601)], { defaults: { section: 'News' } });
  }, 120_000);
  afterAll(() => t.close());

  it('computes identical lists either way', async () => {
    const { store, curation } = t.services;
    const ids = (await store.articles.list({ now: '1987-03-11T18:00:00.000Z', limit: 600 }))
      .filter((_, i) => i % 30 === 0)
      .map((a) => a.id);
    const lists = () => Promise.all(ids.map(async (id) => (await store.related.relatedOf(id, '1987-12-31T00:00:00.000Z', 12)).map((a) => a.id)));
    const bulk = await lists();
    expect(bulk.filter((l) => l.length >= 3).length).toBeGreaterThan(ids.length * 0.8);
    await curation.refreshRelated(ids);
    expect(await lists()).toEqual(bulk);
  });
});
