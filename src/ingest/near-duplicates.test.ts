/**
 * Near-duplicate detection, measured on real news text from the shared data folder (never copied into the
 * repository; `NEWSDESK_SHARED_DATA` overrides its place): exact duplicates in Reuters-21578 and BBC News must be
 * found, distinct reports of one event (ECB+ story clusters) must mostly not be, synthetic write-throughs of Reuters
 * stories and a Chinese (Sogou) story must be. The figures are printed (console.log) so they can be recorded; the
 * threshold in `near-duplicates.ts` was picked from them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BANDS,
  fingerprint,
  groupNearDuplicates,
  hammingDistance,
  isNearDuplicate,
  MIN_SHARED_MINHASHES,
  murmurHash3,
  NEAR_DUPLICATE_THRESHOLD,
  nearDuplicateWords,
  sharedMinhashes,
  similarity,
  type Fingerprint,
} from './near-duplicates.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = process.env.NEWSDESK_SHARED_DATA
  ? path.resolve(process.env.NEWSDESK_SHARED_DATA)
  : path.resolve(repoRoot, '../shared/data');

interface Row {
  id: string;
  title: string | null;
  body: string | null;
  story_cluster_id?: string;
  page_type?: string;
  suspected_mojibake?: boolean;
}

function readCorpus(name: string): Row[] {
  const file = path.join(dataDir, name, 'part-000.jsonl');
  if (!fs.existsSync(file)) throw new Error(`corpus ${name} not found at ${file}; set NEWSDESK_SHARED_DATA to the shared data folder`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Row);
}

const storyText = (row: Row) => `${row.title ?? ''}\n${row.body ?? ''}`;

/** mulberry32: a small seeded generator, so every run measures the same sample. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The exact set of 3-word shingles, to describe flagged pairs by their true textual overlap. */
function shingleSet(text: string): Set<string> {
  const words = nearDuplicateWords(text);
  const set = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) set.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return set;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

const shareBand = (a: Fingerprint, b: Fingerprint) => a.bands.some((key, i) => b.bands[i] === key);
/** The decision of `isNearDuplicate` with its limits moved (SimHash bits, MinHash values), for the threshold tables. */
const decidesAt = (a: Fingerprint, b: Fingerprint, bits: number, minhashes = MIN_SHARED_MINHASHES) =>
  shareBand(a, b) && sharedMinhashes(a, b) >= minhashes && hammingDistance(a.simhash, b.simhash) <= bits;
const THRESHOLD_BITS = Math.round(64 * (1 - NEAR_DUPLICATE_THRESHOLD));

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(2)}% (${n}/${d})`;

function quantiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p5 ${at(0.05)}, median ${at(0.5)}, p90 ${at(0.9)}, p95 ${at(0.95)}, max ${sorted[sorted.length - 1]}`;
}

/** Pairs of item indexes that are in the same cluster. */
function clusterOf(clusters: string[][]): Map<string, number> {
  const of = new Map<string, number>();
  clusters.forEach((cluster, n) => cluster.forEach((id) => of.set(id, n)));
  return of;
}

/** How many rows repeat an earlier row's key (e.g. its body): the number of copies. */
function copiesOf(rows: Row[], key: (row: Row) => string | null): number {
  const keys = rows.map(key).filter((k): k is string => k !== null);
  return keys.length - new Set(keys).size;
}

/** All pairs within groups of rows that have the same key (e.g. the same body), as id pairs. */
function pairsWithSameKey(rows: Row[], key: (row: Row) => string | null): [string, string][] {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(row.id);
    else groups.set(k, [row.id]);
  }
  const pairs: [string, string][] = [];
  for (const ids of groups.values()) for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
  return pairs;
}

/**
 * A write-through of an English story: ~5% of its words replaced by words from other stories, one number changed,
 * and a sentence from another story inserted at a sentence end. Returns the edited body.
 */
