import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.js';

describe('Content API v1', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.close());

  it('lists articles newest first with the documented fields', async () => {
    const res = await t.app.inject('/api/v1/articles?limit=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
    expect(body.items).toHaveLength(5);
    for (const item of body.items) {
      expect(item).toMatchObject({
        id: expect.stringMatching(/^demo-\d{3}$/),
        url: expect.stringMatching(/^\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/),
        headline: expect.any(String),
        section: expect.any(String),
        publishedAt: expect.stringMatching(/Z$/),
        updatedAt: expect.stringMatching(/Z$/),
      });
      expect('source' in item).toBe(true);
    }
    const times = body.items.map((i: { publishedAt: string }) => i.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('walks every article exactly once by cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject(`/api/v1/articles?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      const body: { items: { id: string }[]; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await t.services.store.articles.countPublished());
  });

  it('filters by section and topic', async () => {
    const section = (await t.app.inject('/api/v1/articles?section=culture&limit=100')).json();
    expect(section.items.length).toBeGreaterThan(0);
    expect(section.items.every((i: { section: string }) => i.section === 'Culture')).toBe(true);
    const topic = (await t.app.inject('/api/v1/articles?topic=interest-rates')).json();
    expect(topic.items.length).toBeGreaterThan(0);
    expect((await t.app.inject('/api/v1/articles?section=nowhere')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('returns one article with its related stories', async () => {
    const res = await t.app.inject('/api/v1/articles/demo-001');
    expect(res.statusCode).toBe(200);
    const article = res.json();
    expect(article).toMatchObject({ id: 'demo-001', bodyHtml: expect.stringContaining('<p>'), topics: expect.any(Array) });
    expect(article.related.length).toBeGreaterThanOrEqual(3);
    expect(article.related.map((r: { id: string }) => r.id)).not.toContain('demo-001');
  });

  it.each([
    ['/api/v1/articles?limit=0', 400, 'NEWSDESK_ERR_VALIDATION'],
    ['/api/v1/articles?limit=101', 400, 'NEWSDESK_ERR_VALIDATION'],
    ['/api/v1/articles?limit=ten', 400, 'NEWSDESK_ERR_VALIDATION'],
    ['/api/v1/articles?cursor=not-a-cursor', 400, 'NEWSDESK_ERR_INVALID_CURSOR'],
    ['/api/v1/articles/no-such-id', 404, 'NEWSDESK_ERR_NOT_FOUND'],
    ['/api/v1/nothing-here', 404, 'NEWSDESK_ERR_NOT_FOUND'],
  ])('answers %s with a problem document', async (url, status, code) => {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String) });
  });

  it('reports health', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
