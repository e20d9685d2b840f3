/** The push endpoint: a source with its token sends ninjs or NewsML-G2; everyone else is refused. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireArticleId } from '../../src/ingest/wire-record.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { sharedData } from '../support/corpus.js';

const story = (uri: string, headline: string) =>
  JSON.stringify({ uri, type: 'text', headline, body_html: '<p>Text of the story.</p>', versioncreated: '2015-09-11T12:00:00Z' });

describe('push ingest', () => {
  let t: TestApp;
  let token: string;
  let queueToken: string;
  const push = (source: string, body: string | Buffer, bearer?: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest/${source}`,
      headers: { 'content-type': contentType, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      payload: body,
    });

  beforeAll(async () => {
    t = await startTestApp();
    token = (await t.services.sources.add({ name: 'Xinhua', section: 'World' })).token!;
    queueToken = (await t.services.sources.add({ name: 'Partner Wire', section: 'Business', trust: 'queue' })).token!;
  });
  afterAll(() => t.close());

  it('publishes a trusted source\'s ninjs at once, credited and in its section', async () => {
    const res = await push('xinhua', story('urn:xinhua:push-1', 'Pushed story'), token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ added: 1, rejected: [] });
    const article = await t.services.store.articles.findById(wireArticleId('urn:xinhua:push-1'), '2016-01-01T00:00:00Z');
    expect(article).toMatchObject({ headline: 'Pushed story', section: { name: 'World' }, source: { creditLine: '(Xinhua)' } });
  });

  it('takes NewsML-G2 as XML', async () => {
    const xml = fs.readFileSync(path.join(sharedData, 'wire-samples/newsml-g2/superdesk/ap.xml'));
    const res = await push('xinhua', xml, token, 'application/xml');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().added).toBeGreaterThanOrEqual(1);
  });

  it('puts a queued source\'s items in the wire queue, not on the site', async () => {
    const res = await push('partner-wire', story('urn:partner:push-1', 'For the editors'), queueToken);
    expect(res.json()).toMatchObject({ added: 0, queued: 1 });
    const id = wireArticleId('urn:partner:push-1');
    expect(await t.services.wireDesk.get(id)).toMatchObject({ state: 'new', headline: 'For the editors', sourceId: 'partner-wire' });
    expect((await t.app.inject(`/api/v1/articles/${id}`)).statusCode).toBe(404);
  });

  it.each([
    ['no token', 'xinhua', undefined, 401],
    ['another source\'s token', 'partner-wire', 'TOKEN', 401],
    ['an unknown source', 'nobody', 'TOKEN', 401],
  ])('refuses %s', async (_case, source, bearer, status) => {
    const res = await push(source, story('urn:x', 'X'), bearer === 'TOKEN' ? token : bearer);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe('NEWSDESK_ERR_UNAUTHENTICATED');
  });

  it('refuses formats other than ninjs and NewsML-G2, and malformed documents, with a reason', async () => {
    const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>y</title></item></channel></rss>';
    const wrongFormat = await push('xinhua', rss, token, 'application/rss+xml');
    expect(wrongFormat.statusCode).toBe(415);
    expect(wrongFormat.json().detail).toContain('this document is rss');
    const broken = await push('xinhua', '{"uri": "urn:broken", "headline": ', token);
    expect(broken.statusCode).toBe(422);
    expect(broken.json().rejected[0].message).toMatch(/not valid JSON/);
    const tooBig = await push('xinhua', Buffer.alloc(6 * 1024 * 1024, 32), token);
    expect(tooBig.statusCode).toBe(413);
    const log = (await t.services.store.sources.logOf('xinhua', 3)).map((l) => [l.level, l.message]);
    expect(log).toEqual([
      ['error', `push from xinhua: ${broken.json().rejected[0].message}`],
      ['info', 'Read one document: 0 added, 0 updated, 0 queued, 0 duplicate, 0 unchanged, 1 rejected.'],
      ['error', 'push takes IPTC ninjs or NewsML-G2; this document is rss'],
    ]);
  });
});
