/**
 * Hot Topics refresh time on SQLite with 100,000 articles in the store, timed as the site refreshes the list:
 * `HotTopicsIndex.list(now, limit)` (editors' board and names, the store's query of the window's mentions, mapping,
 * ranking, overrides).
 *
 * Reuters-21578 goes through `extractTopics` once (timed); its mentions are repeated with shifted dates and fresh
 * ids up to `--articles`, and written to a fresh SQLite file through `store.mentions.replace` (the path
 * `HotTopicsIndex.index` takes), a few thousand stories per transaction. Only the `article` rows the mentions
 * refer to (and the window query joins for status and embargo) are inserted directly: publishing 100,000 stories
 * would time the publisher, not Hot Topics. They carry bodies of a news story's length (`--body`, default
 * 3000-6000 characters: the record's own body as paragraphs, repeated), since SQLite stores `status` and
 * `embargo_until` after `body_html` in the row, and a body past a page's local payload puts them on overflow pages
 * the join may have to read; Reuters' own bodies (`--body corpus`) are mostly shorter than news stories (median ~500
 * characters). Two stores, one per case:
 *
 * - realistic: each copy of the corpus shifted by one year, `now` at the busiest hour of the newest copy (a store
 *   that has grown over years; its 27-hour window holds a normal day or so of news, ~1,000 articles);
 * - dense: every article's time squeezed into the 27 hours before `now` (the stress case: all 100,000 in the window).
 *
 * Per case, after one warm-up, `--runs` timed refreshes (median, p95, max; wall clock and this process's CPU time,
 * since the machine may be shared), and in the same minutes two reads to compare with: the floor, a bare
 * better-sqlite3 read of what the refresh reads, the window's packed rows of `article_mention_pack` (one per story,
 * labels only for the last 3 hours, iterated and dropped), without the join to `article`; and the store's window
 * query itself (`store.mentions.window`: the same rows with each story's status and embargo checked, mapped to
 * objects). Window query minus floor is what the visibility join costs; refresh / floor what the refresh costs over
 * reading its rows.
 *
 * Usage: npm run bench:hot [-- --articles 100000 --runs 7 --corpus PATH --body empty|corpus|MIN-MAX]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import { HotTopicsIndex } from '../src/curation/hot-topics.js';
import { createTopicExtractor, defaultHotSettings } from '../src/curation/hot/index.js';
import { slugify } from '../src/domain/slug.js';
import { plainTextToHtml } from '../src/domain/text.js';
import { parseCorpusLines } from '../src/eval/corpus.js';
import { openStore, type Store, type StoredMention } from '../src/store/index.js';

const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const WRITE_BATCH = 5_000;
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
    corpus: { type: 'string', default: path.resolve(import.meta.dirname, '../../shared/data/reuters21578/part-000.jsonl') },
    body: { type: 'string', default: '3000-6000' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`node --import tsx bench/hot-topics.ts [--articles N] [--runs N] [--corpus PATH] [--body empty|corpus|MIN-MAX]

  --articles N   articles in each store (default 100000): the corpus repeated with shifted dates and fresh ids
  --runs N       timed refreshes per case after one warm-up (default 7)
  --corpus PATH  JSON Lines corpus (default ../shared/data/reuters21578/part-000.jsonl from the repo root)
  --body B       the articles' body_html: empty, corpus (the record's own body as paragraphs), or MIN-MAX
                 (that repeated to a length spread over MIN-MAX characters, a longer one kept whole;
                 default 3000-6000)

See bench/README.md.`);
  process.exit(0);
}
const target = Number(values.articles);
const runs = Number(values.runs);
const bodySpec = values.body!;
const bodyRange = /^(\d+)-(\d+)$/.exec(bodySpec);
if (bodySpec !== 'empty' && bodySpec !== 'corpus' && !(bodyRange && Number(bodyRange[1]) <= Number(bodyRange[2]))) {
  throw new Error(`--body must be empty, corpus or MIN-MAX (characters), not ${bodySpec}`);
}

/**
 * The `body_html` stored with the `index`th record: none, its own body as the importer stores it, or that repeated
 * to at least a length spread evenly over MIN-MAX (a longer body kept whole; the headline standing in for a record
 * without a body).
 */
function bodyOf(text: string, index: number): string {
  if (bodySpec === 'empty') return '';
  const own = plainTextToHtml(text);
  if (!bodyRange) return own;
  const min = Number(bodyRange[1]);
  const length = min + ((index * 7_919) % (Number(bodyRange[2]) - min + 1));
  const parts = [own];
  while (parts.length * (own.length + 1) - 1 < length) parts.push(own);
  return parts.join('\n');
}

const { records } = parseCorpusLines(await readFile(values.corpus!, 'utf8'), 0);
const extractor = createTopicExtractor();
let started = performance.now();
const extracted = records.map((r, index) => ({
  id: r.id,
  at: r.at,
  bodyHtml: bodyOf(r.body?.trim() || r.title, index),
  mentions: extractor
    .extractTopics({ id: r.id, title: r.title, body: r.body })
    .map((m): StoredMention => ({ ...m, slug: slugify(m.key) }))
    .filter((m) => m.slug),
}));
const extractMs = performance.now() - started;
const mentionCount = extracted.reduce((n, a) => n + a.mentions.length, 0);
console.log(`corpus: ${values.corpus}`);
console.log(`extracted articles: ${extracted.length}`);
console.log(`extract ms/article: ${(extractMs / extracted.length).toFixed(3)}`);
console.log(`mentions/article: ${(mentionCount / extracted.length).toFixed(1)}`);
const bodyLengths = extracted.map((a) => a.bodyHtml.length).sort((a, b) => a - b);
console.log(`body (--body ${bodySpec}) characters: median ${bodyLengths[bodyLengths.length >> 1]}, min ${bodyLengths[0]}, max ${bodyLengths[bodyLengths.length - 1]}`);

