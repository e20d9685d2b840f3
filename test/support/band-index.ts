/** The near-duplicate band index as migration tests compare it: `day/band hash/story id` per row, in order. */
import type { Kysely } from 'kysely';
import { bandHash } from '../../src/store/fingerprint-repository.js';

/** Every row of the band index, its story named by id (the index keeps its key). */
export async function bandIndexRows(db: Kysely<any>): Promise<string[]> {
  const rows = await db
    .selectFrom('fingerprint_band as b')
    .innerJoin('article_key as k', 'k.key', 'b.article_key')
    .select(['b.day', 'b.band', 'k.article_id'])
    .execute();
  return rows.map((r) => `${Number(r.day)}/${Number(r.band)}/${r.article_id}`).sort();
}

/** The rows a story's fingerprint files under `day`: each band's hash once. */
export function expectedBandRows(articleId: string, day: number, bands: readonly string[]): string[] {
  return [...new Set(bands.map(bandHash))].map((band) => `${day}/${band}/${articleId}`);
}
