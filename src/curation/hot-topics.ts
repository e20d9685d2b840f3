/**
 * Hot Topics from the store: what each story mentions is extracted once, when the story changes (`index`), and
 * kept in `article_mention` and, packed in one row per story as ranking reads it, in `article_mention_pack`; the
 * list is ranked on request from the stories of the last `recentHours + baselineHours` with the engine in `hot/`
 * (bursts over each topic's own baseline, one topic per story), the editors' pins, hides, renames and merges
 * applied. Cheap enough per request: the rail around it is cached.
 */
import { slugify } from '../domain/slug.js';
import { sanitizedBodyText } from '../domain/sanitize.js';
import type { Store, StoredMention } from '../store/index.js';
import {
  type HotSettings,
  type HotTopic,
  type TopicExtractor,
  type TopicOverrides,
  createTopicExtractor,
  defaultHotSettings,
  rankHotTopics,
} from './hot/index.js';

const HOUR_MS = 3_600_000;

/** The settings key of the editors' renames and merges (pins and hides are board entries, with expiry). */
const TOPIC_NAMES_KEY = 'curation.hotTopics.names';
export const HOT_TOPICS_BOARD = 'hot-topics';
const ALL_SECTIONS = 'all';

/** Editors' names for topics: `renamed` gives a topic a display name, `merged` counts one topic as another. */
export interface TopicNames {
  renamed: Record<string, string>;
  merged: Record<string, string>;
}

export type RankedTopic = HotTopic & { slug: string };

export class HotTopicsIndex {
  private extractor: TopicExtractor | null = null;

  constructor(
    private readonly store: Store,
    private readonly settings: Partial<HotSettings> = {},
  ) {}

  /** The list at `now`: editors' pins first, then what bursts, with why; hidden topics never. */
  async list(now: Date, limit: number): Promise<RankedTopic[]> {
    const board = await this.store.boards.entries(HOT_TOPICS_BOARD, ALL_SECTIONS, now.toISOString());
    const names = await this.names();
    return this.rank(now, limit, {
      pinned: board.filter((e) => e.action === 'pin').map((e) => e.itemId),
      hidden: board.filter((e) => e.action === 'hide').map((e) => e.itemId),
      ...names,
    });
  }

  async names(): Promise<TopicNames> {
    const stored = (await this.store.settings.all())[TOPIC_NAMES_KEY];
    if (!stored) return { renamed: {}, merged: {} };
    const parsed = JSON.parse(stored) as Partial<TopicNames>;
    return { renamed: parsed.renamed ?? {}, merged: parsed.merged ?? {} };
  }

  async saveNames(names: TopicNames): Promise<void> {
    await this.store.settings.set({ [TOPIC_NAMES_KEY]: JSON.stringify(names) });
  }

  /** Extracts and stores the topics the stories mention (none for a story not published). */
  async index(articleIds: string[]): Promise<void> {
    if (!articleIds.length) return;
    this.extractor ??= createTopicExtractor();
    const byArticle = new Map<string, { publishedAt: string; mentions: StoredMention[] }>();
    for (const source of await this.store.mentions.sources(articleIds)) {
      const mentions = source.publishedAt
        ? this.extractor
            .extractTopics({ id: source.id, title: source.headline, body: sanitizedBodyText(source.bodyHtml), lang: source.language, topics: source.topics })
            .map((m) => ({ ...m, slug: slugify(m.key) }))
            .filter((m) => m.slug)
        : [];
      byArticle.set(source.id, { publishedAt: source.publishedAt ?? '', mentions });
    }
    await this.store.mentions.replace(byArticle);
  }

  /** The topics bursting at `now`, with why, after the editors' overrides. */
  async rank(now: Date, limit: number, overrides: TopicOverrides): Promise<RankedTopic[]> {
    const s = { ...defaultHotSettings, ...this.settings, limit };
    const from = new Date(now.getTime() - (s.recentHours + s.baselineHours) * HOUR_MS).toISOString();
    // Labels are shown only for the recent window's stories: the baseline's are not read.
    const recentFrom = new Date(now.getTime() - s.recentHours * HOUR_MS).toISOString();
    const stories = await this.store.mentions.window(from, recentFrom, now.toISOString());
    const articles = stories.map((r) => ({ articleId: r.articleId, at: Date.parse(r.publishedAt), keys: r.keys, inHeadline: r.inHeadline, labels: r.labels }));
    const ranked = rankHotTopics(articles, now, s, overrides).map((t) => ({ ...t, slug: slugify(t.key) }));
    // A pinned topic outside the window has only its key to go by; the news names it better.
    for (const topic of ranked) if (topic.label === topic.key && !overrides.renamed?.[topic.key]) topic.label = (await this.store.mentions.labelOf(topic.slug)) ?? topic.label;
    return ranked;
  }
}
