/** Table shapes as Kysely sees them. Times are ISO 8601 UTC text; see `domain/article.ts`. */
import type { ColumnType } from 'kysely';

export interface SectionTable {
  id: string;
  slug: string;
  name: string;
  position: number;
}

export interface SourceTable {
  id: string;
  slug: string;
  name: string;
  credit_line: string;
}

export interface TopicTable {
  id: string;
  slug: string;
  name: string;
}

export interface AuthorTable {
  id: string;
  slug: string;
  name: string;
}

export interface ImageTable {
  id: string;
  url: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string | null;
  credit: string | null;
}

export interface ArticleTable {
  id: string;
  slug: string;
  headline: string;
  standfirst: string | null;
  body_html: string;
  dateline: string | null;
  byline: string | null;
  source_id: string | null;
  section_id: string;
  image_id: string | null;
  language: string;
  status: string;
  priority: number;
  first_published_at: string | null;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  revision: number;
  /** Hash of the editorial content; an import of identical content is a no-op. */
  content_hash: string;
  /** When a scheduled story is due to be published. */
  scheduled_at: string | null;
  /** Never visible before this time, whatever its status. */
  embargo_until: string | null;
  created_by: string | null;
}

export interface ArticleTopicTable {
  article_id: string;
  topic_id: string;
  position: number;
}

export interface ArticleAuthorTable {
  article_id: string;
  author_id: string;
  position: number;
}

export interface RevisionTable {
  article_id: string;
  revision: number;
  created_at: string;
  /** The article's editorial fields as JSON, so any revision can be shown or restored. */
  snapshot: string;
  author_id: string | null;
}

export interface AccountTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** A signed-in browser. The id is the SHA-256 of the cookie's token, so a leaked table opens no session. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** Invitation and password-reset links; the id is the SHA-256 of the token in the link. */
export interface OneTimeTokenTable {
  id: string;
  kind: string;
  email: string;
  role: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: string;
}

/** The public change log of a story: updates and corrections, each tied to the revision that made it. */
export interface ArticleChangeTable {
  article_id: string;
  revision: number;
  kind: string;
  note: string | null;
  at: string;
}

export interface ArticleAutosaveTable {
  article_id: string;
  user_id: string;
  base_revision: number;
  content: string;
  saved_at: string;
}

/** Which process runs a job (scheduled publishing) until when; another takes over once it expires. */
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface CollectionTable {
  id: string;
  slug: string;
  name: string;
  section_id: string | null;
}

export interface CollectionItemTable {
  collection_id: string;
  article_id: string;
  position: number;
  expires_at: string | null;
}

/** How many articles carry each term (document frequency), and the integer id the term index knows it by. */
export interface TermStatTable {
  id: ColumnType<number, never, never>;
  term: string;
  df: number;
}

/** An integer for each indexed article, never reused: what the term and band indexes carry instead of its id. */
export interface ArticleKeyTable {
  key: ColumnType<number, never, never>;
  article_id: string;
}

/** The terms that characterise an article, for relating it to others, in one row (`term-pack.ts`), by its key. */
export interface ArticleTermPackTable {
  article_key: number;
  terms: string;
}

/** The related-stories index by term: each term's articles, with the term's weight in each. */
export interface TermPostingTable {
  term_id: number;
  article_key: number;
  weight: number;
}

/** Read model: an article's related stories, computed when the news changes, read by the page. */
export interface ArticleRelatedTable {
  article_id: string;
  related_id: string;
  position: number;
  score: number;
}

/** Which story thread an article belongs to (articles in no thread have no row). */
export interface ArticleThreadTable {
  article_id: string;
  thread_id: string;
  joined_at: string;
}

