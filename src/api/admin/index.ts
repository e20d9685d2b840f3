/**
 * The Admin API under /api/v1/admin (cookies are parsed by the app, which the newsroom pages share): the newsroom's JSON interface, used by the /admin pages and (later) by tokens.
 * Every route passes one guard: same-origin JSON for writes, a live session unless the route is public, the
 * route's permission, and a per-address rate limit on routes that guess at secrets.
 */
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import { ForbiddenError, NewsdeskError, NotFoundError } from '../../domain/errors.js';
import { can } from '../../newsroom/roles.js';
import { sendProblem } from '../problem.js';
import type { AdminRoute, AdminServices } from './route.js';
import { newsroomRoutes } from './routes.js';
import { assertSameOriginJson, requireSession } from './session-guard.js';
import { wireRoutes } from './wire-routes.js';

export type { AdminServices } from './route.js';

/** Every Admin API route: the guard below and the role matrix test both walk this list. */
export const adminRoutes: AdminRoute[] = [...newsroomRoutes, ...wireRoutes];

export const adminApi: FastifyPluginAsync<{ services: AdminServices }> = async (app, { services }) => {
  await app.register(multipart);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new NewsdeskError('NEWSDESK_ERR_RATE_LIMITED', `too many attempts; try again in ${Math.ceil(context.ttl / 1000)} seconds`),
  });
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new NotFoundError(`No admin API route ${request.method} ${request.url.split('?')[0]}`)),
  );

  for (const route of adminRoutes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.ratePerMinute ? { config: { rateLimit: { max: route.ratePerMinute, timeWindow: 60_000 } } } : {}),
      handler: async (request, reply) => {
        reply.header('cache-control', 'no-store');
        assertSameOriginJson(request);
        const { access } = route;
        const caller = access === 'public' ? null : await requireSession(services.accounts, request);
        if (caller && access !== 'public' && access !== 'signed-in' && !can(caller.actor.role, access)) {
          throw new ForbiddenError(`a ${caller.actor.role} may not ${route.method} ${route.url}`);
        }
        return route.handler({ request, reply, caller, services });
      },
    });
  }
};
