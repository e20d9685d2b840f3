/**
 * Related Stories, the ranking rules. Pure: a `RelatedSource` (the store, or an in-memory copy of its index)
 * supplies postings and candidate details, this ranks them.
 *
 * 1. *Look up* the target's most informative terms (weight × idf), rarest first, within a postings budget (never
 *    its section: a desk of unrelated stories shares it).
 * 2. *Shortlist* candidates by their summed term overlap (BM25-like: each side's weight saturates, times idf).
 * 3. *Re-rank* the shortlist by the cosine of the two stories' full tf-idf vectors (so a long story does not win by
 *    length), times a time-distance factor that never falls below a floor (follow-ups months later still relate;
 *    undated stories imported at one instant are not punished much), raised for a story that names the same latest
 *    year as the target (`stated-time.ts`: the text's own word on when, for stories whose publication times do not
 *    tell two events of one kind apart).
 * 4. *Collapse* near-duplicates: a story whose headline or vector repeats the target's or one already chosen is
 *    another copy of the same agency story and is left out.
 */
import type { IndexedTerm, RelatedCandidate, RelatedEntry, RelatedTarget, TermPosting } from '../store/index.js';
import { sameYearFactor, statedYearOf } from './stated-time.js';
import { describesSubject, findsRelated } from './terms.js';

/**
 * However small the archive, a term in this few stories is still looked up: in a newsroom's first few dozen stories
 * the words of a developing story are in more than `maxDocumentShare` of them, and are exactly what relates them.
 */
const MIN_COMMON_DF = 10;

export interface RelatedSettings {
  /** Terms carried by more than this share of all stories say little about any one of them. */
  maxDocumentShare: number;
  /** Most postings read per article: the rarest terms are looked up first until this budget is spent. */
  postingsBudget: number;
  /** How many of the best overlap scores go on to the cosine re-ranking. */
  shortlist: number;
  /** Days apart at which the time factor has fallen halfway to its floor. */
  recencyHalfDistanceDays: number;
  /**
   * The lowest the time factor goes, however far apart two stories are. A story that names the same latest year as
   * the target counts 1 / floor times as much (`stated-time.ts`).
   */
  recencyFloor: number;
  /** Cosine above which two stories are copies of one another. */
  duplicateCosine: number;
  /** How many of the first ranking's best describe the story's subject for the second (0: no second pass). */
  feedbackDepth: number;
  /** Weight of those stories' mean vector beside the story's own in the second pass. */
  feedbackWeight: number;
  limit: number;
}

export const defaultRelatedSettings: RelatedSettings = {
  maxDocumentShare: 0.1,
  postingsBudget: 6_000,
  shortlist: 100,
  recencyHalfDistanceDays: 0.25,
  recencyFloor: 0.6,
  duplicateCosine: 0.97,
  feedbackDepth: 5,
  feedbackWeight: 0.7,
  limit: 12,
};

/** Where the ranking reads the index: the store (one story at a time) or `TermIndex` (a bulk import). */
export interface RelatedSource {
  target(articleId: string): Promise<RelatedTarget | null> | RelatedTarget | null;
  postings(terms: string[], excludeId: string): Promise<TermPosting[]> | TermPosting[];
  /** Details and indexed terms of those of `ids` that are published. */
  candidates(ids: string[]): Promise<RelatedCandidate[]> | RelatedCandidate[];
}

/** A chosen related story with its plain similarity and how far apart in time the two are (for threads). */
export interface RankedEntry extends RelatedEntry {
  similarity: number;
  days: number;
}

export interface RelatedResult {
  publishedAt: string;
  entries: RankedEntry[];
}

const DAY_MS = 86_400_000;
/** BM25's saturation constant: the second mention of a term adds less than the first. */
const SATURATION = 1.2;

export const idfOf = (df: number, totalDocs: number) => Math.log(1 + totalDocs / Math.max(1, df));

