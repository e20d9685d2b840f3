/**
 * The plain baseline the Hot Topics engine must beat: headline words and adjacent word pairs (stopwords left out),
 * ranked either by how often they occur in the last 3 hours or by how fast they rise (last 3 hours minus a quarter
 * of the 12 hours before). No entities, no merging, no choice of one topic per story.
 */
const HOUR_MS = 3_600_000;

const STOPWORDS = new Set(
  `a about after against all also an and are as at be been before but by can could did do does for from had has have
  he her his how i if in into is it its just more most my new no not now of on one or our out over s says she so
  than that the their them then there these they this to too up us was we were what when where which who why will
  with would you your`.split(/\s+/),
);

export function headlineTerms(title: string): string[] {
  const words = title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const terms = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (STOPWORDS.has(w) || w.length < 2) continue;
    terms.add(w);
    const next = words[i + 1];
    if (next && !STOPWORDS.has(next) && next.length >= 2) terms.add(`${w} ${next}`);
  }
  return [...terms];
}

export type BaselineMode = 'rising' | 'frequent';

/** Top `k` headline terms at `now` from records strictly before it. */
export function baselineTopics(
  records: readonly { title: string; at: number }[],
  now: number,
  k: number,
  mode: BaselineMode,
): string[] {
  const recentFrom = now - 3 * HOUR_MS;
  const beforeFrom = recentFrom - 12 * HOUR_MS;
  const score = new Map<string, number>();
  for (const r of records) {
    if (r.at >= now || r.at < (mode === 'rising' ? beforeFrom : recentFrom)) continue;
    const delta = r.at >= recentFrom ? 1 : -0.25;
    for (const t of headlineTerms(r.title)) score.set(t, (score.get(t) ?? 0) + delta);
  }
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([t]) => t);
}
