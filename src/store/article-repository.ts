/** Articles: the transactional write of a story with its taxonomy, revision and terms, and every read by key or list. */
import { createHash } from 'node:crypto';
import { type Insertable, type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { Article, ArticleStatus, ArticleSummary, Image } from '../domain/article.js';
import { ConflictError } from '../domain/errors.js';
import { slugify } from '../domain/slug.js';
import { chunks } from './chunks.js';
import { insertRecords } from './insert-records.js';
import { type WeightedTerm, indexTerms, unindexTerms } from './related-index.js';
import type { ArticleTable, Database } from './schema.js';
import { selectArticles, selectSummaries, toSummary } from './summaries.js';
import { TaxonomyRepository } from './taxonomy-repository.js';

/** A fully resolved story to store: names of taxonomy entries, sanitized HTML, and the terms that index it. */
export interface ArticleWrite {
  id: string;
  headline: string;
  standfirst: string | null;
  bodyHtml: string;
  dateline: string | null;
  byline: string | null;
  authors: string[];
  source: string | null;
  section: string;
  topics: string[];
  language: string;
  status: ArticleStatus;
  priority: number;
  publishedAt: string | null;
  updatedAt: string;
  image: Omit<Image, 'id'> | null;
  /** When a scheduled story is due; null unless status is `scheduled`. */
  scheduledAt: string | null;
  /** Never visible before this time, whatever the status says. */
  embargoUntil: string | null;
  terms: WeightedTerm[];
}

/** Who is writing: the revision's author, and for a new story its creator. Imports have none. */
export interface SaveContext {
  now: string;
  authorId?: string | null;
  /** Optimistic locking: the revision the writer started from. Another revision in the store is a conflict. */
  expectedRevision?: number;
}

export type SaveOutcome = 'added' | 'updated' | 'unchanged';

/** A public change to a published story: an update moves its Updated time, a correction also shows a note. */
export interface ArticleChange {
  revision: number;
  kind: 'update' | 'correction';
  note: string | null;
  at: string;
}

export interface EditableArticle extends Omit<Article, 'publishedAt'> {
  publishedAt: string | null;
  scheduledAt: string | null;
  embargoUntil: string | null;
  createdBy: string | null;
}

export interface ListFilter {
  now: string;
  sectionId?: string;
  topicId?: string;
  sourceId?: string;
  /** Keyset position: only articles strictly older than this (published_at, id). */
  before?: { publishedAt: string; id: string };
  offset?: number;
  limit: number;
}

export class ArticleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly taxonomy: TaxonomyRepository,
  ) {}

  /** Writes one story in its own transaction; see `saveAll` for the steps. */
  async save(write: ArticleWrite, context: SaveContext): Promise<SaveOutcome> {
    return this.db.transaction().execute((trx) => this.saveIn(trx, write, context));
  }

  /** Writes one story inside `trx`; see `saveAll`. */
  async saveIn(trx: Transaction<Database>, write: ArticleWrite, context: SaveContext): Promise<SaveOutcome> {
    return (await this.saveAll(trx, [write], context))[0]!;
  }

  /**
   * Inserts or updates stories inside `trx`, with a few multi-row statements for the whole batch: identical
   * content changes nothing; changed content becomes the next revision, keeps the article's slug (its URL is
   * permanent) and re-indexes its terms; every change is queued for relating in the same transaction. A story
   * that comes twice is written as if one after the other: the later copy is an update of the earlier.
   */
  async saveAll(trx: Transaction<Database>, writes: ArticleWrite[], context: SaveContext): Promise<SaveOutcome[]> {
    const outcomes: SaveOutcome[] = new Array(writes.length);
    for (const round of roundsOfDistinctIds(writes)) {
      const results = await this.saveDistinct(trx, round.map((i) => writes[i]!), context);
      round.forEach((i, k) => (outcomes[i] = results[k]!));
    }
    return outcomes;
  }

  private async saveDistinct(trx: Transaction<Database>, writes: ArticleWrite[], context: SaveContext): Promise<SaveOutcome[]> {
    const { now } = context;
    const authorId = context.authorId ?? null;
    const existing = new Map<string, ExistingArticle>();
    for (const ids of chunks(writes.map((w) => w.id), ID_CHUNK)) {
      const rows = await trx
        .selectFrom('article')
        .select(['id', 'slug', 'revision', 'content_hash', 'first_published_at'])
        .where('id', 'in', ids)
        .execute();
      for (const row of rows) existing.set(row.id, row);
    }
    // The revision's snapshot, and by its hash whether anything changed.
    const snapshots = writes.map((write) => JSON.stringify(snapshotOf(write)));
    const hashes = snapshots.map(hashContent);
    const outcomes = writes.map((write, i): SaveOutcome => {
      const stored = existing.get(write.id);
      if (context.expectedRevision !== undefined && (stored?.revision ?? 0) !== context.expectedRevision) {
        throw new ConflictError('the story changed since it was read', { currentRevision: stored?.revision ?? 0 });
      }
      if (stored?.content_hash === hashes[i]) return 'unchanged';
      return stored ? 'updated' : 'added';
    });
    const changed = writes.flatMap((write, i) =>
      outcomes[i] === 'unchanged' ? [] : [{ write, hash: hashes[i]!, snapshot: snapshots[i]!, stored: existing.get(write.id) }],
    );
    if (!changed.length) return outcomes;

    const sectionIds = new Map<string, string>();
    const sourceIds = new Map<string, string>();
    for (const { write } of changed) {
      if (!sectionIds.has(write.section)) sectionIds.set(write.section, await this.taxonomy.ensureSection(trx, write.section));
      if (write.source && !sourceIds.has(write.source)) sourceIds.set(write.source, await this.taxonomy.ensureSource(trx, write.source));
    }
    const rows: ArticleRow[] = [];
    for (const { write, hash, stored } of changed) {
      rows.push({
        headline: write.headline,
        standfirst: write.standfirst,
        body_html: write.bodyHtml,
        dateline: write.dateline,
        byline: write.byline,
        source_id: write.source ? sourceIds.get(write.source)! : null,
        section_id: sectionIds.get(write.section)!,
        image_id: write.image ? await this.taxonomy.ensureImage(trx, write.image) : null,
        language: write.language,
        status: write.status,
        priority: write.priority,
        first_published_at: stored?.first_published_at ?? (write.status === 'published' ? write.publishedAt : null),
        published_at: write.publishedAt,
        updated_at: write.updatedAt,
        revision: (stored?.revision ?? 0) + 1,
        content_hash: hash,
        scheduled_at: write.scheduledAt,
        embargo_until: write.embargoUntil,
      });
    }

    const updated = changed.flatMap((c, i) => (c.stored ? [{ id: c.write.id, revision: c.stored.revision, row: rows[i]! }] : []));
    for (const { id, revision, row } of updated) {
      // Compare-and-set on the revision, so two writers racing from the same revision cannot both win.
      const result = await trx.updateTable('article').set(row).where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new ConflictError('the story changed while it was being saved', { currentRevision: revision + 1 });
      }
    }
    if (updated.length) await this.unlink(trx, updated.map((u) => u.id));

    const added = changed.flatMap((c, i) => (c.stored ? [] : [{ write: c.write, row: rows[i]! }]));
    const slugs = await this.uniqueSlugs(trx, added.map(({ write }) => slugify(write.headline) || 'story'));
    await insertRows(
      trx,
      'article',
      added.map(({ write, row }, i) => ({ id: write.id, slug: slugs[i]!, created_at: now, created_by: authorId, ...row })),
    );

    const ids = changed.map((c) => c.write.id);
    const topicIds = await this.taxonomy.ensureTopicLists(trx, changed.map((c) => c.write.topics));
    await insertRows(
      trx,
      'article_topic',
      topicIds.flatMap((topics, i) => topics.map((topicId, position) => ({ article_id: ids[i]!, topic_id: topicId, position }))),
    );
    const authorIds = await this.taxonomy.ensureAuthorLists(trx, changed.map((c) => c.write.authors));
    await insertRows(
      trx,
      'article_author',
      authorIds.flatMap((authors, i) => authors.map((authorId, position) => ({ article_id: ids[i]!, author_id: authorId, position }))),
    );
    await indexTerms(trx, changed.map((c) => c.write));
    await insertRecords(trx, 'relate_queue', ids.map((id) => ({ article_id: id, queued_at: now })), 'on conflict (article_id) do nothing');
    await insertRows(
      trx,
      'revision',
      changed.map(({ write, snapshot }, i) => ({
        article_id: write.id,
        revision: rows[i]!.revision,
        created_at: now,
        snapshot,
        author_id: authorId,
      })),
    );
    return outcomes;
  }

  /** A free slug for each base, in order: `base`, else `base-2`, `base-3` …, never one taken or given earlier. */
  private async uniqueSlugs(trx: Transaction<Database>, bases: string[]): Promise<string[]> {
    const taken = new Set<string>();
    for (const chunk of chunks([...new Set(bases)], SLUG_CHUNK)) {
      // Every slug in [base, base + '.') for each base: `base` and `base-…` (slugs are [a-z0-9-], and '.' sorts right
      // after '-'), as one range scan of the slug index per base. A join with a VALUES list rather than hundreds of
      // OR'd ranges, which PostgreSQL plans slowly (a third of a second per 500 bases).
      const ranges = sql.join(chunk.map((base) => sql`(${base}, ${`${base}.`})`));
      const { rows } = await sql<{ slug: string }>`
        select a.slug from (values ${ranges}) as r join article a on a.slug >= r.column1 and a.slug < r.column2
      `.execute(trx);
      for (const row of rows) taken.add(row.slug);
    }
    return bases.map((base) => {
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      taken.add(slug);
      return slug;
    });
  }

  /** Takes the stories' topics, authors and terms away (before they are written anew), keeping frequencies right. */
  private async unlink(trx: Transaction<Database>, ids: string[]) {
    await unindexTerms(trx, ids);
    for (const chunk of chunks(ids, ID_CHUNK)) {
      await trx.deleteFrom('article_topic').where('article_id', 'in', chunk).execute();
      await trx.deleteFrom('article_author').where('article_id', 'in', chunk).execute();
    }
  }

  async findBySlug(slug: string, now: string): Promise<Article | null> {
    const row = await selectSummaries(this.db, now).where('a.slug', '=', slug).executeTakeFirst();
    return row ? this.hydrate(toSummary(row)) : null;
  }

  async findById(id: string, now: string): Promise<Article | null> {
    const row = await selectSummaries(this.db, now).where('a.id', '=', id).executeTakeFirst();
    return row ? this.hydrate(toSummary(row)) : null;
  }

  /** A story in any state, with its workflow fields: what the newsroom edits. */
  async findForEdit(id: string): Promise<EditableArticle | null> {
    const row = await selectArticles(this.db).where('a.id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [article, workflow] = await Promise.all([
      this.hydrate(toSummary(row)),
      this.db
        .selectFrom('article')
        .select(['scheduled_at', 'embargo_until', 'created_by', 'published_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ]);
    return {
      ...article,
      publishedAt: workflow.published_at,
      scheduledAt: workflow.scheduled_at,
      embargoUntil: workflow.embargo_until,
      createdBy: workflow.created_by,
    };
  }

  /** The newsroom's list: every state or one, most recently changed first. */
  async listForNewsroom(filter: { status?: ArticleStatus; limit: number }) {
    let query = this.db
      .selectFrom('article')
      .select(['id', 'headline', 'status', 'updated_at', 'published_at', 'scheduled_at', 'embargo_until', 'created_by', 'revision', 'section_id']);
    if (filter.status) query = query.where('status', '=', filter.status);
    return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  }

  /** Scheduled stories whose time has come, oldest first. */
  async dueForPublishing(now: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('article')
      .select('id')
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', now)
      .orderBy('scheduled_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async addChange(trx: Transaction<Database>, change: ArticleChange & { articleId: string }): Promise<void> {
    await trx
      .insertInto('article_change')
      .values({ article_id: change.articleId, revision: change.revision, kind: change.kind, note: change.note, at: change.at })
      .execute();
  }

  /** The public change log: updates and corrections, newest first. */
  async changes(articleId: string): Promise<ArticleChange[]> {
    const rows = await this.db
      .selectFrom('article_change')
      .select(['revision', 'kind', 'note', 'at'])
      .where('article_id', '=', articleId)
      .orderBy('revision', 'desc')
      .execute();
    return rows.map((r) => ({ revision: r.revision, kind: r.kind as ArticleChange['kind'], note: r.note, at: r.at }));
  }

  async revision(articleId: string, revision: number) {
    return (
      (await this.db
        .selectFrom('revision')
        .select(['revision', 'created_at', 'snapshot', 'author_id'])
        .where('article_id', '=', articleId)
        .where('revision', '=', revision)
        .executeTakeFirst()) ?? null
    );
  }

  private async hydrate(summary: ArticleSummary): Promise<Article> {
    const [detail, topics, authors] = await Promise.all([
      this.db
        .selectFrom('article')
        .select(['body_html', 'dateline', 'byline', 'language', 'status', 'first_published_at', 'revision'])
        .where('id', '=', summary.id)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('article_topic as at')
        .innerJoin('topic as t', 't.id', 'at.topic_id')
        .select(['t.id', 't.slug', 't.name'])
        .where('at.article_id', '=', summary.id)
        .orderBy('at.position')
        .execute(),
      this.db
        .selectFrom('article_author as aa')
        .innerJoin('author as au', 'au.id', 'aa.author_id')
        .select(['au.id', 'au.slug', 'au.name'])
        .where('aa.article_id', '=', summary.id)
        .orderBy('aa.position')
        .execute(),
    ]);
    return {
      ...summary,
      bodyHtml: detail.body_html,
      dateline: detail.dateline,
      byline: detail.byline,
      language: detail.language,
      status: detail.status as ArticleStatus,
      firstPublishedAt: detail.first_published_at,
      revision: detail.revision,
      topics,
      authors,
    };
  }

  /** Newest first, with (published_at, id) as the tie-breaker so every engine returns the same order. */
  async list(filter: ListFilter): Promise<ArticleSummary[]> {
    let query = selectSummaries(this.db, filter.now);
    if (filter.sectionId) query = query.where('a.section_id', '=', filter.sectionId);
    if (filter.sourceId) query = query.where('a.source_id', '=', filter.sourceId);
    if (filter.topicId) {
      const topicId = filter.topicId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('article_topic as at')
            .select('at.article_id')
            .whereRef('at.article_id', '=', 'a.id')
            .where('at.topic_id', '=', topicId),
        ),
      );
    }
    if (filter.before) {
      const { publishedAt, id } = filter.before;
      query = query.where((eb) =>
        eb.or([
          eb('a.published_at', '<', publishedAt),
          eb.and([eb('a.published_at', '=', publishedAt), eb('a.id', '<', id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(filter.limit)
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map(toSummary);
  }

  /** Stories published in [since, now] (in one section, if given), highest editorial priority first, then newest. */
  async byPriority(since: string, now: string, limit: number, sectionId?: string): Promise<ArticleSummary[]> {
    let query = selectSummaries(this.db, now).where('a.published_at', '>=', since);
    if (sectionId) query = query.where('a.section_id', '=', sectionId);
    const rows = await query
      .orderBy('a.priority', 'desc')
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }

  /** The visible ones of `ids`, in the order given. */
  async summariesByIds(ids: string[], now: string): Promise<ArticleSummary[]> {
    if (!ids.length) return [];
    const rows = await selectSummaries(this.db, now).where('a.id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async countPublished(): Promise<number> {
    const row = await this.db
      .selectFrom('article')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async revisions(articleId: string) {
    return this.db
      .selectFrom('revision')
      .select(['revision', 'created_at', 'snapshot', 'author_id'])
      .where('article_id', '=', articleId)
      .orderBy('revision')
      .execute();
  }
}

/** The editorial fields a revision keeps: everything a reader or editor could see change. */
function snapshotOf(write: ArticleWrite) {
  const { terms: _terms, ...editorial } = write;
  return editorial;
}

/** The columns a save writes, whether it inserts or updates. */
type ArticleRow = Omit<Insertable<ArticleTable>, 'id' | 'slug' | 'created_at' | 'created_by'> & { revision: number };

type ExistingArticle = Pick<Selectable<ArticleTable>, 'slug' | 'revision' | 'content_hash' | 'first_published_at'>;

/** Ids per `IN (…)` list and slug bases per lookup: well under every engine's parameter limit. */
const ID_CHUNK = 1_000;
const SLUG_CHUNK = 500;

/**
 * The batch as rounds in which no id repeats (positions into `writes`): the first copy of every id, then the
 * second copies, and so on, so a later copy is written after, and over, the earlier one.
 */
function roundsOfDistinctIds(writes: ArticleWrite[]): number[][] {
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  writes.forEach((write, i) => {
    const round = seen.get(write.id) ?? 0;
    seen.set(write.id, round + 1);
    (rounds[round] ??= []).push(i);
  });
  return rounds;
}

async function insertRows<T extends 'article' | 'article_topic' | 'article_author' | 'revision'>(
  trx: Transaction<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
) {
  await insertRecords(trx, table, rows);
}

function hashContent(snapshot: string): string {
  return createHash('sha256').update(snapshot).digest('base64url');
}
