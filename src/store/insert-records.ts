/**
 * A batch of records written with multi-row `INSERT … VALUES` statements whose text is built here directly, not
 * through Kysely's builder, which makes a syntax-tree node of every value (40,000 a statement for a unit of stories)
 * and compiles them back into text. Statements take a power-of-two number of rows, so their texts recur from one
 * batch to the next and SQLite keeps them prepared (`dialects/statement-cache.ts`); with any row count, every batch
 * of an import was parsed and planned anew.
 */
import { CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import { MAX_PARAMETERS_PER_STATEMENT } from './chunks.js';

/**
 * Inserts `records`, all of one shape (the first one's keys, in its order), followed by `conflict` (an `on conflict
 * …` clause, as SQL text) when given. A key a record lacks is written as null.
 */
export async function insertRecords(db: Kysely<any>, table: string, records: readonly Record<string, unknown>[], conflict = ''): Promise<void> {
  if (!records.length) return;
  const columns = Object.keys(records[0]!);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const mostRows = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns.length));
  for (let at = 0; at < records.length; ) {
    const rows = 2 ** Math.floor(Math.log2(Math.min(mostRows, records.length - at)));
    const parameters: unknown[] = [];
    for (let i = at; i < at + rows; i++) for (const column of columns) parameters.push(records[i]![column] ?? null);
    await db.executeQuery(CompiledQuery.raw(statementText(table, columns, rows, conflict, postgres), parameters));
    at += rows;
  }
}

const texts = new Map<string, string>();

function statementText(table: string, columns: readonly string[], rows: number, conflict: string, postgres: boolean): string {
  const key = `${postgres}\u0000${table}\u0000${columns.join('\u0000')}\u0000${rows}\u0000${conflict}`;
  let text = texts.get(key);
  if (text === undefined) {
    const values: string[] = [];
    for (let row = 0, n = 0; row < rows; row++) {
      const marks = columns.map(() => (postgres ? `$${++n}` : '?'));
      values.push(`(${marks.join(', ')})`);
    }
    text = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${values.join(', ')}${conflict ? ` ${conflict}` : ''}`;
    texts.set(key, text);
  }
  return text;
}

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
