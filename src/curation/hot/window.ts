/**
 * The observations of one refresh, gathered per topic key: who is mentioned in the recent window, who in the
 * baseline before it. Editors' merges and hides apply here, before anything is counted.
 *
 * This runs over every mention in the window (2.7 million with 100,000 articles in it), so a mention costs one
 * lookup of its key and little more: articles come grouped, a baseline article only adds to the counts of keys the
 * recent window names (what it says is never shown, and no other key is ranked) and is not kept, and a second
 * mention of one key in a story (two keys merged into one) shows in the key's last-seen article rather than in a
 * search of the story's mentions.
 */
import { KeyTable } from './key-table.js';
import { type ArticleMentions, PACKED_SEPARATOR, type TopicMention, type TopicObservation, type TopicOverrides } from './types.js';

const HOUR_MS = 3_600_000;

export interface WindowMention {
  stats: KeyStats;
  label: string;
  weight: number;
}

/** A story of the recent window. */
export interface WindowArticle {
  id: string;
  at: number;
  mentions: WindowMention[];
}

export interface KeyStats {
  key: string;
  recent: number;
  baseline: number;
  /** Indices into `Window.articles` of the recent articles mentioning the key, in article order. */
  recentArticles: number[];
  /** The key's weight in each of those articles (1 in the headline, 0.5 in the lead only). */
  recentWeights: number[];
  /** While gathering: the last article that mentions the key, and the key's weight there. */
  lastSeen: number;
  lastWeight: number;
}

export interface Window {
  /** The recent window's stories, oldest first. */
  articles: WindowArticle[];
  /** The keys the recent window names, and pinned keys: no other has its baseline counted. */
  keys: Map<string, KeyStats>;
  recentTotal: number;
  baselineTotal: number;
  baselineHoursUsed: number;
  recentFrom: number;
}

/** Follows editors' merges to the topic a key now counts as (a cycle stops where it closes). */
export function resolver(merged: Readonly<Record<string, string>> = {}): (key: string) => string {
  if (!Object.keys(merged).length) return (key) => key;
  const resolved = new Map<string, string>();
  return (key) => {
    let k = resolved.get(key);
    if (k !== undefined) return k;
    const seen = new Set<string>();
    k = key;
    while (Object.hasOwn(merged, k) && !seen.has(k)) {
      seen.add(k);
      k = merged[k]!;
    }
    resolved.set(key, k);
    return k;
  };
}

/** One article's extracted mentions in the form ranking takes. */
export function mentionsOf(articleId: string, at: number, mentions: readonly TopicMention[]): ArticleMentions {
  return {
    articleId,
    at,
    keys: mentions.map((m) => m.key).join(PACKED_SEPARATOR),
    inHeadline: mentions.map((m) => (m.inHeadline ? '1' : '0')).join(''),
    labels: mentions.map((m) => m.label).join(PACKED_SEPARATOR),
  };
}

/** Flat observations (one per mention) grouped by article; all of an article's observations carry its one time. */
export function byArticle(observations: readonly TopicObservation[]): ArticleMentions[] {
  const articles = new Map<string, TopicObservation[]>();
  for (const o of observations) {
    const seen = articles.get(o.articleId);
    if (seen) seen.push(o);
    else articles.set(o.articleId, [o]);
  }
  return [...articles].map(([id, seen]) => mentionsOf(id, seen[0]!.at, seen));
}

