import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.js';
import { seedPageParts } from '../support/seed-page.js';

describe('reader site', () => {
  let t: TestApp;
  let articleUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ demo: true });
    const home = await t.app.inject('/');
    articleUrl = /class="lead-story__headline"><a href="([^"]+)"/.exec(home.body)![1]!;
  });
  afterAll(() => t.close());

  it('serves the home page with the lead story, rail and section blocks', async () => {
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const part of ["Today's Top News", 'Hot Topics', "Editor's Picks", 'class="lead-story"', 'href="/section/world"']) {
      expect(res.body).toContain(part);
    }
  });

  it('renders every part of the seed page on an article', async () => {
    const res = await t.app.inject(articleUrl);
    expect(res.statusCode).toBe(200);
    const parts = seedPageParts(res.body);
    expect(parts).toMatchObject({ headline: true, updated: true, source: true, share: true, breadcrumb: true });
    expect(parts.related).toBeGreaterThanOrEqual(3);
    expect(parts.topNews).toBeGreaterThanOrEqual(3);
    expect(parts.hotTopics).toBeGreaterThanOrEqual(3);
    expect(parts.editorsPicks).toBeGreaterThanOrEqual(3);
    expect(res.body).toMatch(/<span class="story__dateline">[A-Z]+ --<\/span>/);
    expect(res.body).toContain('"@type":"NewsArticle"');
  });

  it('does not list the story being read in its own rail', async () => {
    const res = await t.app.inject(articleUrl);
    const rail = res.body.slice(res.body.indexOf('<aside class="rail"'));
    expect(rail).not.toContain(`href="${articleUrl}"`);
  });

  it('shows times in the edition zone (demo: Beijing)', async () => {
    const res = await t.app.inject(articleUrl);
    const [, iso, shown] = /Updated: <time datetime="([^"]+)">([^<]+)<\/time>/.exec(res.body)!;
    const beijing = new Date(Date.parse(iso!) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(shown).toBe(beijing);
  });

  it('answers a repeat with 304 when the ETag matches', async () => {
    const first = await t.app.inject(articleUrl);
    expect(first.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const again = await t.app.inject({ url: articleUrl, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('redirects a wrong date in the URL to the canonical one', async () => {
    const wrong = articleUrl.replace(/^\/\d{4}\/\d{2}\/\d{2}\//, '/2001/01/01/');
    const res = await t.app.inject(wrong);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(articleUrl);
  });

  it('answers unknown pages with a real 404 page', async () => {
    for (const url of ['/no/such/page', '/2015/09/11/no-such-story', '/section/nowhere', '/topic/nothing', '/section/world?page=abc']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Page not found');
    }
  });

  it('paginates section pages', async () => {
    const res = await t.app.inject('/section/china');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 class="listing__title">China</h1>');
    expect((res.body.match(/class="story-card"/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect((await t.app.inject('/section/china?page=99')).statusCode).toBe(404);
  });

  it('serves topic and source pages', async () => {
    const article = await t.app.inject(articleUrl);
    const topicHref = /<ul class="story__topics"[^>]*><li><a href="([^"]+)"/.exec(article.body)![1]!;
    expect((await t.app.inject(topicHref)).statusCode).toBe(200);
    const sourceHref = /class="story__source" href="([^"]+)"/.exec(article.body)![1]!;
    expect((await t.app.inject(sourceHref)).statusCode).toBe(200);
  });

  it('sends a strict content security policy and no script', async () => {
    const res = await t.app.inject(articleUrl);
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
  });

  it('escapes hostile text and sanitizes hostile bodies', async () => {
    await t.services.publisher.publish([
      {
        id: 'hostile',
        headline: '<script>alert(1)</script> & <IBM>',
        bodyHtml: '<p>Fine <img src="x" onerror="alert(2)"><a href="javascript:alert(3)">link</a></p><svg><script>alert(4)</script></svg>',
        dateline: '<b>PARIS</b>',
        section: 'World',
        publishedAt: '2015-09-11T12:00:00Z',
      },
    ]);
    const { url } = (await t.app.inject('/api/v1/articles/hostile')).json() as { url: string };
    const page = (await t.app.inject(url)).body;
    expect(page).toContain('<h1 class="story__headline">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;IBM&gt;</h1>');
    expect(page).toContain('&lt;b&gt;PARIS&lt;/b&gt; --');
    expect(page).not.toMatch(/onerror|javascript:|alert\([24]\)/);
  });

  it('serves the fingerprinted stylesheet for a year', async () => {
    const home = await t.app.inject('/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)![1]!;
    const css = await t.app.inject(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });
});
