/**
 * Curation in a real browser: the boards page explains Today's Top News and Hot Topics and switches Most Read onto
 * the site; an article in a developing story shows "The story so far". Screenshots of both go to
 * $NEWSDESK_SCREENSHOTS (the README's were made with NEWSDESK_SCREENSHOTS=docs/screenshots), or a temporary folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import { PASSWORD } from '../support/admin.js';
import { DEMO_NOW, type TestApp, startTestApp } from '../support/app.js';
import { launchChromium, signedInPage, stayLocal } from '../support/browser.js';
import { chromiumAvailable } from '../support/services.js';

const enabled = chromiumAvailable();
const SCREENSHOTS = path.resolve(process.env.NEWSDESK_SCREENSHOTS ?? path.join(os.tmpdir(), 'newsdesk-shots'));

describe.skipIf(!enabled)('curation in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let items: { id: string; url: string }[];

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    t = await startTestApp({ demo: true, clock: fixedClock(DEMO_NOW) });
    await t.services.accounts.setupOwner({ email: 'owner@newsroom.test', name: 'Olive Owner', password: PASSWORD });
    items = (await t.app.inject('/api/v1/articles?limit=40')).json().items;
    const hour = DEMO_NOW.toISOString().slice(0, 13);
    await t.services.store.reads.add(items.slice(0, 6).map((item, i) => ({ articleId: item.id, hour, count: 50 - i * 7 })));
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('explains Top News and Hot Topics on the boards page, and puts Most Read on the site', async () => {
    const { context, page } = await signedInPage(browser, base, 'owner@newsroom.test');
    await page.goto('/admin/boards');
    await expect(page.locator('.why').first().textContent()).resolves.toMatch(/priority \d+ \(×[\d.]+\) · .* old \(×[\d.]+\) · \d+ reads? today/);
    await expect(page.getByText('How the rest is ranked').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'boards.png'), fullPage: true });
    const shown = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Show Most Read on the site' }).click();
    await shown;
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Most Read' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('shows "The story so far" on an article in a developing story', async () => {
    let threaded: { id: string; url: string } | undefined;
    for (const item of items) if (await t.services.curation.threadOf(item.id, DEMO_NOW)) threaded ??= item;
    expect(threaded).toBeDefined();
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    await stayLocal(context);
    const page = await context.newPage();
    await page.goto(new URL(threaded!.url, base).pathname);
    const timeline = page.locator('.story-so-far');
    await expect(timeline.getByRole('heading', { name: 'The story so far' }).isVisible()).resolves.toBe(true);
    await expect(timeline.locator('[aria-current="page"]').count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'article-thread.png'), fullPage: true });
    await page.getByRole('link', { name: /The whole story/ }).click();
    await page.waitForURL(/\/thread\//);
    await expect(page.getByText(/The story so far, in \d+ reports\./).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