export function gatherWindow(
  input: Iterable<ArticleMentions>,
  now: number,
  recentHours: number,
  baselineHours: number,
  overrides: TopicOverrides,
): Window {
  const recentFrom = now - recentHours * HOUR_MS;
  const baselineFrom = recentFrom - baselineHours * HOUR_MS;
  const resolve = resolver(overrides.merged);
  const hidden = new Set((overrides.hidden ?? []).map(resolve));
  const keys = new Map<string, KeyStats>();
  // Per key as written: what it counts as after editors' merges, or null when hidden.
  const written = new KeyTable<KeyStats | null>();
  const counted = (key: string): KeyStats | null => {
    const into = resolve(key);
    if (hidden.has(into)) return null;
    let stats = keys.get(into);
    if (!stats) keys.set(into, (stats = { key: into, recent: 0, baseline: 0, recentArticles: [], recentWeights: [], lastSeen: -1, lastWeight: 0 }));
    return stats;
  };
  const articles: WindowArticle[] = [];
  // The baseline's stories, counted once the recent window has named the keys worth counting.
  const before: ArticleMentions[] = [];
  let earliest = Infinity;
  let n = -1;
  for (const a of input) {
    if (a.at >= now || a.at < baselineFrom) continue;
    if (a.at < earliest) earliest = a.at;
    if (a.at < recentFrom) {
      before.push(a);
      continue;
    }
    n++;
    const mentions: WindowMention[] = [];
    const labels = a.labels?.split(PACKED_SEPARATOR) ?? [];
    const text = a.keys;
    for (let i = 0, start = 0; start < text.length; i++) {
      let end = text.indexOf(PACKED_SEPARATOR, start);
      if (end < 0) end = text.length;
      const from = start;
      start = end + 1;
      const stats = written.get(text, from, end, counted);
      if (!stats) continue;
      const weight = a.inHeadline.charCodeAt(i) === 49 ? 1 : 0.5; // '1'
      if (stats.lastSeen !== n) {
        stats.lastSeen = n;
        stats.lastWeight = weight;
        // A key merged into another is shown by the key it now counts as.
        const asWritten = stats.key.length === end - from && text.startsWith(stats.key, from);
        mentions.push({ stats, label: asWritten ? (labels[i] ?? stats.key) : stats.key, weight });
      } else if (weight > stats.lastWeight) {
        // Two keys merged into one: the story counts once, at the better of the two weights.
        mentions.find((m) => m.stats === stats)!.weight = weight;
        stats.lastWeight = weight;
      }
    }
    articles.push({ id: a.articleId, at: a.at, mentions });
  }
  // A baseline is read only for a key named in the recent window, or pinned (shown with its counts whether hot or
  // not): no other is ranked. Nine in ten of a dense window's mentions are the baseline's, and looked up in a table
  // of the recent window's keys (12,000 against 100,000) they cost little more than their hashing. Every way a
  // counted key may be written goes in the table first: the key itself and the keys editors merged into it.
  for (const key of overrides.pinned ?? []) counted(key);
  for (const key of [...keys.keys()]) written.get(key, 0, key.length, counted);
  for (const key of Object.keys(overrides.merged ?? {})) written.get(key, 0, key.length, (k) => keys.get(resolve(k)) ?? null);
  for (const a of before) {
    n++;
    const text = a.keys;
    for (let i = 0, start = 0; start < text.length; i++) {
      let end = text.indexOf(PACKED_SEPARATOR, start);
      if (end < 0) end = text.length;
      const stats = written.find(text, start, end);
      start = end + 1;
      if (!stats) continue;
      const weight = a.inHeadline.charCodeAt(i) === 49 ? 1 : 0.5; // '1'
      if (stats.lastSeen !== n) {
        stats.lastSeen = n;
        stats.lastWeight = weight;
        stats.baseline += weight;
      } else if (weight > stats.lastWeight) {
        stats.baseline += weight - stats.lastWeight;
        stats.lastWeight = weight;
      }
    }
  }
  const baselineTotal = before.length;
  // Stories may come in any order (the store's query does not sort them): number the recent ones oldest first.
  if (!articles.every((a, i) => i === 0 || byTime(articles[i - 1]!, a) <= 0)) articles.sort(byTime);
  for (let index = 0; index < articles.length; index++) {
    for (const { stats, weight } of articles[index]!.mentions) {
      stats.recent += weight;
      stats.recentArticles.push(index);
      stats.recentWeights.push(weight);
    }
  }
  const baselineHoursUsed = Number.isFinite(earliest) ? Math.max(0, (recentFrom - Math.max(earliest, baselineFrom)) / HOUR_MS) : 0;
  return { articles, keys, recentTotal: articles.length, baselineTotal, baselineHoursUsed, recentFrom };
}

const byTime = (a: WindowArticle, b: WindowArticle) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