/** Relates one story: the four steps above. Null when the story is not in the index. */
export async function relateOne(
  source: RelatedSource,
  articleId: string,
  totalDocs: number,
  settings = defaultRelatedSettings,
): Promise<RelatedResult | null> {
  const target = await source.target(articleId);
  if (!target) return null;
  const lookup = lookupTerms(target, totalDocs, settings).map((t) => t.term);
  const scored = scoreCandidates(target, await source.postings(lookup, articleId), totalDocs, settings);
  const candidates = await source.candidates(scored.map((s) => s.relatedId));
  return { publishedAt: target.publishedAt, entries: pickRelated(target, scored, candidates, totalDocs, settings) };
}

/**
 * The terms worth looking up for `target`: rare enough to discriminate, most informative first (weight × idf),
 * until their postings would exceed the budget.
 */
export function lookupTerms(target: RelatedTarget, totalDocs: number, settings = defaultRelatedSettings): IndexedTerm[] {
  const maxDf = Math.max(MIN_COMMON_DF, settings.maxDocumentShare * totalDocs);
  const ranked = target.terms
    .filter((t) => t.df <= maxDf && t.df > 1 && findsRelated(t.term))
    .sort((a, b) => b.weight * idfOf(b.df, totalDocs) - a.weight * idfOf(a.df, totalDocs) || compare(a.term, b.term));
  const chosen: IndexedTerm[] = [];
  let postings = 0;
  for (const term of ranked) {
    if (postings + term.df > settings.postingsBudget) continue;
    postings += term.df;
    chosen.push(term);
  }
  return chosen;
}

const saturate = (weight: number) => (weight * (SATURATION + 1)) / (weight + SATURATION);

/** Step 2: each candidate's summed overlap (saturated weights on both sides × idf), best first. */
export function scoreCandidates(
  target: RelatedTarget,
  postings: TermPosting[],
  totalDocs: number,
  settings = defaultRelatedSettings,
): RelatedEntry[] {
  const termFactor = new Map(target.terms.map((t) => [t.term, saturate(t.weight) * idfOf(t.df, totalDocs)]));
  const scores = new Map<string, { score: number }>();
  // Postings come grouped by term (a store's need not be): the term's factor is looked up once per run of them.
  let term: string | undefined;
  let factor: number | undefined;
  for (const p of postings) {
    if (p.term !== term) factor = termFactor.get((term = p.term));
    if (factor === undefined || p.articleId === target.id) continue;
    const added = factor * saturate(p.weight);
    const sum = scores.get(p.articleId);
    if (sum) sum.score += added;
    else scores.set(p.articleId, { score: added });
  }
  return best(scores, settings.shortlist);
}

/**
 * The `count` best of `scores`, highest first, ties by id: the order a full sort gives, without sorting every
 * candidate (a story's postings reach thousands of them, of which the shortlist keeps a hundred). Only scores at or
 * above the `count`-th highest can be among them.
 */
function best(scores: Map<string, { score: number }>, count: number): RelatedEntry[] {
  let floor = -Infinity;
  if (scores.size > count) {
    const values = new Float64Array(scores.size);
    let at = 0;
    for (const sum of scores.values()) values[at++] = sum.score;
    values.sort();
    floor = values[values.length - count]!;
  }
  const entries: RelatedEntry[] = [];
  for (const [relatedId, { score }] of scores) if (score >= floor) entries.push({ relatedId, score });
  return entries.sort((a, b) => b.score - a.score || compare(a.relatedId, b.relatedId)).slice(0, count);
}

interface Vector {
  weights: Map<string, number>;
  norm: number;
}

