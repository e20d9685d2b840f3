/** The wire identity of imported articles: the agency's GUID and the version last taken in. */
import type { Kysely, Transaction } from 'kysely';
import type { ArticleStatus } from '../domain/article.js';
import { insertRecords } from './insert-records.js';
import type { Database } from './schema.js';

export interface WireIdentity {
  articleId: string;
  guid: string;
  version: number | null;
  format: string;
  receivedAt: string;
  /** Hash of the item as taken in, so the same item next time is known unchanged without preparing it. */
  inputHash?: string | null;
}

/** A wire article as it stands: the version last taken in, and what editors may have changed since. */
export interface WireArticleState {
  version: number | null;
  status: ArticleStatus;
  section: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  /** Hash of the item as last taken in; null if not known. */
  inputHash: string | null;
}

export class WireRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async current(articleIds: string[]): Promise<Map<string, WireArticleState>> {
    if (!articleIds.length) return new Map();
    const rows = await this.db
      .selectFrom('wire_item as w')
      .innerJoin('article as a', 'a.id', 'w.article_id')
      .innerJoin('section as s', 's.id', 'a.section_id')
      .select(['w.article_id', 'w.version', 'w.input_hash', 'a.status', 's.name as section', 'a.published_at', 'a.scheduled_at'])
      .where('w.article_id', 'in', articleIds)
      .execute();
    return new Map(
      rows.map((r) => [
        r.article_id,
        {
          version: r.version,
          status: r.status as ArticleStatus,
          section: r.section,
          publishedAt: r.published_at,
          scheduledAt: r.scheduled_at,
          inputHash: r.input_hash,
        },
      ]),
    );
  }

  async record(trx: Transaction<Database>, identity: WireIdentity): Promise<void> {
    await this.recordAll(trx, [identity]);
  }

  /**
   * Records the wire identities of a batch with multi-row upserts (on PostgreSQL a statement per item was a round
   * trip each). An article named twice keeps its last identity, as if recorded one after the other.
   */
  async recordAll(trx: Transaction<Database>, identities: WireIdentity[]): Promise<void> {
    const latest = new Map(identities.map((identity) => [identity.articleId, identity]));
    const rows = [...latest.values()].map((identity) => ({
      article_id: identity.articleId,
      guid: identity.guid,
      version: identity.version,
      format: identity.format,
      received_at: identity.receivedAt,
      input_hash: identity.inputHash ?? null,
    }));
    await insertRecords(
      trx,
      'wire_item',
      rows,
      'on conflict (article_id) do update set version = excluded.version, format = excluded.format, received_at = excluded.received_at, input_hash = excluded.input_hash',
    );
  }

  /** The most recently received wire items, newest first, with their story's headline and state. */
  async newest(limit: number) {
    return this.db
      .selectFrom('wire_item as w')
      .innerJoin('article as a', 'a.id', 'w.article_id')
      .leftJoin('source as s', 's.id', 'a.source_id')
      .select(['a.id', 'a.headline', 'a.status', 'a.updated_at', 'a.published_at', 'a.scheduled_at', 'a.embargo_until', 'w.received_at', 'w.format', 's.name as source'])
      .orderBy('w.received_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
  }
}
