/**
 * Ids for append-only records (audit entries): they sort by time and, within one instant (a pinned clock, a burst),
 * by the order they were made, so "newest first" is deterministic on every engine.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.js';

export function sequentialIds(clock: Clock): () => string {
  let sequence = 0;
  return () => `${clock.now().toISOString()}.${String(sequence++).padStart(9, '0')}.${randomBytes(4).toString('hex')}`;
}
