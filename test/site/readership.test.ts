import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hourOf } from '../../src/curation/index.js';
import { ManualClock, clientFor } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';

const READER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0' };

describe('readership', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2015-09-11T13:03:00Z'));
  let url: string;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true, clock });
    ({ url, id } = (await t.app.inject('/api/v1/articles?limit=1')).json().items[0]);
  });
  afterAll(() => t.close());

  it('counts pages served to readers, cached or not, in batches', async () => {
    for (let i = 0; i < 3; i++) expect((await t.app.inject({ url, headers: READER })).statusCode).toBe(200);
    await t.app.inject({ url, headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' } });
    await t.app.inject({ url, method: 'HEAD', headers: READER });
    expect(await t.services.store.reads.mostRead(hourOf(clock.now()), hourOf(clock.now()), 5)).toEqual([]);
    await t.services.readership.flush();
    expect(await t.services.store.reads.mostRead(hourOf(clock.now()), hourOf(clock.now()), 5)).toEqual([{ articleId: id, count: 3 }]);
  });

  it('adds later batches to the same hour and spreads hours over the chart', async () => {
    await t.app.inject({ url, headers: READER });
    await t.services.readership.flush();
    clock.advance(3_600_000);
    await t.app.inject({ url, headers: READER });
    await t.services.readership.flush();
    const hours = await t.services.readership.perHour(clock.now(), 3);
    expect(hours.map((h) => h.reads)).toEqual([0, 4, 1]);
    const [top] = await t.services.readership.mostRead(clock.now(), 24, 3);
    expect(top).toMatchObject({ story: { id }, reads: 5 });
  });

  it('shows the most read stories and the chart on the newsroom dashboard', async () => {
    const owner = await clientFor(t.app, t.services, 'owner');
    const dashboard = (await owner.page('/admin')).body;
    expect(dashboard).toContain('Most read, last 24 hours');
    expect(dashboard).toMatch(/<svg class="reads-chart"[^>]*aria-label="5 reads over the last 24 hours/);
    expect(dashboard).toContain('5 reads</span>');
  });

  it('shows Most Read on the site only where editors switch it on', async () => {
    const editor = await clientFor(t.app, t.services, 'editor');
    const home = async () => (await t.app.inject({ url: '/', headers: READER })).body;
    expect(await home()).not.toContain('Most Read');
    expect((await editor.call('GET', '/boards/most-read')).json()).toMatchObject({ shown: false, list: [{ story: { id }, reads: 5 }] });
    const on = await editor.call('PUT', '/boards/most-read', { shown: true });
    expect(on.json()).toMatchObject({ shown: true });
    const page = await home();
    const block = page.slice(page.indexOf('id="most-read-title"'));
    expect(block).toContain(`href="${url}"`);
    expect((await editor.call('PUT', '/boards/most-read', { shown: 'yes' })).json()).toMatchObject({ status: 400, field: 'shown' });
    await editor.call('PUT', '/boards/most-read', { shown: false });
    expect(await home()).not.toContain('Most Read');
  });
});
