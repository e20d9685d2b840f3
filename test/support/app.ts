/** A Newsdesk instance for tests: a fresh SQLite file (or a given store), migrated, optionally with the demo loaded. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { seedDemoIfEmpty } from '../../src/demo/index.js';
import { type Clock, fixedClock } from '../../src/domain/clock.js';
import { type Services, createApp, createServices } from '../../src/server/app.js';
import { type Store, openStore } from '../../src/store/index.js';

export const DEMO_NOW = new Date('2015-09-11T13:03:00Z');

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demo?: boolean;
  clock?: Clock;
  /** A store to use instead of a fresh SQLite file; the caller closes it. */
  store?: Store;
  deliverLink?: (purpose: string, email: string, link: string) => void;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'));
  const store = options.store ?? openStore({ sqliteFile: path.join(dir, 'newsdesk.sqlite') });
  await store.migrate();
  const services = createServices(store, options.clock ?? fixedClock(DEMO_NOW), dir);
  if (options.demo) await seedDemoIfEmpty(store, services.publisher, services.clock);
  const app = await createApp({ services, publicUrl: 'http://localhost:3000', deliverLink: options.deliverLink ?? (() => {}) });
  return {
    app,
    services,
    async close() {
      await app.close();
      if (!options.store) await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
