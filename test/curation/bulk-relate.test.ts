/** Relating a bulk import with a worker thread's help chooses exactly what relating it on one thread chooses. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARALLEL_RELATE_MINIMUM, relateMany, relatesInParallel } from '../../src/curation/bulk-relate.js';
import { defaultRelatedSettings, relateOne } from '../../src/curation/related.js';
import { TermIndex } from '../../src/curation/term-index.js';
import { extractTerms } from '../../src/curation/terms.js';
import { corpusFile } from '../support/corpus.js';

/** 1,500 Reuters stories, ten minutes apart, indexed as a bulk import indexes them. */
function reutersIndex(count: number): { index: TermIndex; ids: string[] } {
  const records = fs
    .readFileSync(corpusFile('reuters21578'), 'utf8')
    .split('\n', count)
    .map((line) => JSON.parse(line) as { title?: string; body?: string; topics?: string[] });
  const index = new TermIndex();
  const ids = records.map((record, i) => {
    const id = `story-${String(i).padStart(5, '0')}`;
    for (const term of extractTerms({ headline: record.title ?? '', text: record.body ?? '', topics: record.topics ?? [] })) {
      index.add({ articleId: id, term: term.term, weight: term.weight });
    }
    index.describe({ id, headline: record.title ?? '', publishedAt: new Date(Date.UTC(1987, 2, 1) + i * 600_000).toISOString() });
    return id;
  });
  return { index, ids };
}

describe('bulk relating', () => {
  const { index, ids } = reutersIndex(1_500);

  it('gives every story the list this thread gives it, with a worker relating part of them', async () => {
    const here = new Map<string, unknown>();
    for (const id of ids) here.set(id, await relateOne(index, id, ids.length));
    let reported = 0;
    let alongside = false;
    const parallel = await relateMany(index, ids, ids.length, defaultRelatedSettings, {
      parallel: true,
      onProgress: (done) => (reported = done),
      alongside: async () => void (alongside = true),
    });
    expect(alongside).toBe(true);
    expect([...parallel.keys()]).toEqual(ids);
    expect(Object.fromEntries(parallel)).toEqual(Object.fromEntries(here));
    expect(reported).toBe(ids.length);
    expect([...here.values()].filter((result) => (result as { entries: unknown[] }).entries.length >= 3).length).toBeGreaterThan(ids.length * 0.8);
  }, 120_000);

  it('rebuilds the same index from a snapshot', async () => {
    const copy = TermIndex.fromSnapshot(structuredClone(index.snapshot()));
    for (const id of ids.slice(0, 200)) expect(await relateOne(copy, id, ids.length)).toEqual(await relateOne(index, id, ids.length));
  });

  it('asks for a worker only for a big batch on a machine with a core to spare, and never when told this thread', () => {
    expect(relatesInParallel(PARALLEL_RELATE_MINIMUM, 'worker', 2)).toBe(true);
    expect(relatesInParallel(PARALLEL_RELATE_MINIMUM - 1, 'worker', 2)).toBe(false);
    expect(relatesInParallel(PARALLEL_RELATE_MINIMUM, 'worker', 1)).toBe(false);
    expect(relatesInParallel(PARALLEL_RELATE_MINIMUM * 10, 'this-thread', 8)).toBe(false);
  });
});
