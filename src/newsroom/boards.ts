/**
 * Curation boards: editors order and pin Today's Top News and tune how the rest is ranked, pin or hide Hot Topics
 * (site-wide or per section), and keep collections such as Editor's Picks, with expiry. Each change is audited and reaches the site at once.
 */
import type { Clock } from '../domain/clock.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { surrogateKeys } from '../domain/surrogate-keys.js';
import {
  ALL_SECTIONS,
  type Curation,
  HOT_TOPICS_BOARD,
  type Readership,
  TOP_NEWS_BOARD,
  type TopNewsSettings,
  TopNewsSettingsError,
  explainRank,
} from '../curation/index.js';
import type { BoardEntry, Store } from '../store/index.js';
import type { Actor } from './accounts.js';
import type { AuditTrail } from './audit-trail.js';
import type { NewsEvents } from './news-events.js';
import { parseTime } from './prepare-article.js';

export const MAX_BOARD_ENTRIES = 50;

export interface BoardChange {
  pinned?: unknown;
  hidden?: unknown;
}

export class Boards {
  constructor(
    private readonly store: Store,
    private readonly curation: Curation,
    private readonly readership: Readership,
    private readonly clock: Clock,
    private readonly events: NewsEvents,
    private readonly auditTrail: AuditTrail,
  ) {}

  /** Today's Top News as readers see it now, and the board behind it. */
  async topNews(timeZone: string, sectionId?: string) {
    const now = this.clock.now();
    const scope = await this.scope(sectionId);
    const entries = await this.store.boards.entries(TOP_NEWS_BOARD, scope, now.toISOString());
    const ranked = await this.curation.topNewsRanked(now, timeZone, 12, scope === ALL_SECTIONS ? undefined : scope);
    return {
      scope,
      list: ranked.map((entry) => entry.story),
      ranking: ranked.map((entry) => ({
        id: entry.story.id,
        pinned: entry.pinned,
        reads: entry.reads,
        why: entry.pinned ? 'pinned' : entry.factors ? explainRank({ ...entry.story, source: entry.story.source?.name ?? null, reads: entry.reads }, entry.factors) : 'newest story, filling a quiet day',
      })),
      settings: await this.curation.topNewsSettings(),
      pinned: entries.filter((e) => e.action === 'pin'),
      hidden: entries.filter((e) => e.action === 'hide'),
    };
  }

  /** Changes how Top News ranks the day's stories (freshness half-life, readership and source weights). */
  async setTopNewsSettings(actor: Actor, value: unknown): Promise<TopNewsSettings> {
    let settings: TopNewsSettings;
    try {
      settings = await this.curation.saveTopNewsSettings(value);
    } catch (error) {
      if (error instanceof TopNewsSettingsError) throw new ValidationError(error.message, { field: error.field });
      throw error;
    }
    await this.changed(actor, 'top-news-settings', ALL_SECTIONS, [settings]);
    return settings;
  }

  async setTopNews(actor: Actor, change: BoardChange, sectionId?: string) {
    const scope = await this.scope(sectionId);
    const entries = boardEntries(change);
    const ids = entries.map((e) => e.itemId);
    const known = await this.store.articles.summariesByIds(ids, '9999-12-31T23:59:59.999Z');
    const unknown = ids.filter((id) => !known.some((k) => k.id === id));
    if (unknown.length) throw new ValidationError(`no published stories ${unknown.join(', ')}`, { field: 'pinned' });
    await this.store.boards.replace(TOP_NEWS_BOARD, scope, entries);
    await this.changed(actor, TOP_NEWS_BOARD, scope, entries);
  }

  /** Hot Topics as readers see them now, why each is there, and the editors' pins, hides, renames and merges. */
  async hotTopics() {
    const now = this.clock.now();
    const entries = await this.store.boards.entries(HOT_TOPICS_BOARD, ALL_SECTIONS, now.toISOString());
    const [ranked, names] = await Promise.all([this.curation.hotTopicsRanked(now, 12), this.curation.topicNames()]);
    return {
      list: await this.curation.hotTopicsFilled(ranked, now, 12),
      why: Object.fromEntries(ranked.map((t) => [t.key, t.pinned ? 'pinned' : t.explanation.text])),
      names,
      pinned: entries.filter((e) => e.action === 'pin'),
      hidden: entries.filter((e) => e.action === 'hide'),
    };
  }

