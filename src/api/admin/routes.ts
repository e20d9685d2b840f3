/**
 * The Admin API's newsroom routes, declared as data: each route states the access it needs, so one guard enforces
 * it and the role matrix test walks exactly the routes that exist. Services enforce the finer rules (whose story,
 * which state).
 */
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { SaveRequest, StoryContent } from '../../newsroom/stories.js';
import { isStoryAction } from '../../newsroom/workflow.js';
import type { ArticleStatus } from '../../domain/article.js';
import { type AdminContext, type AdminRoute, type Body, actor, body, integer, params, query } from './route.js';
import { readUpload } from './upload.js';
import { clearSessionCookie, setSessionCookie } from './session-guard.js';

/** Starts a session for the credentials in `b`: the cookie, and the CSRF token the client must echo. */
async function signIn(c: AdminContext, b: Body) {
  const signedIn = await c.services.accounts.login(b.email, b.password);
  setSessionCookie(c.request, c.reply, signedIn);
  return { user: signedIn.actor, csrfToken: signedIn.csrfToken };
}

export const newsroomRoutes: AdminRoute[] = [
  {
    method: 'GET',
    url: '/setup',
    access: 'public',
    handler: async ({ services }) => ({ needsSetup: await services.accounts.needsSetup() }),
  },
  {
    method: 'POST',
    url: '/setup',
    access: 'public',
    ratePerMinute: 10,
    handler: async (c) => {
      const b = body(c);
      await c.services.accounts.setupOwner({ email: b.email, name: b.name, password: b.password });
      c.reply.code(201);
      return signIn(c, b);
    },
  },
  {
    method: 'POST',
    url: '/session',
    access: 'public',
    ratePerMinute: 10,
    handler: async (c) => {
      return signIn(c, body(c));
    },
  },
  {
    method: 'GET',
    url: '/session',
    access: 'signed-in',
    handler: async ({ caller }) => ({ user: caller!.actor, csrfToken: caller!.csrfToken }),
  },
  {
    method: 'DELETE',
    url: '/session',
    access: 'signed-in',
    handler: async (c) => {
      await c.services.accounts.logout(c.request.cookies.nd_session);
      clearSessionCookie(c.request, c.reply);
      return c.reply.code(204).send();
    },
  },
  {
    method: 'POST',
    url: '/invitations/:token/accept',
    access: 'public',
    ratePerMinute: 10,
    handler: async (c) => {
      const b = body(c);
      const account = await c.services.accounts.acceptInvitation(params(c).token!, { name: b.name, password: b.password });
      c.reply.code(201);
      return { user: account };
    },
  },
  {
    method: 'POST',
    url: '/password-resets',
    access: 'public',
    ratePerMinute: 5,
    handler: async (c) => {
      const email = body(c).email;
      const link = await c.services.accounts.requestPasswordReset(email, null);
      if (link) c.services.deliverLink('password reset', String(email), `${c.services.publicUrl}/admin/reset/${link.token}`);
      c.reply.code(202);
      return { status: 'if that account exists, a reset link is on its way' };
    },
  },
  {
    method: 'POST',
    url: '/password-resets/:token',
    access: 'public',
    ratePerMinute: 10,
    handler: async (c) => {
      await c.services.accounts.resetPassword(params(c).token!, body(c).password);
      return { status: 'password changed; sign in again' };
    },
  },
  {
    method: 'GET',
    url: '/users',
    access: 'users.read',
    handler: async ({ services }) => ({ items: await services.accounts.list() }),
  },
  {
    method: 'POST',
    url: '/invitations',
    access: 'users.manage',
    handler: async (c) => {
      const b = body(c);
      const link = await c.services.accounts.invite(actor(c), b.email, b.role);
      const url = `${c.services.publicUrl}/admin/invitation/${link.token}`;
      c.services.deliverLink('invitation', String(b.email), url);
      c.reply.code(201);
      return { link: url, expiresAt: link.expiresAt };
    },
  },
  {
    method: 'PUT',
    url: '/users/:id/role',
    access: 'users.manage',
    handler: async (c) => ({ user: await c.services.accounts.changeRole(actor(c), params(c).id!, body(c).role) }),
  },
  {
    method: 'GET',
    url: '/articles',
    access: 'story.read',
    handler: async (c) => {
      const status = query(c).status as ArticleStatus | undefined;
      return { items: await c.services.store.articles.listForNewsroom({ ...(status ? { status } : {}), limit: 200 }) };
    },
  },
  {
    method: 'POST',
    url: '/articles',
    access: 'story.create',
    handler: async (c) => {
      c.reply.code(201);
      return c.services.stories.create(actor(c), body(c) as unknown as StoryContent);
    },
  },
  {
    method: 'GET',
    url: '/articles/:id',
    access: 'story.read',
    handler: async (c) => {
      const id = params(c).id!;
      const [story, changes] = await Promise.all([c.services.stories.get(id), c.services.store.articles.changes(id)]);
      return { ...story, changes };
    },
  },
  {
    method: 'PUT',
    url: '/articles/:id',
    access: 'story.create',
    handler: async (c) => {
      const b = body(c);
      const request: SaveRequest = {
        content: b.content as StoryContent,
        baseRevision: integer(b.baseRevision, 'baseRevision'),
        ...(b.changeKind !== undefined ? { changeKind: b.changeKind as SaveRequest['changeKind'] } : {}),
        ...(typeof b.note === 'string' ? { note: b.note } : {}),
      };
      return c.services.stories.save(actor(c), params(c).id!, request);
    },
  },
  {
    method: 'POST',
    url: '/articles/:id/transitions',
    access: 'story.create',
    handler: async (c) => {
      const b = body(c);
      if (!isStoryAction(b.action)) throw new ValidationError('action must be one of submit, return, publish, schedule, unpublish', { field: 'action' });
      return c.services.stories.transition(actor(c), params(c).id!, b.action, typeof b.at === 'string' ? new Date(b.at).toISOString() : null);
    },
  },
  {
    method: 'GET',
    url: '/articles/:id/revisions',
    access: 'story.read',
    handler: async (c) => ({ items: await c.services.stories.revisions(params(c).id!) }),
  },
  {
    method: 'GET',
    url: '/articles/:id/diff',
    access: 'story.read',
    handler: async (c) => ({
      fields: await c.services.stories.diff(params(c).id!, integer(query(c).from, 'from'), integer(query(c).to, 'to')),
    }),
  },
  {
    method: 'POST',
    url: '/articles/:id/revisions/:revision/restore',
    access: 'story.create',
    handler: async (c) =>
      c.services.stories.restore(actor(c), params(c).id!, integer(params(c).revision, 'revision'), integer(body(c).baseRevision, 'baseRevision')),
  },
  {
    method: 'PUT',
    url: '/articles/:id/autosave',
    access: 'story.create',
    handler: async (c) => {
      const b = body(c);
      if (!b.content || typeof b.content !== 'object') throw new ValidationError('content must be an object', { field: 'content' });
      const savedAt = await c.services.stories.autosave(actor(c), params(c).id!, integer(b.baseRevision, 'baseRevision'), b.content as Body);
      return { savedAt };
    },
  },
  {
    method: 'GET',
    url: '/articles/:id/autosave',
    access: 'story.create',
    handler: async (c) => {
      const saved = await c.services.stories.autosaved(actor(c), params(c).id!);
      if (!saved) throw new NotFoundError('nothing autosaved for this story');
      return saved;
    },
  },
  {
    method: 'GET',
    url: '/audit',
    access: 'audit.read',
    handler: async (c) => ({
      items: await c.services.store.audit.list({
        ...(query(c).subjectType ? { subjectType: query(c).subjectType } : {}),
        ...(query(c).subjectId ? { subjectId: query(c).subjectId } : {}),
        limit: 200,
      }),
    }),
  },
  {
    method: 'POST',
    url: '/media',
    access: 'media.upload',
    handler: async (c) => {
      const upload = await readUpload(c.request);
      const image = await c.services.media.add(upload.bytes, upload.fields);
      c.reply.code(201);
      return image;
    },
  },
  {
    method: 'GET',
    url: '/boards/top-news',
    access: 'story.read',
    handler: async (c) => c.services.boards.topNews(c.services.timeZone, query(c).section),
  },
  {
    method: 'PUT',
    url: '/boards/top-news',
    access: 'curation.manage',
    handler: async (c) => {
      await c.services.boards.setTopNews(actor(c), body(c), query(c).section);
      return c.services.boards.topNews(c.services.timeZone, query(c).section);
    },
  },
  {
    method: 'GET',
    url: '/articles/:id/related',
    access: 'story.read',
    handler: async (c) => c.services.boards.related(params(c).id!),
  },
  {
    method: 'PUT',
    url: '/articles/:id/related',
    access: 'curation.manage',
    handler: async (c) => {
      await c.services.boards.setRelated(actor(c), params(c).id!, body(c));
      return c.services.boards.related(params(c).id!);
    },
  },
  {
    method: 'POST',
    url: '/articles/:id/related/pin',
    access: 'curation.manage',
    handler: async (c) => {
      await c.services.boards.pinRelated(actor(c), params(c).id!, body(c));
      return c.services.boards.related(params(c).id!);
    },
  },
  {
    method: 'GET',
    url: '/boards/top-news/settings',
    access: 'story.read',
    handler: async (c) => (await c.services.boards.topNews(c.services.timeZone)).settings,
  },
  {
    method: 'PUT',
    url: '/boards/top-news/settings',
    access: 'curation.manage',
    handler: async (c) => c.services.boards.setTopNewsSettings(actor(c), body(c)),
  },
  {
    method: 'GET',
    url: '/boards/most-read',
    access: 'story.read',
    handler: async (c) => c.services.boards.mostRead(),
  },
  {
    method: 'PUT',
    url: '/boards/most-read',
    access: 'curation.manage',
    handler: async (c) => {
      await c.services.boards.setMostRead(actor(c), body(c));
      return c.services.boards.mostRead();
    },
  },
  {
    method: 'GET',
    url: '/boards/hot-topics',
    access: 'story.read',
    handler: async (c) => c.services.boards.hotTopics(),
  },
  {
    method: 'PUT',
    url: '/boards/hot-topics',
    access: 'curation.manage',
    handler: async (c) => {
      await c.services.boards.setHotTopics(actor(c), body(c));
      return c.services.boards.hotTopics();
    },
  },
  {
    method: 'POST',
    url: '/boards/hot-topics/rename',
    access: 'curation.manage',
    handler: async (c) => {
      await c.services.boards.renameTopic(actor(c), body(c));
      return c.services.boards.hotTopics();
    },
  },
  {
    method: 'POST',
    url: '/boards/hot-topics/merge',
    access: 'curation.manage',
    handler: async (c) => {
      await c.services.boards.mergeTopic(actor(c), body(c));
      return c.services.boards.hotTopics();
    },
  },
  {
    method: 'GET',
    url: '/collections/:slug',
    access: 'story.read',
    handler: async (c) => ({ items: await c.services.boards.collection(params(c).slug!) }),
  },
  {
    method: 'PUT',
    url: '/collections/:slug',
    access: 'curation.manage',
    handler: async (c) => {
      const b = body(c);
      await c.services.boards.setCollection(actor(c), params(c).slug!, { name: b.name, items: b.items });
      return { items: await c.services.boards.collection(params(c).slug!) };
    },
  },
];
