/**
 * Polls the sources that are fetched rather than pushed. A feed URL is fetched with a conditional GET (ETag and
 * Last-Modified from the last good fetch), so an unchanged feed costs one short answer; a drop folder is scanned and
 * each new or changed file is read as one document (files whose name starts with a dot or ends in `.tmp` or `.part`
 * are still being written and wait). Runs in the one process holding the `poll-sources` lease (`LeasedJob`).
 *
 * A source that cannot be read (network error, an HTTP error, a document that is not a feed) has the reason put in
 * its log and health, and is tried again after a back-off that doubles with each failure in a row, capped at an
 * hour (or when the server's Retry-After says). Bad items in a good document are logged; the rest go in.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../domain/clock.js';
import { DEFAULT_POLL_SECONDS, type SourceHealth, type WireSource } from '../domain/wire-source.js';
import { LeasedJob } from '../newsroom/leased-job.js';
import type { Store } from '../store/index.js';
import { defaultLimits } from './formats/index.js';
import { type ImportSummary, type ImportTotals, emptySummary, totalOf } from './import-summary.js';
import type { Importer } from './importer.js';
import type { Sources } from './sources.js';

export const POLL_LEASE = 'poll-sources';
export const FETCH_TIMEOUT_MS = 30_000;
export const MAX_BACKOFF_MS = 3_600_000;
const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export interface PollResult {
  sourceId: string;
  ok: boolean;
  /** The feed answered 304 Not Modified, or the folder had nothing new. */
  unchanged: boolean;
  received: ImportTotals;
  error: string | null;
}

/** A source that could not be read; `retryAfterMs` when the server said when to come back. */
class PollFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

interface Fetched {
  summaries: ImportSummary[];
  etag: string | null;
  lastModified: string | null;
}

export interface PollerOptions {
  store: Store;
  sources: Sources;
  importer: Importer;
  clock: Clock;
  /** How often due sources are looked for. */
  tickMs?: number;
  maxBytes?: number;
  userAgent?: string;
  onError?: (error: unknown) => void;
}

export class Poller {
  private readonly maxBytes: number;
  /** Polling as a leased job: one process of many polls, every `tickMs`. */
  private readonly job: LeasedJob;

  constructor(private readonly options: PollerOptions) {
    this.maxBytes = options.maxBytes ?? defaultLimits.maxBytes;
    this.job = new LeasedJob({
      lease: POLL_LEASE,
      intervalMs: options.tickMs ?? 5_000,
      store: options.store,
      clock: options.clock,
      work: () => this.pollDue(),
      onError: options.onError ?? ((error) => console.error('polling sources failed', error)),
    });
  }

