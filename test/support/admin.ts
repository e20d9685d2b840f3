/** Signing in to the Admin API from tests, as a browser would: session cookie plus CSRF header. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Clock } from '../../src/domain/clock.js';
import type { Services } from '../../src/server/app.js';
import type { Role } from '../../src/newsroom/roles.js';

export const PASSWORD = 'a long enough password';

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant.getTime());
  }
  set(instant: Date): void {
    this.instant = instant;
  }
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}

export interface Client {
  role: Role;
  id: string;
  call(method: InjectOptions['method'], url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** GET a newsroom page with the session cookie. */
  page(url: string): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Omit<Client, 'role'>> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/admin/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'nd_session')!;
  const { csrfToken, user } = res.json() as { csrfToken: string; user: { id: string } };
  return {
    id: user.id,
    page: (url) => app.inject({ method: 'GET', url, cookies: { nd_session: cookie.value } }),
    call: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url: `/api/v1/admin${url}`,
        cookies: { nd_session: cookie.value },
        headers: { 'x-csrf-token': csrfToken, ...headers },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

/** An account of `role` (the first one becomes the owner), signed in. */
export async function clientFor(app: FastifyInstance, services: Services, role: Role, name: string = role): Promise<Client> {
  const email = `${name}@newsroom.test`;
  if (role === 'owner') await services.accounts.setupOwner({ email, name, password: PASSWORD });
  else await services.accounts.create({ email, name, password: PASSWORD, role }, null);
  return { role, ...(await signIn(app, email)) };
}

export const storyContent = (overrides: Record<string, unknown> = {}) => ({
  headline: 'China urges US to stop groundless accusations',
  bodyHtml: '<p>China on Friday urged the United States to stop its accusations of cyber attacks.</p>',
  dateline: 'BEIJING',
  source: 'Xinhua',
  section: 'World',
  topics: ['Cyber Security'],
  ...overrides,
});
