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
