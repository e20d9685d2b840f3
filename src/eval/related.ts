/**
 * `newsdesk eval related FILE.jsonl…`: measures Related Stories and story threads as the product computes them.
 * The files are imported with the real `Importer` into a scratch SQLite store in a temporary folder, relating runs
 * as it does after any import, and each scored article's stored list (`article_related`, top 10 in rank order) is
 * read back and scored against `story_cluster_id`: an article's cluster-mates are its relevant set.
 *
 * - The engine never sees the cluster: the JSON Lines path maps only id, title, body, date, dateline, source,
 *   category/section, topics, people, orgs and lang (`ingest/corpus-record.ts`); clusters are read here, separately.
 * - Records are read through the importer's own mapping (`corpusRecordToInput`), so a record dated only by the
 *   timestamp line its body opens with counts as dated, as it does when imported.
 * - Undated records are placed at one instant: the import runs with the clock pinned to the newest dated record of
 *   all files, so an undated record is published "now", as an import of it would be just after the newest news.
 * - Articles without a cluster id (distractor corpora) take part as candidates but are not scored; nor are
 *   articles whose cluster has no other member in the store.
 * - The baseline is a plain TF-IDF cosine (headline 3×, body 1×, log-idf, stopwords out) over the same records,
 *   computed here in memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Curation } from '../curation/index.js';
import { fixedClock } from '../domain/clock.js';
import type { ArticleInput } from '../domain/article.js';
import { corpusRecordToInput } from '../ingest/corpus-record.js';
import { Importer } from '../ingest/importer.js';
import { Publisher } from '../newsroom/publisher.js';
import { openStore } from '../store/index.js';

export const K_PRECISION = 5;
export const K_LIST = 10;

export interface EvalRecord {
  id: string;
  headline: string;
  body: string;
  date: string | null;
  cluster: string | null;
}

export interface RankingFigures {
  precisionAt5: number;
  recallAt10: number;
  ndcgAt10: number;
  scored: number;
}

export interface ThreadFigures {
  /** Size-weighted share of each thread's scored members that belong to its commonest cluster. */
  purity: number;
  /** Size-weighted share of each cluster's members found in its commonest thread (purity's counterpart). */
  completeness: number;
  threads: number;
  /** Scored articles in a thread of two or more. */
  threaded: number;
}

export interface RelatedEvalResult {
  records: number;
  undated: number;
  engine: RankingFigures;
  threads: ThreadFigures;
  baseline: RankingFigures;
  importSeconds: number;
}

export async function relatedEvalCommand(paths: string[]): Promise<void> {
  const result = await evaluateRelated(paths);
  const line = (name: string, value: number | string) => console.log(`${name}: ${typeof value === 'number' ? value.toFixed(3) : value}`);
  line('records', String(result.records));
  line('undated', String(result.undated));
  line('scored', String(result.engine.scored));
  line('precision@5', result.engine.precisionAt5);
  line('recall@10', result.engine.recallAt10);
  line('ndcg@10', result.engine.ndcgAt10);
  line('thread purity', result.threads.purity);
  line('thread completeness', result.threads.completeness);
  line('threads', String(result.threads.threads));
  line('baseline precision@5', result.baseline.precisionAt5);
  line('baseline recall@10', result.baseline.recallAt10);
  line('baseline ndcg@10', result.baseline.ndcgAt10);
  line('import seconds', result.importSeconds.toFixed(1));
}

export async function evaluateRelated(paths: string[]): Promise<RelatedEvalResult> {
  const records = await readRecords(paths);
  const dated = records.flatMap((r) => (r.date && Number.isFinite(Date.parse(r.date)) ? [Date.parse(r.date)] : []));
  const instant = new Date(dated.length ? Math.max(...dated) : Date.UTC(2000, 0, 1));
  const clusters = new Map(records.flatMap((r) => (r.cluster ? [[r.id, r.cluster] as const] : [])));

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-eval-related-'));
  const store = openStore({ sqliteFile: path.join(dir, 'eval.sqlite') });
  try {
    await store.migrate();
    const clock = fixedClock(instant);
    const curation = new Curation(store);
    const publisher = new Publisher(store, curation, clock);
    const importer = new Importer(publisher, curation, store, clock);
    const started = Date.now();
    const summary = await importer.importFiles(paths, { defaults: { section: 'News' } });
    const importSeconds = (Date.now() - started) / 1000;
    for (const r of summary.rejected.slice(0, 5)) console.error(`${r.file}:${r.line ?? ''} rejected: ${r.message}`);

    const lists = new Map<string, string[]>();
    for (const id of clusters.keys()) lists.set(id, (await store.related.rankedOf(id, K_LIST)).map((e) => e.relatedId));
    const present = new Set(await store.related.publishedIds());
    const threadOf = await store.threads.membership();
    return {
      records: records.length,
      undated: records.length - dated.length,
      engine: scoreLists(lists, clusters, present),
      threads: scoreThreads(threadOf, clusters, present),
      baseline: scoreLists(baselineLists(records, [...clusters.keys()]), clusters, present),
      importSeconds,
    };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The records of JSON Lines files, with their cluster (kept here, away from the engine). Bad lines are skipped. */
export async function readRecords(paths: string[]): Promise<EvalRecord[]> {
  const records: EvalRecord[] = [];
  for (const file of paths) {
    const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const text of lines) {
      if (!text.trim()) continue;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(text) as Record<string, unknown>;
      } catch {
        continue;
      }
      let input: ArticleInput;
      try {
        input = corpusRecordToInput(r, { section: 'News' });
      } catch {
        continue;
      }
      const body = typeof r.body === 'string' ? r.body.trim() : '';
      const cluster = typeof r.story_cluster_id === 'string' && r.story_cluster_id.trim() ? r.story_cluster_id.trim() : null;
      records.push({ id: input.id ?? '', headline: input.headline, body, date: input.publishedAt ?? null, cluster });
    }
  }
  return records;
}

