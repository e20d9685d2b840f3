/**
 * `rankHotTopics`: the Hot Topics list at one instant, from stored mentions grouped by article. Run on refresh,
 * never per request.
 *
 * 1. Gather the window (`window.ts`): recent hours and the baseline before them, editors' merges and hides applied.
 * 2. Score every key with enough recent stories by its burst (`burst.ts`), plus readership when given.
 * 3. Pick greedily, one topic per story: the best-scoring key becomes a topic; keys whose recent stories mostly
 *    mention it too (overlapping cuts of one name, co-occurring phrases) fold into it as aliases; its stories are
 *    covered, and every other key is re-scored on the stories not yet covered before it can be picked.
 * 4. Name each topic (`label.ts`), fill up with the most frequent uncovered topics when fewer burst, put editors'
 *    pins first and apply their renames.
 */
import { burst, readsBurst } from './burst.js';
import { chooseLabel, containsPhrase } from './label.js';
import { gatherWindow, resolver, type KeyStats, type Window } from './window.js';
import {
  type ArticleMentions,
  defaultHotSettings,
  type HotExplanation,
  type HotSettings,
  type HotTopic,
  type TopicOverrides,
  type TopicReads,
} from './types.js';

const HOUR_MS = 3_600_000;
/** A burst topic must rise this far (z) above its baseline; weaker risers can still fill the list as `frequent`. */
const MIN_Z = 1;
/** ...and be named in this many headlines: a word that recurs only in leads ("November") is no topic. */
const MIN_HEADLINES = 2;

interface Candidate {
  stats: KeyStats;
  score: number;
  /** Recent weight on stories not yet covered when the score was computed. */
  residual: number;
  /** How many of those stories name the key in their headline. */
  headlines: number;
  residualArticles: number[];
  readsScore: number;
  reads?: HotExplanation['reads'];
}

export function rankHotTopics(
  articles: Iterable<ArticleMentions>,
  now: Date | number,
  settings: Partial<HotSettings> = {},
  overrides: TopicOverrides = {},
  reads: readonly TopicReads[] = [],
): HotTopic[] {
  const s: HotSettings = { ...defaultHotSettings, ...settings };
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const win = gatherWindow(articles, nowMs, s.recentHours, s.baselineHours, overrides);
  const readsByKey = sumReads(reads, nowMs, win, resolver(overrides.merged));

  const covered = new Uint8Array(win.articles.length);
  /** Per key, how many of its recent stories are covered, updated as stories are. */
  const coveredPerKey = new Map<string, number>();
  const absorbed = new Set<string>();
  const scoreOf = (stats: KeyStats): Candidate => {
    const residualArticles: number[] = [];
    let residual = 0;
    let headlines = 0;
    stats.recentArticles.forEach((i, n) => {
      if (covered[i]) return;
      residualArticles.push(i);
      residual += stats.recentWeights[n]!;
      if (stats.recentWeights[n]! >= 1) headlines++;
    });
    const b = burst({ recent: residual, baseline: stats.baseline, recentTotal: win.recentTotal, baselineTotal: win.baselineTotal });
    const r = readsByKey.get(stats.key);
    const rb = r ? readsBurst(r.recent, s.recentHours, r.baseline, win.baselineHoursUsed) : null;
    const readsScore = rb ? Math.max(0, rb.score) * s.readsWeight : 0;
    return {
      stats,
      score: b.z >= MIN_Z && headlines >= MIN_HEADLINES ? b.score + readsScore : -Infinity,
      residual,
      headlines,
      residualArticles,
      readsScore,
      ...(rb && r ? { reads: { recent: r.recent, expected: round(rb.expected), score: round(rb.z) } } : {}),
    };
  };

  let queue = [...win.keys.values()]
    .filter((k) => k.recent >= s.minRecent)
    .map(scoreOf)
    .filter((c) => c.score > -Infinity)
    .sort(byScore);
  const topics: HotTopic[] = [];
  while (queue.length && topics.length < s.limit) {
    const top = queue.shift()!;
    if (absorbed.has(top.stats.key)) continue;
    const fresh = scoreOf(top.stats);
    if (fresh.residual < s.minRecent || fresh.score === -Infinity) continue;
    if (queue.length && byScore(fresh, queue[0]!) > 0) {
      insertSorted(queue, fresh);
      continue;
    }
    topics.push(makeTopic(win, fresh, s, covered, absorbed, 'burst', coveredPerKey));
    queue = queue.filter((c) => !absorbed.has(c.stats.key));
  }
  if (topics.length < s.limit) fillFrequent(win, s, covered, coveredPerKey, absorbed, topics, scoreOf);
  return applyEditors(win, topics, s, overrides);
}

