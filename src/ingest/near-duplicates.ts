/**
 * Near-duplicate wire stories: the same agency story arriving from two feeds, or a write-through (a lightly edited
 * new version under a new GUID), is recognised so editors see "also from …" instead of two stories. Pure: text in,
 * a fingerprint out; fingerprints in, a decision or clusters out. No I/O, no dependencies.
 *
 * **Features.** The text (headline + body as plain text) is normalised with NFKC and lower-cased, typographic
 * apostrophes become `'`, and it is cut into words: runs of letters, marks and digits (digits are kept, and
 * `1,250.5` stays one word). Runs in scripts written without spaces (Han, kana, Hangul, Thai, Lao, Khmer, Myanmar)
 * are cut with `Intl.Segmenter`, so Chinese yields words too (only those runs: segmenting all text is ~6× slower).
 * Each word is hashed with MurmurHash3 x86_32 over its UTF-8 bytes; each run of three words (a shingle) gets a 64-bit
 * hash: two MurmurHash3 x86_32 halves, with different seeds, over the 12 little-endian bytes of its word hashes.
 *
 * **SimHash** (Charikar 2002): every shingle occurrence votes +1/−1 on each of the 64 bits by its hash, so a
 * shingle weighs as often as it occurs; a bit is set where the sum is positive. `similarity` is 1 − hamming/64.
 *
 * **Band keys** are MinHash LSH bands (Broder 1997) over the same shingle hashes: 64 MinHash values (hash function j
 * is `fmix32(lo + j·hi)`, Kirsch–Mitzenmacher double hashing finished with MurmurHash3's fmix32) in 32 bands of 2.
 * Two texts with shingle Jaccard J share a band key with probability 1 − (1 − J²)^32: 0.95 at J = 0.3, 0.996 at
 * J = 0.4, 0.08 at J = 0.05. They are *not* slices of the SimHash bits, because the measurements
 * (`near-duplicates.test.ts`) rule that out: a write-through with ~5% of its words replaced keeps a shingle Jaccard
 * of only 0.5–0.75, which leaves its SimHash up to 24 bits from the original's (median 14). Pigeonhole blocks for
 * k = 24 would be 64/25 ≈ 2.6 bits wide, shared by practically every pair of stories (an all-pairs scan), while
 * 8 blocks of 8 bits (k = 7) find 4% of the write-throughs.
 *
 * **The decision** (`isNearDuplicate`): a shared band key, at least `MIN_SHARED_MINHASHES` of the 64 MinHash values
 * alike (estimated shingle Jaccard ≥ 0.375), and SimHash similarity ≥ `NEAR_DUPLICATE_THRESHOLD`. The MinHash
 * agreement does most of the work. SimHash alone cannot tell a write-through from a templated story of another
 * company: on Reuters, of the 51,843 pairs that share a band key, a 24-bit SimHash limit alone flags 5,573
 * non-identical pairs that have less than 0.2 shingle Jaccard (dividend notices, eurobond issues); with the MinHash
 * condition there are none. The SimHash limit then trims a few more pairs (Reuters 2,400 → 2,239 flagged; ECB+
 * same-event pairs 81 → 79) and costs no write-through. `groupNearDuplicates` compares only pairs that share a band
 * key; since that is part of the decision, it finds exactly the connected components of `isNearDuplicate`.
 *
 * **Short texts.** With fewer than `MIN_SHINGLES` (5) shingles, i.e. fewer than seven words (a bare headline, a
 * one-line bulletin), shingle statistics mean nothing: one changed word changes most of them. Such a text is a near
 * duplicate only of a text with *exactly the same normalised words* (same words in the same order, ignoring case,
 * punctuation, width and spacing). Its only band key is `x:` + a 64-bit hash of those words; its `simhash` is then a
 * SimHash over single words, so `similarity` still says roughly how alike two short texts are, but it is not used
 * for the decision. A text without any word has no band key and is a near duplicate of nothing.
 *
 * **Limits, measured.** Write-throughs of 20–49-word stories are found 86% of the time (a sentence added to a short
 * story is a large change); stories of one template that differ only in names and figures (dividend notices, bond
 * issues, daily market estimates) can share enough text to be grouped, so callers should compare within a time
 * window (the Reuters corpus spans eight months; its largest cluster has 49 such items).
 */

