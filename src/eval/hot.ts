/**
 * `newsdesk eval hot FILE.jsonl…`: replays timestamped corpora hour by hour and measures how well the Hot Topics
 * engine names the stories that are growing fastest (hot-hit@8, see `hot-metric.ts`), beside a plain baseline of
 * headline words and word pairs. The engine never sees `story_cluster_id`: each record is reduced to id, title,
 * body and language before extraction, and the clusters are used only to score.
 *
 * Replay: records of all files are merged in time order (undated ones skipped and counted); the evaluated hours
 * are every whole hour from the 15th after the first timestamp (so each has at least 12 hours of history before its
 * last 3 hours) to the hour after the last; at each hour the engine ranks from the records published before it.
 */
import { type ArticleMentions, createTopicExtractor, mentionsOf, rankHotTopics } from '../curation/hot/index.js';
import { cleanText } from '../curation/hot/index.js';
import { loadCorpora, type CorpusRecord } from './corpus.js';
import { fastestGrowing, hitShare, replayHours } from './hot-metric.js';
import { baselineTopics } from './word-baseline.js';

export const HOT_K = 8;

export interface HotEvalOptions {
  alignStarts?: boolean;
  /** Print each hour's targets and topics. */
  verbose?: boolean;
}

export interface HotEvalResult {
  hours: number;
  engine: number;
  baselineRising: number;
  baselineFrequent: number;
  records: number;
  undated: number;
}

export async function hotEvalCommand(paths: string[], options: HotEvalOptions = {}): Promise<void> {
  const result = await evaluateHot(paths, options, options.verbose ? (line) => console.log(line) : undefined);
  console.log(`hot-hit@${HOT_K}: ${result.engine.toFixed(3)}`);
  console.log(`hours: ${result.hours}`);
  console.log(`baseline hot-hit@${HOT_K}: ${result.baselineRising.toFixed(3)}`);
  console.log(`baseline-frequent hot-hit@${HOT_K}: ${result.baselineFrequent.toFixed(3)}`);
  console.log(`records: ${result.records}`);
  console.log(`undated-skipped: ${result.undated}`);
}

export async function evaluateHot(
  paths: string[],
  options: HotEvalOptions = {},
  log?: (line: string) => void,
): Promise<HotEvalResult> {
  const corpus = await loadCorpora(paths, { alignStarts: options.alignStarts ?? false });
  const records = corpus.records.map((r) => ({ ...r, title: cleanText(r.title) }));
  const undated = corpus.perFile.reduce((n, f) => n + f.undated, 0);
  const empty = { hours: 0, engine: 0, baselineRising: 0, baselineFrequent: 0, records: records.length, undated };
  if (!records.length) return empty;

  const extractor = createTopicExtractor();
  // The engine sees what a newsroom would store: no story cluster.
  const mentioned = records.map((r) =>
    mentionsOf(r.id, r.at, extractor.extractTopics({ id: r.id, title: r.title, body: r.body, ...(r.lang ? { lang: r.lang } : {}) })),
  );

  const sums = { engine: 0, rising: 0, frequent: 0, hours: 0 };
  let from = 0;
  for (const hour of replayHours(records[0]!.at, records[records.length - 1]!.at)) {
    const targets = fastestGrowing(records, hour);
    if (!targets.length) continue;
    while (from < mentioned.length && mentioned[from]!.at < hour - 40 * 3_600_000) from++;
    const seen = mentioned.slice(from, upperBound(mentioned, hour));
    const topics = rankHotTopics(seen, hour, { limit: HOT_K }).map((t) => t.label);
    const past = records.filter((r: CorpusRecord) => r.at < hour && r.at >= hour - 15 * 3_600_000);
    const rising = baselineTopics(past, hour, HOT_K, 'rising');
    const frequent = baselineTopics(past, hour, HOT_K, 'frequent');
    const e = hitShare(targets, topics)!;
    sums.engine += e;
    sums.rising += hitShare(targets, rising)!;
    sums.frequent += hitShare(targets, frequent)!;
    sums.hours++;
    log?.(
      `${new Date(hour).toISOString()} ${e.toFixed(2)} topics: ${topics.join(' | ')}\n` +
        targets.map((t) => `   [${t.growth}] ${t.headlines.slice(0, 3).join(' / ')}`).join('\n'),
    );
  }
  const avg = (n: number) => (sums.hours ? n / sums.hours : 0);
  return {
    hours: sums.hours,
    engine: avg(sums.engine),
    baselineRising: avg(sums.rising),
    baselineFrequent: avg(sums.frequent),
    records: records.length,
    undated,
  };
}

/** First index whose article is at or after `at` (articles are in time order). */
function upperBound(articles: readonly ArticleMentions[], at: number): number {
  let lo = 0;
  let hi = articles.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (articles[mid]!.at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
