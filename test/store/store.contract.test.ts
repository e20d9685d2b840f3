/** One contract, every engine: the store must behave identically on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Curation, EDITORS_PICKS } from '../../src/curation/index.js';
import type { ArticleInput } from '../../src/domain/article.js';
import { fixedClock } from '../../src/domain/clock.js';
import { Publisher } from '../../src/newsroom/publisher.js';
import type { Store } from '../../src/store/index.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const NOW = '2015-09-11T13:03:00.000Z';
const clock = fixedClock(new Date(NOW));

function story(id: string, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    id,
    headline: `Story ${id}`,
    bodyHtml: `<p>Body of ${id}.</p>`,
    section: 'World',
    source: 'Xinhua',
    topics: ['Cyber Security'],
    publishedAt: '2015-09-11T10:00:00Z',
    ...overrides,
  };
}

describe.each(engines)('store on $name', (engine) => {
  let store: Store;
  let publisher: Publisher;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await engine.open());
    publisher = new Publisher(store, new Curation(store), clock, () => 'generated');
  });
  afterAll(() => dispose());

  it('migrates once and then reports nothing to do', async () => {
    expect(await store.migrate()).toEqual([]);
  });

  it('adds, leaves identical content unchanged, and turns a change into a revision', async () => {
    const first = await publisher.writeBatch([publisher.prepare(story('rev-1', { headline: 'China urges US to stop' }))]);
    expect(first.outcomes).toEqual(['added']);
    const again = await publisher.writeBatch([publisher.prepare(story('rev-1', { headline: 'China urges US to stop' }))]);
    expect(again.outcomes).toEqual(['unchanged']);
    const changed = await publisher.writeBatch([
      publisher.prepare(story('rev-1', { headline: 'China urges US to stop accusations', updatedAt: '2015-09-11T12:00:00Z' })),
    ]);
    expect(changed.outcomes).toEqual(['updated']);

    const article = await store.articles.findById('rev-1', NOW);
    expect(article).toMatchObject({
      headline: 'China urges US to stop accusations',
      slug: 'china-urges-us-to-stop',
      revision: 2,
      firstPublishedAt: '2015-09-11T10:00:00.000Z',
      updatedAt: '2015-09-11T12:00:00.000Z',
      section: { slug: 'world', name: 'World' },
      source: { slug: 'xinhua', creditLine: '(Xinhua)' },
      topics: [{ slug: 'cyber-security', name: 'Cyber Security' }],
    });
    const revisions = await store.articles.revisions('rev-1');
    expect(revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(JSON.parse(revisions[0]!.snapshot).headline).toBe('China urges US to stop');
  });

  it('gives clashing headlines distinct slugs', async () => {
    await publisher.writeBatch(['slug-a', 'slug-b', 'slug-c'].map((id) => publisher.prepare(story(id, { headline: 'Same words' }))));
    const slugs = await Promise.all(['slug-a', 'slug-b', 'slug-c'].map(async (id) => (await store.articles.findById(id, NOW))!.slug));
    expect(slugs).toEqual(['same-words', 'same-words-2', 'same-words-3']);
    expect((await store.articles.findBySlug('same-words-2', NOW))!.id).toBe('slug-b');
  });

  it('writes a batch all or nothing', async () => {
    const good = publisher.prepare(story('atomic-good'));
    const bad = { ...publisher.prepare(story('atomic-bad')), image: { url: '/x.png', alt: null as unknown as string, width: null, height: null, caption: null, credit: null } };
    await expect(publisher.writeBatch([good, bad])).rejects.toThrow();
    expect(await store.articles.findById('atomic-good', NOW)).toBeNull();
  });

  describe('lists', () => {
    beforeAll(async () => {
      await publisher.writeBatch(
        [
          story('list-1', { section: 'Business', topics: ['Trade'], publishedAt: '2015-09-11T08:00:00Z', priority: 5 }),
          story('list-2', { section: 'Business', topics: ['Trade'], publishedAt: '2015-09-11T08:00:00Z' }),
          story('list-3', { section: 'Business', publishedAt: '2015-09-10T08:00:00Z', source: 'Reuters', priority: 9 }),
          story('list-future', { section: 'Business', publishedAt: '2015-09-12T08:00:00Z' }),
          story('list-draft', { section: 'Business', status: 'draft', publishedAt: null }),
        ].map((s) => publisher.prepare(s)),
      );
    });

    it('lists newest first with the id as tie-breaker, hiding drafts and the future', async () => {
      const business = await store.articles.list({ now: NOW, sectionId: 'business', limit: 10 });
      expect(business.map((a) => a.id)).toEqual(['list-2', 'list-1', 'list-3']);
    });

    it('pages by keyset', async () => {
      const page = await store.articles.list({
        now: NOW,
        sectionId: 'business',
        before: { publishedAt: '2015-09-11T08:00:00.000Z', id: 'list-2' },
        limit: 10,
      });
      expect(page.map((a) => a.id)).toEqual(['list-1', 'list-3']);
    });

    it('filters by topic and by source', async () => {
      expect((await store.articles.list({ now: NOW, topicId: 'trade', limit: 10 })).map((a) => a.id)).toEqual(['list-2', 'list-1']);
      expect((await store.articles.list({ now: NOW, sourceId: 'reuters', limit: 10 })).map((a) => a.id)).toEqual(['list-3']);
    });

    it('orders by priority then recency within a window', async () => {
      const top = await store.articles.byPriority('2015-09-11T00:00:00.000Z', NOW, 3);
      // list-1 has the priority; the rest tie on priority 0 and 10:00, so the id decides, descending.
      expect(top.map((a) => a.id)).toEqual(['list-1', 'slug-c', 'slug-b']);
    });

    it('counts topics in a window, most frequent first', async () => {
      const counts = await store.taxonomy.topicFrequencies('2015-09-11T00:00:00.000Z', NOW, 5);
      expect(counts[0]).toEqual({ topic: { id: 'cyber-security', slug: 'cyber-security', name: 'Cyber Security' }, count: expect.any(Number) });
      expect(counts.find((c) => c.topic.id === 'trade')?.count).toBe(2);
    });
  });

  it('keeps document frequencies in step when terms change', async () => {
    await publisher.writeBatch([publisher.prepare(story('df-1', { headline: 'Zeppelin lands', bodyHtml: '<p>zeppelin</p>', topics: [] }))]);
    const df = async () => (await store.related.termsOf('df-1')).find((t) => t.term === 'zeppelin')?.df;
    expect(await df()).toBe(1);
    await publisher.writeBatch([publisher.prepare(story('df-2', { headline: 'Zeppelin returns', topics: [] }))]);
    expect(await df()).toBe(2);
    await publisher.writeBatch([publisher.prepare(story('df-2', { headline: 'Balloon returns', topics: [] }))]);
    expect(await df()).toBe(1);
    // The index by term follows: the story is found by its new terms and no longer by its old ones.
    const carrying = async (term: string) => (await store.related.postings([term], 'none')).map((p) => p.articleId);
    expect(await carrying('zeppelin')).toEqual(['df-1']);
    const balloon = (await store.related.termsOf('df-2')).find((t) => t.term.startsWith('balloon'))!;
    expect(balloon.df).toBe(1);
    expect(await carrying(balloon.term)).toEqual(['df-2']);
  });

  it('stores related lists and shows only visible entries', async () => {
    await store.related.replace('list-1', [
      { relatedId: 'list-future', score: 3 },
      { relatedId: 'list-3', score: 2 },
      { relatedId: 'list-2', score: 1 },
    ]);
    expect((await store.related.relatedOf('list-1', NOW, 5)).map((a) => a.id)).toEqual(['list-3', 'list-2']);
  });

  it('keeps collections in order and drops expired items', async () => {
    await store.collections.put({ slug: EDITORS_PICKS, name: "Editor's Picks" }, [
      { articleId: 'list-3' },
      { articleId: 'list-1', expiresAt: '2015-09-11T00:00:00.000Z' },
      { articleId: 'list-2', expiresAt: '2015-09-12T00:00:00.000Z' },
    ]);
    expect((await store.collections.items(EDITORS_PICKS, NOW, 10)).map((a) => a.id)).toEqual(['list-3', 'list-2']);
  });

  it('round-trips the edition settings', async () => {
    await store.settings.saveEdition({ siteName: 'Daily', timeZone: 'Asia/Shanghai' });
    expect(await store.settings.edition()).toMatchObject({ siteName: 'Daily', timeZone: 'Asia/Shanghai', locale: 'en-GB' });
  });
});
