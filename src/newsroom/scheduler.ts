/**
 * Releases scheduled stories when due. Runs in whichever process holds the `publish-scheduled` lease, checks at
 * start (so a moment missed while Newsdesk was down is caught up at once) and then every `intervalMs`.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/index.js';
import type { Stories } from './stories.js';

export const PUBLISH_LEASE = 'publish-scheduled';

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly holder = randomUUID();

  constructor(
    private readonly stories: Stories,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly intervalMs = 10_000,
    private readonly onError: (error: unknown) => void = (error) => console.error('scheduled publishing failed', error),
  ) {}

  start(): Promise<void> {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    return this.tick();
  }

  /** One pass: take or renew the lease, then release what is due. Overlapping passes are skipped, not queued. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass() {
    try {
      const now = this.clock.now();
      const until = new Date(now.getTime() + this.intervalMs * 3).toISOString();
      if (await this.store.leases.acquire(PUBLISH_LEASE, this.holder, now.toISOString(), until)) await this.stories.releaseDue();
    } catch (error) {
      this.onError(error);
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await this.store.leases.release(PUBLISH_LEASE, this.holder);
  }
}