/** Words per shingle (the shingle hash in `fingerprint` takes exactly three). */
const SHINGLE_WORDS = 3;
/** Below this many shingles a text is compared by exact normalised words only (see the module comment). */
export const MIN_SHINGLES = 5;
/** MinHash LSH: this many band keys per fingerprint … */
export const BANDS = 32;
/** … each made of this many MinHash values (8 hex digits each). */
export const ROWS_PER_BAND = 2;

/**
 * Minimum SimHash similarity (1 − hamming/64): 0.625, i.e. at most 24 of 64 bits differ. Chosen from the figures
 * printed by `near-duplicates.test.ts` (with ≥ 24/64 MinHash values alike):
 *
 * | SimHash limit | write-throughs found (200 Reuters stories ≥ 50 words) | 20–49 words | ECB+ same-event pairs flagged |
 * |---|---|---|---|
 * | ≤ 16 bits (0.75)   | 79.0% | 36.0% | 0.88% |
 * | ≤ 20 bits (0.6875) | 95.0% | 71.0% | 1.24% |
 * | ≤ 22 bits (0.656)  | 97.0% | 82.5% | 1.36% |
 * | **≤ 24 bits (0.625)** | **99.0%** | **86.0%** | **1.42%** |
 * | ≤ 26 bits (0.594)  | 99.0% | 89.0% | 1.42% |
 * | no limit           | 99.0% | 89.5% | 1.45% |
 *
 * 24 bits is where write-throughs stop gaining (their SimHash distance: median 14, p95 20, max 24). The ECB+ pairs
 * flagged at 24 bits (79 of 5,568 reports of one event by different outlets) all have shingle Jaccard ≥ 0.3: they
 * are syndicated copies or rewrites of one agency text, i.e. near duplicates in fact. Different-event pairs
 * (476,103) flagged: 0. Exact duplicates (Reuters 268 pairs, 46 of them under different headlines; BBC 98 copies,
 * 133 shared bodies; Sogou 358 pairs): all found.
 */
export const NEAR_DUPLICATE_THRESHOLD = 1 - 24 / 64;

/**
 * Of the 64 MinHash values, at least this many must be alike (estimated shingle Jaccard ≥ 0.375). Measured with the
 * 24-bit SimHash limit: ≥ 20 finds 100% of the write-throughs (short: 93%) but flags 1.89% of ECB+ same-event pairs;
 * ≥ 24: 99% (86%), 1.42%; ≥ 28: 98% (68.5%), 1.04%; ≥ 32: 91% (41%), 0.90%.
 */
export const MIN_SHARED_MINHASHES = 24;

