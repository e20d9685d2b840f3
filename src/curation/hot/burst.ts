/**
 * The burst score of one topic: how far its count in the recent window rises above what its own baseline share of
 * coverage predicts.
 *
 * Why a z-score and not Kleinberg's two-state automaton: with the clock passed in and a refresh every few minutes,
 * a score that needs only two counts per topic (recent, baseline) and the two totals is computed in one pass over
 * the observations, needs no state between refreshes, and explains itself to an editor ("9 stories now, 1.2
 * expected"). Kleinberg's model finds the same bursts on a stream but needs the whole sequence per topic and its
 * states are harder to explain.
 *
 * Expected count: the topic's baseline share of all stories, times the recent window's stories (so a busy news hour
 * does not make every topic hot). The baseline share is smoothed with half a story (of one more), so a topic
 * never seen before is not expected at exactly zero, and with no history at all nothing counts as a burst. The score is the Poisson z-score of the excess,
 * (recent − expected) / √(expected + 1), multiplied by √(recent excess) so that, of two topics rising equally far
 * above their own baselines, the one with more new stories ranks first.
 */
export interface BurstInput {
  recent: number;
  baseline: number;
  recentTotal: number;
  baselineTotal: number;
}

export interface Burst {
  expected: number;
  z: number;
  score: number;
}

const PRIOR_STORIES = 0.5;

export function burst({ recent, baseline, recentTotal, baselineTotal }: BurstInput): Burst {
  const share = (baseline + PRIOR_STORIES) / (baselineTotal + 2 * PRIOR_STORIES);
  const expected = Math.min(recentTotal, share * recentTotal);
  const excess = recent - expected;
  const z = excess / Math.sqrt(expected + 1);
  return { expected, z, score: excess > 0 ? z * Math.sqrt(excess) : z };
}

/** The same score for reads: per-hour reads now against the topic's own hourly reads before. */
export function readsBurst(recentReads: number, recentHours: number, baselineReads: number, baselineHours: number): Burst {
  const expected = baselineHours > 0 ? (baselineReads / baselineHours) * recentHours : 0;
  const excess = recentReads - expected;
  const z = excess / Math.sqrt(expected + 1);
  return { expected, z, score: z };
}
