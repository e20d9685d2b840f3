/**
 * The newsroom in the browser, at /admin: server-rendered pages for every screen, enhanced by one client script
 * (the rich-text editor, autosave, conflict handling) that talks to the Admin API. Pages read through the newsroom
 * services and the store; nothing here reaches into the reader site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { Article, ArticleInput, ArticleStatus } from '../domain/article.js';
import { prepareArticle } from '../newsroom/prepare-article.js';
import { articleStatuses } from '../domain/article.js';
import type { Clock } from '../domain/clock.js';
import type { SafeHtml } from '../domain/html.js';
import { NewsdeskError } from '../domain/errors.js';
import type { Accounts } from '../newsroom/accounts.js';
import type { Boards } from '../newsroom/boards.js';
import { EDITORS_PICKS, type Readership, sectionPicksSlug } from '../curation/index.js';
import { formatStamp } from '../domain/edition.js';
import { boardsPage } from './views/boards-page.js';
import { renderDiffHtml } from '../newsroom/revision-diff.js';
import { can } from '../newsroom/roles.js';
import type { Stories } from '../newsroom/stories.js';
import { mayEdit } from '../newsroom/workflow.js';
import type { Store } from '../store/index.js';
import { invitationPage, loginPage, resetPage, setupPage } from './views/account-pages.js';
import { dashboardPage, peoplePage, storiesPage } from './views/desk-pages.js';
import { editorPage, revisionsPage } from './views/editor-page.js';
import type { Sources } from '../ingest/sources.js';
import type { WireDesk } from '../ingest/wire-desk.js';
import { notFoundLike, pageGate } from './page-gate.js';
import { wireDeskPages } from './wire-desk-pages.js';
import { newStoryPage } from './views/new-story-page.js';

export interface AdminOptions {
  /** Renders a story as the reader site would show it (the site's renderer, wired in by the composition root). */
  preview: (article: Article) => Promise<string>;
  accounts: Accounts;
  boards: Boards;
  readership: Readership;
  stories: Stories;
  store: Store;
  sources: Sources;
  wireDesk: WireDesk;
  clock: Clock;
  timeZone: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const assetFiles: Record<string, { file: string; type: string }> = {
  'admin.js': { file: path.join(repoRoot, 'dist/admin/admin.js'), type: 'text/javascript; charset=utf-8' },
  'admin.js.map': { file: path.join(repoRoot, 'dist/admin/admin.js.map'), type: 'application/json' },
  'admin.css': { file: path.join(repoRoot, 'src/admin/assets/admin.css'), type: 'text/css; charset=utf-8' },
};

export { pagePermissions } from './page-gate.js';

