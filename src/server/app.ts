/**
 * The composition root: opens the store, wires curation, the publisher, the reader site and the API into one Fastify
 * instance. Every dependency is created here and passed down; nothing is a module-level singleton.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { contentApi } from '../api/content-api.js';
import { Curation } from '../curation/index.js';
import type { Clock } from '../domain/clock.js';
import { Publisher } from '../newsroom/publisher.js';
import { PageCache, readerSite } from '../site/index.js';
import type { Store } from '../store/index.js';
import { securityHeaders } from './security-headers.js';

export interface Services {
  store: Store;
  clock: Clock;
  curation: Curation;
  publisher: Publisher;
}

export function createServices(store: Store, clock: Clock): Services {
  const curation = new Curation(store);
  return { store, clock, curation, publisher: new Publisher(store, curation, clock) };
}

export interface AppOptions {
  services: Services;
  publicUrl: string;
  logger?: boolean;
  cacheTtlMs?: number;
}

export async function createApp({ services, publicUrl, logger = false, cacheTtlMs = 60_000 }: AppOptions): Promise<FastifyInstance> {
  const { store, clock, curation } = services;
  const edition = await store.settings.edition();
  const app = Fastify({ logger, trustProxy: true, return503OnClosing: true });
  securityHeaders(app);
  const cache = new PageCache({ ttlMs: cacheTtlMs, maxEntries: 5_000, now: () => Date.now() });

  app.get('/healthz', async (_request, reply) => {
    await store.articles.countPublished();
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  await app.register(contentApi, { prefix: '/api/v1', store, curation, clock, edition });
  await app.register(readerSite, { store, curation, clock, edition, publicUrl, cache });
  return app;
}
