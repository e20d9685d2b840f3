/** Editors' pins and exclusions on a story's Related Stories, through the Admin API, seen on the article page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, clientFor } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';

describe('related overrides', () => {
  let t: TestApp;
  let editor: Client;
  let reporter: Client;
  let story: { id: string; url: string };
  let others: { id: string; url: string; headline: string }[];

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    await clientFor(t.app, t.services, 'owner');
    editor = await clientFor(t.app, t.services, 'editor');
    reporter = await clientFor(t.app, t.services, 'reporter');
    const items = (await t.app.inject('/api/v1/articles?limit=20')).json().items as { id: string; url: string; headline: string }[];
    story = items[0]!;
    others = items.slice(1);
  });
  afterAll(() => t.close());

  const pathOf = (url: string) => new URL(url, 'http://localhost:3000').pathname;
  const relatedSection = async () => {
    const page = (await t.app.inject(pathOf(story.url))).body;
    return page.slice(page.indexOf('id="related-title"'), page.indexOf('</section>', page.indexOf('id="related-title"')));
  };

  it('pins a story first and excludes another, on the site at once', async () => {
    const before = (await editor.call('GET', `/articles/${story.id}/related`)).json() as { list: { id: string }[] };
    const excluded = before.list[0]!.id;
    const outsider = others.find((o) => !before.list.some((r) => r.id === o.id) && o.id !== story.id)!;
    await relatedSection();
    const res = await editor.call('PUT', `/articles/${story.id}/related`, { pinned: [outsider.id], excluded: [excluded] });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as { list: { id: string }[]; pinned: { id: string }[]; excluded: { id: string }[] };
    expect(after.list[0]!.id).toBe(outsider.id);
    expect(after.list.map((r) => r.id)).not.toContain(excluded);
    expect(after.excluded.map((s) => s.id)).toEqual([excluded]);
    const section = await relatedSection();
    expect(section).toContain(`href="${pathOf(outsider.url)}"`);
    expect(section).not.toContain(`href="${pathOf(others.find((o) => o.id === excluded)!.url)}"`);
  });

  it('pins a story named by its address on the site', async () => {
    const target = others.at(-1)!;
    const res = await editor.call('POST', `/articles/${story.id}/related/pin`, { story: target.url });
    expect(res.json().pinned.map((s: { id: string }) => s.id)).toContain(target.id);
    expect((await editor.page(`/admin/stories/${story.id}`)).body).toContain('Pin a story');
  });

  it('refuses unknown stories, contradictions and reporters', async () => {
    expect((await editor.call('PUT', `/articles/${story.id}/related`, { pinned: ['no-such-story'] })).json()).toMatchObject({ status: 400, field: 'pinned' });
    const both = others[1]!.id;
    expect((await editor.call('PUT', `/articles/${story.id}/related`, { pinned: [both], excluded: [both] })).json()).toMatchObject({ status: 400, field: 'excluded' });
    expect((await reporter.call('PUT', `/articles/${story.id}/related`, { pinned: [] })).statusCode).toBe(403);
    expect((await editor.call('PUT', '/articles/no-such-story/related', { pinned: [] })).statusCode).toBe(404);
  });
});