/** A story's tf-idf vector (term → weight × idf) over the terms that describe its subject, and its length. */
function vectorOf(terms: IndexedTerm[], totalDocs: number): Vector {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const t of terms) {
    if (!describesSubject(t.term)) continue;
    const w = t.weight * idfOf(t.df, totalDocs);
    weights.set(t.term, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

function cosine(a: Vector, b: Vector): number {
  if (!a.norm || !b.norm) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}

/** How much being `days` apart leaves of a score: 1 at the same time, halfway to the floor at the half-distance. */
export function timeFactor(days: number, settings = defaultRelatedSettings): number {
  if (!Number.isFinite(days)) return settings.recencyFloor;
  return settings.recencyFloor + (1 - settings.recencyFloor) / (1 + Math.abs(days) / settings.recencyHalfDistanceDays);
}

/** Steps 3 and 4: cosine × time factor × same-year factor, then copies left out; unpublished candidates drop out. */
export function pickRelated(
  target: RelatedTarget,
  scored: RelatedEntry[],
  candidates: RelatedCandidate[],
  totalDocs: number,
  settings = defaultRelatedSettings,
): RankedEntry[] {
  const details = new Map(candidates.map((c) => [c.id, c]));
  const targetVector = vectorOf(target.terms, totalDocs);
  const targetTime = Date.parse(target.publishedAt);
  const targetYear = statedYearOf(target.terms);
  const ranked = scored.flatMap((entry) => {
    const candidate = details.get(entry.relatedId);
    if (!candidate) return [];
    const vector = vectorOf(candidate.terms, totalDocs);
    const similarity = cosine(targetVector, vector);
    const days = (Date.parse(candidate.publishedAt) - targetTime) / DAY_MS;
    // What is not in the words: how far apart the two were published, and whether they name the same year. Naming
    // it makes up for the most the time factor can take away, so a story published years apart that names the
    // year competes with one published the same day.
    const timing = timeFactor(days, settings) * sameYearFactor(targetYear, statedYearOf(candidate.terms), 1 / settings.recencyFloor);
    return [{ candidate, vector, days, similarity, timing, score: similarity * timing }];
  });
  ranked.sort((a, b) => b.score - a.score || compare(a.candidate.id, b.candidate.id));
  if (settings.feedbackDepth > 0 && ranked.length > settings.feedbackDepth) {
    // Second pass: the best few say what the story is about better than its own few words do (a headline has
    // five or six); re-rank by closeness to the story plus their mean.
    const expanded = new Map<string, number>();
    for (const [term, w] of targetVector.weights) expanded.set(term, w / (targetVector.norm || 1));
    const top = ranked.slice(0, settings.feedbackDepth);
    for (const { vector } of top) {
      for (const [term, w] of vector.weights) {
        expanded.set(term, (expanded.get(term) ?? 0) + (settings.feedbackWeight * w) / (vector.norm * top.length || 1));
      }
    }
    const query = { weights: expanded, norm: Math.sqrt([...expanded.values()].reduce((sum, w) => sum + w * w, 0)) };
    for (const entry of ranked) {
      entry.similarity = cosine(query, entry.vector);
      entry.score = entry.similarity * entry.timing;
    }
    ranked.sort((a, b) => b.score - a.score || compare(a.candidate.id, b.candidate.id));
  }

  const seenHeadlines = new Set([normalizeHeadline(target.headline)]);
  const chosenVectors = [targetVector];
  const chosen: RankedEntry[] = [];
  for (const entry of ranked) {
    if (chosen.length >= settings.limit) break;
    const key = normalizeHeadline(entry.candidate.headline);
    if (seenHeadlines.has(key)) continue;
    if (chosenVectors.some((v) => cosine(v, entry.vector) >= settings.duplicateCosine)) continue;
    seenHeadlines.add(key);
    chosenVectors.push(entry.vector);
    chosen.push({ relatedId: entry.candidate.id, score: round(entry.score), similarity: round(entry.similarity), days: entry.days });
  }
  return chosen;
}

export function normalizeHeadline(headline: string): string {
  return headline
    .toLowerCase()
    .replace(/\s*(?:\.\.\.|…)\s*$/u, '')
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
