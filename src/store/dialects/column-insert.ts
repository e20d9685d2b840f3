/**
 * Inserting many rows of a few plain columns as ONE statement whose text does not depend on the row count: on
 * SQLite the rows go in as one JSON parameter read with `json_each`, on PostgreSQL as one array per column read with
 * `unnest`. A multi-row `VALUES` list instead carries a parameter per value (30,000 a statement), which Kysely builds
 * as a syntax tree node by node and SQLite parses and plans anew for every row count, never cached.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

/** A column and its PostgreSQL type (for the array `unnest` reads it from). */
export interface ColumnSpec {
  name: string;
  pgType: 'text' | 'bigint' | 'integer' | 'real' | 'double precision';
}

/** Rows (one value per column, in `columns` order) per statement: keeps one JSON parameter or array to a few MB. */
const ROWS_PER_STATEMENT = 50_000;

export async function insertColumns(db: Kysely<any>, table: string, columns: readonly ColumnSpec[], rows: readonly unknown[][]): Promise<void> {
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + ROWS_PER_STATEMENT);
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      const fields = sql.join(columns.map((_, i) => sql`value ->> ${sql.lit(i)}`));
      await sql`insert into ${sql.table(table)} (${names}) select ${fields} from json_each(${JSON.stringify(chunk)})`.execute(db);
    } else {
      const arrays = sql.join(columns.map((c, i) => sql`${chunk.map((row) => row[i])}::${sql.raw(c.pgType)}[]`));
      await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${arrays})`.execute(db);
    }
  }
}
