/**
 * Curation: the lists around a story (Related Stories, Today's Top News, Hot Topics, Editor's Picks). This is the
 * seam the reader site calls; the rules behind each list live in pure modules beside it and can be replaced
 * without the site noticing. Related lists are computed when the news changes (`refreshRelated`), never per request.
 */
import type { Article, ArticleSummary } from '../domain/article.js';
import { startOfEditionDay } from '../domain/edition.js';
import type { Clock } from '../domain/clock.js';
import type { RelatedEntry, RelatedOverrides, Store, TopicCount } from '../store/index.js';
import { HOT_TOPICS_BOARD, HotTopicsIndex, type RankedTopic, type TopicNames } from './hot-topics.js';
import { fillUp, spreadAcrossSections } from './lists.js';
import { hourOf } from './readership.js';
import { type RelateOn, relateMany, relatesInParallel } from './bulk-relate.js';
import { TermIndex } from './term-index.js';
import { type TopNewsFactors, type TopNewsSettings, defaultTopNewsSettings, parseTopNewsSettings, rankTopNews } from './top-news.js';
import { type RelatedResult, type RelatedSettings, defaultRelatedSettings, relateOne } from './related.js';
import { type ThreadSettings, chooseThread, defaultThreadSettings } from './threads.js';

export { type RelateOn, relateOnChoices } from './bulk-relate.js';
export { extractTerms } from './terms.js';
export { type RelatedSettings, defaultRelatedSettings } from './related.js';
export { type ThreadSettings, defaultThreadSettings } from './threads.js';
export { Readership, hourOf, isReader } from './readership.js';
export { HOT_TOPICS_BOARD, type RankedTopic, type TopicNames } from './hot-topics.js';
export { type TopNewsFactors, type TopNewsSettings, TopNewsSettingsError, defaultTopNewsSettings, explainRank, weightsToText } from './top-news.js';

const HOUR_MS = 3_600_000;
/** From this many stories on, relating reads the whole index into memory once instead of querying per story. */
const BULK_RELATE_THRESHOLD = 200;
const RELATED_WRITE_BATCH = 500;
/** Beyond this many changed threads (a bulk import), members are not looked up one thread at a time to announce. */
const MAX_THREADS_TO_ANNOUNCE = 200;
export const EDITORS_PICKS = 'editors-picks';
/** The collection of a section's own Editor's Picks. */
export const sectionPicksSlug = (sectionId: string) => `${EDITORS_PICKS}-${sectionId}`;
export const TOP_NEWS_BOARD = 'top-news';
/** The board scope that applies to the whole site rather than one section. */
export const ALL_SECTIONS = 'all';
const TOP_NEWS_SETTINGS_KEY = 'curation.topNews';
const MOST_READ_SETTING_KEY = 'curation.rail.mostRead';
/** How many of the day's stories Top News ranks; on a busier day the lowest priorities are left out first. */
const TOP_NEWS_CANDIDATES = 300;

export interface TopNewsEntry {
  story: ArticleSummary;
  pinned: boolean;
  /** Reads counted today. */
  reads: number;
  /** Why it ranks where it does; null for a pinned story or a quiet day's filler. */
  factors: TopNewsFactors | null;
}

export interface ListSizes {
  related: number;
  topNews: number;
  hotTopics: number;
  editorsPicks: number;
  mostRead: number;
}

export interface StoryThread {
  id: string;
  /** The thread's stories, oldest first. */
  timeline: ArticleSummary[];
}

export interface CurationHooks {
  /**
   * Called after related lists or threads changed, with every article whose page shows something new (its own
   * list, a list it was added to or dropped from, its thread): the composition root turns it into page keys.
   */
  onChange?: (change: { articleIds: string[] }) => void;
  /** Stamps thread membership; the system clock when not given. */
  clock?: Clock;
}

export const defaultListSizes: ListSizes = { related: 5, topNews: 8, hotTopics: 8, editorsPicks: 6, mostRead: 5 };

export class Curation {
  private hotIndex: HotTopicsIndex | null = null;

