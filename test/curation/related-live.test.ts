/**
 * Related Stories on a running site: publishing a story through the Admin API refreshes the lists it now belongs
 * to and drops those pages from the cache, so the older story's page shows it at once; editors' pins and
 * exclusions apply on top; stories of one developing story share a thread.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePath } from '../../src/domain/article.js';
import { fixedClock } from '../../src/domain/clock.js';
import { clientFor } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';

const NOW = new Date('2014-03-11T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const story = (id: string, headline: string, body: string, at: string) => ({
  id,
  headline,
  bodyHtml: `<p>${body}</p>`,
  section: 'Business',
  topics: [],
  status: 'published' as const,
  publishedAt: at,
});

describe('related stories on the live site', () => {
  let t: TestApp;
  let newId = '';
  /** The Related Stories part of a story's page. */
  const relatedOnPage = async (id: string) => {
    const article = (await t.services.store.articles.findById(id, NOW.toISOString()))!;
    const page = await t.app.inject(articlePath(article, 'UTC'));
    expect(page.statusCode).toBe(200);
    return /<section class="related"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock(NOW) });
    await t.services.store.settings.set({ 'edition.timeZone': 'UTC' });
    await t.services.publisher.publish([
      story('gox-1', 'Bitcoin exchange Mt. Gox files for bankruptcy', 'Mt. Gox, the Tokyo bitcoin exchange, filed for bankruptcy after losing bitcoins worth millions.', hoursAgo(30)),
      story('gox-2', 'Mt. Gox bankruptcy: chief Mark Karpeles apologises', 'Mark Karpeles of Mt. Gox, the Tokyo bitcoin exchange, apologised for its bankruptcy after losing bitcoins worth millions.', hoursAgo(20)),
      story('cocoa', 'Cocoa harvest falls in Bahia after drought', 'The cocoa harvest in Bahia fell after months of drought, growers said.', hoursAgo(10)),
      story('fed', 'Fed official Plosser sees case for faster taper', 'Federal Reserve official Charles Plosser said the Fed may have to speed up tapering.', hoursAgo(5)),
    ]);
  }, 60_000);
  afterAll(() => t.close());

  it('shows a newly published story on the pages of the stories it relates to, at once', async () => {
    const before = await relatedOnPage('gox-1');
    expect(before).toContain('Karpeles');
    expect(before).not.toContain('US bankruptcy protection');

    const owner = await clientFor(t.app, t.services, 'owner');
    const created = await owner.call('POST', '/articles', {
      headline: 'Bitcoin exchange Mt. Gox seeks US bankruptcy protection',
      bodyHtml: '<p>Mt. Gox, the Tokyo bitcoin exchange, filed for bankruptcy protection in the US after losing bitcoins worth millions.</p>',
      section: 'Business',
      topics: [],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    newId = id;
    const started = Date.now();
    const published = await owner.call('POST', `/articles/${id}/transitions`, { action: 'publish' });
    expect(published.statusCode).toBe(200);

    const after = await relatedOnPage('gox-1');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(after).toContain('US bankruptcy protection');
    expect((await t.services.store.related.rankedOf('gox-2', 12)).map((e) => e.relatedId)).toContain(id);
    // A story unrelated to it keeps its list.
    expect((await t.services.store.related.rankedOf('cocoa', 12)).map((e) => e.relatedId)).not.toContain(id);
  });

  it('groups the developing story into a thread, oldest first', async () => {
    const thread = await t.services.curation.threadOf('gox-1', NOW);
    expect(thread).not.toBeNull();
    const ids = thread!.timeline.map((s) => s.id);
    expect(ids[0]).toBe('gox-1');
    expect(ids).toContain(newId);
    expect(ids).not.toContain('cocoa');
    expect(await t.services.curation.threadOf('cocoa', NOW)).toBeNull();
    expect((await t.services.curation.thread(thread!.id, NOW))!.timeline).toEqual(thread!.timeline);
  });

  it("applies editors' pins and exclusions on top, and the page follows", async () => {
    await relatedOnPage('gox-1');
    await t.services.curation.setRelatedOverrides('gox-1', { pinned: ['fed'], excluded: ['gox-2'] });
    const ranked = (await t.services.store.related.rankedOf('gox-1', 12)).map((e) => e.relatedId);
    expect(ranked[0]).toBe('fed');
    expect(ranked).not.toContain('gox-2');
    expect(await t.services.curation.relatedOverrides('gox-1')).toEqual({ pinned: ['fed'], excluded: ['gox-2'] });
    const page = await relatedOnPage('gox-1');
    expect(page).toContain('Plosser');
    expect(page).not.toContain('Karpeles');
    // Relating again (the story updated) keeps the editors' choices.
    await t.services.curation.refreshRelated(['gox-1']);
    expect((await t.services.store.related.rankedOf('gox-1', 12)).map((e) => e.relatedId)[0]).toBe('fed');
  });
});
