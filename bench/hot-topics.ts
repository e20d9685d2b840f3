/**
 * Hot Topics refresh time at 100,000 articles: Reuters-21578 run through `extractTopics` once (timed), its topic
 * observations repeated with shifted dates and fresh ids up to `--articles`, then `rankHotTopics` timed over the
 * observations of its window (`recentHours + baselineHours` before `now`), as the store's query hands it on refresh
 * (`HotTopics.rank`); the spread case is also timed over every observation, to show what passing the rest costs:
 *
 * - spread: each copy of the corpus shifted by one year, `now` at the busiest hour of the newest copy (a store that
 *   has grown over years; the window holds a normal day or so of news);
 * - dense: every article's time squeezed into the 27 hours before `now` (the worst case: all 100,000 in the window).
 *
 * Usage: npm run bench:hot [-- --articles 100000 --runs 5 --corpus PATH]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createTopicExtractor, defaultHotSettings, rankHotTopics, type TopicMention, type TopicObservation } from '../src/curation/hot/index.js';
import { parseCorpusLines } from '../src/eval/corpus.js';

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    corpus: { type: 'string', default: path.resolve(import.meta.dirname, '../../shared/data/reuters21578/part-000.jsonl') },
  },
});
const target = Number(values.articles);
const runs = Number(values.runs);

const { records } = parseCorpusLines(await readFile(values.corpus!, 'utf8'), 0);
const extractor = createTopicExtractor();
let started = performance.now();
const extracted: { id: string; at: number; mentions: TopicMention[] }[] = records.map((r) => ({
  id: r.id,
  at: r.at,
  mentions: extractor.extractTopics({ id: r.id, title: r.title, body: r.body }),
}));
const extractMs = performance.now() - started;
const mentionCount = extracted.reduce((n, a) => n + a.mentions.length, 0);
console.log(`corpus: ${values.corpus}`);
console.log(`extracted articles: ${extracted.length}`);
console.log(`extract ms/article: ${(extractMs / extracted.length).toFixed(3)}`);
console.log(`mentions/article: ${(mentionCount / extracted.length).toFixed(1)}`);

const copies = Math.ceil(target / extracted.length);
const first = Math.min(...extracted.map((a) => a.at));
const last = Math.max(...extracted.map((a) => a.at));
function build(at: (a: { at: number }, copy: number) => number): TopicObservation[] {
  const out: TopicObservation[] = [];
  let n = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const a of extracted) {
      if (n++ >= target) return out;
      const articleId = `${a.id}#${copy}`;
      const when = at(a, copy);
      // Built field by field, as the store's rows are mapped (`HotTopics.rank`): objects spread from a mention and
      // then extended keep the two extra fields out of line, which made merely reading `at` several times slower.
      for (const m of a.mentions) {
        out.push({ key: m.key, label: m.label, kind: m.kind, inHeadline: m.inHeadline, span: m.span, length: m.length, articleId, at: when });
      }
    }
  }
  return out;
}

/** The start of the hour with the most articles of the newest copy, plus one hour: a busy moment. */
function busiestHour(observations: TopicObservation[]): number {
  const perHour = new Map<number, Set<string>>();
  for (const o of observations) {
    const h = Math.floor(o.at / HOUR) * HOUR;
    let ids = perHour.get(h);
    if (!ids) perHour.set(h, (ids = new Set()));
    ids.add(o.articleId);
  }
  const newest = Math.max(...perHour.keys()) - (last - first);
  const [hour] = [...perHour.entries()].filter(([h]) => h >= newest).sort((a, b) => b[1].size - a[1].size)[0]!;
  return hour + HOUR;
}

function time(label: string, observations: TopicObservation[], now: number, alsoAll = false): void {
  const windowMs = (defaultHotSettings.recentHours + defaultHotSettings.baselineHours) * HOUR;
  const inWindow = observations.filter((o) => o.at < now && o.at >= now - windowMs);
  console.log(`${label} articles: ${new Set(observations.map((o) => o.articleId)).size}`);
  console.log(`${label} observations: ${observations.length}`);
  console.log(`${label} articles in window: ${new Set(inWindow.map((o) => o.articleId)).size}`);
  console.log(`${label} observations in window: ${inWindow.length}`);
  const topics = timeRank(`${label} refresh ms, window's observations`, inWindow, now);
  if (alsoAll) timeRank(`${label} refresh ms, every observation`, observations, now);
  console.log(`${label} topics: ${topics.join(' | ')}`);
}

function timeRank(label: string, observations: TopicObservation[], now: number): string[] {
  const times: number[] = [];
  let topics: string[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    topics = rankHotTopics(observations, now).map((t) => t.label);
    if (i > 0) times.push(performance.now() - t0); // the first run warms the JIT
  }
  times.sort((a, b) => a - b);
  console.log(`${label} (median of ${runs}): ${times[Math.floor(times.length / 2)]!.toFixed(0)}`);
  console.log(`${label} (max): ${times[times.length - 1]!.toFixed(0)}`);
  return topics;
}

started = performance.now();
const spread = build((a, copy) => a.at + copy * YEAR);
time('spread', spread, busiestHour(spread), true);
const span = last - first || 1;
const now = last + HOUR;
const dense = build((a) => now - 27 * HOUR + ((a.at - first) / span) * 27 * HOUR - 1);
time('dense', dense, now);
