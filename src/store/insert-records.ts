/**
 * A batch of records written with multi-row `INSERT … VALUES` statements whose text is built directly
 * (`dialects/values-statement.ts`), not through Kysely's builder, which makes a syntax-tree node of every value
 * (40,000 a statement for a unit of stories) and compiles them back into text.
 */
import { CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import { rowsPerStatement, valuesStatement } from './dialects/values-statement.js';

/**
 * Inserts `records`, all of one shape (the first one's keys, in its order), followed by `conflict` (an `on conflict
 * …` clause, as SQL text) when given. A key a record lacks is written as null.
 */
export async function insertRecords(db: Kysely<any>, table: string, records: readonly Record<string, unknown>[], conflict = ''): Promise<void> {
  if (!records.length) return;
  const columns = Object.keys(records[0]!);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (let at = 0; at < records.length; ) {
    const rows = rowsPerStatement(columns.length, records.length - at);
    const parameters: unknown[] = [];
    for (let i = at; i < at + rows; i++) for (const column of columns) parameters.push(records[i]![column] ?? null);
    await db.executeQuery(CompiledQuery.raw(valuesStatement(table, columns, rows, conflict, postgres), parameters));
    at += rows;
  }
}