export const newsroomPages: FastifyPluginAsync<AdminOptions> = async (app, options) => {
  const { accounts, boards, readership, stories, store, clock, timeZone, preview } = options;

  const pages = pageGate(accounts);
  const { send, gate } = pages;
  wireDeskPages(app, { sources: options.sources, wireDesk: options.wireDesk, store, timeZone, pages });

  app.get('/admin', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const all = await store.articles.listForNewsroom({ limit: 200 });
    const instant = clock.now();
    const now = instant.toISOString();
    const [mostRead, perHour, wire, queueCounts] = await Promise.all([
      readership.mostRead(instant, 24, 10),
      readership.perHour(instant, 24),
      store.wire.newest(10),
      store.wireQueue.counts(),
    ]);
    return send(
      reply,
      'Dashboard',
      dashboardPage({
        actor: session.actor,
        review: all.filter((s) => s.status === 'review'),
        scheduled: all.filter((s) => s.status === 'scheduled'),
        embargoed: all.filter((s) => s.embargo_until !== null && s.embargo_until > now),
        recent: all.slice(0, 10),
        wire,
        waiting: queueCounts.filter((c) => c.state === 'new').reduce((n, c) => n + c.count, 0),
        mostRead,
        readsPerHour: perHour.map((h) => ({ label: `${formatStamp(`${h.hour}:00:00.000Z`, timeZone).slice(11, 13)}h`, reads: h.reads })),
        timeZone,
      }),
      session,
    );
  });

  app.get('/admin/setup', async (_request, reply) => {
    if (!(await accounts.needsSetup())) return reply.redirect('/admin/login', 303);
    return send(reply, 'Set up', setupPage(), null);
  });
  app.get('/admin/login', async (_request, reply) => {
    if (await accounts.needsSetup()) return reply.redirect('/admin/setup', 303);
    return send(reply, 'Sign in', loginPage(), null);
  });
  app.get<{ Params: { token: string } }>('/admin/invitation/:token', async (request, reply) =>
    send(reply, 'Join', invitationPage(request.params.token), null),
  );
  app.get<{ Params: { token: string } }>('/admin/reset/:token', async (request, reply) =>
    send(reply, 'New password', resetPage(request.params.token), null),
  );

  app.get<{ Querystring: { status?: string } }>('/admin/stories', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const status = (articleStatuses as readonly string[]).includes(request.query.status ?? '') ? (request.query.status as ArticleStatus) : undefined;
    const list = await store.articles.listForNewsroom({ ...(status ? { status } : {}), limit: 200 });
    return send(reply, 'Stories', storiesPage(list, status, timeZone), session);
  });

  app.get('/admin/stories/new', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    return send(reply, 'New story', newStoryPage(), session);
  });

  app.get<{ Params: { id: string } }>('/admin/stories/:id', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const story = await findStory(request.params.id);
    if (!story) return send(reply, 'Not found', notFoundBody(), session, 404);
    const [changes, copies, related] = await Promise.all([
      store.articles.changes(story.id),
      store.fingerprints.duplicatesOf(story.id),
      boards.related(story.id),
    ]);
    return send(reply, story.headline, editorPage({ actor: session.actor, story, changes, copies, related, timeZone }), session);
  });

  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string } }>('/admin/stories/:id/revisions', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const story = await findStory(request.params.id);
    if (!story) return send(reply, 'Not found', notFoundBody(), session, 404);
    const revisions = await stories.revisions(story.id);
    const names = new Map((await accounts.list()).map((a) => [a.id, a.name]));
    const pick = (value: string | undefined, fallback: number) => {
      const n = Number(value);
      return revisions.some((r) => r.revision === n) ? n : fallback;
    };
    const to = pick(request.query.to, story.revision);
    const from = pick(request.query.from, Math.max(1, to - 1));
    const diffHtml = renderDiffHtml(await stories.diff(story.id, from, to));
    return send(
      reply,
      `Revisions of ${story.headline}`,
      revisionsPage({
        story,
        revisions: revisions.map((r) => ({ ...r, author: r.authorId ? (names.get(r.authorId) ?? 'former colleague') : 'Newsdesk (import or scheduled release)' })),
        from,
        to,
        diffHtml,
        mayRestore: mayEdit(session.actor, story),
        timeZone,
      }),
      session,
    );
  });

  /** The story as readers would see it, with your latest autosaved edits when they are based on this revision. */
  app.get<{ Params: { id: string } }>('/admin/stories/:id/preview', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const story = await findStory(request.params.id);
    if (!story) return send(reply, 'Not found', notFoundBody(), session, 404);
    const autosave = await stories.autosaved(session.actor, story.id);
    const now = clock.now().toISOString();
    const article: Article = { ...story, publishedAt: story.publishedAt ?? now };
    if (autosave && autosave.baseRevision === story.revision) {
      try {
        const edited = prepareArticle(
          { ...(autosave.content as Partial<ArticleInput>), section: story.section.name, id: story.id } as ArticleInput,
          { now: clock.now(), newId: () => story.id },
        );
        Object.assign(article, {
          headline: edited.headline,
          standfirst: edited.standfirst,
          bodyHtml: edited.bodyHtml,
          dateline: edited.dateline,
          byline: edited.byline,
        });
      } catch {
        // An autosave that would not pass validation (an empty headline mid-edit) previews as last saved.
      }
    }
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(await preview(article));
  });

  app.get('/admin/people', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    return send(reply, 'People', peoplePage(session.actor, await accounts.list()), session);
  });

  app.get<{ Querystring: { section?: string } }>('/admin/boards', async (request, reply) => {
    const session = await gate(request, reply);
    if (!session) return reply;
    const sections = await store.taxonomy.sections();
    // A section's boards: its Top News and its own Editor's Picks; the site's when none (or an unknown one) is asked for.
    const section = sections.find((s) => s.slug === request.query.section) ?? null;
    const [topNews, hotTopics, picks, mostRead] = await Promise.all([
      boards.topNews(timeZone, section?.slug),
      boards.hotTopics(),
      boards.collection(section ? sectionPicksSlug(section.id) : EDITORS_PICKS),
      boards.mostRead(),
    ]);
    const hiddenStories = await store.articles.summariesByIds(topNews.hidden.map((e) => e.itemId), clock.now().toISOString());
    return send(
      reply,
      'Curation boards',
      boardsPage({ mayEdit: can(session.actor.role, 'curation.manage'), section, sections, topNews, hotTopics, picks, mostRead, hiddenStories }),
      session,
    );
  });

  app.get<{ Params: { name: string } }>('/admin/assets/:name', async (request, reply) => {
    const asset = assetFiles[request.params.name];
    if (!asset || !fs.existsSync(asset.file)) {
      throw new NewsdeskError('NEWSDESK_ERR_NOT_FOUND', `no asset ${request.params.name} (run npm run build)`);
    }
    return reply.header('content-type', asset.type).header('cache-control', 'no-cache').send(fs.readFileSync(asset.file));
  });

  async function findStory(id: string) {
    try {
      return await stories.get(id);
    } catch (error) {
      if (error instanceof NewsdeskError && error.code === 'NEWSDESK_ERR_NOT_FOUND') return null;
      throw error;
    }
  }
};

function notFoundBody(): SafeHtml {
  return notFoundLike('Not found', 'There is no story at this address.');
}
