import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app.js';

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.services.accounts.setupOwner({ email: 'owner@newsroom.test', name: 'Owner', password: 'a long enough password' });
  });
  afterAll(() => t.close());

  it('stops guessing after ten attempts a minute from one address', async () => {
    const attempt = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/admin/session', payload: { email: 'owner@newsroom.test', password: 'wrong guess 123' } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'NEWSDESK_ERR_RATE_LIMITED', detail: expect.stringMatching(/^too many attempts; try again in \d+ seconds$/) });
  });
});
