/**
 * The Admin API's wire desk: sources (settings, health, log, a poll on demand) and the wire queue (filter, search,
 * pick up into a draft, dismiss, restore). Everyone in the newsroom may read them; managing sources is an admin's.
 */
import { ValidationError } from '../../domain/errors.js';
import { parseQueueState } from '../../ingest/wire-desk.js';
import { type AdminRoute, actor, body, integer, params, query } from './route.js';

/** How many log lines a source's detail shows. */
const SOURCE_LOG_LINES = 50;

export const wireRoutes: AdminRoute[] = [
  {
    method: 'GET',
    url: '/sources',
    access: 'story.read',
    handler: async (c) => ({ items: await c.services.sources.overview() }),
  },
  {
    method: 'POST',
    url: '/sources',
    access: 'settings.manage',
    handler: async (c) => {
      const { source, token } = await c.services.sources.add(body(c));
      c.reply.code(201);
      return { source, ...(token ? { token, pushUrl: `${c.services.publicUrl}/api/v1/ingest/${source.id}` } : {}) };
    },
  },
  {
    method: 'GET',
    url: '/sources/:id',
    access: 'story.read',
    handler: async (c) => {
      const id = params(c).id!;
      const source = await c.services.sources.get(id);
      const [health, log] = await Promise.all([c.services.store.sources.health(id), c.services.store.sources.logOf(id, SOURCE_LOG_LINES)]);
      const { etag: _etag, lastModified: _lastModified, ...shown } = health;
      return { source, health: shown, log };
    },
  },
  {
    method: 'PUT',
    url: '/sources/:id',
    access: 'settings.manage',
    handler: async (c) => ({ source: await c.services.sources.update(params(c).id!, body(c)) }),
  },
  {
    method: 'POST',
    url: '/sources/:id/poll',
    access: 'settings.manage',
    handler: async (c) => {
      const source = await c.services.sources.get(params(c).id!);
      if (source.kind === 'push') throw new ValidationError(`${source.name} pushes its documents; there is nothing to poll`);
      return c.services.poller.poll(source);
    },
  },
  {
    method: 'GET',
    url: '/wire',
    access: 'story.read',
    handler: async (c) => {
      const q = query(c);
      const page = await c.services.wireDesk.list({
        state: parseQueueState(q.state ?? 'new'),
        sourceId: q.source || undefined,
        minPriority: q.minPriority ? integer(q.minPriority, 'minPriority') : undefined,
        query: q.q,
        cursor: q.cursor,
        ...(q.limit ? { limit: integer(q.limit, 'limit') } : {}),
      });
      return { items: page.items.map(({ bands: _bands, simhash: _simhash, ...item }) => item), nextCursor: page.nextCursor };
    },
  },
  {
    method: 'GET',
    url: '/wire/:id',
    access: 'story.read',
    handler: async (c) => {
      const { bands: _bands, simhash: _simhash, ...item } = await c.services.wireDesk.get(params(c).id!);
      return item;
    },
  },
  {
    method: 'POST',
    url: '/wire/:id/pick-up',
    access: 'story.create',
    handler: async (c) => {
      const articleId = await c.services.wireDesk.pickUp(actor(c), params(c).id!);
      c.reply.code(201);
      return { id: articleId, articleId };
    },
  },
  {
    method: 'POST',
    url: '/wire/:id/dismiss',
    access: 'story.publish',
    handler: async (c) => c.services.wireDesk.setDismissed(actor(c), params(c).id!, true),
  },
  {
    method: 'POST',
    url: '/wire/:id/restore',
    access: 'story.publish',
    handler: async (c) => c.services.wireDesk.setDismissed(actor(c), params(c).id!, false),
  },
];
