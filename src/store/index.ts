/**
 * The store: every read and write of Newsdesk's data, behind one interface whatever the engine. SQLite (embedded,
 * zero-config) by default; PostgreSQL when a `postgres://` URL is given. Engines differ only in `dialects/`.
 */
import { Migrator, type Transaction } from 'kysely';
import { AccountRepository } from './account-repository.js';
import { ArticleRepository } from './article-repository.js';
import { AuditRepository } from './audit-repository.js';
import { AutosaveRepository } from './autosave-repository.js';
import { BoardRepository } from './board-repository.js';
import { ReadRepository } from './read-repository.js';
import { WireRepository } from './wire-repository.js';
import { FingerprintRepository } from './fingerprint-repository.js';
import { SourceRepository } from './source-repository.js';
import { WireQueueRepository } from './wire-queue-repository.js';
import { MentionRepository } from './mention-repository.js';
import { LeaseRepository } from './lease-repository.js';
import { CollectionRepository } from './collection-repository.js';
import type { Engine } from './dialects/engine.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import { migrationProvider } from './migrations/index.js';
import { RelatedRepository } from './related-repository.js';
import type { Database } from './schema.js';
import { SettingRepository } from './setting-repository.js';
import { TaxonomyRepository } from './taxonomy-repository.js';
import { ThreadRepository } from './thread-repository.js';

export type { AccountRow, OneTimeTokenRow, SessionRow } from './account-repository.js';
export type { AuditEntry } from './audit-repository.js';
export type { Autosave } from './autosave-repository.js';
export type { BoardEntry } from './board-repository.js';
export type { ReadCount } from './read-repository.js';
export type { WireArticleState, WireIdentity } from './wire-repository.js';
export type { DuplicateCopy, StoredFingerprint } from './fingerprint-repository.js';
export type { SourceChanges, WireSource } from './source-repository.js';
export type { StoredMention } from './mention-repository.js';
export type { AlsoFrom, QueueEntry, QueueFilter, QueueState, QueuedItem } from './wire-queue-repository.js';
export { queueStates } from './wire-queue-repository.js';
export type { ArticleChange, ArticleWrite, EditableArticle, ListFilter, SaveContext, SaveOutcome } from './article-repository.js';
export type { CollectionInput, CollectionItemInput } from './collection-repository.js';
export type { EngineCapabilities } from './dialects/engine.js';
export type { RelatedCandidate, RelatedEntry, RelatedOverrides, RelatedTarget } from './related-repository.js';
export type { IndexedTerm, TermPosting, WeightedTerm } from './related-index.js';
export type { TopicCount } from './taxonomy-repository.js';
export type { Database } from './schema.js';

export interface StoreLocation {
  /** `postgres://…` for PostgreSQL; otherwise ignored. */
  databaseUrl?: string | undefined;
  /** The SQLite file, or `:memory:`. */
  sqliteFile: string;
}

export class Store {
  readonly articles: ArticleRepository;
  readonly taxonomy: TaxonomyRepository;
  readonly collections: CollectionRepository;
  readonly related: RelatedRepository;
  readonly settings: SettingRepository;
  readonly accounts: AccountRepository;
  readonly audit: AuditRepository;
  readonly autosaves: AutosaveRepository;
  readonly leases: LeaseRepository;
  readonly boards: BoardRepository;
  readonly reads: ReadRepository;
  readonly wire: WireRepository;
  readonly fingerprints: FingerprintRepository;
  readonly sources: SourceRepository;
  readonly wireQueue: WireQueueRepository;
  readonly mentions: MentionRepository;
  readonly threads: ThreadRepository;

  constructor(private readonly engine: Engine) {
    this.taxonomy = new TaxonomyRepository(engine.db);
    this.articles = new ArticleRepository(engine.db, this.taxonomy);
    this.collections = new CollectionRepository(engine.db);
    this.related = new RelatedRepository(engine.db);
    this.settings = new SettingRepository(engine.db);
    this.accounts = new AccountRepository(engine.db);
    this.audit = new AuditRepository(engine.db);
    this.autosaves = new AutosaveRepository(engine.db);
    this.leases = new LeaseRepository(engine.db);
    this.boards = new BoardRepository(engine.db);
    this.reads = new ReadRepository(engine.db);
    this.wire = new WireRepository(engine.db);
    this.fingerprints = new FingerprintRepository(engine.db);
    this.sources = new SourceRepository(engine.db);
    this.wireQueue = new WireQueueRepository(engine.db);
    this.mentions = new MentionRepository(engine.db);
    this.threads = new ThreadRepository(engine.db);
  }

  get engineName(): string {
    return this.engine.name;
  }

  get capabilities() {
    return this.engine.capabilities;
  }

  /** Runs `work` in one transaction: all of its writes land, or none do. */
  transaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.engine.db.transaction().execute(work);
  }

  /** Brings the schema to the newest version; returns the names of the migrations it applied. */
  async migrate(): Promise<string[]> {
    const schema = await this.engine.migrationSchema();
    const migrator = new Migrator({
      db: this.engine.db,
      provider: migrationProvider,
      // A migration numbered below the newest applied one (010 landed after 011 and 012) still runs.
      allowUnorderedMigrations: true,
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const { error, results } = await this.engine.oneMigrationAtATime(() => migrator.migrateToLatest());
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}

export function openStore(location: StoreLocation): Store {
  const url = location.databaseUrl;
  const engine = url && /^postgres(ql)?:\/\//.test(url) ? openPostgres(url) : openSqlite(location.sqliteFile);
  return new Store(engine);
}
