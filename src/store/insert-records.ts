/**
 * A batch of records written with multi-row `INSERT … VALUES` statements whose text is built directly
 * (`dialects/values-statement.ts`), not through Kysely's builder, which makes a syntax-tree node of every value
 * (40,000 a statement for a unit of stories) and compiles them back into text.
 */
import type { Kysely } from 'kysely';
import { insertValues } from './dialects/values-statement.js';

/**
 * Inserts `records`, all of one shape (the first one's keys, in its order), followed by `conflict` (an `on conflict
 * …` clause, as SQL text) when given. A key a record lacks is written as null.
 */
export async function insertRecords(db: Kysely<any>, table: string, records: readonly Record<string, unknown>[], conflict = ''): Promise<void> {
  if (!records.length) return;
  const columns = Object.keys(records[0]!);
  await insertValues(db, table, columns, records.length, (row, column) => records[row]![columns[column]!] ?? null, conflict);
}