export interface Fingerprint {
  /** 64-bit SimHash of the text's shingles (unsigned). */
  simhash: bigint;
  /** LSH band keys for candidate lookup: `<band>:<16 hex digits>` (32 of them); `x:<16 hex digits>` for a short text. */
  bands: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Words

const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// A word: letters, marks and digits; an apostrophe inside a word, and `.`/`,` between digits, do not end it.
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:'|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHES = /[\u2019\u02bc\u2032\uff07`]/g;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The normalised words of a text, as compared for near duplicates. */
export function nearDuplicateWords(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'");
  const unspaced = NO_SPACE_SCRIPTS.test(normalized);
  const words: string[] = [];
  for (const match of normalized.matchAll(WORD)) {
    const run = match[0];
    if (unspaced && NO_SPACE_SCRIPTS.test(run)) {
      for (const { segment, isWordLike } of segmenter.segment(run)) if (isWordLike) words.push(segment);
    } else {
      words.push(run);
    }
  }
  return words;
}

// ---------------------------------------------------------------------------------------------------------------
// Hashing: MurmurHash3 x86_32 (Appleby), over UTF-8 bytes and over 32-bit words.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const SEED_LO = 0;
const SEED_HI = 0x9747b28c;
const SEED_EXACT = 0x5bd1e995;

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH(h: number, k: number): number {
  h ^= mixK(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(1024);

/** MurmurHash3 x86_32 (unsigned) of a string's UTF-8 bytes. */
export function murmurHash3(text: string, seed = 0): number {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const bytes = scratch;
  const length = encoder.encodeInto(text, bytes).written;
  let h = seed | 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    h = mixH(h, bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
  }
  const tail = length & 3;
  if (tail > 0) {
    let k = bytes[blocks]!;
    if (tail > 1) k |= bytes[blocks + 1]! << 8;
    if (tail > 2) k |= bytes[blocks + 2]! << 16;
    h ^= mixK(k);
  }
  return fmix32(h ^ length);
}

/** MurmurHash3 x86_32 of three 32-bit words as 12 little-endian bytes. */
function murmurWords3(a: number, b: number, c: number, seed: number): number {
  return fmix32(mixH(mixH(mixH(seed | 0, a), b), c) ^ 12);
}

/** MurmurHash3 x86_32 of one 32-bit word as 4 little-endian bytes. */
function murmurWord(a: number, seed: number): number {
  return fmix32(mixH(seed | 0, a) ^ 4);
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

// ---------------------------------------------------------------------------------------------------------------
// Fingerprints

const MINHASHES = BANDS * ROWS_PER_BAND;

/** SimHash bit sums: index 0–31 the low word's bits, 32–63 the high word's. */
function vote(sums: Int32Array, lo: number, hi: number): void {
  for (let bit = 0; bit < 32; bit++) {
    sums[bit]! += ((lo >>> bit) & 1) * 2 - 1;
    sums[bit + 32]! += ((hi >>> bit) & 1) * 2 - 1;
  }
}

function simhashOf(sums: Int32Array): bigint {
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (sums[bit]! > 0) lo |= 1 << bit;
    if (sums[bit + 32]! > 0) hi |= 1 << bit;
  }
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/**
 * The fingerprint of a story's plain text (headline + body). Deterministic and the same in every process, so stored
 * band keys stay valid until this algorithm changes.
 */
export function fingerprint(text: string): Fingerprint {
  const words = nearDuplicateWords(text);
  if (words.length === 0) return { simhash: 0n, bands: [] };
  const wordHashes = words.map((word) => murmurHash3(word, SEED_LO));
  const sums = new Int32Array(64);
  const shingles = words.length - SHINGLE_WORDS + 1;

  if (shingles < MIN_SHINGLES) {
    for (const h of wordHashes) vote(sums, murmurWord(h, SEED_LO), murmurWord(h, SEED_HI));
    const joined = words.join(' ');
    const exact = hex8(murmurHash3(joined, SEED_EXACT)) + hex8(murmurHash3(joined, SEED_HI));
    return { simhash: simhashOf(sums), bands: [`x:${exact}`] };
  }

  const mins = new Uint32Array(MINHASHES).fill(0xffffffff);
  for (let i = 0; i < shingles; i++) {
    const a = wordHashes[i]!;
    const b = wordHashes[i + 1]!;
    const c = wordHashes[i + 2]!;
    const lo = murmurWords3(a, b, c, SEED_LO);
    const hi = murmurWords3(a, b, c, SEED_HI);
    vote(sums, lo, hi);
    const step = hi | 1;
    for (let j = 0; j < MINHASHES; j++) {
      const v = fmix32((lo + Math.imul(j, step)) | 0);
      if (v < mins[j]!) mins[j] = v;
    }
  }
  const bands: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    let key = `${band}:`;
    for (let row = 0; row < ROWS_PER_BAND; row++) key += hex8(mins[band * ROWS_PER_BAND + row]!);
    bands.push(key);
  }
  return { simhash: simhashOf(sums), bands };
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

const MASK32 = 0xffffffffn;

/** Number of differing bits between two 64-bit SimHashes. */
export function hammingDistance(a: bigint, b: bigint): number {
  const x = (a ^ b) & 0xffffffffffffffffn;
  return popcount32(Number(x & MASK32)) + popcount32(Number(x >> 32n));
}

/** 1 − hamming/64 of the two SimHashes: 1 for the same text, about 0.5 for unrelated texts. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  return 1 - hammingDistance(a.simhash, b.simhash) / 64;
}

const isShort = (f: Fingerprint) => f.bands.length === 1 && f.bands[0]!.startsWith('x:');

/**
 * How many of the 64 MinHash values two fingerprints have alike (each band key holds two, as 8 hex digits each,
 * after the band number). Divided by 64 it estimates the Jaccard similarity of the two texts' shingle sets.
 */
export function sharedMinhashes(a: Fingerprint, b: Fingerprint): number {
  if (isShort(a) || isShort(b) || a.bands.length !== b.bands.length) return 0;
  let shared = 0;
  for (let i = 0; i < a.bands.length; i++) {
    const x = a.bands[i]!;
    const y = b.bands[i]!;
    if (x === y) {
      shared += ROWS_PER_BAND;
      continue;
    }
    const start = x.length - ROWS_PER_BAND * 8;
    if (start !== y.length - ROWS_PER_BAND * 8 || x.slice(0, start) !== y.slice(0, start)) continue;
    for (let row = 0; row < ROWS_PER_BAND; row++) {
      const at = start + row * 8;
      if (x.slice(at, at + 8) === y.slice(at, at + 8)) shared++;
    }
  }
  return shared;
}

function shareBand(a: Fingerprint, b: Fingerprint): boolean {
  if (a.bands.length === b.bands.length) {
    // Keys carry their band number, so equal keys can only sit at the same position.
    for (let i = 0; i < a.bands.length; i++) if (a.bands[i] === b.bands[i]) return true;
    return false;
  }
  const keys = new Set(a.bands);
  return b.bands.some((key) => keys.has(key));
}

/**
 * Whether two texts are the same story: they share a band key, at least `MIN_SHARED_MINHASHES` of their 64 MinHash
 * values, and SimHash similarity ≥ `NEAR_DUPLICATE_THRESHOLD`. Short texts (fewer than `MIN_SHINGLES` shingles): the
 * same normalised words.
 */
export function isNearDuplicate(a: Fingerprint, b: Fingerprint): boolean {
  if (!shareBand(a, b)) return false;
  if (isShort(a) || isShort(b)) return true; // a shared `x:` key is the same normalised text
  return sharedMinhashes(a, b) >= MIN_SHARED_MINHASHES && similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD;
}

/**
 * Groups items into clusters of near duplicates: the connected components of `isNearDuplicate` (so a chain of
 * write-throughs v1 → v2 → v3 is one cluster). Only items that share a band key are compared, never all pairs; as a
 * shared band key is part of the decision, this finds every pair `isNearDuplicate` would. Returns the clusters with
 * two or more items, each in input order, ordered by their first item; items that duplicate nothing are left out.
 */
export function groupNearDuplicates(items: { id: string; fingerprint: Fingerprint }[]): string[][] {
  const parent = Int32Array.from(items, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  };

  // Identical fingerprints (exact copies) join at once; one of them stands for all in the band buckets.
  // A bucket is an item's index until a second item shares the key (most keys are never shared).
  const firstWithFingerprint = new Map<string, number>();
  const buckets = new Map<string, number | number[]>();
  items.forEach(({ fingerprint: f }, i) => {
    if (f.bands.length === 0) return;
    const whole = `${f.simhash.toString(16)}/${f.bands.join('/')}`;
    const first = firstWithFingerprint.get(whole);
    if (first !== undefined) return union(first, i);
    firstWithFingerprint.set(whole, i);
    for (const key of f.bands) {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, i);
      else if (typeof bucket === 'number') buckets.set(key, [bucket, i]);
      else bucket.push(i);
    }
  });

  for (const bucket of buckets.values()) {
    if (typeof bucket === 'number') continue;
    for (let x = 0; x < bucket.length; x++) {
      const i = bucket[x]!;
      for (let y = x + 1; y < bucket.length; y++) {
        const j = bucket[y]!;
        if (find(i) !== find(j) && isNearDuplicate(items[i]!.fingerprint, items[j]!.fingerprint)) union(i, j);
      }
    }
  }

  const clusters = new Map<number, string[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(item.id);
    else clusters.set(root, [item.id]);
  });
  return [...clusters.values()].filter((cluster) => cluster.length > 1);
}
