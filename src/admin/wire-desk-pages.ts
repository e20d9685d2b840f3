/** The wire desk's routes in the newsroom: the queue, one queued item, the sources, one source. */
import type { FastifyInstance } from 'fastify';
import { NewsdeskError } from '../domain/errors.js';
import type { Sources } from '../ingest/sources.js';
import { type WireDesk, parseQueueState } from '../ingest/wire-desk.js';
import { can } from '../newsroom/roles.js';
import type { Store } from '../store/index.js';
import { notFoundLike, type pageGate } from './page-gate.js';
import { sourcePage, sourcesPage, wireItemPage, wireQueuePage } from './views/wire-pages.js';

/** How many log lines a source's page shows. */
const LOG_LINES = 50;

export interface WireDeskPagesOptions {
  sources: Sources;
  wireDesk: WireDesk;
  store: Store;
  timeZone: string;
  pages: ReturnType<typeof pageGate>;
}

type QueueQuery = { state?: string; source?: string; minPriority?: string; q?: string; cursor?: string };

export function wireDeskPages(app: FastifyInstance, { sources, wireDesk, store, timeZone, pages }: WireDeskPagesOptions): void {
  const { send, gate } = pages;
  const notFound = (what: string) => notFoundLike('Not found', `There is no ${what} at this address.`);

  app.get<{ Querystring: QueueQuery }>('/admin/wire', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const q = request.query;
    const filter = {
      state: safely(() => parseQueueState(q.state)) ?? 'new',
      source: q.source ?? '',
      minPriority: /^\d+$/.test(q.minPriority ?? '') ? q.minPriority! : '',
      q: (q.q ?? '').trim(),
    };
    const [page, all] = await Promise.all([
      wireDesk.list({
        state: filter.state,
        sourceId: filter.source || undefined,
        minPriority: filter.minPriority ? Number(filter.minPriority) : undefined,
        query: filter.q,
        cursor: q.cursor || undefined,
      }).catch((error: unknown) => {
        // A cursor mangled in the address bar starts the list again from the newest item.
        if (error instanceof NewsdeskError && error.code === 'NEWSDESK_ERR_INVALID_CURSOR') return wireDesk.list({ state: filter.state });
        throw error;
      }),
      store.sources.list(),
    ]);
    const role = session.actor.role;
    return send(
      reply,
      'Wire queue',
      wireQueuePage({
        items: page.items,
        nextCursor: page.nextCursor,
        filter,
        sources: all,
        mayPickUp: can(role, 'story.create'),
        mayDismiss: can(role, 'story.publish'),
        timeZone,
      }),
      session,
    );
  });

  app.get<{ Params: { id: string } }>('/admin/wire/:id', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const item = await store.wireQueue.get(request.params.id);
    if (!item) return send(reply, 'Not found', notFound('wire item'), session, 404);
    const role = session.actor.role;
    return send(reply, item.headline, wireItemPage({ item, mayPickUp: can(role, 'story.create'), mayDismiss: can(role, 'story.publish'), timeZone }), session);
  });

  app.get('/admin/sources', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    return send(reply, 'Wire sources', sourcesPage({ sources: await sources.overview(), mayManage: can(session.actor.role, 'settings.manage'), timeZone }), session);
  });

  app.get<{ Params: { id: string } }>('/admin/sources/:id', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const found = await store.sources.byId(request.params.id);
    if (!found) return send(reply, 'Not found', notFound('source'), session, 404);
    const { tokenHash: _hash, ...source } = found;
    const [health, log] = await Promise.all([store.sources.health(source.id), store.sources.logOf(source.id, LOG_LINES)]);
    return send(reply, source.name, sourcePage({ source, health, log, mayManage: can(session.actor.role, 'settings.manage'), timeZone }), session);
  });
}

/** A filter from the address bar that does not parse is ignored rather than shown as an error page. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