function writeThrough(body: string, donors: string[], next: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const words = body.split(/\s+/).filter(Boolean);
  const replaced = new Set<number>();
  const wanted = Math.max(1, Math.round(words.length * 0.05));
  while (replaced.size < wanted) replaced.add(Math.floor(next() * words.length));
  for (const i of replaced) {
    const donorWords = pick(donors).split(/\s+/).filter((w) => /^[A-Za-z]{2,}$/.test(w));
    words[i] = donorWords.length ? pick(donorWords) : 'also';
  }
  const numbers = words.flatMap((w, i) => (/\d/.test(w) && !replaced.has(i) ? [i] : []));
  if (numbers.length) {
    const i = pick(numbers);
    words[i] = words[i]!.replace(/\d(?!.*\d)/, (d) => String((Number(d) + 1 + Math.floor(next() * 8)) % 10));
  }
  let sentence = '';
  while (!sentence) {
    const sentences = pick(donors)
      .replace(/\s+/g, ' ')
      .split(/(?<=\.) /)
      .filter((s) => s.split(' ').length >= 8 && s.split(' ').length <= 30);
    if (sentences.length) sentence = pick(sentences);
  }
  const ends = words.flatMap((w, i) => (w.endsWith('.') ? [i + 1] : []));
  words.splice(ends.length ? pick(ends) : words.length, 0, sentence);
  return words.join(' ');
}

describe('fingerprints', () => {
  it('hashes with MurmurHash3 x86_32 (published test vectors)', () => {
    expect(murmurHash3('', 0)).toBe(0);
    expect(murmurHash3('', 1)).toBe(0x514e28b7);
    expect(murmurHash3('hello', 0)).toBe(0x248bfa47);
    expect(murmurHash3('Hello, world!', 0x9747b28c)).toBe(0x24884cba);
    expect(murmurHash3('The quick brown fox jumps over the lazy dog', 0x9747b28c)).toBe(0x2fa826cd);
  });

  const story =
    'Oil prices rose on Tuesday after the Organization of Petroleum Exporting Countries said it would keep output ' +
    "unchanged until June, and the group's president said members had cut production by 1.5 mln barrels a day.";

  it('is stable and ignores case, width, punctuation, apostrophe style and line breaks', () => {
    const f = fingerprint(story);
    expect(f.simhash).toBeTypeOf('bigint');
    expect(f.simhash >= 0n && f.simhash < 1n << 64n).toBe(true);
    expect(f.bands).toHaveLength(BANDS);
    for (const [i, key] of f.bands.entries()) expect(key).toMatch(new RegExp(`^${i}:[0-9a-f]{16}$`));
    const reformatted = story.toUpperCase().replace("group's", 'group’s').replace(/ /g, '\n  ').replace('1.5', '１.５');
    expect(fingerprint(reformatted)).toEqual(f);
    expect(fingerprint(story)).toEqual(f);
    expect(similarity(f, f)).toBe(1);
    expect(isNearDuplicate(f, fingerprint(reformatted))).toBe(true);
  });

  it('tells a lightly edited version apart from a different story', () => {
    const edited = story.replace('Tuesday', 'Wednesday').replace('1.5', '1.7') + ' Analysts had expected a cut.';
    const other =
      'Wheat futures fell in Chicago as rain in the plains improved crop prospects and exporters reported ' +
      'slower sales to Egypt and China than traders had expected for the week.';
    expect(isNearDuplicate(fingerprint(story), fingerprint(edited))).toBe(true);
    expect(isNearDuplicate(fingerprint(story), fingerprint(other))).toBe(false);
    expect(similarity(fingerprint(story), fingerprint(other))).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
    expect(similarity(fingerprint(story), fingerprint(edited))).toBe(similarity(fingerprint(edited), fingerprint(story)));
  });

  it('compares texts of fewer than five shingles by their exact normalised words', () => {
    const a = fingerprint('Quake hits northern Japan');
    expect(a.bands).toHaveLength(1);
    expect(a.bands[0]).toMatch(/^x:[0-9a-f]{16}$/);
    expect(isNearDuplicate(a, fingerprint('QUAKE HITS NORTHERN JAPAN!'))).toBe(true);
    expect(isNearDuplicate(a, fingerprint('Quake hits northern Chile'))).toBe(false);
    expect(isNearDuplicate(a, fingerprint(`Quake hits northern Japan. ${story}`))).toBe(false);
    const empty = fingerprint(' — ');
    expect(empty).toEqual({ simhash: 0n, bands: [] });
    expect(isNearDuplicate(empty, fingerprint(''))).toBe(false);
  });

  it('groups chains of versions and leaves single stories out', () => {
    const v1 = story;
    const v2 = `${v1} Brent crude for May rose 40 cents to 18.50 dlrs a barrel in London trading.`;
    const v3 = `${v2.replace('Tuesday', 'Wednesday')} Dealers said the market had expected the decision.`;
    const groups = groupNearDuplicates(
      [
        { id: 'v3', text: v3 },
        { id: 'other', text: 'Wheat futures fell in Chicago as rain in the plains improved crop prospects for the week.' },
        { id: 'v1', text: v1 },
        { id: 'v2', text: v2 },
        { id: 'short-a', text: 'Quake hits Japan' },
        { id: 'short-b', text: 'quake hits japan' },
        { id: 'empty-a', text: '' },
        { id: 'empty-b', text: '' },
      ].map(({ id, text }) => ({ id, fingerprint: fingerprint(text) })),
    );
    expect(groups).toEqual([
      ['v3', 'v1', 'v2'],
      ['short-a', 'short-b'],
    ]);
  });
});

