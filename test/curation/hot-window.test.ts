/**
 * The window a refresh ranks from, gathered from articles as the store groups them, against a plain recount of the
 * same mentions one observation at a time (how it was gathered before the store grouped them): the same counts
 * per key, the same recent stories in the same order, whatever the order the articles come in, with or without
 * the labels of the baseline's stories, and with editors' merges (chains, cycles, two keys of one story merged
 * into one) and hides. Then the rankings themselves, with and without those labels.
 */
import { describe, expect, it } from 'vitest';
import { byArticle, rankHotTopics, type ArticleMentions, type TopicObservation, type TopicOverrides } from '../../src/curation/hot/index.js';
import { gatherWindow, resolver } from '../../src/curation/hot/window.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2015-08-08T12:00:00Z');

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** 1,500 stories over 40 hours, a few keys each from a skewed vocabulary, and in the last hours a few bursting. */
function corpus(seed: number): TopicObservation[] {
  const next = random(seed);
  const out: TopicObservation[] = [];
  for (let a = 0; a < 1_500; a++) {
    const hoursAgo = next() < 0.15 ? next() * 3 : next() * 40;
    // Equal times for some stories, so that ties are ordered by id.
    const at = NOW - Math.round(hoursAgo * 20) * (HOUR / 20);
    const keys = new Set<string>();
    const n = 1 + Math.floor(next() * 4);
    for (let i = 0; i < n; i++) keys.add(hoursAgo < 3 && next() < 0.5 ? `burst ${Math.floor(next() * 8)}` : `topic ${Math.floor(next() ** 2 * 60)}`);
    for (const key of keys) {
      out.push({ key, label: key.toUpperCase(), kind: 'phrase', inHeadline: next() < 0.6, span: 0, length: 2, articleId: `s${a}`, at });
    }
  }
  return out;
}

