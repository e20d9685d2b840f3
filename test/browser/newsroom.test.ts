/**
 * The newsroom in a real browser: first-run setup, a reporter's story with an image, an editor scheduling and
 * correcting it, a reporter refused publishing, two editors colliding, and a closed tab's text recovered.
 * Screenshots of the editor, the dashboard and a revision diff go to $NEWSDESK_SCREENSHOTS (the README's ones were
 * made with NEWSDESK_SCREENSHOTS=docs/screenshots), or a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, PASSWORD } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { launchChromium, signedInPage, stayLocal } from '../support/browser.js';
import { chromiumAvailable } from '../support/services.js';

const enabled = chromiumAvailable();
const SCREENSHOTS = path.resolve(process.env.NEWSDESK_SCREENSHOTS ?? path.join(os.tmpdir(), 'newsdesk-shots'));
const START = new Date('2026-11-26T02:00:00Z');

describe.skipIf(!enabled)('newsroom in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const clock = new ManualClock(START);
  let storyUrl = '';

  const signedIn = (email: string) => signedInPage(browser, base, email);

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp({ demo: true, clock });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sets up the owner on first run', async () => {
    const context = await browser.newContext({ baseURL: base });
    await stayLocal(context);
    const page = await context.newPage();
    await page.goto('/admin');
    await page.waitForURL(`${base}/admin/setup`);
    await page.getByLabel('Your name').fill('Olive Owner');
    await page.getByLabel('Email').fill('owner@newsroom.test');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create owner account' }).click();
    await page.waitForURL(`${base}/admin`);
    await expect(page.getByRole('heading', { name: 'Dashboard' }).isVisible()).resolves.toBe(true);
    await context.close();
    await t.services.accounts.create({ email: 'rita@newsroom.test', name: 'Rita Reporter', role: 'reporter', password: PASSWORD }, null);
    await t.services.accounts.create({ email: 'eddie@newsroom.test', name: 'Eddie Editor', role: 'editor', password: PASSWORD }, null);
    await t.services.accounts.create({ email: 'erin@newsroom.test', name: 'Erin Editor', role: 'editor', password: PASSWORD }, null);
  });

  it('lets a reporter write a story with an image and submit it, but not publish it', async () => {
    const { context, page } = await signedIn('rita@newsroom.test');
    await page.getByRole('link', { name: 'New story' }).click();
    await page.getByLabel('Headline').fill('Harbour cranes return to work after the storm');
    await page.getByLabel('Section').fill('China');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
    storyUrl = new URL(page.url()).pathname;

    await page.getByLabel('Dateline').fill('NINGBO');
    await page.getByLabel('Source').fill('Harbour Wire');
    await page.getByLabel('Topics').fill('Ningbo Port, Typhoon Taohua');
    const body = page.locator('#body-editor .ProseMirror');
    await body.click();
    await page.keyboard.type('Container cranes at the port resumed work on Saturday morning.');

    const photo = path.join(os.tmpdir(), 'newsdesk-cranes.jpg');
    fs.writeFileSync(photo, await sharp('src/demo/images/harbour.svg').jpeg().toBuffer());
    await page.getByRole('button', { name: 'Image' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input[type="file"]').setInputFiles(photo);
    await dialog.getByLabel('Alt text').fill('Cranes over stacked containers at dawn');
    await dialog.getByLabel('Caption').fill('Cranes at the port on Saturday.');
    await dialog.getByRole('button', { name: 'Insert' }).click();
    await expect.poll(() => body.locator('img').count()).toBe(1);
    page.once('dialog', (prompt) => void prompt.accept('https://youtu.be/dQw4w9WgXcQ'));
    await page.getByRole('button', { name: 'Embed' }).click();
    await expect.poll(() => body.textContent()).toContain('Video: https://youtu.be/dQw4w9WgXcQ');
    await expect(body.locator('img').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#editor-status').textContent()).toContain('Saved');
    await expect(page.locator('[data-transition="publish"]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('.editor-head .badge').textContent()).toBe('review');

    const id = storyUrl.split('/').pop()!;
    // The same request the page would send, with the reporter's own session and CSRF token.
    const csrf = (await page.locator('meta[name="csrf-token"]').getAttribute('content'))!;
    const refused = await page.request.post(`/api/v1/admin/articles/${id}/transitions`, {
      headers: { 'x-csrf-token': csrf, origin: base },
      data: { action: 'publish' },
    });
    expect(refused.status()).toBe(403);
    await context.close();
  });

  it('lets an editor schedule the story, which appears on the site when due', async () => {
    const { context, page } = await signedIn('eddie@newsroom.test');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    await page.getByRole('link', { name: 'Harbour cranes return to work after the storm' }).first().click();
    await page.waitForURL(`${base}${storyUrl}`);
    await page.getByLabel('Headline').fill('Harbour cranes return to work after Typhoon Taohua');
    await page.getByLabel('Publish at').fill('2026-11-26T03:00');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'editor.png'), fullPage: true });
    await page.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => page.locator('.editor-head .badge').textContent()).toBe('scheduled');

    const id = storyUrl.split('/').pop()!;
    expect((await t.app.inject(`/api/v1/articles/${id}`)).statusCode).toBe(404);
    clock.advance(61 * 60_000);
    expect(await t.services.stories.releaseDue()).toEqual([id]);
    const { url } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as { url: string };
    const reader = await context.newPage();
    await reader.goto(url);
    await expect(reader.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Harbour cranes return to work after Typhoon Taohua');
    await expect(reader.locator('.story__body img').getAttribute('alt')).resolves.toBe('Cranes over stacked containers at dawn');
    await expect(reader.locator('.story__body figcaption').first().textContent()).resolves.toBe('Cranes at the port on Saturday.');
    const player = reader.locator('.story__body figure.embed iframe');
    await expect(player.getAttribute('src')).resolves.toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    await expect(player.getAttribute('sandbox')).resolves.toContain('allow-scripts');
    await context.close();
  });

  it('publishes a correction whose note shows on the article page', async () => {
    const { context, page } = await signedIn('eddie@newsroom.test');
    await page.goto(storyUrl);
    await page.getByLabel('Headline').fill('Harbour cranes return to work two days after Typhoon Taohua');
    await page.getByLabel('Correction (shown to readers with a note)').check();
    await page.getByLabel('Note for readers').fill('An earlier version said the cranes restarted the day after the storm.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('#editor-status').textContent()).toContain('Saved');

    const id = storyUrl.split('/').pop()!;
    const { url } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as { url: string };
    const reader = await context.newPage();
    await reader.goto(url);
    const changes = reader.getByRole('region', { name: 'Corrections and updates' });
    await expect(changes.textContent()).resolves.toContain('An earlier version said the cranes restarted the day after the storm.');

    await page.goto(`${storyUrl}/revisions`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'revision-diff.png'), fullPage: true });
    await expect(page.locator('.diff ins').first().textContent()).resolves.toContain('two days');
    await context.close();
  });

  it('gives the second of two editors a conflict instead of overwriting the first', async () => {
    const first = await signedIn('eddie@newsroom.test');
    const second = await signedIn('erin@newsroom.test');
    await first.page.goto(storyUrl);
    await second.page.goto(storyUrl);
    await first.page.getByLabel('Standfirst').fill('Operations resumed at dawn.');
    await first.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => first.page.locator('#editor-status').textContent()).toContain('Saved');

    await second.page.getByLabel('Standfirst').fill('Work resumed slowly.');
    await second.page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = second.page.locator('#conflict');
    await expect.poll(() => conflict.isVisible()).toBe(true);
    await expect(conflict.textContent()).resolves.toContain('Operations resumed at dawn.');
    await expect(t.services.stories.get(storyUrl.split('/').pop()!).then((s) => s.standfirst)).resolves.toBe('Operations resumed at dawn.');
    await first.context.close();
    await second.context.close();
  });

  it('recovers the text of a tab closed mid-edit', async () => {
    const { context, page } = await signedIn('rita@newsroom.test');
    await page.getByRole('link', { name: 'New story' }).click();
    await page.getByLabel('Headline').fill('Night buses');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
    const draftUrl = page.url();
    await page.locator('#body-editor .ProseMirror').click();
    await page.keyboard.type('Twelve new night bus routes start on Monday.');
    // Evaluated in the page, where localStorage lives.
    await expect.poll(() => page.evaluate("Object.keys(localStorage).some((key) => key.startsWith('newsdesk:autosave:'))")).toBe(true);
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(draftUrl);
    await expect.poll(() => reopened.locator('#body-editor .ProseMirror').textContent()).toContain('Twelve new night bus routes start on Monday.');
    await expect(reopened.locator('#editor-status').textContent()).resolves.toContain('Recovered');
    await context.close();
  });
});
