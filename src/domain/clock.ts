/**
 * The one source of "now". Everything that depends on time takes a Clock, so an archive can be browsed as if live
 * (`NEWSDESK_NOW`) and tests are deterministic.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock pinned to one instant: `fixedClock(new Date('2015-09-11T21:03:00+08:00'))`. */
export function fixedClock(instant: Date): Clock {
  const ms = instant.getTime();
  return { now: () => new Date(ms) };
}
