/**
 * Today's Top News from the store: the day's stories ranked by priority, freshness, today's reads and source, with
 * the editors' settings and the reasons shown in the newsroom; readers' counts feed it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, ManualClock, clientFor } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';

const NOW = new Date('2015-09-11T12:00:00Z'); // 20:00 in Beijing, the demo edition's zone
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

describe('Top News ranking', () => {
  let t: TestApp;
  let editor: Client;
  const clock = new ManualClock(NOW);
  const order = async () => (await t.services.curation.topNews(clock.now(), 'Asia/Shanghai', 4)).map((s) => s.id);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await clientFor(t.app, t.services, 'owner');
    editor = await clientFor(t.app, t.services, 'editor');
    const story = (id: string, priority: number, at: string, source = 'Xinhua') => ({
      id,
      headline: `Story ${id}`,
      bodyHtml: `<p>Text of story ${id}.</p>`,
      section: 'World',
      source,
      priority,
      publishedAt: at,
      updatedAt: at,
    });
    await t.services.publisher.publish([
      story('urgent-morning', 6, hoursAgo(10)),
      story('routine-now', 0, hoursAgo(0.25)),
      story('routine-noon', 0, hoursAgo(5), 'Our Reporters'),
      story('yesterday', 9, '2015-09-10T12:00:00Z'),
    ]);
  });
  afterAll(() => t.close());

  it('ranks today\'s stories by priority and freshness, yesterday\'s only as filler', async () => {
    // urgent: ×4 × 2^(-10/6) = 1.26; routine-now: 2^(-0.25/6) = 0.97; routine-noon: 2^(-5/6) = 0.56.
    expect(await order()).toEqual(['urgent-morning', 'routine-now', 'routine-noon', 'yesterday']);
  });

  it('lets readers lift a story: counted reads feed the ranking', async () => {
    await t.services.store.reads.add([{ articleId: 'routine-noon', hour: NOW.toISOString().slice(0, 13), count: 400 }]);
    const res = await editor.call('PUT', '/boards/top-news/settings', { halfLifeHours: 6, readsWeight: 2, sourceWeights: '' });
    expect(res.statusCode, res.body).toBe(200);
    // routine-noon: 0.56 × (1 + 2) = 1.68 now leads.
    expect(await order()).toEqual(['routine-noon', 'urgent-morning', 'routine-now', 'yesterday']);
  });

  it('takes the editors\' half-life and source weights, and says why each story is where it is', async () => {
    await editor.call('PUT', '/boards/top-news/settings', { halfLifeHours: 24, readsWeight: 0, sourceWeights: 'Xinhua = 0.5' });
    // urgent: ×4 × 2^(-10/24) × 0.5 = 1.50; routine-noon: 2^(-5/24) = 0.87; routine-now: 0.5 × 0.99.
    expect(await order()).toEqual(['urgent-morning', 'routine-noon', 'routine-now', 'yesterday']);
    const board = (await editor.call('GET', '/boards/top-news')).json() as { ranking: { id: string; why: string }[] };
    expect(board.ranking.find((r) => r.id === 'urgent-morning')!.why).toBe('priority 6 (×4.0) · 10.0 h old (×0.75) · 0 reads today (×1.00) · Xinhua (×0.50)');
    expect(board.ranking.find((r) => r.id === 'yesterday')!.why).toBe('newest story, filling a quiet day');
    const page = await editor.page('/admin/boards');
    expect(page.body).toContain('priority 6 (×4.0) · 10.0 h old (×0.75)');
  });

  it('puts pins first and refuses settings that make no sense, naming the field', async () => {
    await editor.call('PUT', '/boards/top-news', { pinned: ['routine-now'] });
    expect((await order())[0]).toBe('routine-now');
    expect(((await editor.call('GET', '/boards/top-news')).json() as { ranking: { id: string; why: string }[] }).ranking[0]).toMatchObject({ id: 'routine-now', why: 'pinned' });
    const bad = await editor.call('PUT', '/boards/top-news/settings', { halfLifeHours: 0 });
    expect(bad.json()).toMatchObject({ status: 400, field: 'halfLifeHours', code: 'NEWSDESK_ERR_VALIDATION' });
    const reporter = await clientFor(t.app, t.services, 'reporter');
    expect((await reporter.call('PUT', '/boards/top-news/settings', { halfLifeHours: 2 })).statusCode).toBe(403);
  });
});
