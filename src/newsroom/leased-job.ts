/**
 * A job that runs every `intervalMs` in whichever process holds its lease in the store (scheduled publishing,
 * polling wire sources): it runs once at start, so a moment missed while Newsdesk was down is caught up at once;
 * overlapping passes are skipped, not queued; when the holder dies its lease expires and another process takes over.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/index.js';

export interface LeasedJobOptions {
  /** The lease's name in the store; one holder at a time across processes. */
  lease: string;
  intervalMs: number;
  store: Store;
  clock: Clock;
  /** One pass of the work, run while the lease is held. */
  work: () => Promise<unknown>;
  onError: (error: unknown) => void;
}

export class LeasedJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly holder = randomUUID();

  constructor(private readonly options: LeasedJobOptions) {}

  start(): Promise<void> {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
    return this.tick();
  }

  /** One pass: take or renew the lease, then do the work. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass() {
    const { store, clock, lease, intervalMs, work, onError } = this.options;
    try {
      const now = clock.now();
      const until = new Date(now.getTime() + intervalMs * 3).toISOString();
      if (await store.leases.acquire(lease, this.holder, now.toISOString(), until)) await work();
    } catch (error) {
      onError(error);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.options.store.leases.release(this.options.lease, this.holder);
  }
}