  constructor(
    private readonly store: Store,
    private readonly relatedSettings: RelatedSettings = defaultRelatedSettings,
    private readonly hooks: CurationHooks = {},
    private readonly threadSettings: ThreadSettings = defaultThreadSettings,
  ) {}

  private now(): Date {
    return this.hooks.clock?.now() ?? new Date();
  }

  /**
   * Recomputes and stores the related lists of `articleIds`, then of the stories whose lists they now appear in or
   * appeared in before (one level: a story's change reaches the lists that show it), applies the editors' pins
   * and exclusions, and places `articleIds` in story threads. A few stories are related one query at a time; many
   * (a bulk import) against an in-memory copy of the index. Tells `onChange` which pages now show something new.
   */
  async refreshRelated(articleIds: Iterable<string>, onProgress?: (done: number) => void, relateOn?: RelateOn): Promise<void> {
    const ids = [...new Set(articleIds)];
    if (!ids.length) return;
    const totalDocs = await this.store.articles.countPublished();
    const index = ids.length >= BULK_RELATE_THRESHOLD ? await this.loadTermIndex() : null;
    const relate = async (batch: string[], progress?: (done: number) => void, alongside?: () => Promise<void>) => {
      if (index) {
        const parallel = relatesInParallel(batch.length, relateOn);
        return relateMany(index, batch, totalDocs, this.relatedSettings, { parallel, onProgress: progress, alongside });
      }
      await alongside?.();
      const related = new Map<string, RelatedResult | null>();
      for (const id of batch) {
        related.set(id, await relateOne(this.store.related, id, totalDocs, this.relatedSettings));
        progress?.(related.size);
      }
      return related;
    };
    const listedBefore = await this.store.related.listing(ids);
    // The stories' topics are indexed while a worker, if one helps, starts relating.
    const results = await relate(ids, onProgress, () => this.indexTopics(ids));
    const inBatch = new Set(ids);
    const reverse = new Set(listedBefore.filter((id) => !inBatch.has(id)));
    for (const result of results.values()) for (const e of result?.entries ?? []) if (!inBatch.has(e.relatedId)) reverse.add(e.relatedId);
    for (const [id, result] of await relate([...reverse].sort())) results.set(id, result);

    const overrides = await this.store.related.overridesOf([...results.keys()]);
    let pending = new Map<string, RelatedEntry[]>();
    for (const [id, result] of results) {
      pending.set(id, withOverrides(result?.entries ?? [], overrides.get(id), this.relatedSettings.limit));
      if (pending.size >= RELATED_WRITE_BATCH) {
        await this.store.related.replaceMany(pending);
        pending = new Map();
      }
    }
    await this.store.related.replaceMany(pending);
    const threadMembers = await this.updateThreads(ids, results);
    this.hooks.onChange?.({ articleIds: [...new Set([...results.keys(), ...threadMembers])].sort() });
  }

  /**
   * Places each of `ids` in a story thread (`threads.ts`), oldest first so a thread grows in the order the story
   * developed; returns every member of the threads that changed.
   */
  private async updateThreads(ids: string[], results: Map<string, RelatedResult | null>): Promise<string[]> {
    const linked = ids.flatMap((id) => results.get(id)?.entries.map((e) => e.relatedId) ?? []);
    const threadOf = await this.store.threads.threadsOf([...new Set([...ids, ...linked])]);
    const changes = new Map<string, string | null>();
    const touched = new Set<string>();
    const set = (id: string, thread: string | null) => {
      const before = threadOf.get(id);
      if ((before ?? null) === thread) return;
      if (before) touched.add(before);
      if (thread) {
        threadOf.set(id, thread);
        touched.add(thread);
      } else threadOf.delete(id);
      changes.set(id, thread);
    };
    const byTime = [...ids].sort((a, b) => compareTimes(results.get(a)?.publishedAt, results.get(b)?.publishedAt) || (a < b ? -1 : 1));
    for (const id of byTime) {
      const result = results.get(id);
      const choice = result ? chooseThread(result.entries, (other) => threadOf.get(other), threadOf.get(id), this.threadSettings) : null;
      set(id, choice?.threadId ?? null);
      if (choice?.partner) set(choice.partner, choice.threadId);
    }
    await this.store.threads.assign(changes, this.now().toISOString());
    const members = new Set(changes.keys());
    if (touched.size <= MAX_THREADS_TO_ANNOUNCE) for (const thread of touched) for (const id of await this.store.threads.memberIds(thread)) members.add(id);
    return [...members];
  }

