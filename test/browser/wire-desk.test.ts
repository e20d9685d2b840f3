/**
 * The wire desk in a real browser: an admin adds a drop-folder source that queues for editors, gives it an
 * auto-publish rule and checks it; an editor finds an item in the queue by search and picks it up into a draft.
 * Screenshots of the queue and the source page go to $NEWSDESK_SCREENSHOTS, or a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireArticleId } from '../../src/ingest/wire-record.js';
import { ManualClock, PASSWORD } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';
import { launchChromium, signedInPage } from '../support/browser.js';
import { chromiumAvailable } from '../support/services.js';

const enabled = chromiumAvailable();
const SCREENSHOTS = path.resolve(process.env.NEWSDESK_SCREENSHOTS ?? path.join(os.tmpdir(), 'newsdesk-shots'));

const ninjs = (uri: string, headline: string, body: string, urgency = 4) =>
  JSON.stringify({ uri, type: 'text', headline, body_html: `<p>${body}</p>`, versioncreated: '2026-11-26T01:30:00Z', urgency });

describe.skipIf(!enabled)('wire desk in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-drop-'));

  const signedIn = (email: string) => signedInPage(browser, base, email);

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp({ demo: true, clock: new ManualClock(new Date('2026-11-26T02:00:00Z')) });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    await t.services.accounts.setupOwner({ email: 'owner@newsroom.test', name: 'Olive Owner', password: PASSWORD });
    await t.services.accounts.create({ email: 'eddie@newsroom.test', name: 'Eddie Editor', role: 'editor', password: PASSWORD }, null);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('lets an admin add a queued folder source, give it a rule, and check it', async () => {
    const { context, page } = await signedIn('owner@newsroom.test');
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Sources' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Harbour Wire');
    await page.getByLabel('How it arrives').selectOption('directory');
    await page.getByLabel('Feed URL or folder').fill(folder);
    await page.getByLabel('Section', { exact: true }).fill('China');
    await page.getByLabel('Items').selectOption('queue');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByRole('link', { name: 'Harbour Wire' }).click();
    await page.waitForURL(`${base}/admin/sources/harbour-wire`);

    await page.getByLabel('Keywords').fill('typhoon');
    await page.getByLabel('Into section').fill('Weather');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/sources/harbour-wire') && r.request().method() === 'PUT');
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect((await saved).status()).toBe(200);
    await reloaded;
    await expect(page.getByLabel('Keywords').first().inputValue()).resolves.toBe('typhoon');
    expect((await t.services.sources.get('harbour-wire')).rules).toEqual([{ section: 'Weather', minPriority: null, keywords: ['typhoon'] }]);

    fs.writeFileSync(path.join(folder, 'cranes.json'), ninjs('urn:harbour:cranes', 'Harbour cranes return to work', 'Container cranes at the port resumed work on Saturday.'));
    fs.writeFileSync(path.join(folder, 'storm.json'), ninjs('urn:harbour:storm', 'Typhoon Taohua turns north', 'The storm weakened as it moved over the sea.', 2));
    fs.writeFileSync(path.join(folder, 'broken.json'), '{"uri": "urn:harbour:broken", "headline": ');
    const checked = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/sources/harbour-wire/poll'));
    await page.getByRole('button', { name: 'Check now' }).click();
    expect((await checked).status()).toBe(200);
    const log = page.locator('.source-log');
    await log.getByText('1 added, 0 updated, 1 queued').waitFor();
    await expect(log.getByText('broken.json').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wire-source.png'), fullPage: true });
    await context.close();

    const published = await t.services.store.articles.findById(wireArticleId('urn:harbour:storm'), '2027-01-01T00:00:00Z');
    expect(published).toMatchObject({ status: 'published', section: { name: 'Weather' } });
  });

  it('lets an editor find an item in the queue and pick it up into a draft', async () => {
    const { context, page } = await signedIn('eddie@newsroom.test');
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Wire', exact: true }).click();
    await page.getByLabel('Search').fill('cranes');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/q=cranes/);
    const rows = page.locator('table.wire-queue tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'wire-queue.png'), fullPage: true });
    await page.getByRole('button', { name: 'Pick up Harbour cranes return to work' }).click();
    await page.waitForURL(`${base}/admin/stories/${wireArticleId('urn:harbour:cranes')}`);
    await expect(page.getByLabel('Headline').inputValue()).resolves.toBe('Harbour cranes return to work');
    await expect(page.locator('.badge--draft, .badge').first().textContent()).resolves.toBe('draft');
    await page.goto('/admin/wire');
    await expect(page.getByText('Nothing waiting.').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
