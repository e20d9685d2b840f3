/**
 * Sizing multi-row statements. A batch of stories is written with a handful of multi-row statements rather than
 * a dozen statements per story (on PostgreSQL each statement is a round trip); each statement stays under the
 * bound-parameter limit of every engine.
 */

/** Under SQLite's 32,766 bound parameters per statement (PostgreSQL allows 65,535), so one size fits both. */
export const MAX_PARAMETERS_PER_STATEMENT = 30_000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows in chunks small enough for one multi-row INSERT each (every row has the first row's columns). */
export function rowChunks<T extends object>(rows: readonly T[]): T[][] {
  if (!rows.length) return [];
  const columns = Math.max(1, Object.keys(rows[0]!).length);
  return chunks(rows, Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns)));
}
