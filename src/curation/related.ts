/**
 * Related Stories, the foundation rule: stories that share a story's rarer terms and tags, a little closer in time
 * ranked a little higher, the same headline never twice. Pure: the store supplies the postings, this ranks them.
 */
import type { IndexedTerm, Posting, RelatedEntry, RelatedTarget } from '../store/index.js';

export interface RelatedSettings {
  /** Terms carried by more than this share of all stories say little about any one of them. */
  maxDocumentShare: number;
  /** Days over which the time-distance penalty halves a score. */
  recencyHalfDistanceDays: number;
  limit: number;
}

export const defaultRelatedSettings: RelatedSettings = {
  maxDocumentShare: 0.1,
  recencyHalfDistanceDays: 30,
  limit: 12,
};

const DAY_MS = 86_400_000;

/** The terms worth looking up for `target`: those rare enough to discriminate, in a corpus of `totalDocs`. */
export function discriminatingTerms(
  target: RelatedTarget,
  totalDocs: number,
  settings: RelatedSettings = defaultRelatedSettings,
): IndexedTerm[] {
  const maxDf = Math.max(3, settings.maxDocumentShare * totalDocs);
  return target.terms.filter((t) => t.df <= maxDf);
}

export function rankRelated(
  target: RelatedTarget,
  postings: Posting[],
  totalDocs: number,
  settings: RelatedSettings = defaultRelatedSettings,
): RelatedEntry[] {
  const idf = new Map<string, number>();
  const targetWeight = new Map<string, number>();
  for (const t of discriminatingTerms(target, totalDocs, settings)) {
    idf.set(t.term, Math.log(1 + totalDocs / Math.max(1, t.df)));
    targetWeight.set(t.term, t.weight);
  }

  const candidates = new Map<string, { score: number; publishedAt: string; headline: string }>();
  for (const p of postings) {
    const termIdf = idf.get(p.term);
    const weight = targetWeight.get(p.term);
    if (termIdf === undefined || weight === undefined || p.articleId === target.id) continue;
    const entry = candidates.get(p.articleId) ?? { score: 0, publishedAt: p.publishedAt, headline: p.headline };
    entry.score += weight * p.weight * termIdf * termIdf;
    candidates.set(p.articleId, entry);
  }

  const targetTime = Date.parse(target.publishedAt);
  const ranked = [...candidates].map(([id, c]) => {
    const distanceDays = Math.abs(Date.parse(c.publishedAt) - targetTime) / DAY_MS;
    const recency = Number.isFinite(distanceDays) ? 1 / (1 + distanceDays / settings.recencyHalfDistanceDays) : 0.5;
    return { id, score: c.score * recency, headline: c.headline };
  });
  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const seenHeadlines = new Set([normalizeHeadline(target.headline)]);
  const chosen: RelatedEntry[] = [];
  for (const candidate of ranked) {
    if (chosen.length >= settings.limit) break;
    const key = normalizeHeadline(candidate.headline);
    if (seenHeadlines.has(key)) continue;
    seenHeadlines.add(key);
    chosen.push({ relatedId: candidate.id, score: Math.round(candidate.score * 1000) / 1000 });
  }
  return chosen;
}

function normalizeHeadline(headline: string): string {
  return headline.toLowerCase().replace(/[^\p{Letter}\p{Number}]+/gu, ' ').trim();
}