  /**
   * Sets an editor's pins (shown first, in order) and exclusions (never shown) on `articleId`'s Related Stories
   * and refreshes its stored list.
   */
  async setRelatedOverrides(articleId: string, overrides: RelatedOverrides): Promise<void> {
    const clean = (list: string[]) => [...new Set(list.map((id) => id.trim()).filter((id) => id && id !== articleId))];
    await this.store.related.setOverrides(articleId, { pinned: clean(overrides.pinned), excluded: clean(overrides.excluded) });
    await this.refreshRelated([articleId]);
  }

  /** The editors' pins and exclusions on `articleId`'s Related Stories. */
  async relatedOverrides(articleId: string): Promise<RelatedOverrides> {
    return (await this.store.related.overridesOf([articleId])).get(articleId) ?? { pinned: [], excluded: [] };
  }

  /**
   * "The story so far": the thread `articleId` belongs to, its stories visible at `now` oldest first; null when the
   * story is in no thread (or it has no other visible story).
   */
  async threadOf(articleId: string, now: Date, limit = 50): Promise<StoryThread | null> {
    const threadId = (await this.store.threads.threadsOf([articleId])).get(articleId);
    if (!threadId) return null;
    return this.thread(threadId, now, limit);
  }

  /** A story thread's visible stories, oldest first; null when it has fewer than two. */
  async thread(threadId: string, now: Date, limit = 50): Promise<StoryThread | null> {
    const timeline = await this.store.threads.timeline(threadId, now.toISOString(), limit);
    return timeline.length >= 2 ? { id: threadId, timeline } : null;
  }

  /**
   * Relates every story still queued (after an import, or one that a crash interrupted); returns how many.
   * `relateOn` says whether a worker thread may help with a big batch (`bulk-relate.ts`).
   */
  async relateQueued(onProgress?: (done: number, total: number) => void, relateOn?: RelateOn): Promise<number> {
    const ids = await this.store.related.queued(Number.MAX_SAFE_INTEGER);
    await this.refreshRelated(ids, (done) => onProgress?.(done, ids.length), relateOn);
    return ids.length;
  }

  private async loadTermIndex(): Promise<TermIndex> {
    const index = new TermIndex();
    for await (const page of this.store.related.allPostings()) for (const posting of page) index.add(posting);
    for (const candidate of await this.store.related.allCandidates()) index.describe(candidate);
    return index;
  }

  /**
   * The related stories a reader may see now, the most related chosen and then shown newest first (as news sites
   * list them, each with its time). When the stored list has too few visible entries (a story on the archive's
   * first day, or one whose related stories all came later), the newest stories on its first topic, then in its
   * section, fill it up.
   */
  async relatedFor(article: Article, now: Date, limit = defaultListSizes.related): Promise<ArticleSummary[]> {
    const at = now.toISOString();
    const related = await this.store.related.relatedOf(article.id, at, limit);
    if (related.length >= limit) return newestFirst(related);
    const { excluded } = await this.relatedOverrides(article.id);
    const fallbacks = [
      ...article.topics.slice(0, 1).map((topic) => ({ topicId: topic.id })),
      { sectionId: article.section.id },
    ];
    let filled = related;
    for (const filter of fallbacks) {
      if (filled.length >= limit) break;
      const sameSubject = await this.store.articles.list({ now: at, limit: limit * 2, ...filter });
      filled = fillUp(filled, sameSubject, limit, { exclude: [article.id, ...excluded] });
    }
    return newestFirst(filled);
  }