function makeTopic(
  win: Window,
  c: Candidate,
  s: HotSettings,
  covered: Uint8Array,
  absorbed: Set<string>,
  reason: HotTopic['reason'],
  coveredPerKey: Map<string, number>,
): HotTopic {
  const head = c.stats.key;
  const stories = c.residualArticles;
  // Keys mostly mentioned in the same stories as the head are the same topic: count how often each co-occurs.
  const together = new Map<string, number>();
  for (const i of stories) for (const m of win.articles[i]!.mentions) together.set(m.stats.key, (together.get(m.stats.key) ?? 0) + 1);
  const members: KeyStats[] = [c.stats];
  for (const [key, n] of together) {
    if (key === head || absorbed.has(key)) continue;
    const stats = win.keys.get(key)!;
    const uncovered = stats.recentArticles.length - (coveredPerKey.get(key) ?? 0);
    if (uncovered > 0 && n / uncovered >= s.mergeOverlap) members.push(stats);
  }
  // Another cut of the head's own name ("Plosser" for "Charles Plosser") brings its other stories into the topic;
  // a co-occurring phrase ("attack", "Chinese president") is folded in, but its other stories stay free: many such
  // phrases, each with a story elsewhere, would otherwise swallow a second story whole.
  const storySet = new Set(stories);
  for (const m of members) {
    absorbed.add(m.key);
    if (m !== c.stats && !containsPhrase(m.key, head) && !containsPhrase(head, m.key)) continue;
    for (const i of m.recentArticles) if (!covered[i]) storySet.add(i);
  }
  for (const i of storySet) {
    covered[i] = 1;
    for (const m of win.articles[i]!.mentions) coveredPerKey.set(m.stats.key, (coveredPerKey.get(m.stats.key) ?? 0) + 1);
  }
  const articleIds = [...storySet].sort((a, b) => b - a).map((i) => win.articles[i]!.id);
  const label = chooseLabel(win, [...storySet], members, s.longerPhraseSupport);
  const b = burst({ recent: c.residual, baseline: c.stats.baseline, recentTotal: win.recentTotal, baselineTotal: win.baselineTotal });
  return {
    key: head,
    label,
    aliases: members.slice(1).map((m) => m.key).sort(),
    pinned: false,
    reason,
    articleIds,
    explanation: explain(c, b.expected, b.z, win, s),
  };
}

function explain(c: Candidate, expected: number, z: number, win: Window, s: HotSettings): HotExplanation {
  const score = round(c.score === -Infinity ? c.residual : c.score);
  const hours = round(win.baselineHoursUsed);
  const text =
    `${fmt(c.residual)} ${c.residual === 1 ? 'story' : 'stories'} in the last ${s.recentHours} h against ${fmt(round(expected))} expected ` +
    `from ${fmt(c.stats.baseline)} in the ${hours} h before (z ${round(z)})` +
    (c.reads ? `; ${c.reads.recent} reads against ${c.reads.expected} expected` : '');
  return {
    recentStories: c.residual,
    baselineStories: c.stats.baseline,
    expectedStories: round(expected),
    baselineHoursUsed: hours,
    coverageScore: round(z),
    ...(c.reads ? { reads: c.reads } : {}),
    score,
    text,
  };
}

