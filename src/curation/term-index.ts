/**
 * An in-memory copy of the related-stories index, for relating many stories at once (a bulk import): one read of
 * the whole index instead of one query per story. Pure data structure; the store fills it.
 */
import type { IndexedTerm, RelatedCandidate, RelatedTarget, TermPosting } from '../store/index.js';

export class TermIndex {
  private readonly byTerm = new Map<string, TermPosting[]>();
  private readonly byArticle = new Map<string, TermPosting[]>();
  private readonly details = new Map<string, RelatedCandidate>();

  add(posting: TermPosting): void {
    let forTerm = this.byTerm.get(posting.term);
    if (!forTerm) this.byTerm.set(posting.term, (forTerm = []));
    forTerm.push(posting);
    let forArticle = this.byArticle.get(posting.articleId);
    if (!forArticle) this.byArticle.set(posting.articleId, (forArticle = []));
    forArticle.push(posting);
  }

  describe(candidate: RelatedCandidate): void {
    this.details.set(candidate.id, candidate);
  }

  /** The story as the ranking sees it, with each term's document frequency; null if it is not in the index. */
  target(articleId: string): RelatedTarget | null {
    const detail = this.details.get(articleId);
    if (!detail) return null;
    const terms: IndexedTerm[] = (this.byArticle.get(articleId) ?? []).map((p) => ({
      term: p.term,
      weight: p.weight,
      df: this.byTerm.get(p.term)?.length ?? 0,
    }));
    return { id: articleId, headline: detail.headline, publishedAt: detail.publishedAt, terms };
  }

  postings(terms: string[]): TermPosting[] {
    return terms.flatMap((term) => this.byTerm.get(term) ?? []);
  }

  candidates(ids: string[]): RelatedCandidate[] {
    return ids.flatMap((id) => this.details.get(id) ?? []);
  }

  get size(): number {
    return this.details.size;
  }
}