describe('measured on real news (shared data)', () => {
  let reuters: Row[];
  let reutersPrints: Fingerprint[];
  let reutersGroups: string[][];

  beforeAll(() => {
    reuters = readCorpus('reuters21578');
    const started = performance.now();
    reutersPrints = reuters.map((row) => fingerprint(storyText(row)));
    const fingerprinted = performance.now();
    reutersGroups = groupNearDuplicates(reuters.map((row, i) => ({ id: row.id, fingerprint: reutersPrints[i]! })));
    const grouped = performance.now();
    console.log(
      `[near-duplicates] Reuters-21578: fingerprinted ${reuters.length} stories in ${Math.round(fingerprinted - started)} ms ` +
        `(${Math.round((1000 * reuters.length) / (fingerprinted - started))} stories/s), grouped them in ${Math.round(grouped - fingerprinted)} ms`,
    );
  });

  it('Reuters-21578: finds the stories whose body duplicates another exactly', () => {
    const pairs = pairsWithSameKey(reuters, (row) => row.body || null);
    const duplicates = copiesOf(reuters, (row) => row.body || null);
    const of = clusterOf(reutersGroups);
    const found = pairs.filter(([a, b]) => of.has(a) && of.get(a) === of.get(b));
    const byId = new Map(reuters.map((row) => [row.id, row]));
    const titled = pairs.filter(([a, b]) => byId.get(a)!.title !== byId.get(b)!.title);
    const titledFound = titled.filter(([a, b]) => of.has(a) && of.get(a) === of.get(b));
    const sizes = reutersGroups.map((g) => g.length).sort((a, b) => b - a);
    console.log(
      `[near-duplicates] Reuters exact-body duplicates: recall ${pct(found.length, pairs.length)} of pairs ` +
        `(${duplicates} stories copy another's body); under a different headline: ${pct(titledFound.length, titled.length)}. ` +
        `All clusters: ${reutersGroups.length} holding ${sizes.reduce((s, n) => s + n, 0)} stories, largest ${sizes.slice(0, 5).join(', ')}`,
    );
    expect(duplicates).toBe(265); // as documented for the corpus
    expect(found.length / pairs.length).toBeGreaterThanOrEqual(0.99);
  });

  it('Reuters-21578: pairs flagged beyond exact copies share much of their text (and why MinHash agreement is required)', () => {
    // Every pair sharing a band key is a candidate; describe each decision rule by the true shingle overlap it flags.
    const buckets = new Map<string, number[]>();
    reutersPrints.forEach((f, i) => {
      if (f.bands.length > 1) for (const key of f.bands) (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(i);
    });
    const candidates = new Map<number, [number, number]>();
    for (const bucket of buckets.values())
      for (let x = 0; x < bucket.length; x++)
        for (let y = x + 1; y < bucket.length; y++) candidates.set(bucket[x]! * 65536 + bucket[y]!, [bucket[x]!, bucket[y]!]);
    const shingles = new Map<number, Set<string>>();
    const setOf = (i: number) => shingles.get(i) ?? shingles.set(i, shingleSet(storyText(reuters[i]!))).get(i)!;
    const rules: [string, (a: Fingerprint, b: Fingerprint) => boolean][] = [
      [`SimHash ≤ ${THRESHOLD_BITS} bits alone`, (a, b) => hammingDistance(a.simhash, b.simhash) <= THRESHOLD_BITS],
      [`≥ ${MIN_SHARED_MINHASHES}/64 MinHash values alone`, (a, b) => sharedMinhashes(a, b) >= MIN_SHARED_MINHASHES],
      ['isNearDuplicate', isNearDuplicate],
    ];
    for (const [name, rule] of rules) {
      let flagged = 0;
      let exact = 0;
      let low = 0;
      let high = 0;
      for (const [i, j] of candidates.values()) {
        if (!rule(reutersPrints[i]!, reutersPrints[j]!)) continue;
        flagged++;
        if (reuters[i]!.body === reuters[j]!.body) {
          exact++;
          continue;
        }
        const overlap = jaccard(setOf(i), setOf(j));
        if (overlap < 0.2) low++;
        else if (overlap >= 0.3) high++;
      }
      console.log(
        `[near-duplicates] Reuters, ${name}: ${flagged} of ${candidates.size} candidate pairs flagged; ${exact} exact-body copies; ` +
          `of the others ${high} have shingle Jaccard ≥ 0.3, ${low} < 0.2`,
      );
      if (name === 'isNearDuplicate') expect(low).toBeLessThan(0.02 * (flagged - exact));
    }
  });

  it('BBC News: finds the exact copies (98) and the shared bodies', () => {
    const bbc = readCorpus('bbc-news');
    const groups = groupNearDuplicates(bbc.map((row) => ({ id: row.id, fingerprint: fingerprint(storyText(row)) })));
    const of = clusterOf(groups);
    const copies = pairsWithSameKey(bbc, (row) => `${row.title}\n${row.body}`);
    const sameBody = pairsWithSameKey(bbc, (row) => row.body);
    const found = (pairs: [string, string][]) => pairs.filter(([a, b]) => of.has(a) && of.get(a) === of.get(b)).length;
    const copiedStories = copiesOf(bbc, (row) => `${row.title}\n${row.body}`);
    console.log(
      `[near-duplicates] BBC News: exact copies (same headline and body) recall ${pct(found(copies), copies.length)} of pairs ` +
        `(${copiedStories} copied stories); same body ${pct(found(sameBody), sameBody.length)}; ` +
        `${groups.length} clusters holding ${groups.reduce((s, g) => s + g.length, 0)} stories`,
    );
    expect(copiedStories).toBe(98); // as documented for the corpus
    expect(found(copies) / copies.length).toBeGreaterThanOrEqual(0.99);
    expect(found(sameBody) / sameBody.length).toBeGreaterThanOrEqual(0.99);
  });

  describe('ECB+ (distinct reports of the same event)', () => {
    let ecb: Row[];
    let prints: Fingerprint[];
    let shingles: Set<string>[];
    beforeAll(() => {
      ecb = readCorpus('ecbplus');
      prints = ecb.map((row) => fingerprint(storyText(row)));
      shingles = ecb.map((row) => shingleSet(storyText(row)));
    });

    it('flags few same-cluster pairs, and those mostly share their text; no different-cluster pairs', () => {
      let same = 0;
      let sameFlagged = 0;
      let sameFlaggedCopies = 0;
      let sameFlaggedLow = 0;
      let sameOverlapping = 0;
      let different = 0;
      let differentFlagged = 0;
      for (let i = 0; i < ecb.length; i++) {
        for (let j = i + 1; j < ecb.length; j++) {
          const flagged = isNearDuplicate(prints[i]!, prints[j]!);
          if (ecb[i]!.story_cluster_id !== ecb[j]!.story_cluster_id) {
            different++;
            if (flagged) differentFlagged++;
            continue;
          }
          same++;
          const overlap = jaccard(shingles[i]!, shingles[j]!);
          if (overlap >= 0.3) sameOverlapping++;
          if (!flagged) continue;
          sameFlagged++;
          if (overlap >= 0.3) sameFlaggedCopies++;
          if (overlap < 0.2) sameFlaggedLow++;
        }
      }
      console.log(
        `[near-duplicates] ECB+ same-cluster pairs flagged: ${pct(sameFlagged, same)}; of those, shingle Jaccard ≥ 0.3 ` +
          `(syndicated copies / rewrites of one text): ${sameFlaggedCopies}, < 0.2: ${sameFlaggedLow}. ` +
          `Same-cluster pairs with Jaccard ≥ 0.3 in the corpus: ${pct(sameOverlapping, same)}. ` +
          `Different-cluster pairs flagged (all pairs): ${pct(differentFlagged, different)}`,
      );
      expect(sameFlagged / same).toBeLessThanOrEqual(0.02);
      expect(sameFlaggedLow).toBeLessThanOrEqual(0.001 * same);
      expect(differentFlagged / different).toBeLessThanOrEqual(0.0001);
    });

    it('groups exactly the connected components of isNearDuplicate (band lookup loses nothing)', () => {
      const parent = ecb.map((_, i) => i);
      const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
      let compared = 0;
      for (let i = 0; i < ecb.length; i++)
        for (let j = i + 1; j < ecb.length; j++) {
          compared++;
          if (isNearDuplicate(prints[i]!, prints[j]!)) parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
        }
      const brute = new Map<number, string[]>();
      ecb.forEach((row, i) => (brute.get(find(i)) ?? brute.set(find(i), []).get(find(i))!).push(row.id));
      const expected = [...brute.values()].filter((c) => c.length > 1);
      const grouped = groupNearDuplicates(ecb.map((row, i) => ({ id: row.id, fingerprint: prints[i]! })));
      console.log(`[near-duplicates] ECB+: ${grouped.length} clusters from band lookup = all-pairs components over ${compared} pairs`);
      expect(grouped).toEqual(expected);
    });
  });

  it('detects write-throughs of Reuters stories (~5% of words replaced, a sentence added, a number changed)', () => {
    const next = random(20250610);
    const bodies = reuters.map((row) => row.body ?? '').filter(Boolean);
    const wordCount = (body: string) => body.split(/\s+/).filter(Boolean).length;
    const sample = (min: number, max: number, size: number) => {
      const pool = reuters.filter((row) => row.body && wordCount(row.body) >= min && wordCount(row.body) < max);
      const chosen = new Set<Row>();
      while (chosen.size < size) chosen.add(pool[Math.floor(next() * pool.length)]!);
      return [...chosen];
    };
    const measure = (rows: Row[]) =>
      rows.map((row) => {
        const edited = { ...row, id: `${row.id}-v2`, body: writeThrough(row.body!, bodies, next) };
        return { row, edited, a: fingerprint(storyText(row)), b: fingerprint(storyText(edited)) };
      });

    const stories = measure(sample(50, Infinity, 200));
    const detected = stories.filter(({ a, b }) => isNearDuplicate(a, b)).length;
    const grouped = groupNearDuplicates(
      stories.flatMap(({ row, edited, a, b }) => [
        { id: row.id, fingerprint: a },
        { id: edited.id, fingerprint: b },
      ]),
    );
    const of = clusterOf(grouped);
    const together = stories.filter(({ row, edited }) => of.has(row.id) && of.get(row.id) === of.get(edited.id)).length;
    const distances = stories.map(({ a, b }) => hammingDistance(a.simhash, b.simhash));
    const overlaps = stories.map(({ row, edited }) => jaccard(shingleSet(storyText(row)), shingleSet(storyText(edited))));
    const aboveThreshold = stories.filter(({ a, b }) => similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD);
    const short = measure(sample(20, 50, 200));
    const shortDetected = short.filter(({ a, b }) => isNearDuplicate(a, b)).length;
    console.log(
      `[near-duplicates] Write-throughs of 200 Reuters stories of ≥ 50 words: detected ${pct(detected, stories.length)}, ` +
        `grouped together ${pct(together, stories.length)}; SimHash distance ${quantiles(distances)} bits; ` +
        `shingle Jaccard ${quantiles(overlaps.map((x) => Math.round(x * 100) / 100))}; ` +
        `${pct(aboveThreshold.filter(({ a, b }) => shareBand(a, b)).length, aboveThreshold.length)} of pairs above the SimHash threshold share a band key. ` +
        `Stories of 20–49 words: detected ${pct(shortDetected, short.length)}`,
    );
    // Banding the 64 SimHash bits instead (pigeonhole: 8 blocks of 8 bits find every pair within 7 bits).
    const pigeonhole = stories.filter(({ a, b }) => hammingDistance(a.simhash, b.simhash) <= 7).length;
    console.log(`[near-duplicates] Write-throughs within 7 bits (what 8 SimHash blocks of 8 bits would find): ${pct(pigeonhole, stories.length)}`);

    // The threshold tables: write-throughs found vs ECB+ same-event reports flagged, moving one limit at a time.
    const ecb = readCorpus('ecbplus');
    const ecbPrints = ecb.map((row) => fingerprint(storyText(row)));
    const sameEvent: [Fingerprint, Fingerprint][] = [];
    for (let i = 0; i < ecb.length; i++)
      for (let j = i + 1; j < ecb.length; j++)
        if (ecb[i]!.story_cluster_id === ecb[j]!.story_cluster_id) sameEvent.push([ecbPrints[i]!, ecbPrints[j]!]);
    const row = (label: string, decide: (a: Fingerprint, b: Fingerprint) => boolean) =>
      `  ${label}: write-throughs ${pct(stories.filter(({ a, b }) => decide(a, b)).length, stories.length)}, ` +
      `short ${pct(short.filter(({ a, b }) => decide(a, b)).length, short.length)}, ` +
      `ECB+ same-event pairs flagged ${pct(sameEvent.filter(([a, b]) => decide(a, b)).length, sameEvent.length)}`;
    const bitsTable = [16, 18, 20, 22, 24, 26, 28, 64].map((bits) =>
      row(`≤ ${bits} bits (similarity ≥ ${(1 - bits / 64).toFixed(4)})`, (a, b) => decidesAt(a, b, bits)),
    );
    const minhashTable = [16, 20, 22, 24, 26, 28, 32].map((minhashes) =>
      row(`≥ ${minhashes}/64 MinHash values`, (a, b) => decidesAt(a, b, THRESHOLD_BITS, minhashes)),
    );
    console.log(
      `[near-duplicates] Threshold table, SimHash limit (with ≥ ${MIN_SHARED_MINHASHES}/64 MinHash values shared):\n${bitsTable.join('\n')}\n` +
        `[near-duplicates] Threshold table, MinHash agreement (with ≤ ${THRESHOLD_BITS} SimHash bits):\n${minhashTable.join('\n')}`,
    );

    expect(detected / stories.length).toBeGreaterThanOrEqual(0.95);
    expect(together / stories.length).toBeGreaterThanOrEqual(0.95);
  });

  it('Sogou (Chinese): detects edited versions, finds the copies, flags no distinct stories', () => {
    const sogou = readCorpus('sogou-news-zh');
    const next = random(7);
    const clean = sogou.filter((row) => row.body && !row.suspected_mojibake && row.page_type === 'article' && row.body.length >= 300);
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const edit = (body: string) => {
      const segments = [...segmenter.segment(body)];
      const words = segments.flatMap((s, i) => (s.isWordLike ? [i] : []));
      const donor = [...segmenter.segment(clean[Math.floor(next() * clean.length)]!.body!)].filter((s) => s.isWordLike);
      const parts = segments.map((s) => s.segment);
      for (let n = 0; n < Math.max(1, Math.round(words.length * 0.05)); n++)
        parts[words[Math.floor(next() * words.length)]!] = donor[Math.floor(next() * donor.length)]!.segment;
      const number = parts.findIndex((p) => /[0-9０-９]/.test(p));
      if (number >= 0) parts[number] = parts[number]!.replace(/[0-9０-９]/, (d) => (d === '7' || d === '７' ? '８' : '７'));
      const sentences = clean[Math.floor(next() * clean.length)]!.body!.split(/(?<=。)/).filter((s) => s.length >= 10);
      return `${parts.join('')}${sentences[Math.floor(next() * sentences.length)] ?? '记者另悉，相关部门将于下周公布详细方案。'}`;
    };
    const first = clean[0]!;
    const firstEdited = `${first.title}\n${edit(first.body!)}`;
    const pairDetected = isNearDuplicate(fingerprint(storyText(first)), fingerprint(firstEdited));
    const versions = clean.map((row) => [fingerprint(storyText(row)), fingerprint(`${row.title}\n${edit(row.body!)}`)] as const);
    const detected = versions.filter(([a, b]) => isNearDuplicate(a, b)).length;

    const withBody = sogou.filter((row) => row.body);
    const prints = withBody.map((row) => fingerprint(storyText(row)));
    const of = clusterOf(groupNearDuplicates(withBody.map((row, i) => ({ id: row.id, fingerprint: prints[i]! }))));
    const copies = pairsWithSameKey(withBody, (row) => row.body);
    const copiesFound = copies.filter(([a, b]) => of.has(a) && of.get(a) === of.get(b)).length;
    const shingles = withBody.map((row) => shingleSet(row.body!));
    let distinct = 0;
    let distinctFlagged = 0;
    for (let i = 0; i < withBody.length; i++)
      for (let j = i + 1; j < withBody.length; j++) {
        if (withBody[i]!.body === withBody[j]!.body) continue;
        const overlap = jaccard(shingles[i]!, shingles[j]!);
        if (overlap >= 0.3) continue; // not distinct: a re-post of much the same text
        distinct++;
        if (isNearDuplicate(prints[i]!, prints[j]!)) distinctFlagged++;
      }
    console.log(
      `[near-duplicates] Sogou (zh): "${first.title}" and its edit: ${pairDetected ? 'detected' : 'MISSED'} ` +
        `(similarity ${similarity(fingerprint(storyText(first)), fingerprint(firstEdited)).toFixed(3)}); ` +
        `edited versions of ${clean.length} clean stories detected ${pct(detected, clean.length)}; ` +
        `same-body copies grouped ${pct(copiesFound, copies.length)} of pairs; distinct pairs flagged ${pct(distinctFlagged, distinct)}`,
    );
    expect(pairDetected).toBe(true);
    expect(detected / clean.length).toBeGreaterThanOrEqual(0.95);
    expect(copiesFound / copies.length).toBeGreaterThanOrEqual(0.99);
    expect(distinctFlagged).toBe(0);
  });
});
