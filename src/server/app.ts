/**
 * The composition root: opens nothing itself, but wires the store, curation, the newsroom services, the reader
 * site and the APIs into one Fastify instance. Every dependency is created here and passed down; nothing is a
 * module-level singleton.
 */
import path from 'node:path';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { newsroomPages } from '../admin/index.js';
import { adminApi } from '../api/admin/index.js';
import { contentApi } from '../api/content-api.js';
import { ingestApi } from '../api/ingest-api.js';
import { Importer } from '../ingest/importer.js';
import { Poller } from '../ingest/poller.js';
import { Sources } from '../ingest/sources.js';
import { WireDesk } from '../ingest/wire-desk.js';
import { Curation, Readership, defaultRelatedSettings } from '../curation/index.js';
import type { Clock } from '../domain/clock.js';
import { surrogateKeys } from '../domain/surrogate-keys.js';
import { FileMediaStorage } from '../media/index.js';
import { Accounts } from '../newsroom/accounts.js';
import { AuditTrail } from '../newsroom/audit-trail.js';
import { Boards } from '../newsroom/boards.js';
import { MediaLibrary } from '../newsroom/media-library.js';
import { NewsEvents } from '../newsroom/news-events.js';
import { Publisher } from '../newsroom/publisher.js';
import { Scheduler } from '../newsroom/scheduler.js';
import { Stories } from '../newsroom/stories.js';
import { PageCache, SitePages, readerSite } from '../site/index.js';
import type { Store } from '../store/index.js';
import { mediaFiles } from './media-files.js';
import { securityHeaders } from './security-headers.js';

export interface Services {
  store: Store;
  clock: Clock;
  curation: Curation;
  readership: Readership;
  publisher: Publisher;
  events: NewsEvents;
  accounts: Accounts;
  boards: Boards;
  stories: Stories;
  media: MediaLibrary;
  mediaStorage: FileMediaStorage;
  sources: Sources;
  importer: Importer;
  wireDesk: WireDesk;
  poller: Poller;
}

export function createServices(store: Store, clock: Clock, dataDir: string): Services {
  const events = new NewsEvents();
  // Relating a story changes other stories' pages too (the lists it joins or leaves, its thread): drop those.
  const curation = new Curation(store, defaultRelatedSettings, {
    clock,
    onChange: ({ articleIds }) => events.emit({ articleIds: [], keys: articleIds.map(surrogateKeys.article) }),
  });
  const mediaStorage = new FileMediaStorage(path.join(dataDir, 'media'));
  const audit = new AuditTrail(store, clock);
  const publisher = new Publisher(store, curation, clock);
  const sources = new Sources(store, clock);
  const importer = new Importer(publisher, curation, store, clock);
  const readership = new Readership(store, clock);
  return {
    store,
    clock,
    curation,
    readership,
    events,
    publisher,
    sources,
    importer,
    wireDesk: new WireDesk(store, publisher, clock, audit),
    poller: new Poller({ store, sources, importer, clock }),
    accounts: new Accounts(store, clock, audit),
    boards: new Boards(store, curation, readership, clock, events, audit),
    stories: new Stories(store, curation, clock, events, audit),
    media: new MediaLibrary(mediaStorage),
    mediaStorage,
  };
}

export interface AppOptions {
  services: Services;
  publicUrl: string;
  logger?: boolean;
  cacheTtlMs?: number;
  /** Run background jobs (scheduled publishing, polling wire sources) in this process. */
  jobs?: boolean;
  /** How often counted reads are written to the store. */
  readsFlushMs?: number;
  /** Where one-time links go when no mail is configured; the server log by default. */
  deliverLink?: (purpose: string, email: string, link: string) => void;
}

export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const { services, publicUrl, logger = false, cacheTtlMs = 60_000, jobs = false, readsFlushMs = 5_000 } = options;
  const { store, clock, curation, accounts, boards, stories, media, events } = services;
  const edition = await store.settings.edition();
  const pages = new SitePages({ store, curation, readership: services.readership, clock, edition, publicUrl });
  const app = Fastify({ logger, trustProxy: true, return503OnClosing: true, bodyLimit: 2 * 1024 * 1024 });
  securityHeaders(app);
  const cache = new PageCache({ ttlMs: cacheTtlMs, maxEntries: 5_000, now: () => Date.now() });
  const fragments = new PageCache({ ttlMs: cacheTtlMs, maxEntries: 5_000, now: () => Date.now() });
  const unsubscribe = events.subscribe((change) => {
    cache.invalidate(change.keys);
    fragments.invalidate(change.keys);
  });
  const deliverLink =
    options.deliverLink ?? ((purpose: string, email: string, link: string) => console.log(`No mail configured: ${purpose} link for ${email}: ${link}`));

  app.get('/healthz', async (_request, reply) => {
    await store.articles.countPublished();
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });
  await app.register(cookie);
  await app.register(ingestApi, { prefix: '/api/v1', sources: services.sources, importer: services.importer });
  await app.register(contentApi, { prefix: '/api/v1', store, curation, clock, edition });
  await app.register(adminApi, {
    prefix: '/api/v1/admin',
    services: {
      accounts,
      boards,
      stories,
      store,
      media,
      sources: services.sources,
      wireDesk: services.wireDesk,
      poller: services.poller,
      publicUrl,
      deliverLink,
      timeZone: edition.timeZone,
    },
  });
  await app.register(newsroomPages, {
    preview: (article) => pages.preview(article),
    accounts,
    boards,
    readership: services.readership,
    stories,
    store,
    sources: services.sources,
    wireDesk: services.wireDesk,
    clock,
    timeZone: edition.timeZone,
  });
  await app.register(mediaFiles, { storage: services.mediaStorage });
  await app.register(readerSite, { store, curation, clock, edition, cache, fragments, readership: services.readership, pages });

  const scheduler = jobs ? new Scheduler(stories, store, clock) : null;
  app.addHook('onReady', async () => {
    services.readership.start(readsFlushMs, (error) => app.log.error({ err: error }, 'writing read counts failed'));
    await scheduler?.start();
    if (jobs) await services.poller.start();
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    await scheduler?.stop();
    if (jobs) await services.poller.stop();
    await services.readership.stop();
  });
  return app;
}
