/**
 * Real services for tests. PostgreSQL and chromium are required in CI (`CI=true` or NEWSDESK_REQUIRE_SERVICES=1):
 * there a missing service fails the suite. Elsewhere the suite is skipped with the reason printed.
 */
import fs from 'node:fs';
import pg from 'pg';

export const servicesRequired = process.env.CI === 'true' || process.env.NEWSDESK_REQUIRE_SERVICES === '1';

export const POSTGRES_URL = process.env.NEWSDESK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const CHROMIUM_PATH = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';

/** Whether a suite that needs `what` should run; throws when the service is required but missing. */
function decide(what: string, available: boolean, reason: string): boolean {
  if (available) return true;
  if (servicesRequired) throw new Error(`${what} is required in CI but unavailable: ${reason}`);
  console.warn(`Skipping ${what} tests: ${reason}`);
  return false;
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return decide('PostgreSQL', true, '');
  } catch (error) {
    return decide('PostgreSQL', false, `${POSTGRES_URL}: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export function chromiumAvailable(): boolean {
  return decide('browser', fs.existsSync(CHROMIUM_PATH), `no chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
}
