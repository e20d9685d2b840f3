/** What an import did: counts by outcome, and each rejected line or item with where it was and why. Pure. */
import { NewsdeskError } from '../domain/errors.js';

export interface Rejection {
  file: string;
  /** 1-based line of a JSON Lines record; 0 for a whole document or a wire item. */
  line: number;
  /** 1-based position of a wire item in its document. */
  item?: number;
  message: string;
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Wire items recognised as another feed's copy of a story already in: folded into it ("also from …"). */
  duplicate: number;
  /** New wire items put in the wire queue for editors rather than published. */
  queued: number;
  rejected: Rejection[];
}

export const emptySummary = (): ImportSummary => ({ added: 0, updated: 0, unchanged: 0, duplicate: 0, queued: 0, rejected: [] });

/** Counts of several imports added up, rejections as a count. */
export type ImportTotals = Omit<ImportSummary, 'rejected'> & { rejected: number };

export function totalOf(summaries: ImportSummary[]): ImportTotals {
  const sum = (key: 'added' | 'updated' | 'unchanged' | 'duplicate' | 'queued') => summaries.reduce((n, s) => n + s[key], 0);
  return {
    added: sum('added'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    duplicate: sum('duplicate'),
    queued: sum('queued'),
    rejected: summaries.reduce((n, s) => n + s.rejected.length, 0),
  };
}

/** The message of a rejection: what was wrong, in the words of the check that failed. */
export function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  if (error instanceof NewsdeskError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
