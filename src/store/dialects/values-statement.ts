/**
 * Rows written as multi-row `INSERT … VALUES` statements of power-of-two row counts, their texts built here once:
 * batches of any size are written as such statements, so their texts recur from one batch to the next and SQLite
 * keeps them prepared (`statement-cache.ts`); with any row count, every batch of an import was parsed and planned
 * anew.
 */
import { CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import { MAX_PARAMETERS_PER_STATEMENT } from '../chunks.js';

/**
 * Inserts `count` rows into `table`, the value of row r's column c being `valueAt(r, c)`, each statement followed
 * by `tail` (SQL text: an `on conflict …` clause, a `returning …` list, or nothing). Returns the rows returned.
 */
export async function insertValues<R = never>(
  db: Kysely<any>,
  table: string,
  columns: readonly string[],
  count: number,
  valueAt: (row: number, column: number) => unknown,
  tail = '',
): Promise<R[]> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const mostRows = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns.length));
  const returned: R[] = [];
  for (let at = 0; at < count; ) {
    const rows = 2 ** Math.floor(Math.log2(Math.min(mostRows, count - at)));
    const parameters: unknown[] = new Array(rows * columns.length);
    for (let row = 0, p = 0; row < rows; row++) for (let column = 0; column < columns.length; column++) parameters[p++] = valueAt(at + row, column);
    const result = await db.executeQuery<R>(CompiledQuery.raw(valuesStatement(table, columns, rows, tail, postgres), parameters));
    for (const row of result.rows) returned.push(row);
    at += rows;
  }
  return returned;
}

const texts = new Map<string, string>();

/**
 * `insert into table (columns) values (…), (…) tail` with `rows` rows of placeholders (`?` on SQLite, `$n` on
 * PostgreSQL); `tail` is SQL text: an `on conflict …` clause, a `returning …` list, or nothing.
 */
function valuesStatement(table: string, columns: readonly string[], rows: number, tail: string, postgres: boolean): string {
  const key = `${postgres}\u0000${table}\u0000${columns.join('\u0000')}\u0000${rows}\u0000${tail}`;
  let text = texts.get(key);
  if (text === undefined) {
    const values: string[] = [];
    for (let row = 0, n = 0; row < rows; row++) {
      const marks = columns.map(() => (postgres ? `$${++n}` : '?'));
      values.push(`(${marks.join(', ')})`);
    }
    text = `insert into ${quoted(table)} (${columns.map(quoted).join(', ')}) values ${values.join(', ')}${tail ? ` ${tail}` : ''}`;
    texts.set(key, text);
  }
  return text;
}

export function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