  /** Gives a topic the name editors want shown; an empty name goes back to the one found in the news. */
  async renameTopic(actor: Actor, change: { key?: unknown; label?: unknown }) {
    const key = topicKeyOf(change.key, 'key');
    if (typeof change.label !== 'string') throw new ValidationError('label must be text', { field: 'label' });
    const names = await this.curation.topicNames();
    const renamed = { ...names.renamed };
    if (change.label.trim()) renamed[key] = change.label.trim();
    else delete renamed[key];
    await this.curation.saveTopicNames({ ...names, renamed });
    await this.changed(actor, 'hot-topic-names', ALL_SECTIONS, [{ key, label: change.label.trim() }]);
  }

  /** Counts one topic as another from now on (`into` null undoes it). */
  async mergeTopic(actor: Actor, change: { key?: unknown; into?: unknown }) {
    const key = topicKeyOf(change.key, 'key');
    const into = change.into === null ? null : topicKeyOf(change.into, 'into');
    if (into === key) throw new ValidationError('a topic cannot be merged into itself', { field: 'into' });
    const names = await this.curation.topicNames();
    const merged = { ...names.merged };
    if (into) {
      if (merged[into] === key) throw new ValidationError(`${into} is already merged into ${key}`, { field: 'into' });
      merged[key] = into;
    } else delete merged[key];
    await this.curation.saveTopicNames({ ...names, merged });
    await this.changed(actor, 'hot-topic-names', ALL_SECTIONS, [{ key, into }]);
  }

  async setHotTopics(actor: Actor, change: BoardChange) {
    const entries = boardEntries(change);
    for (const e of entries) topicKeyOf(e.itemId, 'pinned');
    await this.store.boards.replace(HOT_TOPICS_BOARD, ALL_SECTIONS, entries);
    await this.changed(actor, HOT_TOPICS_BOARD, ALL_SECTIONS, entries);
  }

  /** A story's Related Stories as stored (editors' pins first), and the editors' pins and exclusions on it. */
  async related(articleId: string) {
    const now = this.clock.now().toISOString();
    const overrides = await this.curation.relatedOverrides(articleId);
    const [list, pinned, excluded] = await Promise.all([
      this.store.related.relatedOf(articleId, now, 12),
      this.store.articles.summariesByIds(overrides.pinned, now),
      this.store.articles.summariesByIds(overrides.excluded, now),
    ]);
    return { list, pinned, excluded };
  }

  /** Pins stories to the top of a story's Related Stories and excludes others; its list is recomputed at once. */
  async setRelated(actor: Actor, articleId: string, change: { pinned?: unknown; excluded?: unknown }) {
    if (!(await this.store.articles.findForEdit(articleId))) throw new NotFoundError(`no story ${articleId}`);
    const pinned = ids(change.pinned, 'pinned');
    const excluded = ids(change.excluded, 'excluded');
    if (pinned.some((id) => excluded.includes(id))) throw new ValidationError('a story cannot be both pinned and excluded', { field: 'excluded' });
    const known = await this.store.articles.summariesByIds([...pinned, ...excluded], '9999-12-31T23:59:59.999Z');
    const unknown = [...pinned, ...excluded].filter((id) => !known.some((k) => k.id === id));
    if (unknown.length) throw new ValidationError(`no published stories ${unknown.join(', ')}`, { field: pinned.includes(unknown[0]!) ? 'pinned' : 'excluded' });
    await this.curation.setRelatedOverrides(articleId, { pinned, excluded });
    await this.auditTrail.record(actor.id, 'related.update', { type: 'story', id: articleId }, { pinned, excluded });
    this.events.emit({ articleIds: [articleId], keys: [surrogateKeys.article(articleId)] });
  }

