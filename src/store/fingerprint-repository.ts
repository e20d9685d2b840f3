/** Stories' near-duplicate fingerprints, their band index, and the copies from other feeds folded into a story. */
import type { Kysely, Transaction } from 'kysely';
import { articleKeys } from './article-keys.js';
import { chunks } from './chunks.js';
import { inValues, insertColumns } from './dialects/column-insert.js';
import { insertRecords } from './insert-records.js';
import { orderByKey } from './key-order.js';
import type { Database } from './schema.js';

/**
 * Band keys per `IN (…)` list: under every engine's parameter limit, and few statements per document (16,000 keys;
 * on PostgreSQL each statement is a round trip, and 1,000 keys a statement cost 4.6 s of 26 on 8,000 records).
 */
const ID_CHUNK = 10_000;
const DAY_MS = 86_400_000;

export interface StoredFingerprint {
  articleId: string;
  simhash: string;
  bands: string[];
}

/** A fingerprint to store, with the story's time: its band keys are filed under that day. */
export interface FingerprintWrite extends StoredFingerprint {
  updatedAt: string;
}

/** Band keys to look up, for stories last updated within [from, to]. */
export interface CandidateLookup {
  bands: string[];
  from: string;
  to: string;
}

export interface DuplicateCopy {
  articleId: string;
  guid: string;
  source: string | null;
  headline: string;
  receivedAt: string;
}

/** Days in each period of the band index: a lookup window of ±3 days then spans at most two of them. */
export const BAND_PERIOD_DAYS = 7;

/**
 * The day a story's band keys are filed under, the first column of the band index: the first day (since 1970,
 * UTC) of the seven-day period its time falls in. A lookup seeks each of its keys once per period its window
 * touches: filed by the day, a ±3-day window meant seven seeks a key (2.4 s of a 27 s Reuters import), by the
 * period at most two. Writes keep their locality: a batch of stories from the same hours still lands together.
 */
export function bandDay(time: string): number {
  return periodStart(Math.floor(Date.parse(time) / DAY_MS));
}

/** The first day of the band period `day` falls in (also for days before 1970). */
function periodStart(day: number): number {
  return day - (((day % BAND_PERIOD_DAYS) + BAND_PERIOD_DAYS) % BAND_PERIOD_DAYS);
}

/**
 * A band key as the band index stores it: a 52-bit hash of its text (two 32-bit FNV-1a variants), exact in a double
 * and in a bigint column, about four times smaller than the text. Two keys that collide only add a candidate, which
 * the caller's comparison of the fingerprints (by their band texts) then turns down.
 */
export function bandHash(band: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < band.length; i++) {
    const c = band.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0) * 2 ** 20 + (b >>> 12);
}

const BAND_COLUMNS = [
  { name: 'day', pgType: 'integer' },
  { name: 'band', pgType: 'bigint' },
  { name: 'article_key', pgType: 'integer' },
] as const;

/**
 * Inserts the band index rows of fingerprints, (day, band hash, story key), in key order, so each B-tree page is
 * visited once per batch. A hash a fingerprint lists twice goes in once.
 */
async function insertBandRows(db: Kysely<any>, fingerprints: readonly { key: number; day: number; bands: readonly string[] }[]): Promise<void> {
  const byDay = new Map<number, [number, number, number][]>();
  for (const { key, day, bands } of fingerprints) {
    let rows = byDay.get(day);
    if (!rows) byDay.set(day, (rows = []));
    for (const band of bands) rows.push([day, bandHash(band), key]);
  }
  const rows = [...byDay.keys()]
    .sort((a, b) => a - b)
    .flatMap((day) => {
      const ofDay = byDay.get(day)!;
      return Array.from(orderByKey(ofDay.length, (i) => ofDay[i]![1]), (i) => ofDay[i]!);
    });
  await insertColumns(db, 'fingerprint_band', BAND_COLUMNS, rows, { skipExisting: true });
}

/**
 * The distinct band hashes of all lookups, in ascending order. Sorted as doubles: hashes are beyond small integers,
 * and a Set of them would box every one (most of a lookup's time, for a unit of 2,000 stories).
 */
function distinctHashes(lists: readonly number[][]): number[] {
  const all = new Float64Array(lists.reduce((n, list) => n + list.length, 0));
  let at = 0;
  for (const list of lists) for (const hash of list) all[at++] = hash;
  all.sort();
  const distinct: number[] = [];
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) distinct.push(all[i]!);
  return distinct;
}

