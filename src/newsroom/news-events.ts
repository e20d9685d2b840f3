/**
 * What changed in the news, for whoever must react in this process: the reader site drops cached pages, curation
 * recomputes. (Between processes the same events will travel over Redis.)
 */
export interface NewsChange {
  articleIds: string[];
  /** Surrogate keys of the pages that showed the stories before or show them now. */
  keys: string[];
}

export type NewsListener = (change: NewsChange) => void;

export class NewsEvents {
  private readonly listeners = new Set<NewsListener>();

  subscribe(listener: NewsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: NewsChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
