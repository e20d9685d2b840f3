/**
 * Inserting many rows of a few plain columns as ONE statement whose text does not depend on the row count: on
 * SQLite the rows go in as one JSON parameter read with `json_each`, on PostgreSQL as one array per column read with
 * `unnest`. A multi-row `VALUES` list instead carries a parameter per value (30,000 a statement), which Kysely builds
 * as a syntax tree node by node and SQLite parses and plans anew for every row count, never cached.
 */
import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';

/** A column and its PostgreSQL type (for the array `unnest` reads it from). */
export interface ColumnSpec {
  name: string;
  pgType: 'text' | 'bigint' | 'integer' | 'real' | 'double precision';
}

/** Rows (one value per column, in `columns` order) per statement: keeps one JSON parameter or array to a few MB. */
const ROWS_PER_STATEMENT = 50_000;

export interface ColumnInsertOptions {
  /** Leave out rows whose key is already there (in the table or earlier in `rows`) instead of failing. */
  skipExisting?: boolean;
}

export async function insertColumns(
  db: Kysely<any>,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly unknown[][],
  options: ColumnInsertOptions = {},
): Promise<void> {
  await writeColumns(db, table, columns, rows, options.skipExisting ? sql`on conflict do nothing` : sql``, null);
}

/**
 * `insertColumns` with a conflict clause (`on conflict … do …`), returning `returning`'s columns of every row
 * inserted or updated, in no particular order.
 */
export async function upsertColumns<R>(
  db: Kysely<any>,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly unknown[][],
  onConflict: RawBuilder<unknown>,
  returning: readonly string[],
): Promise<R[]> {
  return writeColumns<R>(db, table, columns, rows, onConflict, returning);
}

async function writeColumns<R>(
  db: Kysely<any>,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly unknown[][],
  onConflict: RawBuilder<unknown>,
  returning: readonly string[] | null,
): Promise<R[]> {
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  const returned = returning ? sql` returning ${sql.join(returning.map((c) => sql.id(c)))}` : sql``;
  const out: R[] = [];
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + ROWS_PER_STATEMENT);
    let query: RawBuilder<R>;
    if (isSqlite(db)) {
      const fields = sql.join(columns.map((_, i) => sql`value ->> ${sql.lit(i)}`));
      // `where true`: without it SQLite would read `on conflict` as part of the select's join.
      query = sql<R>`insert into ${sql.table(table)} (${names}) select ${fields} from json_each(${JSON.stringify(chunk)}) where true ${onConflict}${returned}`;
    } else {
      const arrays = sql.join(columns.map((c, i) => sql`${chunk.map((row) => row[i])}::${sql.raw(c.pgType)}[]`));
      query = sql<R>`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays}) ${onConflict}${returned}`;
    }
    const { rows: got } = await query.execute(db);
    out.push(...got);
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
