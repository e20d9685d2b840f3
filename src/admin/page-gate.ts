/**
 * What every signed-in newsroom page goes through: the permission it needs (one table, which the role matrix test
 * walks), the session check that sends strangers to sign in, and the layout it is sent in.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type SafeHtml, html } from '../domain/html.js';
import type { Accounts, Actor } from '../newsroom/accounts.js';
import { type Permission, can } from '../newsroom/roles.js';
import { adminLayout } from './views/layout.js';

/** What each signed-in page needs; the role matrix test walks this table. */
export const pagePermissions = {
  '/admin': 'story.read',
  '/admin/stories': 'story.read',
  '/admin/stories/new': 'story.create',
  '/admin/stories/:id': 'story.read',
  '/admin/stories/:id/revisions': 'story.read',
  '/admin/stories/:id/preview': 'story.read',
  '/admin/people': 'users.read',
  '/admin/boards': 'story.read',
  '/admin/wire': 'story.read',
  '/admin/wire/:id': 'story.read',
  '/admin/sources': 'story.read',
  '/admin/sources/:id': 'story.read',
} as const satisfies Record<string, Permission>;

export type PageSession = { actor: Actor; csrfToken: string };

export function pageGate(accounts: Accounts) {
  const send = (reply: FastifyReply, title: string, body: SafeHtml, session: PageSession | null, status = 200) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(adminLayout({ title, body, actor: session?.actor ?? null, ...(session ? { csrfToken: session.csrfToken } : {}) }));

  /** The signed-in session, or a redirect to setup or sign-in; a signed-in person without `permission` gets a 403 page. */
  async function gate(request: FastifyRequest, reply: FastifyReply) {
    const permission: Permission = pagePermissions[request.routeOptions.url as keyof typeof pagePermissions];
    const session = await accounts.session(request.cookies.nd_session);
    if (!session) {
      await reply.redirect((await accounts.needsSetup()) ? '/admin/setup' : '/admin/login', 303);
      return null;
    }
    if (!can(session.actor.role, permission)) {
      await send(reply, 'Not allowed', forbiddenBody(), session, 403);
      return null;
    }
    return session;
  }

  return { send, gate };
}

export function forbiddenBody(): SafeHtml {
  return notFoundLike('Not allowed', 'Your role does not give access to this page.');
}

export function notFoundLike(title: string, text: string): SafeHtml {
  return html`<section class="card narrow"><h1>${title}</h1><p>${text}</p><p><a href="/admin">Back to the dashboard</a></p></section>`;
}
