/**
 * Polling sources for real: a feed served over HTTP (conditional GET, errors, back-off, Retry-After, oversized and
 * malformed documents) and a drop folder (new, unchanged and changed files), on both engines.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireSource } from '../../src/domain/wire-source.js';
import { Poller } from '../../src/ingest/poller.js';
import { wireArticleId } from '../../src/ingest/wire-record.js';
import { ManualClock } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();

const rss = (items: { guid: string; title: string }[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test wire</title><link>http://example.com/</link><description>Test</description>
${items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><description>&lt;p&gt;${i.title}, as reported.&lt;/p&gt;</description><pubDate>Fri, 11 Sep 2015 12:00:00 GMT</pubDate></item>`).join('\n')}
</channel></rss>`;

/** A feed server whose answer the test sets, recording the conditional headers it was sent. */
function feedServer() {
  const state = {
    status: 200,
    body: '',
    etag: '"v1"',
    headers: {} as Record<string, string>,
    requests: [] as { ifNoneMatch: string | undefined; ifModifiedSince: string | undefined }[],
  };
  const server = http.createServer((request, response) => {
    state.requests.push({ ifNoneMatch: request.headers['if-none-match'], ifModifiedSince: request.headers['if-modified-since'] });
    if (state.status === 200 && request.headers['if-none-match'] === state.etag) {
      response.writeHead(304).end();
      return;
    }
    response.writeHead(state.status, { 'content-type': 'application/rss+xml', etag: state.etag, 'last-modified': 'Fri, 11 Sep 2015 12:00:00 GMT', ...state.headers });
    response.end(state.body);
  });
  return { server, state };
}