/**
 * precision@5, recall@10 (share of an article's cluster-mates, at most 10, in its top 10) and nDCG@10 with binary
 * gains, each averaged over the articles that have a cluster id and at least one cluster-mate in the store.
 */
export function scoreLists(lists: Map<string, string[]>, clusters: Map<string, string>, present: Set<string>): RankingFigures {
  const sizes = new Map<string, number>();
  for (const [id, cluster] of clusters) if (present.has(id)) sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
  let precision = 0;
  let recall = 0;
  let ndcg = 0;
  let scored = 0;
  for (const [id, cluster] of clusters) {
    const mates = (sizes.get(cluster) ?? 0) - 1;
    if (!present.has(id) || mates < 1) continue;
    const list = (lists.get(id) ?? []).slice(0, K_LIST);
    const relevant = list.map((other) => clusters.get(other) === cluster);
    precision += relevant.slice(0, K_PRECISION).filter(Boolean).length / K_PRECISION;
    recall += relevant.filter(Boolean).length / Math.min(mates, K_LIST);
    let dcg = 0;
    let ideal = 0;
    relevant.forEach((hit, i) => (dcg += hit ? 1 / Math.log2(i + 2) : 0));
    for (let i = 0; i < Math.min(mates, K_LIST); i++) ideal += 1 / Math.log2(i + 2);
    ndcg += dcg / ideal;
    scored++;
  }
  const mean = (sum: number) => (scored ? sum / scored : 0);
  return { precisionAt5: mean(precision), recallAt10: mean(recall), ndcgAt10: mean(ndcg), scored };
}

/** Purity and completeness of story threads over the scored articles (a story in no thread is a thread of one). */
export function scoreThreads(threadOf: Map<string, string>, clusters: Map<string, string>, present: Set<string>): ThreadFigures {
  const byThread = new Map<string, string[]>();
  const byCluster = new Map<string, string[]>();
  for (const [id, cluster] of clusters) {
    if (!present.has(id)) continue;
    const thread = threadOf.get(id) ?? `single:${id}`;
    byThread.set(thread, [...(byThread.get(thread) ?? []), cluster]);
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), thread]);
  }
  const majority = (groups: Map<string, string[]>) => {
    let agree = 0;
    let total = 0;
    for (const members of groups.values()) {
      const counts = new Map<string, number>();
      for (const m of members) counts.set(m, (counts.get(m) ?? 0) + 1);
      agree += Math.max(...counts.values());
      total += members.length;
    }
    return total ? agree / total : 0;
  };
  const multi = [...byThread].filter(([thread, members]) => !thread.startsWith('single:') && members.length >= 2);
  return {
    purity: majority(byThread),
    completeness: majority(byCluster),
    threads: multi.length,
    threaded: multi.reduce((n, [, members]) => n + members.length, 0),
  };
}

const baselineStopwords = new Set(
  `a an and are as at be been but by for from had has have he her his i in is it its not of on or said says that the
  their they this to was were which who will with would you after about over into up out new more than after also`.split(/\s+/),
);

function baselineTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !baselineStopwords.has(w));
}

/** The baseline: for each of `ids`, the 10 records with the highest TF-IDF cosine (headline words 3×). */
export function baselineLists(records: EvalRecord[], ids: string[]): Map<string, string[]> {
  const vocabulary = new Map<string, number>();
  const docs = records.map((r) => {
    const tf = new Map<number, number>();
    const add = (word: string, n: number) => {
      let index = vocabulary.get(word);
      if (index === undefined) vocabulary.set(word, (index = vocabulary.size));
      tf.set(index, (tf.get(index) ?? 0) + n);
    };
    for (const w of baselineTokens(r.headline)) add(w, 3);
    for (const w of baselineTokens(r.body)) add(w, 1);
    return tf;
  });
  const df = new Float64Array(vocabulary.size);
  for (const tf of docs) for (const term of tf.keys()) df[term]!++;
  const n = records.length;
  const postings: { doc: number; weight: number }[][] = Array.from({ length: vocabulary.size }, () => []);
  const vectors = docs.map((tf, doc) => {
    const entries = [...tf].map(([term, count]) => [term, count * Math.log(n / df[term]!)] as const);
    const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0)) || 1;
    const unit = entries.map(([term, w]) => [term, w / norm] as const);
    for (const [term, weight] of unit) if (weight > 0) postings[term]!.push({ doc, weight });
    return unit;
  });
  const indexOf = new Map(records.map((r, i) => [r.id, i]));
  const lists = new Map<string, string[]>();
  const scores = new Float64Array(n);
  for (const id of ids) {
    const doc = indexOf.get(id);
    if (doc === undefined) continue;
    const touched: number[] = [];
    for (const [term, weight] of vectors[doc]!) {
      for (const p of postings[term]!) {
        if (scores[p.doc] === 0) touched.push(p.doc);
        scores[p.doc]! += weight * p.weight;
      }
    }
    const ranked = touched.filter((d) => d !== doc).sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, K_LIST);
    lists.set(id, ranked.map((d) => records[d]!.id));
    for (const d of touched) scores[d] = 0;
  }
  return lists;
}
