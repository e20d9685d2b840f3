/**
 * Inserting many rows of a few plain columns: on SQLite as multi-row `VALUES` statements of power-of-two row counts
 * with one bound parameter per value (`values-statement.ts`), their texts prepared once; on PostgreSQL as one
 * statement per 50,000 rows with one array per column read with `unnest`, since every statement there is a round
 * trip. On SQLite the rows went in as one JSON parameter read with `json_each` until SQLite's JSON reading turned
 * out to cost more than the inserts: a Reuters import's band index rows 0.69-0.78 -> 0.29-0.35 s (bench/RESULTS.md).
 */
import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';
import { insertValues, quoted } from './values-statement.js';

/** A column and its PostgreSQL type (for the array `unnest` reads it from). */
export interface ColumnSpec {
  name: string;
  pgType: 'text' | 'bigint' | 'integer' | 'real' | 'double precision';
}

/** Rows per statement on PostgreSQL: keeps each column's array to a few MB. */
const POSTGRES_ROWS_PER_STATEMENT = 50_000;

export interface ColumnInsertOptions {
  /** Leave out rows whose key is already there (in the table or earlier in `rows`) instead of failing. */
  skipExisting?: boolean;
}

export async function insertColumns(
  db: Kysely<any>,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly unknown[])[],
  options: ColumnInsertOptions = {},
): Promise<void> {
  await writeColumns(db, table, columns, rows, options.skipExisting ? 'on conflict do nothing' : '', null);
}

/**
 * `insertColumns` with a conflict clause (`on conflict … do …`, as SQL text), returning `returning`'s columns of
 * every row inserted or updated, in no particular order.
 */
export async function upsertColumns<R>(
  db: Kysely<any>,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly unknown[])[],
  onConflict: string,
  returning: readonly string[],
): Promise<R[]> {
  return writeColumns<R>(db, table, columns, rows, onConflict, returning);
}

async function writeColumns<R>(
  db: Kysely<any>,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly unknown[])[],
  onConflict: string,
  returning: readonly string[] | null,
): Promise<R[]> {
  const returned = returning ? `returning ${returning.map(quoted).join(', ')}` : '';
  if (isSqlite(db)) {
    const tail = [onConflict, returned].filter(Boolean).join(' ');
    return insertValues<R>(db, table, columns.map((c) => c.name), rows.length, (row, column) => rows[row]![column], tail);
  }
  const out: R[] = [];
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  for (let at = 0; at < rows.length; at += POSTGRES_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + POSTGRES_ROWS_PER_STATEMENT);
    const arrays = sql.join(columns.map((c, i) => sql`${chunk.map((row) => row[i])}::${sql.raw(c.pgType)}[]`));
    const query = sql<R>`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays}) ${sql.raw(onConflict)} ${sql.raw(returned)}`;
    const { rows: got } = await query.execute(db);
    for (const row of got) out.push(row);
  }
  return out;
}

/**
 * `column IN (values)` as a condition whose text does not depend on how many values there are (one JSON parameter
 * on SQLite, one array on PostgreSQL), so it is prepared once however long the list.
 */
export function inValues(db: Kysely<any>, column: string, values: readonly unknown[], pgType: ColumnSpec['pgType']): RawBuilder<boolean> {
  return isSqlite(db)
    ? sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(values)}))`
    : sql<boolean>`${sql.ref(column)} = any(${values}::${sql.raw(pgType)}[])`;
}

function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