/** When fewer topics burst than the list holds, the most mentioned uncovered topics of the recent window follow. */
function fillFrequent(
  win: Window,
  s: HotSettings,
  covered: Uint8Array,
  coveredPerKey: Map<string, number>,
  absorbed: Set<string>,
  topics: HotTopic[],
  scoreOf: (stats: KeyStats) => Candidate,
): void {
  // Lazy greedy, as for bursts: a key's count only falls as stories get covered, so re-count it when it comes up.
  let queue = [...win.keys.values()]
    .filter((k) => k.recent > 0 && !absorbed.has(k.key))
    .map((k) => ({ ...scoreOf(k), score: k.recent }))
    .sort(byScore);
  while (queue.length && topics.length < s.limit) {
    const top = queue.shift()!;
    if (absorbed.has(top.stats.key)) continue;
    const fresh = { ...scoreOf(top.stats), score: 0 };
    fresh.score = fresh.residual;
    if (fresh.residual <= 0 || fresh.headlines < 1) continue;
    if (queue.length && byScore(fresh, queue[0]!) > 0) {
      insertSorted(queue, fresh);
      continue;
    }
    topics.push(makeTopic(win, { ...fresh, score: -Infinity }, s, covered, absorbed, 'frequent', coveredPerKey));
    queue = queue.filter((c) => !absorbed.has(c.stats.key));
  }
}

function applyEditors(win: Window, topics: HotTopic[], s: HotSettings, overrides: TopicOverrides): HotTopic[] {
  const resolve = resolver(overrides.merged);
  const hidden = new Set((overrides.hidden ?? []).map(resolve));
  const pinned: HotTopic[] = [];
  for (const key of (overrides.pinned ?? []).map(resolve)) {
    if (hidden.has(key) || pinned.some((t) => t.key === key)) continue;
    const found = topics.findIndex((t) => t.key === key || t.aliases.includes(key));
    if (found >= 0) pinned.push({ ...topics.splice(found, 1)[0]!, pinned: true });
    else pinned.push(pinnedOnly(win, key));
  }
  const renamed = overrides.renamed ?? {};
  return [...pinned, ...topics.filter((t) => !hidden.has(t.key))]
    .slice(0, Math.max(s.limit, pinned.length))
    .map((t) => (renamed[t.key] !== undefined ? { ...t, label: renamed[t.key]! } : t));
}

/** A pinned topic that is not hot now still shows, with what the window knows of it. */
function pinnedOnly(win: Window, key: string): HotTopic {
  const stats = win.keys.get(key);
  const label = stats ? (win.articles[stats.recentArticles[0] ?? -1]?.mentions.find((m) => m.stats.key === key)?.label ?? key) : key;
  const recent = stats?.recent ?? 0;
  return {
    key,
    label,
    aliases: [],
    pinned: true,
    reason: 'pinned',
    articleIds: (stats?.recentArticles ?? []).slice().reverse().map((i) => win.articles[i]!.id),
    explanation: {
      recentStories: recent,
      baselineStories: stats?.baseline ?? 0,
      expectedStories: 0,
      baselineHoursUsed: round(win.baselineHoursUsed),
      coverageScore: 0,
      score: 0,
      text: `pinned by an editor; ${fmt(recent)} stories in the recent window`,
    },
  };
}

function sumReads(
  reads: readonly TopicReads[],
  now: number,
  win: Window,
  resolve: (key: string) => string,
): Map<string, { recent: number; baseline: number }> {
  const out = new Map<string, { recent: number; baseline: number }>();
  const baselineFrom = win.recentFrom - win.baselineHoursUsed * HOUR_MS;
  for (const r of reads) {
    if (r.hour >= now || r.hour < baselineFrom) continue;
    const key = resolve(r.key);
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { recent: 0, baseline: 0 }));
    if (r.hour >= win.recentFrom) entry.recent += r.reads;
    else entry.baseline += r.reads;
  }
  return out;
}

/** Higher score first; then more stories, the longer (more specific) key, and the key, so results are stable. */
function byScore(a: Candidate, b: Candidate): number {
  return (
    b.score - a.score ||
    b.residual - a.residual ||
    b.stats.key.length - a.stats.key.length ||
    (a.stats.key < b.stats.key ? -1 : a.stats.key > b.stats.key ? 1 : 0)
  );
}

function insertSorted(queue: Candidate[], c: Candidate): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byScore(queue[mid]!, c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, c);
}

const round = (n: number) => Math.round(n * 100) / 100;
const fmt = (n: number) => String(round(n));
