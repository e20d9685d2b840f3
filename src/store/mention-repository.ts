/** The topics each story mentions, as Hot Topics reads them: by time window, and by topic for a topic's page. */
import { type Kysely, sql } from 'kysely';
import type { ArticleSummary } from '../domain/article.js';
import type { Database } from './schema.js';
import { selectSummaries, toSummary } from './summaries.js';

export interface StoredMention {
  key: string;
  slug: string;
  label: string;
  kind: string;
  inHeadline: boolean;
  span: number;
  length: number;
}

/**
 * One story's mentions as Hot Topics ranks them (`ArticleMentions` in `curation/hot/types.ts`): its keys and their
 * labels each joined by SEPARATOR, and one `1` (named in the headline) or `0` (in the lead only) per key. Stored
 * so, one row per story in `article_mention_pack`, when the story's mentions are written.
 */
export interface MentionsOf {
  articleId: string;
  publishedAt: string;
  keys: string;
  inHeadline: string;
  labels: string | undefined;
}

/** What `article_mention_pack` holds of one story, packed from its `article_mention` rows by `packMentions`. */
export interface PackedMentions {
  keys: string;
  in_headline: string;
  labels: string;
}

/** Hot Topics' `PACKED_SEPARATOR`: a control character, which `replace` keeps out of keys and labels. */
const SEPARATOR = '\x1e';
const CONTROL = /[\x00-\x1f\x7f]/g;

/**
 * Packs one story's mention rows (keys and labels already clean): lead-only keys first, then by key, as SQLite's
 * window read packed them before they were stored packed (migration 015), so that every story is packed alike
 * whichever engine and path wrote it. Counts do not depend on the order, but the label a story gives two keys an
 * editor merged into one does: the first one named.
 */
export function packMentions(rows: { key: string; label: string; in_headline: number }[]): PackedMentions {
  const sorted = rows.slice().sort((a, b) => a.in_headline - b.in_headline || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    keys: sorted.map((r) => r.key).join(SEPARATOR),
    in_headline: sorted.map((r) => (r.in_headline ? '1' : '0')).join(''),
    labels: sorted.map((r) => r.label).join(SEPARATOR),
  };
}

/** What topic extraction reads of a story. */
export interface MentionSource {
  id: string;
  headline: string;
  bodyHtml: string;
  language: string;
  topics: string[];
  /** Null for a story not published (yet): it mentions nothing a reader can see. */
  publishedAt: string | null;
}

export class MentionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The text and editors' topics of each of `ids` that exists. */
  async sources(ids: string[]): Promise<MentionSource[]> {
    if (!ids.length) return [];
    const out: MentionSource[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const [articles, topics] = await Promise.all([
        this.db
          .selectFrom('article')
          .select(['id', 'headline', 'body_html', 'language', 'status', 'published_at'])
          .where('id', 'in', chunk)
          .execute(),
        this.db
          .selectFrom('article_topic as at')
          .innerJoin('topic as t', 't.id', 'at.topic_id')
          .select(['at.article_id', 't.name'])
          .where('at.article_id', 'in', chunk)
          .orderBy('at.article_id')
          .orderBy('at.position')
          .execute(),
      ]);
      for (const a of articles) {
        out.push({
          id: a.id,
          headline: a.headline,
          bodyHtml: a.body_html,
          language: a.language,
          topics: topics.filter((t) => t.article_id === a.id).map((t) => t.name),
          publishedAt: a.status === 'published' ? a.published_at : null,
        });
      }
    }
    return out;
  }

  /**
   * Replaces what the stories mention; a story absent from `byArticle` keeps its mentions. Each story's mentions
   * are also written packed in one row (`article_mention_pack`), which is all a refresh reads.
   */
  async replace(byArticle: Map<string, { publishedAt: string; mentions: StoredMention[] }>): Promise<void> {
    if (!byArticle.size) return;
    await this.db.transaction().execute(async (trx) => {
      const ids = [...byArticle.keys()];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await trx.deleteFrom('article_mention').where('article_id', 'in', chunk).execute();
        await trx.deleteFrom('article_mention_pack').where('article_id', 'in', chunk).execute();
      }
      const rows = [];
      const packs = [];
      for (const [articleId, { publishedAt, mentions }] of byArticle) {
        const story = mentions.map((m) => ({
          article_id: articleId,
          key: m.key.replace(CONTROL, ' '),
          slug: m.slug,
          label: m.label.replace(CONTROL, ' '),
          kind: m.kind,
          in_headline: m.inHeadline ? 1 : 0,
          span: m.span,
          length: m.length,
          published_at: publishedAt,
        }));
        rows.push(...story);
        if (story.length) packs.push({ article_id: articleId, published_at: publishedAt, ...packMentions(story) });
      }
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('article_mention').values(rows.slice(i, i + 500)).execute();
      for (let i = 0; i < packs.length; i += 500) await trx.insertInto('article_mention_pack').values(packs.slice(i, i + 500)).execute();
    });
  }

  /**
   * What each story visible at `now` and published in [from, now] mentions, in no particular order, with labels
   * only for stories published since `labelsFrom`. One stored row per story, packed when it was written: a window
   * of 100,000 stories (2.7 million mentions) reads 100,000 rows and looks up 100,000 stories' status, and the
   * database groups nothing.
   */
  async window(from: string, labelsFrom: string, now: string): Promise<MentionsOf[]> {
    const rows = await this.windowQuery(from, labelsFrom, now).execute();
    return rows.map((r) => ({ articleId: r.article_id, publishedAt: r.published_at, keys: r.keys, inHeadline: r.in_headline, labels: r.labels ?? undefined }));
  }

  /**
   * The query `window` runs, not executed, so that its plan can be checked: each story's status and embargo come
   * from index `article_visibility` (migration 016), not from the `article` row, where on SQLite they lie after the
   * body, on its overflow pages.
   */
  windowQuery(from: string, labelsFrom: string, now: string) {
    return this.db
      .selectFrom('article_mention_pack as m')
      // A cross join, so that SQLite reads the window first and looks each story up once; with an inner join it
      // may go through every published story instead. PostgreSQL plans both alike.
      .crossJoin('article as a')
      .whereRef('a.id', '=', 'm.article_id')
      .select([
        'm.article_id',
        'm.published_at',
        'm.keys',
        'm.in_headline',
        sql<string | null>`case when ${sql.ref('m.published_at')} >= ${labelsFrom} then ${sql.ref('m.labels')} end`.as('labels'),
      ])
      .where('m.published_at', '>=', from)
      .where('m.published_at', '<=', now)
      .where('a.status', '=', 'published')
      .where((eb) => eb.or([eb('a.embargo_until', 'is', null), eb('a.embargo_until', '<=', now)]));
  }

  /** The most used label of a topic slug, or null when no story mentions it. */
  async labelOf(slug: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('article_mention')
      .select(['label', (eb) => eb.fn.countAll<number>().as('n')])
      .where('slug', '=', slug)
      .groupBy('label')
      .orderBy('n', 'desc')
      .orderBy('label')
      .executeTakeFirst();
    return row?.label ?? null;
  }

  /** Visible stories that mention any of `slugs`, newest first. */
  async stories(slugs: string[], now: string, limit: number, offset = 0): Promise<ArticleSummary[]> {
    if (!slugs.length) return [];
    const rows = await selectSummaries(this.db, now)
      .where('a.id', 'in', (eb) => eb.selectFrom('article_mention').select('article_id').where('slug', 'in', slugs))
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(toSummary);
  }
}