const first = Math.min(...extracted.map((a) => a.at));
const last = Math.max(...extracted.map((a) => a.at));
const span = last - first || 1;

interface Placed {
  id: string;
  at: number;
  bodyHtml: string;
  mentions: StoredMention[];
}

/** The corpus repeated up to `target` articles, copy `n` with ids suffixed `#n` and times from `at`. */
function place(at: (a: { at: number }, copy: number) => number): Placed[] {
  const out: Placed[] = [];
  for (let copy = 0; out.length < target; copy++) {
    for (const a of extracted) {
      if (out.length >= target) break;
      out.push({ id: `${a.id}#${copy}`, at: at(a, copy), bodyHtml: a.bodyHtml, mentions: a.mentions });
    }
  }
  return out;
}

/** The start of the hour with the most articles of the newest copy, plus one hour: a busy moment. */
function busiestHour(articles: Placed[]): number {
  const newest = Math.max(...articles.map((a) => a.at)) - span;
  const perHour = new Map<number, number>();
  for (const a of articles) if (a.at >= newest) perHour.set(Math.floor(a.at / HOUR) * HOUR, (perHour.get(Math.floor(a.at / HOUR) * HOUR) ?? 0) + 1);
  return [...perHour.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0] + HOUR;
}

async function fill(store: Store, articles: Placed[]): Promise<void> {
  await store.transaction((trx) => trx.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 0 }).execute());
  for (let i = 0; i < articles.length; i += WRITE_BATCH) {
    const batch = articles.slice(i, i + WRITE_BATCH);
    await store.transaction(async (trx) => {
      const rows = batch.map((a) => {
        const when = new Date(a.at).toISOString();
        return {
          id: a.id,
          slug: `s-${a.id}`,
          headline: a.id,
          body_html: a.bodyHtml,
          section_id: 'news',
          language: 'en',
          status: 'published',
          priority: 0,
          first_published_at: when,
          published_at: when,
          updated_at: when,
          created_at: when,
          revision: 1,
          content_hash: a.id,
        };
      });
      for (let j = 0; j < rows.length; j += 1_000) await trx.insertInto('article').values(rows.slice(j, j + 1_000)).execute();
    });
    await store.mentions.replace(new Map(batch.map((a) => [a.id, { publishedAt: new Date(a.at).toISOString(), mentions: a.mentions }])));
  }
}

function stats(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `median ${at(0.5).toFixed(0)} p95 ${at(0.95).toFixed(0)} max ${sorted[sorted.length - 1]!.toFixed(0)}`;
}

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number[]; cpuMs: number[]; result: T }> {
  let result = await work(); // the first run warms the JIT and SQLite's page cache
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    result = await work();
    ms.push(performance.now() - t0);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { ms, cpuMs, result };
}

const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;

async function bench(label: string, articles: Placed[], now: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-hot-'));
  const file = path.join(dir, 'hot.sqlite');
  const store = openStore({ sqliteFile: file });
  try {
    await store.migrate();
    started = performance.now();
    await fill(store, articles);
    const fillMs = performance.now() - started;
    const mentions = articles.reduce((n, a) => n + a.mentions.length, 0);
    console.log(`${label} articles: ${articles.length}, mentions: ${mentions}, written in ${(fillMs / 1000).toFixed(1)} s`);

    const windowMs = (defaultHotSettings.recentHours + defaultHotSettings.baselineHours) * HOUR;
    const from = new Date(now - windowMs).toISOString();
    const to = new Date(now).toISOString();
    const inWindow = articles.filter((a) => a.at >= now - windowMs && a.at <= now);
    console.log(`${label} articles in window: ${inWindow.length}, mentions in window: ${inWindow.reduce((n, a) => n + a.mentions.length, 0)}`);

    const raw = new SqliteDatabase(file, { readonly: true });
    raw.pragma('cache_size = -262144'); // as the store's own connection
    const labelsFrom = new Date(now - defaultHotSettings.recentHours * HOUR).toISOString();
    const bare = raw
      .prepare(
        'SELECT article_id, published_at, keys, in_headline, CASE WHEN published_at >= ? THEN labels END FROM article_mention_pack WHERE published_at >= ? AND published_at <= ?',
      )
      .raw();
    const floor = await timed(() => {
      let rows = 0;
      for (const _ of bare.iterate(labelsFrom, from, to)) rows++;
      return rows;
    });
    raw.close();
    const query = await timed(() => store.mentions.window(from, labelsFrom, to));
    const hot = new HotTopicsIndex(store);
    const refresh = await timed(() => hot.list(new Date(now), defaultHotSettings.limit));

    console.log(`${label} floor: bare read of the window's packed rows ms (${floor.result} rows): ${stats(floor.ms)}; cpu ${stats(floor.cpuMs)}`);
    console.log(`${label} window query ms (store.mentions.window, ${query.result.length} stories): ${stats(query.ms)}; cpu ${stats(query.cpuMs)}`);
    console.log(`${label} refresh ms (HotTopicsIndex.list): ${stats(refresh.ms)}; cpu ${stats(refresh.cpuMs)}`);
    console.log(`${label} refresh / floor (medians): ${(median(refresh.ms) / median(floor.ms)).toFixed(1)}`);
    console.log(`${label} topics: ${refresh.result.map((t) => t.label).join(' | ')}`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const realistic = place((a, copy) => a.at + copy * YEAR);
await bench('realistic', realistic, busiestHour(realistic));
const denseNow = last + HOUR;
await bench('dense', place((a) => denseNow - 27 * HOUR + ((a.at - first) / span) * 27 * HOUR - 1), denseNow);
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
