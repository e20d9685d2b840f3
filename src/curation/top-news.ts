/**
 * Today's Top News as a ranking, pure: each of the day's stories scores its editorial priority × its freshness ×
 * its readership × its source's weight, and every factor is kept so the newsroom can show why a story sits where it
 * does. A story at the top priority (10, the lead slot) leads whatever its score; editors' pins go before all of
 * it and their hidden stories nowhere (the caller applies both).
 *
 * - Priority: 1 + priority/2, so a priority-6 story (agency urgent) weighs four times a routine one.
 * - Freshness: halves every `halfLifeHours` since the story was published or last updated, whichever is later:
 *   an update brings a story back up, as its Updated time moves.
 * - Readership: 1 + readsWeight × log(1 + reads) / log(1 + most reads of the day's stories): the day's most read
 *   story gains `readsWeight`, a story twice as read as another gains far less than twice as much.
 * - Source: an editor-set weight per source (1 by default), e.g. 1.2 for the house's own reporting.
 */
import type { IsoTime } from '../domain/article.js';

export const LEAD_PRIORITY = 10;
const HOUR_MS = 3_600_000;

export interface TopNewsSettings {
  halfLifeHours: number;
  readsWeight: number;
  /** Weights by source name; sources not named weigh 1. */
  sourceWeights: Record<string, number>;
}

export const defaultTopNewsSettings: TopNewsSettings = { halfLifeHours: 6, readsWeight: 0.5, sourceWeights: {} };

export interface RankableStory {
  id: string;
  priority: number;
  publishedAt: IsoTime;
  updatedAt: IsoTime;
  source: string | null;
  /** Reads counted today. */
  reads: number;
}

export interface TopNewsFactors {
  priority: number;
  freshness: number;
  reads: number;
  source: number;
  /** Hours since the story was published or updated, whichever is later. */
  ageHours: number;
  lead: boolean;
}

export interface RankedStory {
  id: string;
  score: number;
  factors: TopNewsFactors;
}

export function rankTopNews(stories: RankableStory[], now: Date, settings: TopNewsSettings = defaultTopNewsSettings): RankedStory[] {
  const mostReads = Math.max(0, ...stories.map((s) => s.reads));
  const ranked = stories.map((story) => {
    const freshAt = Math.max(Date.parse(story.publishedAt), Date.parse(story.updatedAt));
    const ageHours = Math.max(0, (now.getTime() - freshAt) / HOUR_MS);
    const factors: TopNewsFactors = {
      priority: 1 + story.priority / 2,
      freshness: 0.5 ** (ageHours / settings.halfLifeHours),
      reads: mostReads > 0 ? 1 + (settings.readsWeight * Math.log1p(story.reads)) / Math.log1p(mostReads) : 1,
      source: (story.source !== null ? settings.sourceWeights[story.source] : undefined) ?? 1,
      ageHours,
      lead: story.priority >= LEAD_PRIORITY,
    };
    return { id: story.id, score: factors.priority * factors.freshness * factors.reads * factors.source, factors, freshAt };
  });
  ranked.sort((a, b) => Number(b.factors.lead) - Number(a.factors.lead) || b.score - a.score || b.freshAt - a.freshAt || (a.id < b.id ? 1 : -1));
  return ranked.map(({ freshAt: _freshAt, ...rest }) => rest);
}

/** The factors in words, for the newsroom: "lead slot · priority 6 (×4.0) · 3.2 h old (×0.69) · 84 reads (×1.40)". */
export function explainRank(story: Pick<RankableStory, 'priority' | 'reads' | 'source'>, factors: TopNewsFactors): string {
  const parts = [
    ...(factors.lead ? ['lead slot'] : []),
    `priority ${story.priority} (×${factors.priority.toFixed(1)})`,
    `${factors.ageHours < 1 ? `${Math.round(factors.ageHours * 60)} min` : `${factors.ageHours.toFixed(1)} h`} old (×${factors.freshness.toFixed(2)})`,
    `${story.reads} read${story.reads === 1 ? '' : 's'} today (×${factors.reads.toFixed(2)})`,
  ];
  if (factors.source !== 1) parts.push(`${story.source} (×${factors.source.toFixed(2)})`);
  return parts.join(' · ');
}

/** Reads editors' settings (from a form or the store); throws naming the field at fault. */
export function parseTopNewsSettings(value: unknown): TopNewsSettings {
  const input = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const number = (field: 'halfLifeHours' | 'readsWeight', min: number, max: number) => {
    const raw = input[field] ?? defaultTopNewsSettings[field];
    const n = typeof raw === 'string' && raw.trim() ? Number(raw) : raw;
    if (typeof n !== 'number' || !Number.isFinite(n) || n < min || n > max) throw new TopNewsSettingsError(field, `${field} must be a number from ${min} to ${max}`);
    return n;
  };
  const weights = typeof input.sourceWeights === 'string' ? weightsFromText(input.sourceWeights) : (input.sourceWeights ?? {});
  if (!weights || typeof weights !== 'object' || Array.isArray(weights)) throw new TopNewsSettingsError('sourceWeights', 'sourceWeights must map source names to numbers');
  const sourceWeights: Record<string, number> = {};
  for (const [name, weight] of Object.entries(weights)) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 10) {
      throw new TopNewsSettingsError('sourceWeights', `the weight of ${name} must be a number from 0 to 10`);
    }
    if (name.trim()) sourceWeights[name.trim()] = weight;
  }
  return { halfLifeHours: number('halfLifeHours', 0.5, 168), readsWeight: number('readsWeight', 0, 5), sourceWeights };
}

/** Source weights as an editor types them: `Xinhua = 1.2, Our Reporters = 3` (commas or new lines between). */
function weightsFromText(text: string): Record<string, unknown> {
  const weights: Record<string, unknown> = {};
  for (const pair of text.split(/[,\n]/)) {
    if (!pair.trim()) continue;
    const at = pair.lastIndexOf('=');
    if (at < 0) throw new TopNewsSettingsError('sourceWeights', `write each source weight as Name = number, not "${pair.trim()}"`);
    const value = pair.slice(at + 1).trim();
    weights[pair.slice(0, at).trim()] = value === '' ? value : Number(value);
  }
  return weights;
}

/** The source weights as `weightsFromText` reads them back. */
export function weightsToText(weights: Record<string, number>): string {
  return Object.entries(weights)
    .map(([name, weight]) => `${name} = ${weight}`)
    .join(', ');
}

export class TopNewsSettingsError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
