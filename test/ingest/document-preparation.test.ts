/** Wire documents read and drafted on a worker thread give exactly what reading them here gives. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import { type PrepareOn, defaultPrepareOn, prepareDocuments } from '../../src/ingest/document-preparation.js';
import { Importer } from '../../src/ingest/importer.js';
import { type ReadDocument, draftItem } from '../../src/ingest/wire-document.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { sharedData, tempFile } from '../support/corpus.js';

const NOW = new Date('2015-09-11T21:00:00Z');
const defaults = { section: 'Wire' };

/** Every document of the wire samples (schemas aside): valid and invalid ones, in every format. */
const samples = fs
  .readFileSync(path.join(sharedData, 'wire-samples', 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]!)
  .filter((file) => file && !/-schema\//.test(file))
  .map((file) => path.join(sharedData, 'wire-samples', file));

async function readAll(files: string[], prepareOn: PrepareOn, stored: ReadonlySet<string> = new Set()): Promise<ReadDocument[]> {
  const documents = prepareDocuments(files, { defaults, source: null, now: () => NOW, stored: async () => stored }, prepareOn);
  try {
    const read: ReadDocument[] = [];
    for (const _ of files) read.push(await documents.next());
    return read;
  } finally {
    await documents.close();
  }
}

describe('documents prepared on a worker', () => {
  it('reads every wire sample as this thread does, and drafts each item as this thread would', async () => {
    expect(samples.length).toBeGreaterThan(500);
    const [here, worker] = await Promise.all([readAll(samples, 'this-thread'), readAll(samples, 'worker')]);
    expect(worker.map(({ rejected }) => rejected)).toEqual(here.map(({ rejected }) => rejected));
    expect(worker.map(({ items }) => items.map(({ draft: _, ...item }) => item))).toEqual(here.map(({ items }) => items));
    const items = here.flatMap((document) => document.items);
    expect(items.length).toBeGreaterThan(500);
    expect(worker.flatMap((document) => document.items.map((item) => item.draft))).toEqual(items.map((item) => draftItem(item, NOW)));
    // Invalid items come back as the reason they are invalid, as the importer reports it.
    expect(worker.flatMap((d) => d.items).some((item) => item.draft && 'error' in item.draft)).toBe(true);
  });

  it('drafts only the items whose stories are not in the store yet', async () => {
    const file = path.join(sharedData, 'wire-samples', 'newsml-g2', 'superdesk', 'ap.xml');
    const [first] = await readAll([file, file], 'this-thread');
    const storedId = first!.items[0]!.id;
    const [read] = await readAll([file, file], 'worker', new Set([storedId]));
    expect(read!.items.find((item) => item.id === storedId)!.draft).toBeUndefined();
    expect(read!.items.filter((item) => item.id !== storedId).every((item) => item.draft && 'write' in item.draft)).toBe(true);
  });

  it('prepares on a worker by default only when there is a core for it', () => {
    expect(defaultPrepareOn(1)).toBe('this-thread');
    expect(defaultPrepareOn(2)).toBe('worker');
  });

  it('fails the document it cannot read, naming it, and not the ones before it', async () => {
    const good = path.join(sharedData, 'wire-samples', 'newsml-g2', 'superdesk', 'ap.xml');
    const missing = path.join(sharedData, 'wire-samples', 'no-such-document.xml');
    const documents = prepareDocuments([good, missing], { defaults, source: null, now: () => NOW, stored: async () => new Set() }, 'worker');
    try {
      expect((await documents.next()).items.length).toBeGreaterThan(0);
      await expect(documents.next()).rejects.toThrow(/no-such-document\.xml/);
    } finally {
      await documents.close();
    }
  });
});

describe('a bulk import prepared on a worker', () => {
  let here: TestApp;
  let worker: TestApp;
  beforeAll(async () => {
    [here, worker] = await Promise.all([startTestApp({ clock: fixedClock(NOW) }), startTestApp({ clock: fixedClock(NOW) })]);
  });
  afterAll(() => Promise.all([here.close(), worker.close()]));

  it('takes in what an import prepared on this thread takes in: stories, updates, copies and rejections', async () => {
    const story = (guid: string, version: number, headline: string, text: string, at: string) =>
      JSON.stringify({ uri: guid, version: String(version), type: 'text', headline, body_text: text, versioncreated: at });
    const text = 'The central bank raised its main lending rate by half a point to curb inflation, the governor said on Monday.';
    const files = [
      ...samples.filter((file) => /\/(ninjs|newsml-g2|rss|atom)\//.test(file)).slice(0, 60),
      tempFile('bulk-1.json', story('urn:bulk:1', 1, 'Bank raises rate', text, '1987-03-02T10:00:00Z')),
      tempFile('bulk-2.json', story('urn:bulk:2', 1, 'Bank raises its rate', `${text} Markets rose.`, '1987-03-02T12:00:00Z')),
      tempFile('bulk-3.json', story('urn:bulk:1', 2, 'Bank raises rate by half a point', text, '1987-03-02T14:00:00Z')),
    ];
    const importAll = (app: TestApp, prepareOn: PrepareOn) =>
      new Importer(app.services.publisher, app.services.curation, app.services.store, app.services.clock).importFiles(files, { defaults, prepareOn });
    const expected = await importAll(here, 'this-thread');
    const got = await importAll(worker, 'worker');
    expect(got).toEqual(expected);
    expect(expected.added).toBeGreaterThan(20);
    expect(expected.updated).toBeGreaterThan(0);
    expect(expected.duplicate).toBeGreaterThan(0);
    expect(expected.rejected.length).toBeGreaterThan(0);
    const later = '2100-01-01T00:00:00.000Z';
    const stories = async ({ services: { store } }: TestApp) =>
      Promise.all((await store.articles.list({ now: later, limit: 500 })).map((summary) => store.articles.findById(summary.id, later)));
    expect(await stories(worker)).toEqual(await stories(here));
  });
});
