/**
 * Wire sources: the agencies and partners whose copy Newsdesk takes in, how it arrives (pushed to Newsdesk, or
 * polled from a feed URL or a drop folder), where it goes (published at once, or queued for editors, with rules
 * that publish some of a queued source's items anyway), and how each source is faring.
 */
import type { IsoTime } from './article.js';

export const sourceKinds = ['push', 'url', 'directory'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const sourceTrusts = ['publish', 'queue'] as const;
/** `publish`: every item goes on the site at once; `queue`: items wait in the wire queue unless a rule publishes them. */
export type SourceTrust = (typeof sourceTrusts)[number];

/**
 * Publishes a queued source's item at once when all its conditions hold: at least `minPriority` (0 normal … 10
 * lead; agency urgency 1 is 8) and, when keywords are given, one of them in the headline, body or subjects. A rule
 * with no condition publishes everything. The item goes into `section`, or the source's own.
 */
export interface AutoPublishRule {
  section: string | null;
  minPriority: number | null;
  keywords: string[];
}

export interface WireSource {
  id: string;
  name: string;
  kind: SourceKind;
  /** The feed URL of a `url` source, the folder of a `directory` source; null for `push`. */
  location: string | null;
  /** The format the source sends (`rss`, `ninjs`, …); null takes any format Newsdesk reads. */
  format: string | null;
  /** How often a polled source is checked. */
  pollSeconds: number | null;
  section: string;
  trust: SourceTrust;
  /** The agency named on its stories when an item names none, e.g. "Xinhua" for "(Xinhua)"; else the name. */
  credit: string | null;
  rules: AutoPublishRule[];
  createdAt: IsoTime;
}

/** How a polled source is faring: what the last check found and when the next one is due. */
export interface SourceHealth {
  checkedAt: IsoTime | null;
  succeededAt: IsoTime | null;
  failedAt: IsoTime | null;
  /** Failures in a row; polling backs off as they grow. */
  failures: number;
  lastError: string | null;
  nextPollAt: IsoTime | null;
  itemsReceived: number;
  /** Validators for the next conditional GET. */
  etag: string | null;
  lastModified: string | null;
}

export const DEFAULT_POLL_SECONDS = 300;

/** One line of a source's log: what a poll or push took in, or what was wrong with it. */
export interface SourceLogEntry {
  at: IsoTime;
  level: 'info' | 'error';
  message: string;
}
