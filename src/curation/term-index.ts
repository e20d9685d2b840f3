/**
 * An in-memory copy of the related-stories index, for relating many stories at once (a bulk import): one read of
 * the whole index instead of one query per story. Pure data structure; the store fills it.
 */
import type { IndexedTerm, RelatedCandidate, RelatedTarget, TermPosting } from '../store/index.js';
import type { RelatedSource } from './related.js';

type Detail = Omit<RelatedCandidate, 'terms'>;

export class TermIndex implements RelatedSource {
  private readonly byTerm = new Map<string, TermPosting[]>();
  private readonly byArticle = new Map<string, TermPosting[]>();
  private readonly details = new Map<string, Detail>();

  add(posting: TermPosting): void {
    let forTerm = this.byTerm.get(posting.term);
    if (!forTerm) this.byTerm.set(posting.term, (forTerm = []));
    forTerm.push(posting);
    let forArticle = this.byArticle.get(posting.articleId);
    if (!forArticle) this.byArticle.set(posting.articleId, (forArticle = []));
    forArticle.push(posting);
  }

  /** Headline and time of a published story (only described stories are candidates). */
  describe(candidate: Detail): void {
    this.details.set(candidate.id, candidate);
  }

  /** The story as the ranking sees it, with each term's document frequency; null if it is not in the index. */
  target(articleId: string): RelatedTarget | null {
    const detail = this.details.get(articleId);
    if (!detail) return null;
    return { id: articleId, headline: detail.headline, publishedAt: detail.publishedAt, terms: this.termsOf(articleId) };
  }

  postings(terms: string[]): TermPosting[] {
    return terms.flatMap((term) => this.byTerm.get(term) ?? []);
  }

  candidates(ids: string[]): RelatedCandidate[] {
    return ids.flatMap((id) => {
      const detail = this.details.get(id);
      return detail ? [{ ...detail, terms: this.termsOf(id) }] : [];
    });
  }

  private termsOf(articleId: string): IndexedTerm[] {
    return (this.byArticle.get(articleId) ?? []).map((p) => ({ term: p.term, weight: p.weight, df: this.byTerm.get(p.term)?.length ?? 0 }));
  }

  get size(): number {
    return this.details.size;
  }
}
