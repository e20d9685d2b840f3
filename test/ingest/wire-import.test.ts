/** Agency documents through `Importer`: fields land right, repeats change nothing, versions become revisions. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import { Importer } from '../../src/ingest/importer.js';
import { wireArticleId } from '../../src/ingest/wire-record.js';
import { clientFor } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { sharedData, tempFile } from '../support/corpus.js';

const defaults = { section: 'Wire' };
const LATER = '2030-01-01T00:00:00.000Z';
const sample = (relative: string) => path.join(sharedData, 'wire-samples', relative);

const ninjs = (version: string, headline: string) =>
  JSON.stringify({
    uri: 'urn:newsdesk:test:story-1',
    version,
    type: 'text',
    headline,
    body_html: `<p>Version ${version} of the story.<script>alert(1)</script></p>`,
    versioncreated: `2015-09-11T1${version}:00:00Z`,
    firstcreated: '2015-09-11T10:00:00Z',
    urgency: 2,
    subject: [{ name: 'Cyber security', code: 'x' }],
  });

describe('wire import', () => {
  let t: TestApp;
  let importer: Importer;
  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock(new Date('2015-09-11T21:00:00Z')) });
    importer = new Importer(t.services.publisher, t.services.curation, t.services.store, t.services.clock);
  });
  afterAll(() => t.close());

  it('imports a NewsML-G2 news message with its headline, body, times, dateline and subjects', async () => {
    const file = sample('newsml-g2/superdesk/ap.xml');
    const summary = await importer.importFiles([file], { defaults });
    expect(summary.rejected).toEqual([]);
    expect(summary.added).toBeGreaterThanOrEqual(1);
    const article = await t.services.store.articles.findById(wireArticleId('tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text'), LATER);
    expect(article).toMatchObject({
      headline: 'Nutrisystem beats 4Q earnings and revenue expectations',
      dateline: 'FORT WASHINGTON, Pa.',
      publishedAt: '2018-02-26T21:20:36.000Z',
      section: { name: 'Wire' },
    });
    expect(article!.bodyHtml).toMatch(/^<p>FORT WASHINGTON, Pa\. \(AP\) _ Nutrisystem Inc\./);
    expect(article!.topics.map((t) => t.name)).toContain('Earnings reports');
  });

  it('changes nothing when the same document comes again', async () => {
    const again = await importer.importFiles([sample('newsml-g2/superdesk/ap.xml')], { defaults });
    expect(again).toMatchObject({ added: 0, updated: 0, rejected: [] });
    expect(again.unchanged).toBeGreaterThanOrEqual(1);
  });

  it('turns a newer version into a revision of the same article, and ignores an older one', async () => {
    const id = wireArticleId('urn:newsdesk:test:story-1');
    expect((await importer.importFiles([tempFile('v1.json', ninjs('1', 'First take'))], { defaults })).added).toBe(1);
    const v2 = await importer.importFiles([tempFile('v2.json', ninjs('2', 'Second take, with more'))], { defaults });
    expect(v2).toMatchObject({ added: 0, updated: 1 });
    const late = await importer.importFiles([tempFile('v1-late.json', ninjs('1', 'First take'))], { defaults });
    expect(late).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    const article = await t.services.store.articles.findById(id, LATER);
    expect(article).toMatchObject({ headline: 'Second take, with more', revision: 2, priority: 6, updatedAt: '2015-09-11T12:00:00.000Z' });
    expect(article!.bodyHtml).toBe('<p>Version 2 of the story.</p>');
  });

  it('knows the very item taken in before without preparing it again, and still takes a changed one', async () => {
    const doc = (body: string) => ninjs('3', 'Third story').replace('story-1', 'story-4').replace('Version 3 of the story.', body);
    expect((await importer.importFiles([tempFile('s3.json', doc('Take one.'))], { defaults })).added).toBe(1);
    const prepare = vi.spyOn(t.services.publisher, 'prepare');
    try {
      const again = await importer.importFiles([tempFile('s3-again.json', doc('Take one.'))], { defaults });
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
      expect(prepare).not.toHaveBeenCalled();
      const changed = await importer.importFiles([tempFile('s3-changed.json', doc('Take one, corrected.'))], { defaults });
      expect(changed).toMatchObject({ added: 0, updated: 1 });
      expect(prepare).toHaveBeenCalledTimes(1);
    } finally {
      prepare.mockRestore();
    }
    const article = await t.services.store.articles.findById(wireArticleId('urn:newsdesk:test:story-4'), LATER);
    expect(article!.bodyHtml).toBe('<p>Take one, corrected.</p>');
  });

  it('takes in several documents at once as it would one by one: versions in order, copies within the window', async () => {
    const story = (take: string, headline: string) => tempFile(`group-${take}.json`, ninjs(take, headline).replace('story-1', 'story-5'));
    const versions = await importer.importFiles([story('1', 'Group take one'), story('2', 'Group take two'), story('1', 'Group take one')], { defaults });
    expect(versions).toMatchObject({ added: 1, updated: 1, unchanged: 1, rejected: [] });
    expect(await t.services.store.articles.findById(wireArticleId('urn:newsdesk:test:story-5'), LATER)).toMatchObject({
      headline: 'Group take two',
      revision: 2,
    });

    const text = 'The central bank raised its main lending rate by half a point to curb inflation, the governor said on Monday.';
    const feed = (id: string, date: string) =>
      tempFile(`group-${id}.json`, JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Rates', items: [{ id, title: 'Bank raises rate', content_text: text, date_published: date }] }));
    const copies = await importer.importFiles(
      [feed('urn:a:rate', '1987-03-02T10:00:00Z'), feed('urn:b:rate', '1987-03-03T10:00:00Z'), feed('urn:c:rate', '1987-03-20T10:00:00Z')],
      { defaults },
    );
    // The second feed's copy a day later is folded into the first; the same text 18 days later is another story.
    expect(copies).toMatchObject({ added: 2, duplicate: 1, rejected: [] });
    expect((await t.services.store.fingerprints.duplicatesOf(wireArticleId('urn:a:rate'))).map((c) => c.guid)).toEqual(['urn:b:rate']);
  });

  it('rejects a malformed document with a message that names the problem, and goes on with the next file', async () => {
    const broken = tempFile('broken.xml', '<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>Cut off');
    const good = tempFile('good.json', ninjs('1', 'Good story').replace('story-1', 'story-2'));
    const summary = await importer.importFiles([broken, good], { defaults });
    expect(summary.added).toBe(1);
    expect(summary.rejected).toHaveLength(1);
    expect(summary.rejected[0]).toMatchObject({ file: broken, line: 0, message: expect.stringMatching(/XML/) });
  });

  it('folds the same story from another feed into the first as "also from", instead of publishing it twice', async () => {
    const body =
      'BEIJING -- China on Friday urged the United States to stop its groundless accusations of cyber attacks, saying cyber ' +
      'security should be an area of cooperation rather than a source of frictions. Foreign Ministry spokesman Hong Lei ' +
      'made the comment after the US Director of National Intelligence said China posed advanced cyber threats.';
    const feed = (source: string, guid: string, text: string) =>
      JSON.stringify({ uri: guid, type: 'text', headline: 'China urges US to stop groundless accusations', body_text: text, versioncreated: '2015-09-11T13:03:00Z', copyrightholder: source });
    const first = await importer.importFiles([tempFile('xinhua.json', feed('Xinhua', 'urn:xinhua:1', body))], { defaults });
    expect(first).toMatchObject({ added: 1, duplicate: 0 });
    const writeThrough = body.replace('Friday', 'Friday evening').replace('advanced', 'the most advanced');
    const second = await importer.importFiles([tempFile('partner.json', feed('Partner Wire', 'urn:partner:77', writeThrough))], { defaults });
    expect(second).toMatchObject({ added: 0, duplicate: 1 });
    const copies = await t.services.store.fingerprints.duplicatesOf(wireArticleId('urn:xinhua:1'));
    expect(copies).toMatchObject([{ guid: 'urn:partner:77' }]);
    const monthLater = feed('Partner Wire', 'urn:partner:79', writeThrough).replace('2015-09-11T13:03:00Z', '2015-10-20T13:03:00Z');
    expect(await importer.importFiles([tempFile('later.json', monthLater)], { defaults })).toMatchObject({ added: 1, duplicate: 0 });
    const different = await importer.importFiles(
      [tempFile('other.json', feed('Partner Wire', 'urn:partner:78', 'TOKYO -- Japan’s central bank kept interest rates on hold on Friday and said exports were recovering faster than it had expected in the spring.'))],
      { defaults },
    );
    expect(different).toMatchObject({ added: 1, duplicate: 0 });
    const owner = await clientFor(t.app, t.services, 'editor', 'dup-editor');
    expect((await owner.page(`/admin/stories/${wireArticleId('urn:xinhua:1')}`)).body).toMatch(/Also from: <span title="[^"]*">/);
  });

  it('lists the newest wire items on the newsroom dashboard', async () => {
    const owner = await clientFor(t.app, t.services, 'owner');
    const dashboard = (await owner.page('/admin')).body;
    expect(dashboard).toContain('Newest from the wires');
    expect(dashboard).toContain('Second take, with more');
  });

  it('tells JSON Lines from a single JSON document by content, not by name', async () => {
    const lines = tempFile('looks-like.json', `${JSON.stringify({ id: 'jl-1', title: 'From a corpus', body: 'Text.' })}\n${JSON.stringify({ id: 'jl-2', title: 'Another', body: 'More.' })}\n`);
    expect((await importer.importFiles([lines], { defaults })).added).toBe(2);
    const feed = tempFile('feed.jsonl', ninjs('1', 'A ninjs document named like a corpus').replace('story-1', 'story-3'));
    expect((await importer.importFiles([feed], { defaults })).added).toBe(1);
  });
});
