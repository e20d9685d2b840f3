/**
 * Rendered pages in memory, keyed by URL, each tagged with the surrogate keys of what it shows (an article, a
 * section) so a change invalidates only the pages that show it. Concurrent misses for one URL render once.
 * Entries also expire after `ttlMs`, because "today" and embargoes move with the clock.
 *
 * A page may leave one slot (`FRAGMENT_SLOT`) for a fragment cached on its own, such as the rail of Top News and
 * Hot Topics that nearly every page shows: a change to the rail then re-renders the rail, not every page.
 */
import { createHash } from 'node:crypto';

export const FRAGMENT_SLOT = '<!--newsdesk:fragment-->';

export interface CachedPage {
  status: number;
  /** The page split around its fragment slot (one part when it has none). */
  parts: Buffer[];
  /** Which fragment fills the slot; null when the page has no slot. */
  fragment: string | null;
  /** The story a read of this page counts for, if it is an article page. */
  read: string | null;
  etag: string;
  keys: string[];
  storedAt: number;
}

export interface RenderedPage {
  status: number;
  body: string;
  keys: string[];
  /** The fragment for the page's `FRAGMENT_SLOT`, if it has one. */
  fragment?: string;
  read?: string;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly inFlight = new Map<string, Promise<CachedPage>>();

  constructor(
    private readonly options: { ttlMs: number; maxEntries: number; now: () => number },
  ) {}

  /** The fresh cached page for `url`, if there is one; renders nothing. */
  peek(url: string): CachedPage | undefined {
    const hit = this.entries.get(url);
    if (!hit || this.options.now() - hit.storedAt >= this.options.ttlMs) return undefined;
    // Re-insert so the Map's order doubles as least-recently-used order.
    this.entries.delete(url);
    this.entries.set(url, hit);
    return hit;
  }

  async get(url: string, render: () => Promise<RenderedPage>): Promise<CachedPage> {
    const hit = this.peek(url);
    if (hit) return hit;
    const pending = this.inFlight.get(url);
    if (pending) return pending;
    const rendering = this.renderAndStore(url, render).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, rendering);
    return rendering;
  }

  private async renderAndStore(url: string, render: () => Promise<RenderedPage>): Promise<CachedPage> {
    const page = await render();
    const fragment = page.fragment !== undefined && page.body.includes(FRAGMENT_SLOT) ? page.fragment : null;
    const parts = (fragment === null ? [page.body] : page.body.split(FRAGMENT_SLOT)).map((part) => Buffer.from(part, 'utf8'));
    const hash = createHash('sha1');
    for (const part of parts) hash.update(part);
    const entry: CachedPage = {
      status: page.status,
      parts,
      fragment,
      read: page.read ?? null,
      etag: hash.digest('base64url'),
      keys: page.keys,
      storedAt: this.options.now(),
    };
    this.entries.set(url, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }

  /** Drops every page tagged with one of `keys`. */
  invalidate(keys: string[]): number {
    const wanted = new Set(keys);
    let dropped = 0;
    for (const [url, entry] of this.entries) {
      if (entry.keys.some((k) => wanted.has(k))) {
        this.entries.delete(url);
        dropped++;
      }
    }
    return dropped;
  }

  get size(): number {
    return this.entries.size;
  }
}
