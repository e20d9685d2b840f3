/** Newsroom flows through the Admin API: setup, sign-in safety, the workflow, conflicts, corrections, scheduling. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, ManualClock, PASSWORD, clientFor, signIn, storyContent } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';

const START = new Date('2015-09-11T10:00:00Z');

describe('newsroom flows', () => {
  let t: TestApp;
  const clock = new ManualClock(START);
  const links: string[] = [];
  let owner: Client;
  let editor: Client;
  let reporter: Client;

  beforeAll(async () => {
    t = await startTestApp({ clock, deliverLink: (_purpose, _email, link) => links.push(link) });
  });
  afterAll(() => t.close());

  it('sets up the owner once, on first run', async () => {
    expect((await t.app.inject('/api/v1/admin/setup')).json()).toEqual({ needsSetup: true });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/setup',
      payload: { email: 'Owner@Newsroom.test', name: 'Olive Owner', password: PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'nd_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 14 * 24 * 3600 });
    // Regression: an Expires date from the pinned clock (2015 here) made browsers drop the cookie at once.
    expect(cookie.expires).toBeUndefined();
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/admin/setup', payload: { email: 'x@y.z', name: 'X', password: PASSWORD } });
    expect(again.statusCode).toBe(409);
    owner = { role: 'owner', ...(await signIn(t.app, 'owner@newsroom.test')) };
    editor = await clientFor(t.app, t.services, 'editor', 'eddie');
    reporter = await clientFor(t.app, t.services, 'reporter', 'rita');
  });

  it('marks the session cookie Secure behind HTTPS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'owner@newsroom.test', password: PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'nd_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  });

  it('refuses wrong passwords without saying which part was wrong', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/admin/session', payload: { email: 'owner@newsroom.test', password: 'nope nope nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/admin/session', payload: { email: 'ghost@newsroom.test', password: 'nope nope nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('refuses writes without the CSRF token, from another origin, or as a form', async () => {
    const signedIn = await t.app.inject({ method: 'POST', url: '/api/v1/admin/session', payload: { email: 'owner@newsroom.test', password: PASSWORD } });
    const cookies = { nd_session: signedIn.cookies.find((c) => c.name === 'nd_session')!.value };
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/admin/articles', cookies, payload: storyContent() });
    expect(noToken.json().code).toBe('NEWSDESK_ERR_CSRF');
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/articles',
      cookies,
      headers: { origin: 'https://evil.example', 'x-csrf-token': signedIn.json().csrfToken },
      payload: storyContent(),
    });
    expect(crossSite.json().code).toBe('NEWSDESK_ERR_CSRF');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=owner@newsroom.test&password=x',
    });
    expect(form.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('lets a reporter write and submit but not publish; an editor publishes', async () => {
    const created = await reporter.call('POST', '/articles', storyContent());
    expect(created.statusCode).toBe(201);
    const story = created.json();
    expect(story).toMatchObject({ status: 'draft', revision: 1, createdBy: reporter.id });

    const publish = await reporter.call('POST', `/articles/${story.id}/transitions`, { action: 'publish' });
    expect(publish.statusCode).toBe(403);
    const submitted = await reporter.call('POST', `/articles/${story.id}/transitions`, { action: 'submit' });
    expect(submitted.json().status).toBe('review');

    const published = await editor.call('POST', `/articles/${story.id}/transitions`, { action: 'publish' });
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: START.toISOString() });
    expect((await t.app.inject(`/api/v1/articles/${story.id}`)).statusCode).toBe(200);

    const editAfter = await reporter.call('PUT', `/articles/${story.id}`, { content: storyContent(), baseRevision: published.json().revision, changeKind: 'minor' });
    expect(editAfter.statusCode).toBe(403);

    const audit = (await owner.call('GET', `/audit?subjectType=story&subjectId=${story.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['story.publish', 'story.submit', 'story.create']);
  });

  it('gives the second of two editors a conflict with the changes, instead of overwriting', async () => {
    const story = (await editor.call('POST', '/articles', storyContent({ headline: 'Two editors' }))).json();
    const first = await editor.call('PUT', `/articles/${story.id}`, {
      content: storyContent({ headline: 'Two editors agree' }),
      baseRevision: story.revision,
    });
    expect(first.json().revision).toBe(story.revision + 1);
    const second = await owner.call('PUT', `/articles/${story.id}`, {
      content: storyContent({ headline: 'Two editors disagree' }),
      baseRevision: story.revision,
    });
    expect(second.statusCode).toBe(409);
    const problem = second.json();
    expect(problem).toMatchObject({ code: 'NEWSDESK_ERR_CONFLICT', currentRevision: story.revision + 1, yourRevision: story.revision });
    const headline = problem.changes.find((c: { field: string }) => c.field === 'headline');
    expect(headline.parts).toContainEqual({ kind: 'added', text: expect.stringContaining('agree') });
    expect((await editor.call('GET', `/articles/${story.id}`)).json().headline).toBe('Two editors agree');
  });

  it('asks what kind of change a published story gets, and shows a correction on the page', async () => {
    const story = (await editor.call('POST', '/articles', storyContent({ headline: 'Stocks rise 5 percent' }))).json();
    const live = (await editor.call('POST', `/articles/${story.id}/transitions`, { action: 'publish' })).json();
    const content = storyContent({ headline: 'Stocks rise 3 percent' });
    const unsaid = await editor.call('PUT', `/articles/${story.id}`, { content, baseRevision: live.revision });
    expect(unsaid.json()).toMatchObject({ code: 'NEWSDESK_ERR_VALIDATION', field: 'changeKind' });
    const noNote = await editor.call('PUT', `/articles/${story.id}`, { content, baseRevision: live.revision, changeKind: 'correction' });
    expect(noNote.json().field).toBe('note');

    clock.advance(3_600_000);
    const corrected = await editor.call('PUT', `/articles/${story.id}`, {
      content,
      baseRevision: live.revision,
      changeKind: 'correction',
      note: 'An earlier version said stocks rose 5 percent; they rose 3 percent.',
    });
    expect(corrected.json()).toMatchObject({ headline: 'Stocks rise 3 percent', updatedAt: clock.now().toISOString() });

    const minor = await editor.call('PUT', `/articles/${story.id}`, {
      content: { ...content, byline: 'By Eddie' },
      baseRevision: corrected.json().revision,
      changeKind: 'minor',
    });
    expect(minor.json().updatedAt).toBe(corrected.json().updatedAt);

    const { url } = (await t.app.inject(`/api/v1/articles/${story.id}`)).json();
    const page = (await t.app.inject(url)).body;
    expect(page).toContain('Stocks rise 3 percent');
    expect(page).toContain('An earlier version said stocks rose 5 percent; they rose 3 percent.');
    const diff = (await editor.call('GET', `/articles/${story.id}/diff?from=${live.revision}&to=${corrected.json().revision}`)).json();
    expect(diff.fields.find((f: { field: string }) => f.field === 'headline').parts).toEqual(
      expect.arrayContaining([{ kind: 'removed', text: '5' }, { kind: 'added', text: '3' }]),
    );
  });

  it('publishes a scheduled story when due, and holds an embargoed one back', async () => {
    const story = (await editor.call('POST', '/articles', storyContent({ headline: 'Scheduled story' }))).json();
    const due = new Date(clock.now().getTime() + 30 * 60_000).toISOString();
    const scheduled = await editor.call('POST', `/articles/${story.id}/transitions`, { action: 'schedule', at: due });
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduledAt: due });
    expect(await t.services.stories.releaseDue()).toEqual([]);
    clock.advance(31 * 60_000);
    expect(await t.services.stories.releaseDue()).toEqual([story.id]);
    expect((await editor.call('GET', `/articles/${story.id}`)).json()).toMatchObject({ status: 'published', publishedAt: due });

    const embargoUntil = new Date(clock.now().getTime() + 2 * 3_600_000).toISOString();
    const embargoed = (await editor.call('POST', '/articles', storyContent({ headline: 'Embargoed report', embargoUntil }))).json();
    const held = (await editor.call('POST', `/articles/${embargoed.id}/transitions`, { action: 'publish' })).json();
    expect(held).toMatchObject({ status: 'scheduled', scheduledAt: embargoUntil });
    expect((await t.app.inject(`/api/v1/articles/${embargoed.id}`)).statusCode).toBe(404);
    clock.advance(2 * 3_600_000);
    await t.services.stories.releaseDue();
    expect((await t.app.inject(`/api/v1/articles/${embargoed.id}`)).statusCode).toBe(200);
  });

  it('keeps an autosave until the next real save', async () => {
    const story = (await reporter.call('POST', '/articles', storyContent({ headline: 'Draft in progress' }))).json();
    const saved = await reporter.call('PUT', `/articles/${story.id}/autosave`, { baseRevision: story.revision, content: { headline: 'Draft in progress, more' } });
    expect(saved.statusCode).toBe(200);
    expect((await reporter.call('GET', `/articles/${story.id}/autosave`)).json()).toMatchObject({ content: { headline: 'Draft in progress, more' } });
    await reporter.call('PUT', `/articles/${story.id}`, { content: storyContent({ headline: 'Draft in progress, more' }), baseRevision: story.revision });
    expect((await reporter.call('GET', `/articles/${story.id}/autosave`)).statusCode).toBe(404);
  });

  it('previews a story as readers would see it, with the latest autosaved edits', async () => {
    const story = (await reporter.call('POST', '/articles', storyContent({ headline: 'Preview me' }))).json();
    await reporter.call('PUT', `/articles/${story.id}/autosave`, {
      baseRevision: story.revision,
      content: storyContent({ headline: 'Preview me, edited', bodyHtml: '<p>Edited body<script>x()</script></p>' }),
    });
    const preview = await reporter.page(`/admin/stories/${story.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(preview.body).toContain('<h1 class="story__headline">Preview me, edited</h1>');
    expect(preview.body).toContain('Edited body');
    expect(preview.body).not.toContain('<script>x()');
    expect(preview.body).toContain('Related Stories');
    expect(preview.body).toContain("Today's Top News");
  });

  it('invites by one-time link and resets a password by one-time link', async () => {
    const invite = await owner.call('POST', '/invitations', { email: 'cora@newsroom.test', role: 'contributor' });
    expect(invite.statusCode).toBe(201);
    const token = invite.json().link.split('/').pop();
    const accept = await t.app.inject({ method: 'POST', url: `/api/v1/admin/invitations/${token}/accept`, payload: { name: 'Cora', password: PASSWORD } });
    expect(accept.json().user).toMatchObject({ email: 'cora@newsroom.test', role: 'contributor' });
    const reuse = await t.app.inject({ method: 'POST', url: `/api/v1/admin/invitations/${token}/accept`, payload: { name: 'Cora', password: PASSWORD } });
    expect(reuse.statusCode).toBe(404);

    links.length = 0;
    await t.app.inject({ method: 'POST', url: '/api/v1/admin/password-resets', payload: { email: 'cora@newsroom.test' } });
    const resetToken = links[0]!.split('/').pop();
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/admin/password-resets/${resetToken}`, payload: { password: 'another long password' } });
    expect(reset.statusCode).toBe(200);
    await expect(signIn(t.app, 'cora@newsroom.test')).rejects.toThrow('sign-in failed');
    await signIn(t.app, 'cora@newsroom.test', 'another long password');
  });

  it('takes images with alt text, strips their metadata, and refuses fakes and SVG scripts', async () => {
    const upload = (file: Buffer, fields: Record<string, string>) => {
      const boundary = 'newsdeskboundary';
      const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
      const payload = Buffer.concat([
        Buffer.from(parts.join('')),
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="photo.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return reporter.call('POST', '/media', payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    };
    const jpeg = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#1d3557' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Artist: 'secret' } } })
      .toBuffer();

    const stored = await upload(jpeg, { alt: 'A navy square', caption: 'Test', credit: 'Photo: Rita' });
    expect(stored.statusCode, stored.body).toBe(201);
    const image = stored.json();
    expect(image).toMatchObject({ width: 800, height: 450, alt: 'A navy square', credit: 'Photo: Rita' });
    const served = await t.app.inject(image.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();

    expect((await upload(jpeg, {})).json()).toMatchObject({ status: 400, field: 'alt' });
    expect((await upload(Buffer.from('<html>not an image</html>'), { alt: 'x' })).json()).toMatchObject({ status: 415 });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="90" height="90"><script>alert(1)</script></svg>');
    expect((await upload(svg, { alt: 'x' })).json()).toMatchObject({ status: 415, detail: expect.stringContaining('svg') });
    const oversized = Buffer.concat([jpeg, Buffer.alloc(16 * 1024 * 1024, 1)]);
    expect((await upload(oversized, { alt: 'x' })).json()).toMatchObject({ status: 413, code: 'NEWSDESK_ERR_PAYLOAD_TOO_LARGE' });
  });

  it('sanitizes hostile HTML in a saved story', async () => {
    const story = (
      await reporter.call(
        'POST',
        '/articles',
        storyContent({
          headline: '<script>alert(1)</script>Hostile',
          bodyHtml:
            '<p onmouseover="steal()">Text<script>alert(2)</script> <a href="javascript:alert(3)">link</a></p>' +
            '<svg onload="alert(4)"><script>alert(5)</script></svg><iframe src="https://evil.example"></iframe>',
        }),
      )
    ).json();
    expect(story.bodyHtml).toBe('<p>Text <a rel="noopener noreferrer nofollow">link</a></p>');
    expect(story.headline).toBe('<script>alert(1)</script>Hostile');
    const page = (await editor.page(`/admin/stories/${story.id}`)).body;
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;Hostile');
    expect(page).not.toContain('<script>alert');
  });

  it('puts a newly published story in every page\'s rail at once, without re-rendering those pages', async () => {
    const first = (await editor.call('POST', '/articles', storyContent({ headline: 'Port reopens' }))).json();
    await editor.call('POST', `/articles/${first.id}/transitions`, { action: 'publish' });
    const { url } = (await t.app.inject(`/api/v1/articles/${first.id}`)).json();
    const before = await t.app.inject(url);
    const [pagePart, railPart] = String(before.headers.etag).replace(/"/g, '').split('.');

    // About something else entirely: a story it relates to would rightly be re-rendered with it in its list.
    const lead = (
      await editor.call(
        'POST',
        '/articles',
        storyContent({ headline: 'Typhoon makes landfall', bodyHtml: '<p>A typhoon came ashore overnight with gusts of 180 km/h.</p>', topics: [], priority: 10 }),
      )
    ).json();
    await editor.call('POST', `/articles/${lead.id}/transitions`, { action: 'publish' });
    const after = await t.app.inject(url);
    const rail = after.body.slice(after.body.indexOf('<aside class="rail"'));
    expect(rail).toContain('Typhoon makes landfall');
    const [pageAfter, railAfter] = String(after.headers.etag).replace(/"/g, '').split('.');
    expect(pageAfter).toBe(pagePart);
    expect(railAfter).not.toBe(railPart);
  });

  it('lets editors pin, order and hide Top News and Hot Topics, and keep Editor\'s Picks, seen on the site at once', async () => {
    const make = async (headline: string, topics: string[]) => {
      const story = (await editor.call('POST', '/articles', storyContent({ headline, topics }))).json();
      await editor.call('POST', `/articles/${story.id}/transitions`, { action: 'publish' });
      return story.id as string;
    };
    const quiet = await make('Quiet story worth a pin', ['Harbours']);
    const noisy = await make('Story editors would rather hide', ['Gossip']);
    const rail = async () => {
      const home = (await t.app.inject('/')).body;
      return home.slice(home.indexOf('<aside class="rail"'));
    };
    await rail();

    expect((await reporter.call('PUT', '/boards/top-news', { pinned: [quiet] })).statusCode).toBe(403);
    const board = await editor.call('PUT', '/boards/top-news', { pinned: [{ id: quiet }], hidden: [noisy] });
    expect(board.statusCode, board.body).toBe(200);
    expect(board.json().list[0].id).toBe(quiet);
    expect(board.json().list.map((s: { id: string }) => s.id)).not.toContain(noisy);
    const home = (await t.app.inject('/')).body;
    // The first of Today's Top News leads the home page; the rest fill its rail.
    expect(/class="lead-story__headline"><a[^>]*>([^<]+)</.exec(home)![1]).toBe('Quiet story worth a pin');
    const topNews = (await rail()).split('Hot Topics')[0]!;
    expect(topNews).not.toContain('Story editors would rather hide');

    await editor.call('PUT', '/boards/hot-topics', { pinned: ['harbours'], hidden: ['gossip'] });
    const hot = (await rail()).split('Hot Topics')[1]!.split("Editor's Picks")[0]!;
    expect(hot.indexOf('Harbours')).toBeGreaterThan(-1);
    expect(hot).not.toContain('Gossip');
    const renamed = await editor.call('POST', '/boards/hot-topics/rename', { key: 'harbours', label: 'Ports' });
    expect(renamed.json().names.renamed).toEqual({ harbours: 'Ports' });
    expect((await rail()).split('Hot Topics')[1]!.split("Editor's Picks")[0]).toContain('>Ports</a>');
    expect((await editor.call('POST', '/boards/hot-topics/merge', { key: 'harbours', into: 'harbours' })).json()).toMatchObject({ status: 400, field: 'into' });
    expect((await editor.call('POST', '/boards/hot-topics/merge', { key: 'gossip', into: 'harbours' })).json().names.merged).toEqual({ gossip: 'harbours' });
    expect((await reporter.call('POST', '/boards/hot-topics/rename', { key: 'harbours', label: 'x' })).statusCode).toBe(403);

    const expired = new Date(clock.now().getTime() - 1000).toISOString();
    const picks = await editor.call('PUT', '/collections/editors-picks', {
      name: "Editor's Picks",
      items: [{ id: noisy }, { id: quiet, expiresAt: expired }],
    });
    expect(picks.json().items.map((s: { id: string }) => s.id)).toEqual([noisy]);
    expect((await editor.call('PUT', '/boards/top-news', { pinned: ['no-such-story'] })).json()).toMatchObject({ status: 400, field: 'pinned' });
    const sectionBoard = await editor.call('PUT', '/boards/top-news?section=world', { pinned: [quiet] });
    expect(sectionBoard.json().scope).toBe('world');
  });
});