  start(): Promise<void> {
    return this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** Polls every source that is due, one after another. */
  async pollDue(): Promise<PollResult[]> {
    const due = await this.options.store.sources.due(this.options.clock.now().toISOString());
    const results: PollResult[] = [];
    for (const source of due) results.push(await this.poll(source));
    return results;
  }

  /** Polls one source now, whether due or not, and records how it went. */
  async poll(source: WireSource): Promise<PollResult> {
    const { store, sources, clock } = this.options;
    const health = await store.sources.health(source.id);
    const now = clock.now();
    const intervalMs = (source.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000;
    try {
      const fetched = source.kind === 'url' ? await this.fetchFeed(source, health) : await this.scanFolder(source);
      const received = totalOf(fetched.summaries);
      await sources.logReceived(source.id, fetched.summaries);
      await store.sources.saveHealth(source.id, {
        ...health,
        checkedAt: now.toISOString(),
        succeededAt: now.toISOString(),
        failures: 0,
        lastError: null,
        nextPollAt: new Date(now.getTime() + intervalMs).toISOString(),
        itemsReceived: health.itemsReceived + received.added + received.updated + received.queued + received.duplicate,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
      });
      return { sourceId: source.id, ok: true, unchanged: fetched.summaries.length === 0, received, error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failures = health.failures + 1;
      const backoff = error instanceof PollFailure && error.retryAfterMs !== null ? error.retryAfterMs : backoffMs(intervalMs, failures);
      await sources.log(source.id, 'error', message);
      await store.sources.saveHealth(source.id, {
        ...health,
        checkedAt: now.toISOString(),
        failedAt: now.toISOString(),
        failures,
        lastError: message,
        nextPollAt: new Date(now.getTime() + backoff).toISOString(),
      });
      return { sourceId: source.id, ok: false, unchanged: false, received: totalOf([]), error: message };
    }
  }

  private async fetchFeed(source: WireSource, health: SourceHealth): Promise<Fetched> {
    const url = source.location!;
    const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': this.options.userAgent ?? 'Newsdesk' };
    if (health.etag) headers['if-none-match'] = health.etag;
    if (health.lastModified) headers['if-modified-since'] = health.lastModified;
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = (error as Error).name === 'TimeoutError' ? `no answer in ${FETCH_TIMEOUT_MS / 1000} s` : cause?.code ?? cause?.message ?? (error as Error).message;
      throw new PollFailure(`could not fetch ${url}: ${reason}`);
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { summaries: [], etag: health.etag, lastModified: health.lastModified };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new PollFailure(`${url} answered ${response.status} ${response.statusText}`.trim(), retryAfterMs(response.headers.get('retry-after'), this.options.clock.now()));
    }
    const body = await this.readLimited(response, url);
    const summary = await this.options.importer.importFromSource(body, url, source);
    const refused = summary.rejected.find((r) => !r.item);
    // A document that is not a feed is a failure of the source; its validators are not kept, so it is fetched again.
    if (refused) throw new PollFailure(`${url}: ${refused.message}`);
    return { summaries: [summary], etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  }

  /** The body, refused as soon as it is longer than the document limit (by its Content-Length or as it streams). */
  private async readLimited(response: Response, url: string): Promise<Buffer> {
    const limit = this.maxBytes;
    const tooBig = () => new PollFailure(`${url} sent more than ${limit} bytes, the limit for one document`);
    const declared = Number(response.headers.get('content-length'));
    if (declared > limit) {
      await response.body?.cancel();
      throw tooBig();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (!response.body) return Buffer.alloc(0);
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        throw tooBig();
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  }

  /** Reads each file of the folder that is new or changed since it was last read (by size and modification time). */
  private async scanFolder(source: WireSource): Promise<Fetched> {
    const folder = source.location!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch (error) {
      throw new PollFailure(`could not read the folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const seen = await this.options.store.sources.fileSignatures(source.id);
    const summaries: ImportSummary[] = [];
    const names = entries.filter((e) => e.isFile() && !/^\.|\.(tmp|part)$/i.test(e.name)).map((e) => e.name).sort();
    for (const name of names) {
      const file = path.join(folder, name);
      const stat = await fs.promises.stat(file);
      const signature = `${stat.size}:${Math.trunc(stat.mtimeMs)}`;
      if (seen.get(name) === signature) continue;
      if (stat.size > this.maxBytes) {
        summaries.push(refusal(name, `file is ${stat.size} bytes; the limit for one document is ${this.maxBytes}`));
      } else {
        summaries.push(await this.options.importer.importFromSource(await fs.promises.readFile(file), name, source));
      }
      // Recorded after the file went in: a crash in between reads it again, which changes nothing.
      await this.options.store.sources.recordFile(source.id, name, signature);
    }
    return { summaries, etag: null, lastModified: null };
  }
}

/** Doubles with each failure in a row, never sooner than the usual interval nor later than an hour after it. */
export function backoffMs(intervalMs: number, failures: number): number {
  return Math.max(intervalMs, Math.min(intervalMs * 2 ** failures, MAX_BACKOFF_MS));
}

/** Retry-After as milliseconds from now: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function refusal(file: string, message: string): ImportSummary {
  return { ...emptySummary(), rejected: [{ file, line: 0, message }] };
}