/** The window's counts recounted one observation at a time, with each story's mentions searched for a repeat. */
function recount(observations: readonly TopicObservation[], now: number, overrides: TopicOverrides) {
  const recentFrom = now - 3 * HOUR;
  const baselineFrom = recentFrom - 24 * HOUR;
  const resolve = resolver(overrides.merged);
  const hidden = new Set((overrides.hidden ?? []).map(resolve));
  const stories = new Map<string, { id: string; at: number; mentions: { key: string; weight: number }[] }>();
  for (const o of observations) {
    if (o.at >= now || o.at < baselineFrom) continue;
    let story = stories.get(o.articleId);
    if (!story) stories.set(o.articleId, (story = { id: o.articleId, at: o.at, mentions: [] }));
    const key = resolve(o.key);
    if (hidden.has(key)) continue;
    const weight = o.inHeadline ? 1 : 0.5;
    const seen = story.mentions.find((m) => m.key === key);
    if (seen) seen.weight = Math.max(seen.weight, weight);
    else story.mentions.push({ key, weight });
  }
  const sorted = [...stories.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const keys: Record<string, { recent: number; baseline: number; recentStories: string[]; recentWeights: number[] }> = {};
  for (const story of sorted) {
    for (const m of story.mentions) {
      const k = (keys[m.key] ??= { recent: 0, baseline: 0, recentStories: [], recentWeights: [] });
      if (story.at >= recentFrom) {
        k.recent += m.weight;
        k.recentStories.push(story.id);
        k.recentWeights.push(m.weight);
      } else k.baseline += m.weight;
    }
  }
  const recent = sorted.filter((s) => s.at >= recentFrom);
  // The window counts the baseline only of keys the recent window names, or pinned ones: no other is ranked.
  const pinned = new Set((overrides.pinned ?? []).map(resolve).filter((key) => !hidden.has(key)));
  for (const key of pinned) keys[key] ??= { recent: 0, baseline: 0, recentStories: [], recentWeights: [] };
  for (const [key, k] of Object.entries(keys)) if (!k.recent && !pinned.has(key)) delete keys[key];
  return { keys, recentStories: recent.map((s) => s.id), recentTotal: recent.length, baselineTotal: sorted.length - recent.length };
}

function gathered(articles: readonly ArticleMentions[], now: number, overrides: TopicOverrides) {
  const win = gatherWindow(articles, now, 3, 24, overrides);
  const keys: ReturnType<typeof recount>['keys'] = {};
  for (const [key, s] of win.keys) {
    keys[key] = { recent: s.recent, baseline: s.baseline, recentStories: s.recentArticles.map((i) => win.articles[i]!.id), recentWeights: s.recentWeights };
  }
  return { keys, recentStories: win.articles.map((a) => a.id), recentTotal: win.recentTotal, baselineTotal: win.baselineTotal };
}

/** As the store hands them: in another order, and without labels before the recent window. */
function asStored(articles: readonly ArticleMentions[], now: number): ArticleMentions[] {
  return [...articles].reverse().map((a) => (a.at >= now - 3 * HOUR ? a : { articleId: a.articleId, at: a.at, keys: a.keys, inHeadline: a.inHeadline }));
}

const overrideSets: TopicOverrides[] = [
  {},
  { hidden: ['topic 1', 'topic 7'] },
  // A chain, a cycle and two common keys merged into one (so stories mention it twice).
  { merged: { 'topic 2': 'topic 3', 'topic 3': 'topic 4', 'topic 5': 'topic 6', 'topic 6': 'topic 5', 'topic 0': 'topic 8', 'burst 1': 'burst 2' }, hidden: ['topic 9'] },
];

describe('the Hot Topics window', () => {
  it('counts the baseline of a key however the baseline writes it', () => {
    const story = (id: string, hoursAgo: number, ...keys: string[]): TopicObservation[] =>
      keys.map((key) => ({ key, label: key, kind: 'phrase', inHeadline: !key.startsWith('lead '), span: 0, length: 1, articleId: id, at: NOW - hoursAgo * HOUR }));
    const observations = [
      ...story('r1', 1, 'alpha', 'beta from'),
      ...story('r2', 2, 'alpha', 'beta from', 'lead alpha'),
      // Before the recent window: a key merged into a recent one and never named lately, a recent key's target named
      // only as itself, a pinned key named only then, a key no one will rank, and two keys of one story merged into one.
      ...story('b1', 5, 'alpha old', 'beta', 'gamma', 'delta'),
      ...story('b2', 6, 'alpha old', 'beta', 'gamma'),
      ...story('b3', 7, 'beta', 'gamma', 'delta', 'lead alpha', 'alpha'),
    ];
    const overrides: TopicOverrides = { merged: { 'alpha old': 'alpha', 'beta from': 'beta', 'lead alpha': 'alpha' }, pinned: ['gamma'] };
    const win = gathered(byArticle(observations), NOW, overrides);
    expect(win).toEqual(recount(observations, NOW, overrides));
    expect(Object.keys(win.keys).sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(win.keys.alpha!.baseline).toBe(3);
    expect(win.keys.beta!.baseline).toBe(3);
    expect(win.keys.gamma).toEqual({ recent: 0, baseline: 3, recentStories: [], recentWeights: [] });
  });

  for (const seed of [1, 2, 3]) {
    const observations = corpus(seed);
    const articles = byArticle(observations);
    it(`counts as a plain recount of the observations does (corpus ${seed})`, () => {
      for (const hoursAgo of [0, 1.5, 6, 20]) {
        const now = NOW - hoursAgo * HOUR;
        for (const overrides of overrideSets) {
          const expected = recount(observations, now, overrides);
          expect(expected.recentTotal).toBeGreaterThan(hoursAgo < 3 ? 100 : 10);
          expect(gathered(articles, now, overrides)).toEqual(expected);
          expect(gathered(asStored(articles, now), now, overrides)).toEqual(expected);
        }
      }
    });

    it(`ranks the same from stored articles as from every observation (corpus ${seed})`, () => {
      for (const overrides of overrideSets) {
        const all = rankHotTopics(articles, NOW, {}, { ...overrides, pinned: ['topic 11', 'topic 40'] });
        expect(all.filter((t) => t.reason === 'burst').length).toBeGreaterThan(3);
        expect(rankHotTopics(asStored(articles, NOW), NOW, {}, { ...overrides, pinned: ['topic 11', 'topic 40'] })).toEqual(all);
      }
    });
  }
});
