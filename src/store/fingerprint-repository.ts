/** Stories' near-duplicate fingerprints, their band index, and the copies from other feeds folded into a story. */
import { type Kysely, type Transaction, sql } from 'kysely';
import { chunks, rowChunks } from './chunks.js';
import type { Database } from './schema.js';

/**
 * Band keys per `IN (…)` list: under every engine's parameter limit, and few statements per document (16,000 keys;
 * on PostgreSQL each statement is a round trip, and 1,000 keys a statement cost 4.6 s of 26 on 8,000 records).
 */
const ID_CHUNK = 10_000;

export interface StoredFingerprint {
  articleId: string;
  simhash: string;
  bands: string[];
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

export class FingerprintRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async put(trx: Transaction<Database>, fingerprint: StoredFingerprint): Promise<void> {
    await this.putAll(trx, [fingerprint]);
  }

  /**
   * Stores the stories' fingerprints and band keys (replacing any they had) with a few multi-row statements. Old
   * keys are removed by primary key (band, article): the band index has no index by article, and a scan per story
   * made imports quadratic. A story fingerprinted twice in one call keeps its last fingerprint.
   */
  async putAll(trx: Transaction<Database>, fingerprints: StoredFingerprint[]): Promise<void> {
    const latest = [...new Map(fingerprints.map((f) => [f.articleId, f])).values()];
    const old = new Map<string, { simhash: string; bands: string }>();
    for (const ids of chunks(latest.map((f) => f.articleId), ID_CHUNK)) {
      const rows = await trx.selectFrom('article_fingerprint').select(['article_id', 'simhash', 'bands']).where('article_id', 'in', ids).execute();
      for (const row of rows) old.set(row.article_id, row);
    }
    const changed = latest.filter((f) => {
      const stored = old.get(f.articleId);
      return stored?.simhash !== f.simhash || stored.bands !== JSON.stringify(f.bands);
    });
    for (const f of changed) {
      const stored = old.get(f.articleId);
      const bands = stored ? (JSON.parse(stored.bands) as string[]) : [];
      if (bands.length) await trx.deleteFrom('fingerprint_band').where('band', 'in', bands).where('article_id', '=', f.articleId).execute();
    }
    const rows = changed.map((f) => ({ article_id: f.articleId, simhash: f.simhash, bands: JSON.stringify(f.bands) }));
    for (const chunk of rowChunks(rows)) {
      await trx
        .insertInto('article_fingerprint')
        .values(chunk)
        .onConflict((oc) => oc.column('article_id').doUpdateSet({ simhash: sql`excluded.simhash`, bands: sql`excluded.bands` }))
        .execute();
    }
    const bandRows = changed.flatMap((f) => [...new Set(f.bands)].map((band) => ({ band, article_id: f.articleId })));
    for (const chunk of rowChunks(bandRows)) await trx.insertInto('fingerprint_band').values(chunk).execute();
  }

  /**
   * For each lookup, the fingerprints of stories sharing at least one of its band keys and last updated within its
   * [from, to], ordered by article id. One pass for all lookups: the band index is read once per chunk of keys,
   * then the fingerprints of the stories found.
   */
  async candidatesForAll(lookups: CandidateLookup[]): Promise<StoredFingerprint[][]> {
    const keys = [...new Set(lookups.flatMap((l) => l.bands))];
    if (!keys.length) return lookups.map(() => []);
    const articlesByBand = new Map<string, string[]>();
    for (const chunk of chunks(keys, ID_CHUNK)) {
      const rows = await this.db.selectFrom('fingerprint_band').select(['band', 'article_id']).where('band', 'in', chunk).execute();
      for (const { band, article_id } of rows) {
        const ids = articlesByBand.get(band);
        if (ids) ids.push(article_id);
        else articlesByBand.set(band, [article_id]);
      }
    }
    const from = lookups.reduce((min, l) => (l.from < min ? l.from : min), lookups[0]!.from);
    const to = lookups.reduce((max, l) => (l.to > max ? l.to : max), lookups[0]!.to);
    const found = new Map<string, StoredFingerprint & { updatedAt: string }>();
    for (const chunk of chunks([...new Set([...articlesByBand.values()].flat())], ID_CHUNK)) {
      const rows = await this.db
        .selectFrom('article_fingerprint as f')
        .innerJoin('article as a', 'a.id', 'f.article_id')
        .select(['f.article_id', 'f.simhash', 'f.bands', 'a.updated_at'])
        .where('f.article_id', 'in', chunk)
        .where('a.updated_at', '>=', from)
        .where('a.updated_at', '<=', to)
        .execute();
      for (const r of rows) {
        found.set(r.article_id, { articleId: r.article_id, simhash: r.simhash, bands: JSON.parse(r.bands) as string[], updatedAt: r.updated_at });
      }
    }
    return lookups.map(({ bands, from, to }) => {
      const ids = new Set(bands.flatMap((band) => articlesByBand.get(band) ?? []));
      return [...ids]
        .flatMap((id) => {
          const f = found.get(id);
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
    for (const chunk of rowChunks(rows)) {
      await trx
        .insertInto('article_duplicate')
        .values(chunk)
        .onConflict((oc) => oc.columns(['article_id', 'guid']).doNothing())
        .execute();
    }
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
