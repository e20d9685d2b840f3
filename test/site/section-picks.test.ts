/** A section's own Editor's Picks: first on its pages and its stories' pages, not elsewhere; set on its boards page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';

describe("a section's Editor's Picks", () => {
  let t: TestApp;
  let editor: Client;
  const picksOf = (body: string) => {
    const from = body.indexOf('id="editors-picks-title"');
    return body.slice(from, body.indexOf('</section>', from));
  };
  const firstPick = (body: string) => /<li><a href="([^"]+)">/.exec(picksOf(body))?.[1];

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    await clientFor(t.app, t.services, 'owner');
    editor = await clientFor(t.app, t.services, 'editor');
  });
  afterAll(() => t.close());

  it('leads the section\'s pages and its stories\' pages, and nowhere else', async () => {
    const sections = await t.services.store.taxonomy.sections();
    const world = sections.find((s) => s.slug === 'world')!;
    const stories = (await t.app.inject('/api/v1/articles?limit=40')).json().items as { id: string; url: string; section: string }[];
    // An older story: Editor's Picks leave out what Today's Top News already shows.
    const pick = stories.filter((s) => s.section === 'Culture').at(-1)!;
    const inWorld = stories.find((s) => s.section === 'World')!;
    const path = (url: string) => new URL(url, 'http://localhost:3000').pathname;
    const res = await editor.call('PUT', `/collections/editors-picks-${world.id}`, { name: "World's picks", items: [{ id: pick.id }] });
    expect(res.json().items.map((s: { id: string }) => s.id)).toEqual([pick.id]);
    expect(res.statusCode, res.body).toBe(200);
    expect(firstPick((await t.app.inject('/section/world')).body)).toBe(path(pick.url));
    expect(firstPick((await t.app.inject(path(inWorld.url))).body)).toBe(path(pick.url));
    expect(firstPick((await t.app.inject('/')).body)).not.toBe(path(pick.url));
    expect(firstPick((await t.app.inject('/section/china')).body)).not.toBe(path(pick.url));
  });

  it('is kept on the section\'s boards page', async () => {
    const page = (await editor.page('/admin/boards?section=world')).body;
    expect(page).toContain('Curation boards: World');
    expect(page).toContain('data-api-action="/api/v1/admin/collections/editors-picks-world"');
    expect(page).not.toContain('id="hot-title"');
    expect((await editor.page('/admin/boards')).body).toContain('id="hot-title"');
  });
});