  /**
   * Today's Top News: the editors' pins in their order, then today's stories in the edition's zone ranked by
   * priority, freshness, today's reads and source (`top-news.ts`, with the editors' settings), less what editors
   * hid; the newest stories on a quiet day. Per section when given one.
   */
  async topNews(now: Date, timeZone: string, limit = defaultListSizes.topNews, sectionId?: string): Promise<ArticleSummary[]> {
    return (await this.topNewsRanked(now, timeZone, limit, sectionId)).map((entry) => entry.story);
  }

  /** Today's Top News with why each story is where it is: pinned, or its ranking factors (null for a quiet day's filler). */
  async topNewsRanked(now: Date, timeZone: string, limit = defaultListSizes.topNews, sectionId?: string): Promise<TopNewsEntry[]> {
    const at = now.toISOString();
    const board = await this.store.boards.entries(TOP_NEWS_BOARD, sectionId ?? ALL_SECTIONS, at);
    const hidden = new Set(board.filter((e) => e.action === 'hide').map((e) => e.itemId));
    const pinned = await this.store.articles.summariesByIds(board.filter((e) => e.action === 'pin').map((e) => e.itemId), at);
    const since = startOfEditionDay(now, timeZone);
    const today = await this.store.articles.byPriority(since.toISOString(), at, TOP_NEWS_CANDIDATES, sectionId);
    const [reads, settings] = await Promise.all([
      this.store.reads.totals(today.map((s) => s.id), hourOf(since), hourOf(now)),
      this.topNewsSettings(),
    ]);
    const byId = new Map(today.map((s) => [s.id, s]));
    const ranked = rankTopNews(
      today.map((s) => ({ id: s.id, priority: s.priority, publishedAt: s.publishedAt, updatedAt: s.updatedAt, source: s.source?.name ?? null, reads: reads.get(s.id) ?? 0 })),
      now,
      settings,
    ).map((r) => ({ story: byId.get(r.id)!, pinned: false, reads: reads.get(r.id) ?? 0, factors: r.factors }));
    const key = (e: TopNewsEntry) => e.story.id;
    const entries = fillUp(
      pinned.map((story) => ({ story, pinned: true, reads: reads.get(story.id) ?? 0, factors: null })),
      ranked,
      limit,
      { key, exclude: hidden },
    );
    if (entries.length >= limit) return entries;
    const newest = await this.store.articles.list({ now: at, limit: limit + hidden.size, ...(sectionId ? { sectionId } : {}) });
    return fillUp(entries, newest.map((story) => ({ story, pinned: false, reads: 0, factors: null })), limit, { key, exclude: hidden });
  }

  /** The editors' Top News settings, or the defaults when none (or none readable) are stored. */
  async topNewsSettings(): Promise<TopNewsSettings> {
    const stored = (await this.store.settings.all())[TOP_NEWS_SETTINGS_KEY];
    if (!stored) return defaultTopNewsSettings;
    try {
      return parseTopNewsSettings(JSON.parse(stored));
    } catch {
      return defaultTopNewsSettings;
    }
  }

  /** Whether the site's rail shows Most Read (editors switch it on where they want it). */
  async showsMostRead(): Promise<boolean> {
    return (await this.store.settings.all())[MOST_READ_SETTING_KEY] === 'true';
  }

  async setShowsMostRead(shown: boolean): Promise<void> {
    await this.store.settings.set({ [MOST_READ_SETTING_KEY]: String(shown) });
  }

  /** Checks and stores new Top News settings; throws `TopNewsSettingsError` naming the field at fault. */
  async saveTopNewsSettings(value: unknown): Promise<TopNewsSettings> {
    const settings = parseTopNewsSettings(value);
    await this.store.settings.set({ [TOP_NEWS_SETTINGS_KEY]: JSON.stringify(settings) });
    return settings;
  }

  /**
   * Hot Topics: the editors' pinned topics first, then the names and phrases whose coverage bursts above their own
   * baseline (`hot-topics.ts`), less what editors hid; on a quiet day (or before any story was indexed) the most
   * frequent editors' topics of the last 24 hours, then of the newest stories, fill the list.
   */
  async hotTopics(now: Date, limit = defaultListSizes.hotTopics): Promise<TopicCount[]> {
    return this.hotTopicsFilled(await this.hotTopicsRanked(now, limit), now, limit);
  }

