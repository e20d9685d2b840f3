/** Articles: the transactional write of a story with its taxonomy, revision and terms, and every read by key or list. */
import { createHash } from 'node:crypto';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Article, ArticleStatus, ArticleSummary, Image } from '../domain/article.js';
import { ConflictError } from '../domain/errors.js';
import { slugify } from '../domain/slug.js';
import type { Database } from './schema.js';
import { selectArticles, selectSummaries, toSummary } from './summaries.js';
import { TaxonomyRepository } from './taxonomy-repository.js';

export interface WeightedTerm {
  term: string;
  weight: number;
}

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

  /** Writes one story in its own transaction; see `saveIn` for the steps. */
  async save(write: ArticleWrite, context: SaveContext): Promise<SaveOutcome> {
    return this.db.transaction().execute((trx) => this.saveIn(trx, write, context));
  }

  /**
   * Inserts or updates a story inside `trx`: identical content changes nothing; changed content becomes the next
   * revision, keeps the article's slug (its URL is permanent) and re-indexes its terms.
   */
  async saveIn(trx: Transaction<Database>, write: ArticleWrite, context: SaveContext): Promise<SaveOutcome> {
    const { now } = context;
    const contentHash = hashContent(write);
    const existing = await trx
      .selectFrom('article')
      .select(['slug', 'revision', 'content_hash', 'first_published_at', 'created_at'])
      .where('id', '=', write.id)
      .executeTakeFirst();
    if (context.expectedRevision !== undefined && (existing?.revision ?? 0) !== context.expectedRevision) {
      throw new ConflictError('the story changed since it was read', { currentRevision: existing?.revision ?? 0 });
    }
    if (existing?.content_hash === contentHash) return 'unchanged';

    const sectionId = await this.taxonomy.ensureSection(trx, write.section);
    const sourceId = write.source ? await this.taxonomy.ensureSource(trx, write.source) : null;
    const imageId = write.image ? await this.taxonomy.ensureImage(trx, write.image) : null;
    const revision = (existing?.revision ?? 0) + 1;
    const firstPublishedAt =
      existing?.first_published_at ?? (write.status === 'published' ? write.publishedAt : null);
    const row = {
      headline: write.headline,
      standfirst: write.standfirst,
      body_html: write.bodyHtml,
      dateline: write.dateline,
      byline: write.byline,
      source_id: sourceId,
      section_id: sectionId,
      image_id: imageId,
      language: write.language,
      status: write.status,
      priority: write.priority,
      first_published_at: firstPublishedAt,
      published_at: write.publishedAt,
      updated_at: write.updatedAt,
      revision,
      content_hash: contentHash,
      scheduled_at: write.scheduledAt,
      embargo_until: write.embargoUntil,
    };

    if (existing) {
      // Compare-and-set on the revision, so two writers racing from the same revision cannot both win.
      const result = await trx
        .updateTable('article')
        .set(row)
        .where('id', '=', write.id)
        .where('revision', '=', existing.revision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new ConflictError('the story changed while it was being saved', { currentRevision: existing.revision + 1 });
      }
      await trx.deleteFrom('article_topic').where('article_id', '=', write.id).execute();
      await trx.deleteFrom('article_author').where('article_id', '=', write.id).execute();
      await this.removeTerms(trx, write.id);
    } else {
      const slug = await this.uniqueSlug(trx, slugify(write.headline) || 'story');
      await trx
        .insertInto('article')
        .values({ id: write.id, slug, created_at: now, created_by: context.authorId ?? null, ...row })
        .execute();
    }

    const topicIds = await this.taxonomy.ensureTopics(trx, write.topics);
    if (topicIds.length) {
      await trx
        .insertInto('article_topic')
        .values(topicIds.map((topicId, position) => ({ article_id: write.id, topic_id: topicId, position })))
        .execute();
    }
    const authorIds = await this.taxonomy.ensureAuthors(trx, write.authors);
    if (authorIds.length) {
      await trx
        .insertInto('article_author')
        .values(authorIds.map((authorId, position) => ({ article_id: write.id, author_id: authorId, position })))
        .execute();
    }
    await this.addTerms(trx, write.id, write.terms);
    await trx
      .insertInto('relate_queue')
      .values({ article_id: write.id, queued_at: now })
      .onConflict((oc) => oc.column('article_id').doNothing())
      .execute();
    await trx
      .insertInto('revision')
      .values({
        article_id: write.id,
        revision,
        created_at: now,
        snapshot: JSON.stringify(snapshotOf(write)),
        author_id: context.authorId ?? null,
      })
      .execute();
    return existing ? 'updated' : 'added';
  }

  private async uniqueSlug(trx: Transaction<Database>, base: string): Promise<string> {
    // `base` and `base-…`, as a range the slug index can answer ('.' sorts right after '-'); LIKE could not use it.
    const taken = new Set(
      (
        await trx
          .selectFrom('article')
          .select('slug')
          .where((eb) => eb.or([eb('slug', '=', base), eb.and([eb('slug', '>=', `${base}-`), eb('slug', '<', `${base}.`)])]))
          .execute()
      ).map((r) => r.slug),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  private async addTerms(trx: Transaction<Database>, articleId: string, terms: WeightedTerm[]) {
    if (!terms.length) return;
    await trx
      .insertInto('article_term')
      .values(terms.map((t) => ({ article_id: articleId, term: t.term, weight: t.weight })))
      .execute();
    await trx
      .insertInto('term_stat')
      .values(terms.map((t) => ({ term: t.term, df: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql`term_stat.df + 1` }))
      .execute();
  }

  private async removeTerms(trx: Transaction<Database>, articleId: string) {
    const old = await trx.selectFrom('article_term').select('term').where('article_id', '=', articleId).execute();
    if (!old.length) return;
    await trx
      .updateTable('term_stat')
      .set({ df: sql`df - 1` })
      .where(
        'term',
        'in',
        old.map((r) => r.term),
      )
      .execute();
    await trx.deleteFrom('article_term').where('article_id', '=', articleId).execute();
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

function hashContent(write: ArticleWrite): string {
  return createHash('sha256').update(JSON.stringify(snapshotOf(write))).digest('base64url');
}
