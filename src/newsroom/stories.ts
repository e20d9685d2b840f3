/**
 * The newsroom's story desk: create and edit stories with optimistic locking, move them through the workflow,
 * keep revisions with their authors, record updates and corrections publicly, autosave editors' work, and release
 * scheduled stories when due. Every transition goes to the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { ArticleInput, ArticleStatus } from '../domain/article.js';
import type { Clock } from '../domain/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { surrogateKeys } from '../domain/surrogate-keys.js';
import type { Curation } from '../curation/index.js';
import type { ArticleWrite, EditableArticle, Store } from '../store/index.js';
import type { Actor } from './accounts.js';
import type { AuditTrail } from './audit-trail.js';
import type { NewsEvents } from './news-events.js';
import { prepareArticle } from './prepare-article.js';
import { type FieldDiff, type RevisionContent, diffRevisions } from './revision-diff.js';
import { can } from './roles.js';
import { type StoryAction, type TransitionPlan, mayEdit, planScheduledRelease, planTransition } from './workflow.js';

/** The fields an editor edits; workflow fields (status, times) move only through transitions. */
export type StoryContent = Pick<
  ArticleInput,
  'headline' | 'standfirst' | 'bodyHtml' | 'dateline' | 'byline' | 'source' | 'section' | 'topics' | 'language' | 'priority' | 'embargoUntil' | 'image'
>;

