/**
 * Regression: two Newsdesk databases in two schemas of one PostgreSQL server. Migrating the second used to fail
 * ("relation kysely_migration_lock does not exist") because the migrator saw the first schema's bookkeeping
 * tables and skipped creating its own.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { enginesUnderTest } from '../support/engines.js';

const postgres = (await enginesUnderTest()).find((engine) => engine.name === 'postgres');

describe.skipIf(!postgres)('PostgreSQL schemas side by side', () => {
  const disposers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dispose of disposers) await dispose();
  });

  it('migrates a second database on the same server', async () => {
    const first = await postgres!.open();
    disposers.push(first.dispose);
    const second = await postgres!.open();
    disposers.push(second.dispose);
    expect(await second.store.articles.countPublished()).toBe(0);
    expect(await second.store.migrate()).toEqual([]);
  });
});
