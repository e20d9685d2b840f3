import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import { Importer } from '../../src/ingest/importer.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { corpusSlice, tempFile } from '../support/corpus.js';
import { seedPageParts } from '../support/seed-page.js';

const defaults = { section: 'News' };

describe('JSON Lines import', () => {
  let t: TestApp;
  let importer: Importer;
  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock(new Date('2015-09-11T13:03:00Z')) });
    importer = new Importer(t.services.publisher, t.services.curation, t.services.store, t.services.clock);
  });
  afterAll(() => t.close());

  it('reports each bad line with its number while the good ones go in', async () => {
    const file = tempFile(
      'mixed.jsonl',
      [
        JSON.stringify({ id: 'ok-1', title: 'First good story', body: 'Text.', date: '2015-09-10T10:00:00Z' }),
        '{"id": "broken", "title": ',
        JSON.stringify({ id: 'bad-date', title: 'Bad date', date: 'last Tuesday' }),
        '',
        JSON.stringify({ id: 'ok-2', title: 'Second good story', category: 'sport', date: '2015-09-10T11:00:00Z' }),
        JSON.stringify(['not', 'an', 'object']),
      ].join('\n'),
    );
    const summary = await importer.importFiles([file], { defaults });
    expect(summary).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(summary.rejected.map((r) => [r.line, r.message])).toEqual([
      [2, expect.stringMatching(/^not valid JSON/)],
      [3, 'publishedAt "last Tuesday" is not an ISO 8601 time'],
      [6, 'line is not a JSON object'],
    ]);
    expect((await t.services.store.articles.findById('ok-2', '2016-01-01T00:00:00Z'))?.section.slug).toBe('sport');
  });

  it('changes nothing when the same file is imported again, and updates a changed record', async () => {
    const original = JSON.stringify({ id: 'idem-1', title: 'Original', body: 'One.', date: '2015-09-10T10:00:00Z' });
    const file = tempFile('idem.jsonl', `${original}\n`);
    expect((await importer.importFiles([file], { defaults })).added).toBe(1);
    expect(await importer.importFiles([file], { defaults })).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    const changed = tempFile('idem2.jsonl', `${original.replace('Original', 'Revised')}\n`);
    expect(await importer.importFiles([changed], { defaults })).toMatchObject({ added: 0, updated: 1 });
    const article = await t.services.store.articles.findById('idem-1', '2016-01-01T00:00:00Z');
    expect(article).toMatchObject({ headline: 'Revised', revision: 2, slug: 'original' });
  });
});

describe('a Reuters sample browsed as if live on 1987-03-11', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock(new Date('1987-03-11T18:00:00Z')) });
    const importer = new Importer(t.services.publisher, t.services.curation, t.services.store, t.services.clock);
    const summary = await importer.importFiles([corpusSlice('reuters21578', 1, 3001)], { defaults });
    expect(summary.added).toBeGreaterThan(2900);
  }, 300_000);
  afterAll(() => t.close());

  it('relates stories about the same subject', async () => {
    const { store } = t.services;
    const sample = await store.articles.list({ now: '1987-03-11T18:00:00.000Z', limit: 400 });
    let withTopics = 0;
    let sharing = 0;
    let shown = 0;
    for (const summary of sample) {
      const article = (await store.articles.findById(summary.id, '1987-03-11T18:00:00.000Z'))!;
      if (!article.topics.length) continue;
      const related = await t.services.curation.relatedFor(article, new Date('1987-03-11T18:00:00Z'));
      withTopics++;
      for (const r of related) {
        const other = (await store.articles.findById(r.id, '1987-03-11T18:00:00.000Z'))!;
        shown++;
        if (other.topics.some((topic) => article.topics.some((mine) => mine.id === topic.id))) sharing++;
      }
    }
    expect(withTopics).toBeGreaterThan(100);
    // Share of shown related stories that carry one of the story's own Reuters topics (measured: 0.79).
    expect(sharing / shown).toBeGreaterThan(0.75);
  }, 120_000);

  it('fills every part of the seed page on article pages', async () => {
    const stories = await t.services.store.articles.list({ now: '1987-03-11T18:00:00.000Z', limit: 2000 });
    const sample = stories.filter((_, i) => i % 100 === 0);
    expect(sample.length).toBeGreaterThanOrEqual(15);
    for (const story of sample) {
      const api = (await t.app.inject(`/api/v1/articles/${story.id}`)).json() as { url: string };
      const page = await t.app.inject(api.url);
      expect(page.statusCode, api.url).toBe(200);
      const parts = seedPageParts(page.body);
      expect(parts, api.url).toMatchObject({ headline: true, updated: true, source: true, share: true, breadcrumb: true });
      for (const list of ['related', 'topNews', 'hotTopics', 'editorsPicks'] as const) {
        expect(parts[list], `${list} on ${api.url}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