export const changeKinds = ['minor', 'update', 'correction'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export interface SaveRequest {
  content: StoryContent;
  /** The revision the editor started from; a save based on an older one is a conflict. */
  baseRevision: number;
  /** For a published story: a minor fix keeps the public Updated time, an update or a correction moves it. */
  changeKind?: ChangeKind;
  /** Required for a correction: shown on the article page. */
  note?: string;
}

export const MAX_CORRECTION_NOTE = 1_000;

export class Stories {
  constructor(
    private readonly store: Store,
    private readonly curation: Curation,
    private readonly clock: Clock,
    private readonly events: NewsEvents,
    private readonly auditTrail: AuditTrail,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  async get(id: string): Promise<EditableArticle> {
    const story = await this.store.articles.findForEdit(id);
    if (!story) throw new NotFoundError(`no story ${id}`, { id });
    return story;
  }

  async create(actor: Actor, content: StoryContent): Promise<EditableArticle> {
    if (!can(actor.role, 'story.create')) throw new ForbiddenError(`a ${actor.role} may not write stories`);
    const id = randomUUID();
    const write = this.prepare(id, content, { status: 'draft', publishedAt: null, scheduledAt: null, updatedAt: this.now() });
    await this.store.transaction((trx) => this.store.articles.saveIn(trx, write, { now: this.now(), authorId: actor.id }));
    await this.audit(actor, 'story.create', id, {});
    return this.get(id);
  }

  async save(actor: Actor, id: string, request: SaveRequest): Promise<EditableArticle> {
    const story = await this.get(id);
    if (!mayEdit(actor, story)) throw new ForbiddenError(`a ${actor.role} may not edit this ${story.status} story`);
    if (story.revision !== request.baseRevision) {
      throw new ConflictError('someone else saved this story after you opened it; compare and merge your changes', {
        currentRevision: story.revision,
        yourRevision: request.baseRevision,
        changes: await this.diffSince(id, request.baseRevision, story.revision),
      });
    }
    const published = story.status === 'published';
    const kind = published ? requireChangeKind(request) : null;
    const movesUpdatedTime = !published || kind !== 'minor';
    const write = this.prepare(id, request.content, {
      status: story.status,
      publishedAt: story.publishedAt,
      scheduledAt: story.scheduledAt,
      updatedAt: movesUpdatedTime ? this.now() : story.updatedAt,
    });
    const revision = story.revision + 1;
    const outcome = await this.store.transaction(async (trx) => {
      const result = await this.store.articles.saveIn(trx, write, { now: this.now(), authorId: actor.id, expectedRevision: request.baseRevision });
      if (result !== 'unchanged' && (kind === 'update' || kind === 'correction')) {
        await this.store.articles.addChange(trx, { articleId: id, revision, kind, note: request.note?.trim() || null, at: this.now() });
      }
      return result;
    });
    await this.store.autosaves.delete(id, actor.id);
    if (outcome !== 'unchanged') {
      await this.audit(actor, kind ? `story.save.${kind}` : 'story.save', id, { revision });
      if (published) await this.announce(story, id);
    }
    return this.get(id);
  }

  async transition(actor: Actor, id: string, action: StoryAction, at?: string | null): Promise<EditableArticle> {
    const story = await this.get(id);
    const plan = planTransition(story, action, actor, this.now(), at ?? null);
    await this.apply(story, plan, actor.id);
    await this.audit(actor, `story.${action}`, id, { from: story.status, to: plan.status, ...(plan.scheduledAt ? { at: plan.scheduledAt } : {}) });
    return this.get(id);
  }

  /** Publishes every scheduled story whose time has come, including any whose moment passed while Newsdesk was down. */
  async releaseDue(): Promise<string[]> {
    const due = await this.store.articles.dueForPublishing(this.now());
    for (const id of due) {
      const story = await this.get(id);
      await this.apply(story, planScheduledRelease(story, story.scheduledAt ?? this.now()), null);
      await this.audit(null, 'story.release', id, { scheduledAt: story.scheduledAt });
    }
    return due;
  }

  async revisions(id: string) {
    await this.get(id);
    return (await this.store.articles.revisions(id)).map((r) => ({ revision: r.revision, createdAt: r.created_at, authorId: r.author_id }));
  }

  async diff(id: string, fromRevision: number, toRevision: number): Promise<FieldDiff[]> {
    return this.diffSince(id, fromRevision, toRevision);
  }

  /** Brings back an old revision's content as a new revision (nothing is ever overwritten). */
  async restore(actor: Actor, id: string, revision: number, baseRevision: number): Promise<EditableArticle> {
    const old = await this.store.articles.revision(id, revision);
    if (!old) throw new NotFoundError(`story ${id} has no revision ${revision}`);
    const snapshot = JSON.parse(old.snapshot) as ArticleWrite;
    const story = await this.get(id);
    return this.save(actor, id, {
      baseRevision,
      changeKind: story.status === 'published' ? 'update' : undefined,
      content: {
        headline: snapshot.headline,
        standfirst: snapshot.standfirst,
        bodyHtml: snapshot.bodyHtml,
        dateline: snapshot.dateline,
        byline: snapshot.byline,
        source: snapshot.source,
        section: snapshot.section,
        topics: snapshot.topics,
        language: snapshot.language,
        priority: snapshot.priority,
        embargoUntil: snapshot.embargoUntil,
        image: snapshot.image,
      },
    });
  }

  async autosave(actor: Actor, id: string, baseRevision: number, content: Record<string, unknown>): Promise<string> {
    const story = await this.get(id);
    if (!mayEdit(actor, story)) throw new ForbiddenError(`a ${actor.role} may not edit this ${story.status} story`);
    const savedAt = this.now();
    await this.store.autosaves.put({ articleId: id, userId: actor.id, baseRevision, content, savedAt });
    return savedAt;
  }

  autosaved(actor: Actor, id: string) {
    return this.store.autosaves.get(id, actor.id);
  }

  private prepare(
    id: string,
    content: StoryContent,
    workflow: { status: ArticleStatus; publishedAt: string | null; scheduledAt: string | null; updatedAt: string },
  ): ArticleWrite {
    if (!content || typeof content !== 'object') throw new ValidationError('content must be an object');
    return prepareArticle(
      { ...pickContent(content), id, ...workflow },
      { now: this.clock.now(), newId: () => id },
    );
  }

  private async apply(story: EditableArticle, plan: TransitionPlan, authorId: string | null) {
    const now = this.now();
    const becomesPublic = plan.status === 'published' && story.status !== 'published';
    const write = this.prepare(story.id, contentOf(story), {
      ...plan,
      updatedAt: becomesPublic && !story.firstPublishedAt ? (plan.publishedAt ?? now) : story.updatedAt,
    });
    await this.store.transaction((trx) => this.store.articles.saveIn(trx, write, { now, authorId, expectedRevision: story.revision }));
    if (plan.status === 'published' || story.status === 'published') await this.announce(story, story.id);
  }

  /** Relates a story that is or was public and tells the site which pages to drop. */
  private async announce(story: EditableArticle, id: string) {
    await this.curation.refreshRelated([id]);
    this.events.emit({
      articleIds: [id],
      keys: [
        surrogateKeys.home,
        surrogateKeys.rail,
        surrogateKeys.article(id),
        surrogateKeys.section(story.section.id),
        ...story.topics.map((t) => surrogateKeys.topic(t.id)),
        ...(story.source ? [surrogateKeys.source(story.source.id)] : []),
      ],
    });
  }

  private async diffSince(id: string, fromRevision: number, toRevision: number): Promise<FieldDiff[]> {
    const [before, after] = await Promise.all([this.store.articles.revision(id, fromRevision), this.store.articles.revision(id, toRevision)]);
    if (!before || !after) throw new NotFoundError(`story ${id} has no revision ${before ? toRevision : fromRevision}`);
    return diffRevisions(JSON.parse(before.snapshot) as RevisionContent, JSON.parse(after.snapshot) as RevisionContent);
  }

  private audit(actor: Actor | null, action: string, id: string, details: Record<string, unknown>) {
    return this.auditTrail.record(actor?.id ?? null, action, { type: 'story', id }, details);
  }
}

function requireChangeKind(request: SaveRequest): ChangeKind {
  const kind = request.changeKind;
  if (!kind || !(changeKinds as readonly string[]).includes(kind)) {
    throw new ValidationError('this story is published: say whether the change is a minor fix, an update or a correction', {
      field: 'changeKind',
    });
  }
  if (kind === 'correction') {
    const note = request.note?.trim() ?? '';
    if (!note) throw new ValidationError('a correction needs a note saying what was wrong', { field: 'note' });
    if (note.length > MAX_CORRECTION_NOTE) throw new ValidationError(`the note is longer than ${MAX_CORRECTION_NOTE} characters`, { field: 'note' });
  }
  return kind;
}

function pickContent(content: StoryContent): StoryContent {
  const { headline, standfirst, bodyHtml, dateline, byline, source, section, topics, language, priority, embargoUntil, image } = content;
  return { headline, standfirst, bodyHtml, dateline, byline, source, section, topics, language, priority, embargoUntil, image };
}

function contentOf(story: EditableArticle): StoryContent {
  return {
    headline: story.headline,
    standfirst: story.standfirst,
    bodyHtml: story.bodyHtml,
    dateline: story.dateline,
    byline: story.byline,
    source: story.source?.name ?? null,
    section: story.section.name,
    topics: story.topics.map((t) => t.name),
    language: story.language,
    priority: story.priority,
    embargoUntil: story.embargoUntil,
    image: story.image && { url: story.image.url, width: story.image.width, height: story.image.height, alt: story.image.alt, caption: story.image.caption, credit: story.image.credit },
  };
}
