/**
 * Readership, counted the privacy-respecting way: the server counts the article pages it serves (no cookies, no
 * script, no addresses kept), in memory, and writes the counts per story and hour in one batch every few seconds,
 * so a busy page costs no write per request. Counts not yet written when the process dies are lost; reads are
 * statistics, not anyone's work.
 */
import type { ArticleSummary } from '../domain/article.js';
import type { Clock } from '../domain/clock.js';
import type { ReadCount, Store } from '../store/index.js';

const HOUR_MS = 3_600_000;
// Crawlers, link previews and monitors are not readers.
const NOT_A_READER = /bot|crawl|spider|slurp|preview|monitor|curl|wget|headless/i;

/** `2015-09-11T13`: the UTC hour an instant falls in. */
export const hourOf = (instant: Date) => instant.toISOString().slice(0, 13);

export function isReader(userAgent: string | undefined): boolean {
  return Boolean(userAgent) && !NOT_A_READER.test(userAgent!);
}

export class Readership {
  private pending = new Map<string, ReadCount>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  count(articleId: string): void {
    const hour = hourOf(this.clock.now());
    const key = `${articleId} ${hour}`;
    const entry = this.pending.get(key);
    if (entry) entry.count++;
    else this.pending.set(key, { articleId, hour, count: 1 });
  }

  /** Writes what has been counted; counts made meanwhile go to the next batch, and a failed batch is kept. */
  async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.store.reads.add([...batch.values()]);
    } catch (error) {
      for (const [key, entry] of batch) {
        const later = this.pending.get(key);
        if (later) later.count += entry.count;
        else this.pending.set(key, entry);
      }
      throw error;
    }
  }

  start(intervalMs: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => this.flush().catch(onError), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** The most read stories of the last `hours` hours, with their counts. */
  async mostRead(now: Date, hours: number, limit: number): Promise<{ story: ArticleSummary; reads: number }[]> {
    const counts = await this.store.reads.mostRead(hourOf(new Date(now.getTime() - (hours - 1) * HOUR_MS)), hourOf(now), limit);
    const stories = await this.store.articles.summariesByIds(counts.map((c) => c.articleId), now.toISOString());
    return stories.map((story) => ({ story, reads: counts.find((c) => c.articleId === story.id)!.count }));
  }

  /** Reads in each of the last `hours` hours, oldest first, zero where none. */
  async perHour(now: Date, hours: number): Promise<{ hour: string; reads: number }[]> {
    const hoursWanted = Array.from({ length: hours }, (_, i) => hourOf(new Date(now.getTime() - (hours - 1 - i) * HOUR_MS)));
    const counted = new Map((await this.store.reads.perHour(hoursWanted[0]!, hoursWanted.at(-1)!)).map((r) => [r.hour, r.count]));
    return hoursWanted.map((hour) => ({ hour, reads: counted.get(hour) ?? 0 }));
  }
}
