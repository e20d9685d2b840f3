/** Small pure helpers shared by the curated lists. */

export interface FillOptions<T> {
  /** Identity of an item; `item.id` by default. */
  key?: (item: T) => string;
  /** Keys that must not appear at all. */
  exclude?: Iterable<string>;
}

/** `primary` first, then `fallback` items not already present, up to `limit`: lists are never empty while news exists. */
export function fillUp<T>(primary: T[], fallback: T[], limit: number, options: FillOptions<T> = {}): T[] {
  const key = options.key ?? ((item: T) => (item as { id: string }).id);
  const seen = new Set(options.exclude ?? []);
  const out: T[] = [];
  for (const item of [...primary, ...fallback]) {
    if (out.length >= limit) break;
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** Reorders so that each section appears once before any appears twice, keeping the order within a section. */
export function spreadAcrossSections<T extends { section: { id: string } }>(items: T[]): T[] {
  const rounds: T[][] = [];
  const seenPerSection = new Map<string, number>();
  for (const item of items) {
    const round = seenPerSection.get(item.section.id) ?? 0;
    seenPerSection.set(item.section.id, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds.flat();
}
