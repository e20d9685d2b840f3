/**
 * Each indexed story's integer key (`article_key`, migration 018): what the term and band indexes carry instead of
 * the story's id, a few bytes a row instead of 36. A key is the story's for good and never given to another one,
 * so an index row whose story is gone points nowhere rather than at a stranger.
 */
import type { Transaction } from 'kysely';
import { upsertColumns } from './dialects/column-insert.js';
import type { Database } from './schema.js';

const KEY_COLUMNS = [{ name: 'article_id', pgType: 'text' }] as const;

/**
 * Keys already asked for in a transaction: a unit of an import asks for the same stories' keys twice (its term
 * index, then its band index), and each ask rewrote their rows. Kept with the transaction, so keys given in one
 * that is rolled back are forgotten with it.
 */
const keysOf = new WeakMap<Transaction<Database>, Map<string, number>>();

/** Each story's key, given to those that have none yet. */
export async function articleKeys(trx: Transaction<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  let known = keysOf.get(trx);
  if (!known) keysOf.set(trx, (known = new Map()));
  const asked = [...new Set(ids)];
  const unknown = asked.filter((id) => !known.has(id));
  if (unknown.length) {
    const rows = await upsertColumns<{ key: number; article_id: string }>(
      trx,
      'article_key',
      KEY_COLUMNS,
      unknown.map((id) => [id]),
      // A no-op update, so that a story keyed already is returned too.
      'on conflict (article_id) do update set article_id = excluded.article_id',
      ['key', 'article_id'],
    );
    for (const r of rows) known.set(r.article_id, Number(r.key));
  }
  return new Map(asked.map((id) => [id, known.get(id)!]));
}