describe.each(engines)('polling sources on $name', (engine) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let poller: Poller;
  const clock = new ManualClock(new Date('2015-09-11T13:00:00Z'));
  const { server, state } = feedServer();
  let feedUrl: string;
  let feed: WireSource;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-drop-'));
  let drop: WireSource;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    const opened = await engine.open();
    dispose = opened.dispose;
    t = await startTestApp({ store: opened.store, clock });
    poller = new Poller({ store: t.services.store, sources: t.services.sources, importer: t.services.importer, clock, maxBytes: 64 * 1024 });
    ({ source: feed } = await t.services.sources.add({ name: 'Feed Agency', kind: 'url', location: feedUrl, pollSeconds: 60, section: 'World', credit: 'FA' }));
    ({ source: drop } = await t.services.sources.add({ name: 'Drop Agency', kind: 'directory', location: folder, section: 'Business', format: 'rss' }));
  });
  afterAll(async () => {
    await t.close();
    await dispose();
    server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('polls a new feed at once, imports its items credited to the source, and records its validators', async () => {
    state.body = rss([{ guid: 'fa-1', title: 'First story' }, { guid: 'fa-2', title: 'Second story' }]);
    const results = await poller.pollDue();
    expect(results.find((r) => r.sourceId === 'feed-agency')).toMatchObject({ ok: true, received: { added: 2 } });
    const article = await t.services.store.articles.findById(wireArticleId('fa-1'), '2016-01-01T00:00:00Z');
    expect(article).toMatchObject({ headline: 'First story', section: { name: 'World' }, source: { creditLine: '(FA)' } });
    const health = await t.services.store.sources.health('feed-agency');
    expect(health).toMatchObject({ failures: 0, etag: '"v1"', itemsReceived: 2, succeededAt: '2015-09-11T13:00:00.000Z', nextPollAt: '2015-09-11T13:01:00.000Z' });
    expect((await t.services.store.sources.logOf('feed-agency', 5))[0]).toMatchObject({ level: 'info', message: expect.stringContaining('2 added') });
  });

  it('is not due again before its interval, and then asks with If-None-Match and If-Modified-Since', async () => {
    clock.advance(30_000);
    expect((await poller.pollDue()).map((r) => r.sourceId)).not.toContain('feed-agency');
    clock.advance(30_000);
    const [result] = (await poller.pollDue()).filter((r) => r.sourceId === 'feed-agency');
    expect(result).toMatchObject({ ok: true, unchanged: true });
    expect(state.requests.at(-1)).toEqual({ ifNoneMatch: '"v1"', ifModifiedSince: 'Fri, 11 Sep 2015 12:00:00 GMT' });
  });

  it('takes a changed feed: new items added, repeated ones unchanged', async () => {
    state.etag = '"v2"';
    state.body = rss([{ guid: 'fa-1', title: 'First story' }, { guid: 'fa-3', title: 'Third story' }]);
    const result = await poller.poll(feed);
    expect(result).toMatchObject({ ok: true, received: { added: 1, unchanged: 1 } });
  });

  it('backs off when the feed fails, doubling each time, and says why in the log and health', async () => {
    state.status = 503;
    const first = await poller.poll(feed);
    expect(first).toMatchObject({ ok: false, error: `${feedUrl} answered 503 Service Unavailable` });
    let health = await t.services.store.sources.health('feed-agency');
    expect(health).toMatchObject({ failures: 1, lastError: first.error, nextPollAt: new Date(clock.now().getTime() + 120_000).toISOString() });
    await poller.poll(feed);
    health = await t.services.store.sources.health('feed-agency');
    expect(health).toMatchObject({ failures: 2, nextPollAt: new Date(clock.now().getTime() + 240_000).toISOString() });
    expect((await t.services.store.sources.logOf('feed-agency', 1))[0]).toMatchObject({ level: 'error', message: first.error });
  });

  it('comes back when the server says, by Retry-After', async () => {
    state.status = 429;
    state.headers = { 'retry-after': '900' };
    await poller.poll(feed);
    expect((await t.services.store.sources.health('feed-agency')).nextPollAt).toBe(new Date(clock.now().getTime() + 900_000).toISOString());
    state.headers = {};
  });

  it('reports a malformed feed and one too large, and fetches them again rather than trusting their validators', async () => {
    state.status = 200;
    state.etag = '"broken"';
    state.body = '<rss version="2.0"><channel><item><title>Cut off';
    const broken = await poller.poll(feed);
    expect(broken.ok).toBe(false);
    expect(broken.error).toMatch(new RegExp(`^${feedUrl.replace(/[.?]/g, '\\$&')}: `));
    expect((await t.services.store.sources.health('feed-agency')).etag).not.toBe('"broken"');
    state.etag = '"huge"';
    state.body = rss([{ guid: 'fa-big', title: 'x'.repeat(70 * 1024) }]);
    expect(await poller.poll(feed)).toMatchObject({ ok: false, error: `${feedUrl} sent more than 65536 bytes, the limit for one document` });
  });

  it('recovers: one good poll clears the failures', async () => {
    state.etag = '"v3"';
    state.body = rss([{ guid: 'fa-4', title: 'Fourth story' }]);
    expect(await poller.poll(feed)).toMatchObject({ ok: true, received: { added: 1 } });
    expect(await t.services.store.sources.health('feed-agency')).toMatchObject({ failures: 0, lastError: null });
  });

  it('reports a server that cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/feed`;
    await new Promise((resolve) => closed.close(resolve));
    const { source } = await t.services.sources.add({ name: 'Gone Agency', kind: 'url', location: url, section: 'World' });
    expect(await poller.poll(source)).toMatchObject({ ok: false, error: `could not fetch ${url}: ECONNREFUSED` });
  });

  it('reads each new or changed file of a drop folder once, and skips files still being written', async () => {
    fs.writeFileSync(path.join(folder, 'a.xml'), rss([{ guid: 'drop-1', title: 'Dropped story' }]));
    fs.writeFileSync(path.join(folder, 'b.xml.part'), 'half a file');
    fs.writeFileSync(path.join(folder, 'c.json'), '{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[]}');
    const first = await poller.poll(drop);
    expect(first).toMatchObject({ ok: true, received: { added: 1, rejected: 1 } });
    const log = await t.services.store.sources.logOf('drop-agency', 5);
    expect(log.map((l) => l.message)).toContain('c.json: Drop Agency is set to send rss; this document is jsonfeed');
    expect(await poller.poll(drop)).toMatchObject({ ok: true, unchanged: true });
    fs.writeFileSync(path.join(folder, 'a.xml'), rss([{ guid: 'drop-1', title: 'Dropped story, updated' }, { guid: 'drop-2', title: 'Another' }]));
    expect(await poller.poll(drop)).toMatchObject({ ok: true, received: { added: 1, updated: 1 } });
  });

  it('reports a folder that has gone', async () => {
    const gone = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-gone-'));
    const { source } = await t.services.sources.add({ name: 'Gone Folder', kind: 'directory', location: gone, section: 'World' });
    fs.rmSync(gone, { recursive: true });
    expect(await poller.poll(source)).toMatchObject({ ok: false, error: `could not read the folder ${gone}: ENOENT` });
  });

  it('refuses sources that could never be polled', async () => {
    await expect(t.services.sources.add({ name: 'Bad URL', kind: 'url', location: 'ftp://example.com/feed', section: 'World' })).rejects.toThrow('a feed URL must be http or https');
    await expect(t.services.sources.add({ name: 'Bad Folder', kind: 'directory', location: '/no/such/folder', section: 'World' })).rejects.toThrow('/no/such/folder is not a folder');
    await expect(t.services.sources.add({ name: 'Too Eager', kind: 'url', location: feedUrl, section: 'World', pollSeconds: 1 })).rejects.toThrow('pollSeconds must be a whole number from 10 to 86400');
    await expect(t.services.sources.add({ name: 'Odd', kind: 'url', location: feedUrl, section: 'World', format: 'docx' })).rejects.toThrow('format must be one of');
  });
});
