/** Debian's chromium driven by playwright-core, with the flags this machine's closed network needs. */
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { PASSWORD } from './admin.js';
import { CHROMIUM_PATH } from './services.js';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Keeps a browser context on this machine: any request to another host (an embedded video player, say) is
 * aborted before it leaves, so tests neither wait on the network nor send traffic anywhere else.
 */
export async function stayLocal(context: BrowserContext): Promise<void> {
  await context.route((url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost', (route) => route.abort());
}

/** A fresh context kept on this machine, signed in to the newsroom as `email` (password PASSWORD), on the dashboard. */
export async function signedInPage(browser: Browser, base: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  await stayLocal(context);
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('Email').first().fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/admin`);
  return { context, page };
}