  /** The reader's Hot Topics from an already ranked list (the boards page ranks once for both lists). */
  async hotTopicsFilled(rankedTopics: RankedTopic[], now: Date, limit = defaultListSizes.hotTopics): Promise<TopicCount[]> {
    const at = now.toISOString();
    const ranked = rankedTopics.slice(0, limit).map((t) => ({ topic: { id: t.key, slug: t.slug, name: t.label }, count: t.articleIds.length }));
    if (ranked.length >= limit) return ranked;
    const board = await this.store.boards.entries(HOT_TOPICS_BOARD, ALL_SECTIONS, at);
    const hidden = board.filter((e) => e.action === 'hide').map((e) => e.itemId);
    const key = (t: TopicCount) => t.topic.slug;
    const recent = await this.store.taxonomy.topicFrequencies(new Date(now.getTime() - 24 * HOUR_MS).toISOString(), at, limit + hidden.length);
    const filled = fillUp(ranked, recent, limit, { key, exclude: hidden });
    if (filled.length >= limit) return filled;
    const newest = await this.store.taxonomy.topicFrequenciesOfNewest(200, at, limit + hidden.length);
    return fillUp(filled, newest, limit, { key, exclude: hidden });
  }

  /** Hot Topics with why each is there, for the newsroom. */
  hotTopicsRanked(now: Date, limit = defaultListSizes.hotTopics): Promise<RankedTopic[]> {
    return this.hot.list(now, limit);
  }

  /** Extracts and keeps what the stories mention, for Hot Topics. */
  indexTopics(articleIds: string[]): Promise<void> {
    return this.hot.index(articleIds);
  }

  topicNames(): Promise<TopicNames> {
    return this.hot.names();
  }

  saveTopicNames(names: TopicNames): Promise<void> {
    return this.hot.saveNames(names);
  }

  private get hot(): HotTopicsIndex {
    this.hotIndex ??= new HotTopicsIndex(this.store);
    return this.hotIndex;
  }

  /**
   * Editor's Picks: on a section's pages that section's own picks first (collection `editors-picks-<section id>`),
   * then the site's; where editors have picked fewer, the week's highest-priority stories not already in Today's
   * Top News, one section at a time.
   */
  async editorsPicks(now: Date, exclude: string[], limit = defaultListSizes.editorsPicks, sectionId?: string): Promise<ArticleSummary[]> {
    const at = now.toISOString();
    const sectionPicks = sectionId ? await this.store.collections.items(sectionPicksSlug(sectionId), at, limit) : [];
    const picked = fillUp(sectionPicks, await this.store.collections.items(EDITORS_PICKS, at, limit), limit, { exclude });
    if (picked.length >= limit) return picked;
    const weekAgo = new Date(now.getTime() - 7 * 24 * HOUR_MS).toISOString();
    const candidates = await this.store.articles.byPriority(weekAgo, at, limit * 4 + exclude.length);
    const fallback = fillUp(
      spreadAcrossSections(candidates.filter((a) => !exclude.includes(a.id))),
      await this.store.articles.list({ now: at, limit: limit + exclude.length }),
      limit,
      { exclude },
    );
    return fillUp(picked, fallback, limit);
  }
}

/** The computed list with the editors' pins first (in their order) and their exclusions left out. */
export function withOverrides(computed: RelatedEntry[], overrides: RelatedOverrides | undefined, limit: number): RelatedEntry[] {
  const plain = computed.map((e) => ({ relatedId: e.relatedId, score: e.score }));
  if (!overrides) return plain;
  const pinned = overrides.pinned.map((relatedId) => ({ relatedId, score: computed.find((e) => e.relatedId === relatedId)?.score ?? 0 }));
  const skip = new Set([...overrides.pinned, ...overrides.excluded]);
  return [...pinned, ...plain.filter((e) => !skip.has(e.relatedId))].slice(0, Math.max(limit, pinned.length));
}

function compareTimes(a: string | undefined, b: string | undefined): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

function newestFirst(stories: ArticleSummary[]): ArticleSummary[] {
  return [...stories].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? 1 : -1));
}
