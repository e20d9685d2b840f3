/**
 * Who is calling the Admin API, and whether the call may change anything. Sessions ride in an HttpOnly,
 * SameSite=Strict cookie; every state-changing call must also carry the session's CSRF token in `x-csrf-token`,
 * come from this origin when the browser says where it came from, and send JSON (which no cross-site form can).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NewsdeskError, UnauthenticatedError, ValidationError } from '../../domain/errors.js';
import { type Accounts, type Actor, SESSION_TTL_MS, type SignedIn } from '../../newsroom/accounts.js';

export const SESSION_COOKIE = 'nd_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CallerSession {
  actor: Actor;
  csrfToken: string;
}

/**
 * The cookie lives as long as the session, stated as Max-Age rather than an Expires date: the browser counts from
 * its own clock, so a Newsdesk whose clock is pinned to an archive's day (NEWSDESK_NOW) still gets a live cookie.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, signedIn: SignedIn) {
  reply.setCookie(SESSION_COOKIE, signedIn.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
}

/** Refuses a state-changing request from another origin or in a form encoding; applies to signed-out calls too. */
export function assertSameOriginJson(request: FastifyRequest) {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin && origin !== `${request.protocol}://${request.headers.host}`) {
    throw new NewsdeskError('NEWSDESK_ERR_CSRF', `requests from ${origin} are not accepted`);
  }
  const type = request.headers['content-type'] ?? '';
  if (request.body !== undefined && !type.startsWith('application/json') && !type.startsWith('multipart/form-data')) {
    throw new ValidationError('send JSON (content-type: application/json)');
  }
}

export async function requireSession(accounts: Accounts, request: FastifyRequest): Promise<CallerSession> {
  const session = await accounts.session(request.cookies[SESSION_COOKIE]);
  if (!session) throw new UnauthenticatedError();
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new NewsdeskError('NEWSDESK_ERR_CSRF', 'send the CSRF token from GET /api/v1/admin/session in x-csrf-token');
    }
  }
  return session;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
