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

export function tempSqliteStore(): { store: Store; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'));
  return { store: openStore({ sqliteFile: path.join(dir, 'newsdesk.sqlite') }), dir };
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  close(): Promise<void>;
}

export async function startTestApp(options: { demo?: boolean; clock?: Clock; store?: Store } = {}): Promise<TestApp> {
  const temp = options.store ? null : tempSqliteStore();
  const store = options.store ?? temp!.store;
  await store.migrate();
  const services = createServices(store, options.clock ?? fixedClock(DEMO_NOW));
  if (options.demo) await seedDemoIfEmpty(store, services.publisher, services.clock);
  const app = await createApp({ services, publicUrl: 'http://localhost:3000' });
  return {
    app,
    services,
    async close() {
      await app.close();
      await store.close();
      if (temp) fs.rmSync(temp.dir, { recursive: true, force: true });
    },
  };
}
