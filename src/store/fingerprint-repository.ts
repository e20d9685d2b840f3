/** Stories' near-duplicate fingerprints, their band index, and the copies from other feeds folded into a story. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface StoredFingerprint {
  articleId: string;
  simhash: string;
  bands: string[];
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
    await trx.deleteFrom('fingerprint_band').where('article_id', '=', fingerprint.articleId).execute();
    await trx
      .insertInto('article_fingerprint')
      .values({ article_id: fingerprint.articleId, simhash: fingerprint.simhash, bands: JSON.stringify(fingerprint.bands) })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ simhash: fingerprint.simhash, bands: JSON.stringify(fingerprint.bands) }))
      .execute();
    const bands = [...new Set(fingerprint.bands)];
    if (bands.length) {
      await trx
        .insertInto('fingerprint_band')
        .values(bands.map((band) => ({ band, article_id: fingerprint.articleId })))
        .execute();
    }
  }

  /** Fingerprints of stories sharing at least one band key with `bands` and last updated within [from, to]. */
  async candidates(bands: string[], from: string, to: string): Promise<StoredFingerprint[]> {
    if (!bands.length) return [];
    const rows = await this.db
      .selectFrom('article_fingerprint as f')
      .innerJoin('article as a', 'a.id', 'f.article_id')
      .select(['f.article_id', 'f.simhash', 'f.bands'])
      .where('f.article_id', 'in', (eb) => eb.selectFrom('fingerprint_band').select('article_id').where('band', 'in', bands))
      .where('a.updated_at', '>=', from)
      .where('a.updated_at', '<=', to)
      .orderBy('f.article_id')
      .execute();
    return rows.map((r) => ({ articleId: r.article_id, simhash: r.simhash, bands: JSON.parse(r.bands) as string[] }));
  }

  async addDuplicate(copy: DuplicateCopy): Promise<void> {
    await this.db
      .insertInto('article_duplicate')
      .values({ article_id: copy.articleId, guid: copy.guid, source: copy.source, headline: copy.headline, received_at: copy.receivedAt })
      .onConflict((oc) => oc.columns(['article_id', 'guid']).doNothing())
      .execute();
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
