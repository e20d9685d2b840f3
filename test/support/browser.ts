/** Debian's chromium driven by playwright-core, with the flags this machine's closed network needs. */
import { type Browser, chromium } from 'playwright-core';
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
export async function stayLocal(context: import('playwright-core').BrowserContext): Promise<void> {
  await context.route((url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost', (route) => route.abort());
}
