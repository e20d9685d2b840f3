/**
 * Story threads, the grouping rule. Pure: a story's strong related links and the threads its neighbours are in
 * go in, the thread it belongs to comes out.
 *
 * A link is strong when the two stories' similarity (the related ranking's cosine, before the time factor) reaches
 * `minSimilarity` and they are at most `windowDays` apart: a developing story is told within weeks, and a story a year later on the same subject
 * is a new story. A story joins the thread its strong links weigh most towards (summed similarities), keeping its
 * current thread on a tie; linked only to stories in no thread, it starts one with its strongest neighbour (the
 * thread is named after that neighbour, the story already there). This is incremental average-link clustering:
 * no single chance link pulls a story into a thread its other neighbours are not in.
 */

export interface ThreadSettings {
  minSimilarity: number;
  windowDays: number;
}

export const defaultThreadSettings: ThreadSettings = { minSimilarity: 0.4, windowDays: 21 };

export interface ThreadLink {
  relatedId: string;
  similarity: number;
  /** Days between the two stories (either sign). */
  days: number;
}

export interface ThreadChoice {
  /** The thread the story belongs to; null when it has no strong link. */
  threadId: string | null;
  /** A neighbour in no thread yet that starts the new thread with it. */
  partner: string | null;
}

export function chooseThread(
  links: ThreadLink[],
  threadOf: (articleId: string) => string | undefined,
  current: string | undefined,
  settings = defaultThreadSettings,
): ThreadChoice {
  const strong = links.filter((l) => l.similarity >= settings.minSimilarity && Math.abs(l.days) <= settings.windowDays);
  if (!strong.length) return { threadId: null, partner: null };
  const weight = new Map<string, number>();
  for (const link of strong) {
    const thread = threadOf(link.relatedId);
    if (thread) weight.set(thread, (weight.get(thread) ?? 0) + link.similarity);
  }
  if (weight.size) {
    const best = [...weight].sort((a, b) => b[1] - a[1] || (a[0] === current ? -1 : b[0] === current ? 1 : a[0] < b[0] ? -1 : 1))[0]!;
    return { threadId: best[0], partner: null };
  }
  const partner = [...strong].sort((a, b) => b.similarity - a.similarity || (a.relatedId < b.relatedId ? -1 : 1))[0]!;
  return { threadId: current ?? partner.relatedId, partner: partner.relatedId };
}
