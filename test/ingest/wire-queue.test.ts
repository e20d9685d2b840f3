/**
 * The wire queue on both engines: queued sources' items wait for editors, rules publish some at once, copies from
 * two feeds are grouped, new versions replace waiting items, and picking one up makes a linked draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireSource } from '../../src/domain/wire-source.js';
import { wireArticleId } from '../../src/ingest/wire-record.js';
import { type Client, ManualClock, clientFor } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();

const QUAKE_BODY =
  'A powerful earthquake of magnitude 7.1 struck off the coast of northern Chile on Tuesday evening, shaking buildings in the ' +
  'port city of Iquique and prompting a tsunami warning along hundreds of kilometres of the Pacific shore. Officials said there ' +
  'were no immediate reports of casualties, but power was cut in several towns and residents moved to higher ground as sirens sounded.';

interface Story {
  uri: string;
  headline: string;
  body?: string;
  version?: number;
  urgency?: number;
  at?: string;
}

const ninjs = (s: Story) =>
  JSON.stringify({
    uri: s.uri,
    type: 'text',
    headline: s.headline,
    // A bare headline as the body is short text: a near-duplicate only of the very same words.
    body_html: `<p>${s.body ?? s.headline}</p>`,
    versioncreated: s.at ?? '2015-09-11T12:00:00Z',
    ...(s.version !== undefined ? { version: String(s.version) } : {}),
    ...(s.urgency !== undefined ? { urgency: s.urgency } : {}),
  });

describe.each(engines)('wire queue on $name', (engine) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let editor: Client;
  let desk: WireSource;
  let other: WireSource;
  const clock = new ManualClock(new Date('2015-09-11T13:00:00Z'));
  const receive = (source: WireSource, story: Story) => t.services.importer.importFromSource(ninjs(story), 'test', source);

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    t = await startTestApp({ store: opened.store, clock });
    await clientFor(t.app, t.services, 'owner');
    editor = await clientFor(t.app, t.services, 'editor');
    ({ source: desk } = await t.services.sources.add({
      name: 'Partner Wire',
      section: 'World',
      trust: 'queue',
      rules: [{ section: 'Breaking', minPriority: 8, keywords: [] }, { keywords: 'tsunami' }],
    }));
    ({ source: other } = await t.services.sources.add({ name: 'Second Agency', section: 'World', trust: 'queue' }));
  });
  afterAll(async () => {
    await t.close();
    await dispose();
  });

  it('queues an item no rule matches, and keeps it off the site', async () => {
    const summary = await receive(desk, { uri: 'urn:q:1', headline: 'Trade talks resume in Geneva' });
    expect(summary).toMatchObject({ added: 0, queued: 1, rejected: [] });
    expect(await t.services.wireDesk.get(wireArticleId('urn:q:1'))).toMatchObject({ state: 'new', sourceName: 'Partner Wire', priority: 0 });
    expect((await t.app.inject(`/api/v1/articles/${wireArticleId('urn:q:1')}`)).statusCode).toBe(404);
  });

  it('publishes at once what a rule matches, in the rule\'s section', async () => {
    const flash = await receive(desk, { uri: 'urn:q:flash', headline: 'Flash: central bank cuts rates', urgency: 1 });
    expect(flash).toMatchObject({ added: 1, queued: 0 });
    const article = await t.services.store.articles.findById(wireArticleId('urn:q:flash'), '2016-01-01T00:00:00Z');
    expect(article).toMatchObject({ status: 'published', section: { name: 'Breaking' }, source: { name: 'Partner Wire' } });
    const keyword = await receive(desk, { uri: 'urn:q:tsunami', headline: 'Tsunami warning lifted for Hawaii' });
    expect(keyword).toMatchObject({ added: 1 });
    expect(await t.services.store.articles.findById(wireArticleId('urn:q:tsunami'), '2016-01-01T00:00:00Z')).toMatchObject({ section: { name: 'World' } });
  });

  it('changes nothing when the same item comes again, and replaces a waiting item with its newer version', async () => {
    expect(await receive(desk, { uri: 'urn:q:1', headline: 'Trade talks resume in Geneva' })).toMatchObject({ unchanged: 1, queued: 0, updated: 0 });
    await receive(desk, { uri: 'urn:q:v', headline: 'Talks: first take', version: 1 });
    expect(await receive(desk, { uri: 'urn:q:v', headline: 'Talks: second take', version: 2 })).toMatchObject({ updated: 1, queued: 0 });
    expect(await receive(desk, { uri: 'urn:q:v', headline: 'Talks: first take', version: 1 })).toMatchObject({ unchanged: 1 });
    expect(await t.services.wireDesk.get(wireArticleId('urn:q:v'))).toMatchObject({ headline: 'Talks: second take', version: 2, state: 'new' });
  });

  it('groups another feed\'s copy of a waiting story under it as "also from"', async () => {
    // Matched by no rule: the body never says tsunami in these two.
    const body = QUAKE_BODY.replace(' and prompting a tsunami warning along hundreds of kilometres of the Pacific shore', '');
    await receive(desk, { uri: 'urn:q:quake', headline: 'Strong quake hits northern Chile', body });
    const copy = await receive(other, { uri: 'urn:other:quake', headline: 'Powerful quake shakes Chile', body: `${body} Schools will stay closed.` });
    expect(copy).toMatchObject({ duplicate: 1, queued: 0 });
    const original = await t.services.wireDesk.get(wireArticleId('urn:q:quake'));
    expect(original.alsoFrom).toEqual([expect.objectContaining({ guid: 'urn:other:quake', source: 'Second Agency', headline: 'Powerful quake shakes Chile' })]);
    expect(await t.services.store.wireQueue.get(wireArticleId('urn:other:quake'))).toBeNull();
  });

  it('groups copies that arrive in the same document under the first', async () => {
    const body = 'Harbour cranes at the port of Ningbo resumed work on Saturday morning after the storm passed, the port authority said, and the first container ships were expected to berth before noon.';
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Second Agency',
      items: [
        { id: 'urn:other:cranes-a', title: 'Cranes back at work in Ningbo', content_html: `<p>${body}</p>`, date_published: '2015-09-11T11:00:00Z' },
        { id: 'urn:other:cranes-b', title: 'Ningbo cranes return', content_html: `<p>${body} Traffic was normal.</p>`, date_published: '2015-09-11T11:05:00Z' },
      ],
    });
    const summary = await t.services.importer.importFromSource(feed, 'test', other);
    expect(summary).toMatchObject({ queued: 1, duplicate: 1, rejected: [] });
    const first = await t.services.wireDesk.get(wireArticleId('urn:other:cranes-a'));
    expect(first.alsoFrom).toEqual([expect.objectContaining({ guid: 'urn:other:cranes-b', headline: 'Ningbo cranes return' })]);
    await t.services.wireDesk.setDismissed({ id: editor.id, email: '', name: '', role: 'editor' }, first.id, true);
  });

  it('filters by source and priority and searches headline and body, Chinese too', async () => {
    await receive(other, { uri: 'urn:other:zh', headline: '国家主席习近平会见美国客人', body: '新华社北京9月11日电 国家主席习近平11日在人民大会堂会见美国客人。' });
    await receive(other, { uri: 'urn:other:100%', headline: 'Turnout reached 100% in one village', urgency: 3 });
    const list = async (query: string) => ((await editor.call('GET', `/wire?${query}`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await list('q=%E4%B9%A0%E8%BF%91%E5%B9%B3')).toEqual([wireArticleId('urn:other:zh')]);
    expect(await list('q=geneva%20talks')).toEqual([wireArticleId('urn:q:1')]);
    expect(await list('q=100%25')).toEqual([wireArticleId('urn:other:100%')]);
    expect(await list('q=1_0')).toEqual([]);
    expect(await list('source=second-agency&minPriority=3')).toEqual([wireArticleId('urn:other:100%')]);
    expect((await list('source=partner-wire')).sort()).toEqual([wireArticleId('urn:q:1'), wireArticleId('urn:q:v'), wireArticleId('urn:q:quake')].sort());
  });

  it('pages through the queue with a cursor, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = (await editor.call('GET', `/wire?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: { id: string; receivedAt: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await editor.call('GET', '/wire?cursor=nonsense')).json()).toMatchObject({ code: 'NEWSDESK_ERR_INVALID_CURSOR' });
  });

  it('picks an item up into a draft linked to it, once', async () => {
    clock.advance(60_000);
    const id = wireArticleId('urn:q:quake');
    const res = await editor.call('POST', `/wire/${id}/pick-up`, {});
    expect(res.statusCode, res.body).toBe(201);
    const draft = await t.services.stories.get(res.json().articleId);
    expect(draft).toMatchObject({ id, status: 'draft', headline: 'Strong quake hits northern Chile', publishedAt: null, section: { name: 'World' } });
    expect(await t.services.wireDesk.get(id)).toMatchObject({ state: 'picked-up', articleId: id, pickedBy: editor.id });
    expect(await t.services.store.fingerprints.duplicatesOf(id)).toEqual([expect.objectContaining({ guid: 'urn:other:quake' })]);
    const again = await editor.call('POST', `/wire/${id}/pick-up`, {});
    expect([again.statusCode, again.json().code]).toEqual([409, 'NEWSDESK_ERR_CONFLICT']);
  });

  it('makes the agency\'s next version of a picked-up story a revision of the draft, still a draft', async () => {
    const id = wireArticleId('urn:q:quake');
    const summary = await receive(desk, { uri: 'urn:q:quake', headline: 'Strong quake hits northern Chile, no casualties', body: QUAKE_BODY, version: 2 });
    expect(summary).toMatchObject({ updated: 1, added: 0, queued: 0 });
    expect(await t.services.stories.get(id)).toMatchObject({ status: 'draft', revision: 2, headline: 'Strong quake hits northern Chile, no casualties' });
  });

  it('keeps an editor\'s unpublishing and section when the agency sends a new version', async () => {
    const id = wireArticleId('urn:q:flash');
    await t.services.store.transaction((trx) => trx.updateTable('article').set({ status: 'unpublished' }).where('id', '=', id).execute());
    await receive(desk, { uri: 'urn:q:flash', headline: 'Central bank cuts rates by half a point', urgency: 1, version: 2 });
    expect(await t.services.stories.get(id)).toMatchObject({ status: 'unpublished', headline: 'Central bank cuts rates by half a point', section: { name: 'Breaking' } });
  });

  it('dismisses and restores items; only new items can be picked up', async () => {
    const id = wireArticleId('urn:q:1');
    expect((await editor.call('POST', `/wire/${id}/dismiss`, {})).json()).toMatchObject({ state: 'dismissed' });
    expect((await editor.call('GET', '/wire')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await editor.call('GET', '/wire?state=dismissed&source=partner-wire')).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await editor.call('POST', `/wire/${id}/pick-up`, {})).statusCode).toBe(409);
    expect((await editor.call('POST', `/wire/${id}/dismiss`, {})).statusCode).toBe(409);
    expect((await editor.call('POST', `/wire/${id}/restore`, {})).json()).toMatchObject({ state: 'new' });
    expect((await editor.call('GET', '/wire?state=everything')).json()).toMatchObject({ code: 'NEWSDESK_ERR_VALIDATION' });
  });

  it('counts each source\'s queue', async () => {
    const overview = await t.services.sources.overview();
    expect(overview.find((s) => s.id === 'partner-wire')!.queue).toEqual({ new: 2, 'picked-up': 1, dismissed: 0 });
    expect(overview.find((s) => s.id === 'second-agency')!.queue).toEqual({ new: 2, 'picked-up': 0, dismissed: 1 });
    expect((await editor.page('/admin')).body).toContain('<a href="/admin/wire">4 items waiting in the wire queue</a>');
  });
});
