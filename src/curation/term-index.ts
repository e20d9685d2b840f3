/**
 * An in-memory copy of the related-stories index, for relating many stories at once (a bulk import): one read of
 * the whole index instead of one query per story. Pure data structure; the store fills it.
 */
import type { RelatedCandidate, RelatedTarget, TermPosting } from '../store/index.js';
import type { RelatedSource } from './related.js';

type Detail = Omit<RelatedCandidate, 'terms'>;

/**
 * An index as plain data, to build the same index on another thread: every posting column by column, grouped by
 * story in the order they were added, and each story's details.
 */
export interface TermIndexSnapshot {
  articleIds: string[];
  terms: string[];
  weights: Float64Array;
  details: Detail[];
}

export class TermIndex implements RelatedSource {
  private readonly byTerm = new Map<string, TermPosting[]>();
  private readonly byArticle = new Map<string, TermPosting[]>();
  private readonly details = new Map<string, Detail>();
  /**
   * Each story as a candidate, built at its first read: a bulk relate reads the same candidates again and again
   * (Reuters: 7 ms a story went to rebuilding them). Adding a posting forgets them, as document frequencies change.
   */
  private readonly asCandidate = new Map<string, RelatedCandidate>();

  add(posting: TermPosting): void {
    this.asCandidate.clear();
    let forTerm = this.byTerm.get(posting.term);
    if (!forTerm) this.byTerm.set(posting.term, (forTerm = []));
    forTerm.push(posting);
    let forArticle = this.byArticle.get(posting.articleId);
    if (!forArticle) this.byArticle.set(posting.articleId, (forArticle = []));
    forArticle.push(posting);
  }

  /** Headline and time of a published story (only described stories are candidates). */
  describe(candidate: Detail): void {
    this.asCandidate.delete(candidate.id);
    this.details.set(candidate.id, candidate);
  }

  /** The story as the ranking sees it, with each term's document frequency; null if it is not in the index. */
  target(articleId: string): RelatedTarget | null {
    const candidate = this.candidate(articleId);
    return candidate && { id: articleId, headline: candidate.headline, publishedAt: candidate.publishedAt, terms: candidate.terms };
  }

  postings(terms: string[]): TermPosting[] {
    const lists = terms.map((term) => this.byTerm.get(term) ?? []);
    const all = new Array<TermPosting>(lists.reduce((n, list) => n + list.length, 0));
    let at = 0;
    for (const list of lists) for (let i = 0; i < list.length; i++) all[at++] = list[i]!;
    return all;
  }

  candidates(ids: string[]): RelatedCandidate[] {
    return ids.flatMap((id) => this.candidate(id) ?? []);
  }

  private candidate(id: string): RelatedCandidate | null {
    let candidate = this.asCandidate.get(id);
    if (!candidate) {
      const detail = this.details.get(id);
      if (!detail) return null;
      const terms = (this.byArticle.get(id) ?? []).map((p) => ({ term: p.term, weight: p.weight, df: this.byTerm.get(p.term)?.length ?? 0 }));
      this.asCandidate.set(id, (candidate = { ...detail, terms }));
    }
    return candidate;
  }

  snapshot(): TermIndexSnapshot {
    const articleIds: string[] = [];
    const terms: string[] = [];
    const weights: number[] = [];
    for (const postings of this.byArticle.values()) {
      for (const p of postings) {
        articleIds.push(p.articleId);
        terms.push(p.term);
        weights.push(p.weight);
      }
    }
    return { articleIds, terms, weights: Float64Array.from(weights), details: [...this.details.values()] };
  }

  static fromSnapshot(snapshot: TermIndexSnapshot): TermIndex {
    const index = new TermIndex();
    const { articleIds, terms, weights } = snapshot;
    for (let i = 0; i < articleIds.length; i++) index.add({ articleId: articleIds[i]!, term: terms[i]!, weight: weights[i]! });
    for (const detail of snapshot.details) index.describe(detail);
    return index;
  }

  get size(): number {
    return this.details.size;
  }
}