export class FingerprintRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async put(trx: Transaction<Database>, fingerprint: FingerprintWrite): Promise<void> {
    await this.putAll(trx, [fingerprint]);
  }

  /**
   * Stores the stories' fingerprints and band keys (replacing any they had) with a few statements. The band index
   * is keyed (period's first day, band, story key): stories arrive roughly in time order, so a batch's keys land
   * together at the end of the B-tree instead of on every page of it (keyed by band alone, each document's commit
   * rewrote nearly the whole index). Old keys are removed by primary key, from the day and bands stored with the
   * fingerprint. A story fingerprinted twice in one call keeps its last fingerprint.
   */
  async putAll(trx: Transaction<Database>, fingerprints: FingerprintWrite[]): Promise<void> {
    const latest = [...new Map(fingerprints.map((f) => [f.articleId, { ...f, day: bandDay(f.updatedAt) }])).values()];
    const old = new Map<string, { simhash: string; bands: string; day: number }>();
    for (const ids of chunks(latest.map((f) => f.articleId), ID_CHUNK)) {
      const rows = await trx.selectFrom('article_fingerprint').select(['article_id', 'simhash', 'bands', 'day']).where('article_id', 'in', ids).execute();
      for (const row of rows) old.set(row.article_id, row);
    }
    const changed = latest.filter((f) => {
      const stored = old.get(f.articleId);
      return stored?.simhash !== f.simhash || stored.day !== f.day || stored.bands !== JSON.stringify(f.bands);
    });
    const keys = await articleKeys(trx, changed.map((f) => f.articleId));
    for (const f of changed) {
      const stored = old.get(f.articleId);
      const bands = stored ? [...new Set((JSON.parse(stored.bands) as string[]).map(bandHash))] : [];
      if (!bands.length) continue;
      await trx
        .deleteFrom('fingerprint_band')
        .where('day', '=', stored!.day)
        .where('band', 'in', bands)
        .where('article_key', '=', keys.get(f.articleId)!)
        .execute();
    }
    const rows = changed.map((f) => ({ article_id: f.articleId, simhash: f.simhash, bands: JSON.stringify(f.bands), day: f.day }));
    await insertRecords(
      trx,
      'article_fingerprint',
      rows,
      'on conflict (article_id) do update set simhash = excluded.simhash, bands = excluded.bands, day = excluded.day',
    );
    await insertBandRows(trx, changed.map((f) => ({ key: keys.get(f.articleId)!, day: f.day, bands: f.bands })));
  }

  /**
   * For each lookup, the fingerprints of stories sharing at least one of its band keys and last updated within its
   * [from, to], ordered by article id. One pass for all lookups: the band index is read once per chunk of keys, on
   * the days the lookups span, then the fingerprints of the stories found.
   */
  async candidatesForAll(lookups: CandidateLookup[]): Promise<StoredFingerprint[][]> {
    const hashes = lookups.map((l) => l.bands.map(bandHash));
    const keys = distinctHashes(hashes);
    if (!keys.length) return lookups.map(() => []);
    const days = new Set<number>();
    for (const { from, to } of lookups) for (let day = bandDay(from); day <= bandDay(to); day += BAND_PERIOD_DAYS) days.add(day);
    const storiesByBand = new Map<number, number[]>();
    for (const chunk of chunks(keys, ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('fingerprint_band')
        .select(['band', 'article_key'])
        .where('day', 'in', [...days])
        .where(inValues(this.db, 'band', chunk, 'bigint'))
        .execute();
      for (const { band, article_key } of rows) {
        const stories = storiesByBand.get(band);
        if (stories) stories.push(article_key);
        else storiesByBand.set(band, [article_key]);
      }
    }
    const from = lookups.reduce((min, l) => (l.from < min ? l.from : min), lookups[0]!.from);
    const to = lookups.reduce((max, l) => (l.to > max ? l.to : max), lookups[0]!.to);
    const found = new Map<number, StoredFingerprint & { updatedAt: string }>();
    for (const chunk of chunks([...new Set([...storiesByBand.values()].flat())], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('article_key as k')
        .innerJoin('article_fingerprint as f', 'f.article_id', 'k.article_id')
        .innerJoin('article as a', 'a.id', 'f.article_id')
        .select(['k.key', 'f.article_id', 'f.simhash', 'f.bands', 'a.updated_at'])
        .where(inValues(this.db, 'k.key', chunk, 'integer'))
        .where('a.updated_at', '>=', from)
        .where('a.updated_at', '<=', to)
        .execute();
      for (const r of rows) {
        found.set(Number(r.key), { articleId: r.article_id, simhash: r.simhash, bands: JSON.parse(r.bands) as string[], updatedAt: r.updated_at });
      }
    }
    return lookups.map(({ from, to }, i) => {
      const stories = new Set(hashes[i]!.flatMap((band) => storiesByBand.get(band) ?? []));
      return [...stories]
        .flatMap((key) => {
          const f = found.get(key);
          return f && f.updatedAt >= from && f.updatedAt <= to ? [{ articleId: f.articleId, simhash: f.simhash, bands: f.bands }] : [];
        })
        .sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
    });
  }

  async addDuplicate(copy: DuplicateCopy): Promise<void> {
    await this.db.transaction().execute((trx) => this.addDuplicates(trx, [copy]));
  }

  /** Records other feeds' copies folded into stories; a copy already recorded is left as it is. */
  async addDuplicates(trx: Transaction<Database>, copies: DuplicateCopy[]): Promise<void> {
    const rows = copies.map((copy) => ({
      article_id: copy.articleId,
      guid: copy.guid,
      source: copy.source,
      headline: copy.headline,
      received_at: copy.receivedAt,
    }));
    await insertRecords(trx, 'article_duplicate', rows, 'on conflict (article_id, guid) do nothing');
  }

  async duplicatesOf(articleId: string): Promise<DuplicateCopy[]> {
    const rows = await this.db
      .selectFrom('article_duplicate')
      .selectAll()
      .where('article_id', '=', articleId)
      .orderBy('received_at')
      .orderBy('guid')
      .execute();
    return rows.map((r) => ({ articleId: r.article_id, guid: r.guid, source: r.source, headline: r.headline, receivedAt: r.received_at }));
  }
}
