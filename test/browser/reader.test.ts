/**
 * The reader site in a real browser: the demo edition served on a real port, read by headless chromium on a desktop
 * and on a phone. Screenshots for humans land in /tmp/newsdesk-shots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.js';
import { launchChromium, stayLocal } from '../support/browser.js';
import { chromiumAvailable } from '../support/services.js';

const SHOTS_DIR = '/tmp/newsdesk-shots';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const enabled = chromiumAvailable();

/** A rail or related block: the `section` labelled by the heading with this text. */
function block(page: Page, heading: string): Locator {
  return page.getByRole('region', { name: heading, exact: true });
}

/** Console errors and uncaught exceptions on a page, for asserting that there are none. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

describe.skipIf(!enabled)('reader site in a real browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  let baseUrl: string;
  /** Path of the home page's lead story, looked up once before the tests. */
  let articlePath: string;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    testApp = await startTestApp({ demo: true });
    baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    const page = await browser.newPage();
    await stayLocal(page.context());
    await page.goto(baseUrl);
    const href = await page.locator('.lead-story__headline a').getAttribute('href');
    await page.close();
    if (!href) throw new Error('the demo home page has no lead story link');
    articlePath = href;
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('reads the lead story from the front page on a desktop, with and without JavaScript', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    await stayLocal(context);
    const page = await context.newPage();
    const errors = collectErrors(page);

    const home = await page.goto(baseUrl);
    expect(home?.status()).toBe(200);
    const leadLink = page.locator('.lead-story__headline a');
    await leadLink.waitFor({ state: 'visible' });
    for (const heading of ["Today's Top News", 'Hot Topics', "Editor's Picks"]) {
      expect(await page.getByRole('heading', { name: heading, exact: true }).isVisible(), heading).toBe(true);
    }
    await page.screenshot({ path: path.join(SHOTS_DIR, 'home-desktop.png'), fullPage: true });

    const leadHeadline = (await leadLink.textContent())!.trim();
    await leadLink.click();
    await page.waitForURL(`${baseUrl}${articlePath}`);
    await page.waitForLoadState('load');

    const article = page.locator('article.story');
    const headline = page.getByRole('heading', { level: 1 });
    expect(await headline.isVisible()).toBe(true);
    expect((await headline.textContent())!.trim()).toBe(leadHeadline);

    const updated = article.locator('.story__updated');
    expect(await updated.isVisible()).toBe(true);
    expect(await updated.textContent()).toMatch(/^Updated: \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await updated.locator('time[datetime]').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const source = article.locator('.story__source');
    expect(await source.isVisible()).toBe(true);
    expect((await source.textContent())!.trim()).toMatch(/^\((Harbour Wire|Continental Press|Newsdesk Staff)\)$/);

    const dateline = article.locator('.story__body .story__dateline');
    expect(await dateline.isVisible()).toBe(true);
    expect(await dateline.textContent()).toMatch(/^[A-Z][A-Z ]+ --$/);
    const paragraphs = article.locator('.story__body p');
    expect(await paragraphs.count()).toBeGreaterThanOrEqual(2);
    expect(await paragraphs.nth(1).isVisible()).toBe(true);

    const share = page.getByRole('navigation', { name: 'Share this story' });
    expect(await share.isVisible()).toBe(true);
    expect(await share.getByRole('link').count()).toBeGreaterThanOrEqual(3);

    const related = block(page, 'Related Stories');
    expect(await related.isVisible()).toBe(true);
    const relatedItems = await related.getByRole('listitem').all();
    expect(relatedItems.length).toBeGreaterThanOrEqual(3);
    for (const item of relatedItems) {
      expect(await item.getByRole('link').isVisible()).toBe(true);
      expect(await item.locator('time[datetime]').isVisible()).toBe(true);
    }

    for (const heading of ["Today's Top News", 'Hot Topics', "Editor's Picks"]) {
      const rail = block(page, heading);
      expect(await rail.isVisible(), heading).toBe(true);
      expect(await rail.getByRole('listitem').count(), heading).toBeGreaterThanOrEqual(3);
      expect(await rail.getByRole('link').first().isVisible(), heading).toBe(true);
    }

    const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').last();
    expect(await crumb.isVisible()).toBe(true);
    expect(await crumb.getAttribute('href')).toMatch(/^\/section\/[a-z0-9-]+$/);
    const activeSection = page.getByRole('navigation', { name: 'Sections' }).locator('a[aria-current="page"]');
    expect(await activeSection.getAttribute('href')).toBe(await crumb.getAttribute('href'));

    await page.screenshot({ path: path.join(SHOTS_DIR, 'article-desktop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();

    const noScript = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });

    await stayLocal(noScript);
    const plain = await noScript.newPage();
    expect((await plain.goto(`${baseUrl}${articlePath}`))?.status()).toBe(200);
    expect(await plain.getByRole('heading', { level: 1, name: leadHeadline }).isVisible()).toBe(true);
    expect(await block(plain, 'Related Stories').isVisible()).toBe(true);
    expect(await block(plain, 'Related Stories').getByRole('link').count()).toBeGreaterThanOrEqual(3);
    await noScript.close();
  });

  it('lays an article out in one column on a phone, rail below the story, with no sideways scrolling', async () => {
    const context = await browser.newContext(PHONE);
    await stayLocal(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${articlePath}`);
    await page.waitForLoadState('load');

    const overflow = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
    );
    expect(overflow.innerWidth).toBe(PHONE.viewport.width);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth);

    const headline = page.getByRole('heading', { level: 1 });
    const body = page.locator('.story__body');
    expect(await headline.isVisible()).toBe(true);
    expect(await body.isVisible()).toBe(true);

    const bodyBox = await body.boundingBox();
    const railBox = await block(page, "Today's Top News").boundingBox();
    expect(bodyBox).not.toBeNull();
    expect(railBox).not.toBeNull();
    expect(railBox!.y).toBeGreaterThan(bodyBox!.y + bodyBox!.height);

    await page.screenshot({ path: path.join(SHOTS_DIR, 'article-phone.png'), fullPage: true });
    await context.close();
  });

  it('navigates from a section to one of its stories, and shows the 404 page for unknown addresses', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    await stayLocal(context);
    const page = await context.newPage();
    await page.goto(baseUrl);

    const sectionLink = page.getByRole('navigation', { name: 'Sections' }).getByRole('link').nth(1);
    const sectionName = (await sectionLink.textContent())!.trim();
    await sectionLink.click();
    await page.waitForURL(/\/section\/[a-z0-9-]+$/);
    expect(await page.getByRole('heading', { level: 1, name: sectionName, exact: true }).isVisible()).toBe(true);

    const cards = page.locator('.story-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(1);
    const storyLink = cards.first().getByRole('heading').getByRole('link');
    const storyHeadline = (await storyLink.textContent())!.trim();
    await storyLink.click();
    await page.waitForURL(/\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/);
    expect(await page.getByRole('heading', { level: 1, name: storyHeadline, exact: true }).isVisible()).toBe(true);
    const crumb = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: sectionName });
    expect(await crumb.isVisible()).toBe(true);

    const missing = await page.goto(`${baseUrl}/no/such/page`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1, name: 'Page not found' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Go to the front page' }).isVisible()).toBe(true);
    await context.close();
  });
});
