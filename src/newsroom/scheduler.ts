/**
 * Releases scheduled stories when due. Runs in whichever process holds the `publish-scheduled` lease, checks at
 * start (so a moment missed while Newsdesk was down is caught up at once) and then every `intervalMs`.
 */
import type { Clock } from '../domain/clock.js';
import type { Store } from '../store/index.js';
import { LeasedJob } from './leased-job.js';
import type { Stories } from './stories.js';

export const PUBLISH_LEASE = 'publish-scheduled';

/** Scheduled publishing as a leased job: `start`, `tick` and `stop` as `LeasedJob` has them. */
export class Scheduler extends LeasedJob {
  constructor(
    stories: Stories,
    store: Store,
    clock: Clock,
    intervalMs = 10_000,
    onError: (error: unknown) => void = (error) => console.error('scheduled publishing failed', error),
  ) {
    super({ lease: PUBLISH_LEASE, intervalMs, store, clock, work: () => stories.releaseDue(), onError });
  }
}
