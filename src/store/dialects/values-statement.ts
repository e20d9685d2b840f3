/**
 * The text of a multi-row `INSERT … VALUES` statement for a power-of-two number of rows, kept once built: batches
 * of any size are written as such statements, so their texts recur from one batch to the next and SQLite keeps
 * them prepared (`statement-cache.ts`); with any row count, every batch of an import was parsed and planned anew.
 */
import { MAX_PARAMETERS_PER_STATEMENT } from '../chunks.js';

/** Rows for the next statement of a batch with `remaining` rows left: the largest power of two that fits. */
export function rowsPerStatement(columns: number, remaining: number): number {
  const mostRows = Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns));
  return 2 ** Math.floor(Math.log2(Math.min(mostRows, remaining)));
}

const texts = new Map<string, string>();

/**
 * `insert into table (columns) values (…), (…) tail` with `rows` rows of placeholders (`?` on SQLite, `$n` on
 * PostgreSQL); `tail` is SQL text: an `on conflict …` clause, a `returning …` list, or nothing.
 */
export function valuesStatement(table: string, columns: readonly string[], rows: number, tail: string, postgres: boolean): string {
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
