/**
 * The observations of one refresh, gathered per article and per topic key: who is mentioned in the recent window,
 * who in the baseline before it. Editors' merges and hides apply here, before anything is counted.
 */
import type { TopicObservation, TopicOverrides } from './types.js';

const HOUR_MS = 3_600_000;

export interface WindowMention {
  key: string;
  label: string;
  kind: TopicObservation['kind'];
  weight: number;
  span: number;
  length: number;
}

export interface WindowArticle {
  id: string;
  at: number;
  recent: boolean;
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
}

export interface Window {
  articles: WindowArticle[];
  keys: Map<string, KeyStats>;
  recentTotal: number;
  baselineTotal: number;
  baselineHoursUsed: number;
  recentFrom: number;
}

/** Follows editors' merges to the topic a key now counts as (a cycle stops where it closes). */
export function resolver(merged: Readonly<Record<string, string>> = {}): (key: string) => string {
  return (key) => {
    const seen = new Set<string>();
    let k = key;
    while (merged[k] !== undefined && !seen.has(k)) {
      seen.add(k);
      k = merged[k]!;
    }
    return k;
  };
}

export function gatherWindow(
  observations: readonly TopicObservation[],
  now: number,
  recentHours: number,
  baselineHours: number,
  overrides: TopicOverrides,
): Window {
  const recentFrom = now - recentHours * HOUR_MS;
  const baselineFrom = recentFrom - baselineHours * HOUR_MS;
  const resolve = resolver(overrides.merged);
  const hidden = new Set((overrides.hidden ?? []).map(resolve));
  const byArticle = new Map<string, WindowArticle>();
  let earliest = Infinity;
  for (const o of observations) {
    if (o.at >= now || o.at < baselineFrom) continue;
    let article = byArticle.get(o.articleId);
    if (!article) {
      byArticle.set(o.articleId, (article = { id: o.articleId, at: o.at, recent: o.at >= recentFrom, mentions: [] }));
      if (o.at < earliest) earliest = o.at;
    }
    const key = resolve(o.key);
    if (hidden.has(key)) continue;
    const weight = o.inHeadline ? 1 : 0.5;
    const existing = article.mentions.find((m) => m.key === key);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else article.mentions.push({ key, label: key === o.key ? o.label : key, kind: o.kind, weight, span: o.span, length: o.length });
  }
  const articles = [...byArticle.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keys = new Map<string, KeyStats>();
  let recentTotal = 0;
  let baselineTotal = 0;
  articles.forEach((article, index) => {
    if (article.recent) recentTotal++;
    else baselineTotal++;
    for (const m of article.mentions) {
      let stats = keys.get(m.key);
      if (!stats) keys.set(m.key, (stats = { key: m.key, recent: 0, baseline: 0, recentArticles: [], recentWeights: [] }));
      if (article.recent) {
        stats.recent += m.weight;
        stats.recentArticles.push(index);
        stats.recentWeights.push(m.weight);
      } else stats.baseline += m.weight;
    }
  });
  const baselineHoursUsed = Number.isFinite(earliest) ? Math.max(0, (recentFrom - Math.max(earliest, baselineFrom)) / HOUR_MS) : 0;
  return { articles, keys, recentTotal, baselineTotal, baselineHoursUsed, recentFrom };
}
