/**
 * The hot-hit@k figure: how many of an hour's fastest-growing stories one of that hour's top topics names.
 *
 * A cluster's growth at hour h is its records in [h-3h, h) minus a quarter of its records in [h-15h, h-3h), among
 * clusters with at least 3 in the last 3 hours; the five fastest-growing are the hour's targets. A topic names a
 * cluster when at least half of the cluster's last-3-hour headlines contain the topic's name (case-insensitive
 * substring). Pure: the replay feeds it records and topic names.
 */
const HOUR_MS = 3_600_000;

export interface ScoredRecord {
  title: string;
  at: number;
  storyClusterId: string | null;
}

export interface GrowingCluster {
  id: string;
  recent: number;
  before: number;
  growth: number;
  /** Headlines of the last 3 hours, lower-cased. */
  headlines: string[];
}

export const metricWindows = { recentHours: 3, beforeHours: 12, minRecent: 3, targets: 5 } as const;

/** The hour's target clusters, fastest-growing first (ties by more recent records, then id). */
export function fastestGrowing(records: readonly ScoredRecord[], hour: number): GrowingCluster[] {
  const recentFrom = hour - metricWindows.recentHours * HOUR_MS;
  const beforeFrom = recentFrom - metricWindows.beforeHours * HOUR_MS;
  const byCluster = new Map<string, { recent: number; before: number; headlines: string[] }>();
  for (const r of records) {
    if (!r.storyClusterId || r.at >= hour || r.at < beforeFrom) continue;
    let entry = byCluster.get(r.storyClusterId);
    if (!entry) byCluster.set(r.storyClusterId, (entry = { recent: 0, before: 0, headlines: [] }));
    if (r.at >= recentFrom) {
      entry.recent++;
      entry.headlines.push(r.title.toLowerCase());
    } else entry.before++;
  }
  return [...byCluster.entries()]
    .filter(([, e]) => e.recent >= metricWindows.minRecent)
    .map(([id, e]) => ({ id, recent: e.recent, before: e.before, growth: e.recent - e.before / 4, headlines: e.headlines }))
    .sort((a, b) => b.growth - a.growth || b.recent - a.recent || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, metricWindows.targets);
}

/** Whether `topic` names the cluster: at least half of its recent headlines contain it. */
export function names(topic: string, cluster: GrowingCluster): boolean {
  const needle = topic.trim().toLowerCase();
  if (!needle) return false;
  const hits = cluster.headlines.filter((h) => h.includes(needle)).length;
  return hits * 2 >= cluster.headlines.length;
}

/** Share of the targets that one of `topics` names; null when the hour has no target. */
export function hitShare(targets: readonly GrowingCluster[], topics: readonly string[]): number | null {
  if (!targets.length) return null;
  return targets.filter((c) => topics.some((t) => names(t, c))).length / targets.length;
}

/** The replay's hours: every whole hour from the 15th after the first timestamp up to the hour after the last. */
export function replayHours(firstAt: number, lastAt: number): number[] {
  const hours: number[] = [];
  const first = Math.floor(firstAt / HOUR_MS) * HOUR_MS + 15 * HOUR_MS;
  const last = Math.floor(lastAt / HOUR_MS) * HOUR_MS + HOUR_MS;
  for (let h = first; h <= last; h += HOUR_MS) hours.push(h);
  return hours;
}
