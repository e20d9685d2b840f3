/**
 * Hot Topics from the store on both engines: mentions extracted when stories are indexed, a topic bursting in the
 * last hours ranked first with why, editors' pins, hides, renames and merges, and each topic's own page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/domain/article.js';
import { HOT_TOPICS_BOARD, HotTopicsIndex } from '../../src/curation/hot-topics.js';
import { ManualClock } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const NOW = new Date('2015-08-08T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

const story = (id: string, headline: string, at: string, body = ''): ArticleInput => ({
  id,
  headline,
  bodyHtml: `<p>${body || headline}</p>`,
  section: 'World',
  publishedAt: at,
  updatedAt: at,
});

describe.each(engines)('Hot Topics from the store on $name', (engine) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let hot: HotTopicsIndex;
  const clock = new ManualClock(NOW);

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    t = await startTestApp({ store: opened.store, clock });
    hot = new HotTopicsIndex(t.services.store);
    const baseline = [
      'Stock markets close higher in Tokyo',
      'Parliament debates the new budget',
      'Central bank keeps interest rates on hold',
      'Football club signs young striker',
      'Heatwave grips southern Europe',
      'Electric car sales rise again',
      'Museum opens a new wing',
      'Airline orders twenty new jets',
    ].map((headline, i) => story(`base-${i}`, headline, hoursAgo(6 + i * 2)));
    const burst = [
      story('soudelor-1', 'Typhoon Soudelor makes landfall in Taiwan', hoursAgo(2.5)),
      story('soudelor-2', 'Typhoon Soudelor leaves millions without power', hoursAgo(2)),
      story('soudelor-3', 'Typhoon Soudelor heads for mainland China', hoursAgo(1.2)),
      story('soudelor-4', 'Typhoon Soudelor: Fujian evacuates coastal towns', hoursAgo(0.5)),
      story('mh370-1', 'MH370 debris confirmed by Malaysia', hoursAgo(2.2)),
      story('mh370-2', 'Malaysia says MH370 wreckage found on Reunion', hoursAgo(1.5)),
      story('mh370-3', 'Families of MH370 passengers demand answers', hoursAgo(0.8)),
      story('later', 'Typhoon Soudelor weakens', '2015-08-09T12:00:00Z'),
    ];
    const stories = [...baseline, ...burst];
    await t.services.publisher.publish(stories);
    await hot.index(stories.map((s) => s.id!));
  });
  afterAll(async () => {
    await t.close();
    await dispose();
  });

  it('ranks what bursts in the last hours first, one topic per story, with why', async () => {
    const list = await hot.list(clock.now(), 8);
    expect(list[0]!.label).toMatch(/Soudelor/);
    expect(list[1]!.label).toMatch(/MH370/);
    expect(list[0]).toMatchObject({ reason: 'burst', articleIds: ['soudelor-4', 'soudelor-3', 'soudelor-2', 'soudelor-1'] });
    expect(list[0]!.slug).toMatch(/soudelor/);
    expect(list[0]!.explanation.text).toMatch(/^4 stories in the last 3 h against/);
    expect(list.flatMap((t) => t.articleIds)).not.toContain('later');
  });

  it('applies editors\' pins, hides, renames and merges', async () => {
    const [typhoon, mh370] = await hot.list(clock.now(), 8);
    const quiet = 'heatwave';
    await t.services.store.boards.replace(HOT_TOPICS_BOARD, 'all', [
      { itemId: quiet, action: 'pin', expiresAt: null },
      { itemId: mh370!.key, action: 'hide', expiresAt: null },
    ]);
    await hot.saveNames({ renamed: { [typhoon!.key]: 'The typhoon' }, merged: {} });
    const list = await hot.list(clock.now(), 8);
    expect(list[0]).toMatchObject({ key: quiet, pinned: true });
    expect(list[1]).toMatchObject({ key: typhoon!.key, label: 'The typhoon' });
    expect(list.map((t) => t.key)).not.toContain(mh370!.key);
    await t.services.store.boards.replace(HOT_TOPICS_BOARD, 'all', []);
    await hot.saveNames({ renamed: {}, merged: { [mh370!.key]: typhoon!.key } });
    const merged = await hot.list(clock.now(), 8);
    expect(merged[0]!.articleIds).toHaveLength(7);
    await hot.saveNames({ renamed: {}, merged: {} });
  });

  it('gives each topic its own page of the stories that mention it', async () => {
    const [typhoon] = await hot.list(clock.now(), 8);
    const page = await t.app.inject(`/topic/${typhoon!.slug}`);
    expect(page.statusCode).toBe(200);
    for (const headline of ['Typhoon Soudelor makes landfall in Taiwan', 'Typhoon Soudelor: Fujian evacuates coastal towns']) expect(page.body).toContain(headline);
    expect(page.body).not.toContain('Typhoon Soudelor weakens');
    expect((await t.app.inject('/topic/no-such-topic')).statusCode).toBe(404);
  });

  it('forgets what a story mentioned once it is no longer published', async () => {
    await t.services.store.transaction((trx) => trx.updateTable('article').set({ status: 'unpublished' }).where('id', '=', 'soudelor-4').execute());
    await hot.index(['soudelor-4']);
    const typhoon = (await hot.list(clock.now(), 8)).find((t) => /Soudelor/.test(t.label));
    expect(typhoon!.articleIds).toEqual(['soudelor-3', 'soudelor-2', 'soudelor-1']);
  });

  it('reads a story indexed again by what it mentions now', async () => {
    const window = () => t.services.store.mentions.window(hoursAgo(27), hoursAgo(3), NOW.toISOString());
    const before = (await window()).filter((r) => r.articleId === 'mh370-3');
    expect(before).toHaveLength(1);
    expect(before[0]!.keys.split('\x1e')).toContain('mh370');
    await t.services.store.transaction((trx) => trx.updateTable('article').set({ headline: 'Families of passengers demand answers', body_html: '<p>Families of passengers demand answers</p>' }).where('id', '=', 'mh370-3').execute());
    await hot.index(['mh370-3']);
    const after = (await window()).filter((r) => r.articleId === 'mh370-3');
    expect(after).toHaveLength(1);
    expect(after[0]!.keys.split('\x1e')).not.toContain('mh370');
    expect(after[0]!.keys.split('\x1e')).toContain('families');
  });

  it('ranks nothing in an empty window', async () => {
    expect(await hot.list(new Date('2000-01-01T00:00:00Z'), 8)).toEqual([]);
  });
});