  /** Pins one more story, named by its id or its address on the site, to a story's Related Stories. */
  async pinRelated(actor: Actor, articleId: string, change: { story?: unknown }) {
    if (typeof change.story !== 'string' || !change.story.trim()) throw new ValidationError('name a story by its address or id', { field: 'story' });
    const ref = change.story.trim();
    const slug = ref.includes('/') ? decodeURIComponent(new URL(ref, 'http://site.invalid').pathname.split('/').filter(Boolean).at(-1) ?? '') : null;
    const found = slug ? await this.store.articles.findBySlug(slug, '9999-12-31T23:59:59.999Z') : null;
    const id = found?.id ?? ref;
    const current = await this.curation.relatedOverrides(articleId);
    await this.setRelated(actor, articleId, { pinned: [...current.pinned.filter((p) => p !== id), id], excluded: current.excluded.filter((e) => e !== id) });
  }

  /** Whether the site shows Most Read, and what it would show now (the last 24 hours). */
  async mostRead() {
    return { shown: await this.curation.showsMostRead(), list: await this.readership.mostRead(this.clock.now(), 24, 10) };
  }

  async setMostRead(actor: Actor, change: { shown?: unknown }) {
    if (typeof change.shown !== 'boolean') throw new ValidationError('shown must be true or false', { field: 'shown' });
    await this.curation.setShowsMostRead(change.shown);
    await this.changed(actor, 'most-read', ALL_SECTIONS, [{ shown: change.shown }]);
  }

  async collection(slug: string) {
    return this.store.collections.items(slug, this.clock.now().toISOString(), MAX_BOARD_ENTRIES);
  }

  async setCollection(actor: Actor, slug: string, input: { name?: unknown; items?: unknown }) {
    const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim() : null;
    if (!name) throw new ValidationError('name is required', { field: 'name' });
    const items = pins(input.items, 'items').map((e) => ({ articleId: e.itemId, expiresAt: e.expiresAt }));
    await this.store.collections.put({ slug, name }, items);
    await this.changed(actor, 'collection', slug, items);
  }

  private async scope(sectionId: string | undefined): Promise<string> {
    if (!sectionId || sectionId === ALL_SECTIONS) return ALL_SECTIONS;
    const section = await this.store.taxonomy.sectionBySlug(sectionId);
    if (!section) throw new NotFoundError(`no section ${sectionId}`);
    return section.id;
  }

  private async changed(actor: Actor, board: string, scope: string, entries: unknown[]) {
    await this.auditTrail.record(actor.id, 'board.update', { type: 'board', id: `${board}:${scope}` }, { entries });
    this.events.emit({ articleIds: [], keys: [surrogateKeys.rail, surrogateKeys.home] });
  }
}

/** `{pinned: [{id, expiresAt?}], hidden: [id]}` as board entries, pins first in the order given. */
function boardEntries(change: BoardChange): BoardEntry[] {
  const pinned = pins(change.pinned, 'pinned');
  const hidden = ids(change.hidden, 'hidden').map((itemId): BoardEntry => ({ itemId, action: 'hide', expiresAt: null }));
  const all = [...pinned, ...hidden];
  if (new Set(all.map((e) => e.itemId)).size !== all.length) throw new ValidationError('an item cannot be both pinned and hidden, or listed twice');
  if (all.length > MAX_BOARD_ENTRIES) throw new ValidationError(`a board holds at most ${MAX_BOARD_ENTRIES} entries`);
  return all;
}

function pins(value: unknown, field: string): BoardEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ValidationError(`${field} must be a list`, { field });
  return value.map((item): BoardEntry => {
    const entry = typeof item === 'string' ? { id: item } : (item as { id?: unknown; expiresAt?: unknown });
    if (!entry || typeof entry.id !== 'string' || !entry.id) throw new ValidationError(`each of ${field} needs an id`, { field });
    return { itemId: entry.id, action: 'pin', expiresAt: parseTime(entry.expiresAt ?? null, 'expiresAt') };
  });
}

function ids(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v)) {
    throw new ValidationError(`${field} must be a list of ids`, { field });
  }
  return value as string[];
}

/** A topic key as Hot Topics gives it (HotTopic.key), at most 200 characters. */
function topicKeyOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim() || value.length > 200) throw new ValidationError(`${field} must name a topic`, { field });
  return value.trim();
}
