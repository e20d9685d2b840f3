/** The nouns of Hot Topics: what extraction gives per article, what ranking takes and what it returns. */

/** What extraction reads of an article. `topics` are the editors' own topics (tags) for it. */
export interface TopicArticle {
  id: string;
  title: string;
  body?: string | null;
  /** BCP 47 language; guessed from the text when absent. */
  lang?: string;
  topics?: readonly string[];
}

/** `entity`: a name (proper-noun run); `phrase`: a noun phrase; `editor`: a topic an editor gave the story. */
export type TopicKind = 'entity' | 'phrase' | 'editor';

/** One candidate topic found in one article. */
export interface TopicMention {
  /** Normalised identity: variants of one name ("Beyoncé's", "beyonce") share it. */
  key: string;
  /** The words as written, for display. */
  label: string;
  kind: TopicKind;
  /** Found in the headline (counts fully) rather than only in the lead of the body (counts half). */
  inHeadline: boolean;
  /**
   * Mentions cut from the same stretch of text ("Charles Plosser" and "Plosser") share a span number: they are
   * overlapping candidates for one thing, of which ranking keeps one per story.
   */
  span: number;
  /** Words in the key (characters / 2 for Chinese): the longer of two well-supported candidates wins. */
  length: number;
}

/** A mention as stored: which article, and when it was published (epoch ms). */
export interface TopicObservation extends TopicMention {
  articleId: string;
  at: number;
}

/**
 * One article's mentions, as ranking takes them: grouped, as the store reads them, so that each article is looked
 * up once rather than once per mention, and packed in strings rather than an object per mention (a window may
 * hold millions): `mentionsOf` packs extracted mentions. `at` is its publication time (epoch ms).
 */
export interface ArticleMentions {
  articleId: string;
  at: number;
  /** The topic keys it mentions, joined by `PACKED_SEPARATOR`. */
  keys: string;
  /** One character per key: `1` when the headline names it (counts fully), `0` when only the lead does (half). */
  inHeadline: string;
  /** The keys' words as written, joined likewise; read only for the recent window's articles, so may be left out before. */
  labels?: string | undefined;
}

/** Between the keys (and the labels) of `ArticleMentions`: a control character, which no key or label holds. */
export const PACKED_SEPARATOR = '\x1e';

/** Reads of the pages of a topic's stories in one hour (hour start, epoch ms). */
export interface TopicReads {
  key: string;
  hour: number;
  reads: number;
}

/** Editors' decisions, applied on every refresh. Keys are topic keys (`HotTopic.key`). */
export interface TopicOverrides {
  /** Shown first, in this order, whether hot or not. */
  pinned?: readonly string[];
  /** Never shown, and their mentions never count. */
  hidden?: readonly string[];
  /** Display names chosen by editors. */
  renamed?: Readonly<Record<string, string>>;
  /** `{ from: into }`: mentions of `from` count as mentions of `into`. */
  merged?: Readonly<Record<string, string>>;
}

export interface HotSettings {
  /** "Now" is compared with this many hours before it. */
  recentHours: number;
  /** The topic's own baseline: this many hours before the recent window (fewer when history is shorter). */
  baselineHours: number;
  /** A topic needs this many stories (headline mentions; a lead mention counts half) in the recent window. */
  minRecent: number;
  /** How many topics to return. */
  limit: number;
  /** A longer phrase names the topic when it has at least this share of the support of the shorter one. */
  longerPhraseSupport: number;
  /** Two candidates are one topic when this share of the smaller one's recent stories mention the other. */
  mergeOverlap: number;
  /** Weight of the readership burst beside the coverage burst. */
  readsWeight: number;
}

export const defaultHotSettings: HotSettings = {
  recentHours: 3,
  baselineHours: 24,
  minRecent: 3,
  limit: 8,
  longerPhraseSupport: 0.8,
  mergeOverlap: 0.5,
  readsWeight: 0.5,
};

/** Why a topic is hot, in numbers and in a sentence for editors. */
export interface HotExplanation {
  recentStories: number;
  baselineStories: number;
  /** Stories the topic would have had in the recent window at its baseline share of coverage. */
  expectedStories: number;
  baselineHoursUsed: number;
  /** Coverage burst (z-score). */
  coverageScore: number;
  reads?: { recent: number; expected: number; score: number };
  score: number;
  text: string;
}

export interface HotTopic {
  /** Stable identity of the topic: the key of its main candidate. */
  key: string;
  label: string;
  /** Other keys folded into this topic (variants, co-occurring phrases, editors' merges). */
  aliases: string[];
  pinned: boolean;
  /** `burst`: rising above its baseline; `frequent`: filling the list when fewer topics burst; `pinned`: by editors. */
  reason: 'burst' | 'frequent' | 'pinned';
  /** Recent stories that count towards this topic (newest first). */
  articleIds: string[];
  explanation: HotExplanation;
}
