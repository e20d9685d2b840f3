/**
 * Each indexed story's integer key (`article_key`, migration 018): what the term and band indexes carry instead of
 * the story's id, a few bytes a row instead of 36. A key is the story's for good and never given to another one,
 * so an index row whose story is gone points nowhere rather than at a stranger.
 */
import { type Transaction, sql } from 'kysely';
import { upsertColumns } from './dialects/column-insert.js';
import type { Database } from './schema.js';

const KEY_COLUMNS = [{ name: 'article_id', pgType: 'text' }] as const;

/** Each story's key, given to those that have none yet. */
export async function articleKeys(trx: Transaction<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await upsertColumns<{ key: number; article_id: string }>(
    trx,
    'article_key',
    KEY_COLUMNS,
    [...new Set(ids)].map((id) => [id]),
    // A no-op update, so that a story keyed already is returned too.
    sql`on conflict (article_id) do update set article_id = excluded.article_id`,
    ['key', 'article_id'],
  );
  return new Map(rows.map((r) => [r.article_id, Number(r.key)]));
}
