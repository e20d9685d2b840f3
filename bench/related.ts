/**
 * How long relating one story takes on SQLite with 100,000 articles in the store: the incremental path a publish
 * takes (`relateOne` over the store's index: look up the rarest terms, shortlist, fetch the shortlist's vectors,
 * re-rank), median and p95 over a few hundred stories, each recomputed as a publish would.
 *
 * The store is filled with the Reuters corpus repeated with shifted dates and ids until it holds ARTICLES stories,
 * written through the publisher in batches (terms, document frequencies and all) without relating, since only
 * the one-story computation is measured. Run: `npm run bench:related` (ARTICLES=100000 SAMPLES=300 by default;
 * BENCH_DB=file keeps the filled store between runs).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Curation } from '../src/curation/index.js';
import { defaultRelatedSettings, relateOne } from '../src/curation/related.js';
import { fixedClock } from '../src/domain/clock.js';
import { corpusRecordToInput } from '../src/ingest/corpus-record.js';
import { Publisher } from '../src/newsroom/publisher.js';
import { openStore } from '../src/store/index.js';

const ARTICLES = Number(process.env.ARTICLES ?? 100_000);
const SAMPLES = Number(process.env.SAMPLES ?? 300);
const BATCH = 1_000;
const corpus = path.resolve(process.env.NEWSDESK_SHARED_DATA ?? '../shared/data', 'reuters21578/part-000.jsonl');

async function readCorpus(): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(corpus, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) records.push(JSON.parse(line) as Record<string, unknown>);
  return records;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-related-'));
const file = process.env.BENCH_DB ?? path.join(dir, 'bench.sqlite');
const store = openStore({ sqliteFile: file });
await store.migrate();
const clock = fixedClock(new Date('1995-01-01T00:00:00Z'));
const curation = new Curation(store);
const publisher = new Publisher(store, curation, clock);

let have = await store.articles.countPublished();
if (have < ARTICLES) {
  const records = await readCorpus();
  const started = Date.now();
  let batch = [];
  for (let i = have; i < ARTICLES; i++) {
    const round = Math.floor(i / records.length);
    const r = records[i % records.length]!;
    const date = typeof r.date === 'string' ? new Date(Date.parse(r.date) + round * 400 * 86_400_000).toISOString() : null;
    try {
      batch.push(publisher.prepare(corpusRecordToInput({ ...r, id: `${String(r.id)}-r${round}`, date }, { section: 'News' })));
    } catch {
      continue;
    }
    if (batch.length >= BATCH) {
      await publisher.writeBatch(batch);
      batch = [];
      process.stderr.write(`\rwriting ${i + 1}/${ARTICLES} (${Math.round((i + 1 - have) / ((Date.now() - started) / 1000))}/s)`);
    }
  }
  if (batch.length) await publisher.writeBatch(batch);
  process.stderr.write('\n');
  have = await store.articles.countPublished();
}

const ids = (await store.related.publishedIds()).filter((_, i, all) => i % Math.max(1, Math.floor(all.length / SAMPLES)) === 0).slice(0, SAMPLES);
// Warm up the page cache and the statement cache as a running server would have.
for (const id of ids.slice(0, 20)) await relateOne(store.related, id, have, defaultRelatedSettings);
const times: number[] = [];
let listed = 0;
for (const id of ids) {
  const started = process.hrtime.bigint();
  const result = await relateOne(store.related, id, have, defaultRelatedSettings);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  listed += result?.entries.length ?? 0;
}
// The whole incremental refresh a publish runs: the story, the lists it joins or leaves, threads, writes.
const refreshTimes: number[] = [];
for (const id of ids.slice(0, 50)) {
  const started = process.hrtime.bigint();
  await curation.refreshRelated([id]);
  refreshTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
}
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
console.log(`articles: ${have}`);
console.log(`stories timed: ${times.length} (mean list length ${(listed / times.length).toFixed(1)})`);
console.log(`relate one story median ms: ${quantile(times, 0.5).toFixed(1)}`);
console.log(`relate one story p95 ms: ${quantile(times, 0.95).toFixed(1)}`);
console.log(`full refresh of one publish (with reverse updates, threads, writes) median ms: ${quantile(refreshTimes, 0.5).toFixed(1)}`);
console.log(`full refresh of one publish p95 ms: ${quantile(refreshTimes, 0.95).toFixed(1)}`);
await store.close();
if (!process.env.BENCH_DB) fs.rmSync(dir, { recursive: true, force: true });
