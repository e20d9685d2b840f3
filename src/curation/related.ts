/**
 * Related Stories, the foundation rule: stories that share a story's rarer terms and tags, a little closer in time
 * ranked a little higher, the same headline never twice. Pure: the store supplies postings and candidate details,
 * this ranks them. Ranking is two steps so the store only fetches details for the best-scoring candidates.
 */
import type { IndexedTerm, RelatedCandidate, RelatedEntry, RelatedTarget, TermPosting } from '../store/index.js';

export interface RelatedSettings {
  /** Terms carried by more than this share of all stories say little about any one of them. */
  maxDocumentShare: number;
  /** Most postings read per article: the rarest terms are looked up first until this budget is spent. */
  postingsBudget: number;
  /** How many of the best raw scores go on to the recency and duplicate checks. */
  shortlist: number;
  /** Days at which the time-distance penalty halves a score. */
  recencyHalfDistanceDays: number;
  limit: number;
}

export const defaultRelatedSettings: RelatedSettings = {
  maxDocumentShare: 0.1,
  postingsBudget: 5_000,
  shortlist: 60,
  recencyHalfDistanceDays: 30,
  limit: 12,
};

const DAY_MS = 86_400_000;

const idfOf = (df: number, totalDocs: number) => Math.log(1 + totalDocs / Math.max(1, df));

/**
 * The terms worth looking up for `target`: rare enough to discriminate, most informative first (weight × idf),
 * until their postings would exceed the budget.
 */
export function lookupTerms(target: RelatedTarget, totalDocs: number, settings = defaultRelatedSettings): IndexedTerm[] {
  const maxDf = Math.max(3, settings.maxDocumentShare * totalDocs);
  const ranked = target.terms
    .filter((t) => t.df <= maxDf && t.df > 1)
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

/** Step 1: each candidate's summed term overlap (target weight × candidate weight × idf²), best first. */
export function scoreCandidates(
  target: RelatedTarget,
  postings: TermPosting[],
  totalDocs: number,
  settings = defaultRelatedSettings,
): RelatedEntry[] {
  const termFactor = new Map(target.terms.map((t) => [t.term, t.weight * idfOf(t.df, totalDocs) ** 2]));
  const scores = new Map<string, number>();
  for (const p of postings) {
    const factor = termFactor.get(p.term);
    if (factor === undefined || p.articleId === target.id) continue;
    scores.set(p.articleId, (scores.get(p.articleId) ?? 0) + factor * p.weight);
  }
  return [...scores]
    .map(([relatedId, score]) => ({ relatedId, score }))
    .sort((a, b) => b.score - a.score || compare(a.relatedId, b.relatedId))
    .slice(0, settings.shortlist);
}

/** Step 2: time distance lowers a score; unpublished candidates and repeated headlines drop out. */
export function pickRelated(
  target: RelatedTarget,
  scored: RelatedEntry[],
  candidates: RelatedCandidate[],
  settings = defaultRelatedSettings,
): RelatedEntry[] {
  const details = new Map(candidates.map((c) => [c.id, c]));
  const targetTime = Date.parse(target.publishedAt);
  const adjusted = scored.flatMap((entry) => {
    const candidate = details.get(entry.relatedId);
    if (!candidate) return [];
    const distanceDays = Math.abs(Date.parse(candidate.publishedAt) - targetTime) / DAY_MS;
    const recency = Number.isFinite(distanceDays) ? 1 / (1 + distanceDays / settings.recencyHalfDistanceDays) : 0.5;
    return [{ relatedId: entry.relatedId, score: entry.score * recency, headline: candidate.headline }];
  });
  adjusted.sort((a, b) => b.score - a.score || compare(a.relatedId, b.relatedId));

  const seenHeadlines = new Set([normalizeHeadline(target.headline)]);
  const chosen: RelatedEntry[] = [];
  for (const candidate of adjusted) {
    if (chosen.length >= settings.limit) break;
    const key = normalizeHeadline(candidate.headline);
    if (seenHeadlines.has(key)) continue;
    seenHeadlines.add(key);
    chosen.push({ relatedId: candidate.relatedId, score: Math.round(candidate.score * 1000) / 1000 });
  }
  return chosen;
}

function normalizeHeadline(headline: string): string {
  return headline.toLowerCase().replace(/[^\p{Letter}\p{Number}]+/gu, ' ').trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