/** An editor's pin (`pin`, shown first in `position` order) or exclusion (`exclude`) on an article's related list. */
export interface RelatedOverrideTable {
  article_id: string;
  related_id: string;
  action: 'pin' | 'exclude';
  position: number;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface BoardEntryTable {
  board: string;
  scope: string;
  item_id: string;
  action: string;
  position: number;
  expires_at: string | null;
}

export interface ArticleReadTable {
  article_id: string;
  hour: string;
  count: number;
}

export interface WireItemTable {
  article_id: string;
  guid: string;
  version: number | null;
  format: string;
  received_at: string;
  /** Hash of the item as last taken in (null before migration 013 and for items picked up from the queue). */
  input_hash: string | null;
}

export interface RelateQueueTable {
  article_id: string;
  queued_at: string;
}

export interface ArticleFingerprintTable {
  article_id: string;
  /** The 64-bit SimHash as a decimal string (engines differ on unsigned 64-bit integers). */
  simhash: string;
  /** JSON array of band keys. */
  bands: string;
  /** The day (since 1970, UTC) its band keys are filed under in `fingerprint_band`. */
  day: number;
}

/** The band index: (day, 52-bit hash of a band key, story key); see `FingerprintRepository.putAll`. */
export interface FingerprintBandTable {
  day: number;
  band: number;
  article_key: number;
}

export interface ArticleDuplicateTable {
  article_id: string;
  guid: string;
  source: string | null;
  headline: string;
  received_at: string;
}

export interface WireSourceTable {
  id: string;
  name: string;
  section: string;
  trust: string;
  token_hash: string;
  created_at: string;
  kind: ColumnType<string, string | undefined, string>;
  location: string | null;
  format: string | null;
  poll_seconds: number | null;
  credit: string | null;
  rules: ColumnType<string, string | undefined, string>;
}

export interface SourceHealthTable {
  source_id: string;
  etag: string | null;
  last_modified: string | null;
  checked_at: string | null;
  succeeded_at: string | null;
  failed_at: string | null;
  failures: number;
  last_error: string | null;
  next_poll_at: string | null;
  items_received: number;
}

export interface SourceLogTable {
  id: string;
  source_id: string;
  at: string;
  level: string;
  message: string;
}

export interface SourceFileTable {
  source_id: string;
  name: string;
  signature: string;
}

export interface WireQueueTable {
  id: string;
  source_id: string;
  guid: string;
  version: number | null;
  format: string;
  headline: string;
  priority: number;
  item_at: string;
  received_at: string;
  search_text: string;
  item: string;
  simhash: string;
  bands: string;
  also_from: ColumnType<string, string | undefined, string>;
  state: string;
  article_id: string | null;
  picked_by: string | null;
  picked_at: string | null;
}

export interface WireQueueBandTable {
  band: string;
  queue_id: string;
}

export interface ArticleMentionTable {
  article_id: string;
  key: string;
  slug: string;
  label: string;
  kind: string;
  in_headline: number;
  span: number;
  length: number;
  published_at: string;
}

/** One story's `article_mention` rows packed as Hot Topics reads them (`MentionsOf` in `mention-repository.ts`). */
export interface ArticleMentionPackTable {
  article_id: string;
  published_at: string;
  keys: string;
  in_headline: string;
  labels: string;
}

export interface Database {
  section: SectionTable;
  source: SourceTable;
  topic: TopicTable;
  author: AuthorTable;
  image: ImageTable;
  article: ArticleTable;
  article_topic: ArticleTopicTable;
  article_author: ArticleAuthorTable;
  revision: RevisionTable;
  collection: CollectionTable;
  collection_item: CollectionItemTable;
  term_stat: TermStatTable;
  article_key: ArticleKeyTable;
  article_term_pack: ArticleTermPackTable;
  term_posting: TermPostingTable;
  article_related: ArticleRelatedTable;
  setting: SettingTable;
  account: AccountTable;
  session: SessionTable;
  one_time_token: OneTimeTokenTable;
  audit_log: AuditLogTable;
  article_change: ArticleChangeTable;
  article_autosave: ArticleAutosaveTable;
  job_lease: JobLeaseTable;
  board_entry: BoardEntryTable;
  article_read: ArticleReadTable;
  wire_item: WireItemTable;
  relate_queue: RelateQueueTable;
  article_fingerprint: ArticleFingerprintTable;
  fingerprint_band: FingerprintBandTable;
  article_duplicate: ArticleDuplicateTable;
  wire_source: WireSourceTable;
  source_health: SourceHealthTable;
  source_log: SourceLogTable;
  source_file: SourceFileTable;
  wire_queue: WireQueueTable;
  wire_queue_band: WireQueueBandTable;
  article_mention: ArticleMentionTable;
  article_mention_pack: ArticleMentionPackTable;
  article_thread: ArticleThreadTable;
  related_override: RelatedOverrideTable;
}

export type Count = ColumnType<number, never, never>;
