/** The role matrix: every Admin API route × every role (and no session), against the route's declared access. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePermissions } from '../../src/admin/index.js';
import { adminRoutes } from '../../src/api/admin/index.js';
import { can, roles } from '../../src/newsroom/roles.js';
import { type Client, clientFor } from '../support/admin.js';
import { type TestApp, startTestApp } from '../support/app.js';

const placeholder = (url: string) => url.replace(':revision', '1').replace(/:[a-z]+/g, 'placeholder');
/** The guard's own refusals, as opposed to a handler's answer (a wrong password is a 401 too). */
const refusedBySessionGuard = (body: string) => body.includes('"detail":"sign in first"');
const refusedByRoleGuard = (body: string, role: string, method: string, url: string) =>
  body.includes(`"detail":"a ${role} may not ${method} ${url}"`);

describe('Admin API role matrix', () => {
  let t: TestApp;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of roles) clients.set(role, await clientFor(t.app, t.services, role));
  });
  afterAll(() => t.close());

  it('covers every route', () => {
    expect(adminRoutes.length).toBeGreaterThanOrEqual(20);
  });

  for (const route of adminRoutes) {
    const url = placeholder(route.url);
    // Sign-out would end the session the rest of the matrix uses; it is exercised in the flow tests.
    if (route.method === 'DELETE' && route.url === '/session') continue;

    it(`${route.method} ${route.url} refuses a caller without a session unless public`, async () => {
      const res = await t.app.inject({ method: route.method, url: `/api/v1/admin${url}`, payload: route.method === 'GET' ? undefined : {} });
      if (route.access === 'public') expect(refusedBySessionGuard(res.body), res.body).toBe(false);
      else expect([res.statusCode, refusedBySessionGuard(res.body)], res.body).toEqual([401, true]);
    });

    it.each(roles)(`${route.method} ${route.url} as %s`, async (role) => {
      const res = await clients.get(role)!.call(route.method, url, route.method === 'GET' ? undefined : {});
      const allowed = route.access === 'public' || route.access === 'signed-in' || can(role, route.access);
      expect(refusedBySessionGuard(res.body), res.body).toBe(false);
      if (allowed) {
        expect(refusedByRoleGuard(res.body, role, route.method, route.url), res.body).toBe(false);
      } else {
        expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
        expect(refusedByRoleGuard(res.body, role, route.method, route.url), res.body).toBe(true);
      }
    });
  }

  for (const [page, permission] of Object.entries(pagePermissions)) {
    const url = placeholder(page);
    it(`page ${page} sends a caller without a session to sign in`, async () => {
      const res = await t.app.inject(url);
      expect([res.statusCode, res.headers.location]).toEqual([303, '/admin/login']);
    });
    it.each(roles)(`page ${page} as %s`, async (role) => {
      const res = await clients.get(role)!.page(url);
      expect(res.statusCode === 403, `${role} on ${page}: ${res.statusCode}`).toBe(!can(role, permission));
    });
  }
});
