/**
 * Wire documents read and drafted ahead of the import that takes them in, in the order asked for. On this thread
 * each document is read when it is next. On a worker thread (`prepareOn: 'worker'`), up to `READ_AHEAD` documents
 * are read, and their new stories prepared and fingerprinted, while the importing thread writes the ones before
 * them: a bulk import keeps two cores busy, the database work on the importing thread (one writer) and the
 * preparing on the worker.
 *
 * A document goes to the worker to be read (parsed, each item mapped and hashed); once the importing thread has
 * looked its items up, it asks for the drafts of those not in the store yet. An item already in is a new version
 * that keeps its story's state, or the same item again, as in most of a re-import: its draft would be wasted. The
 * worker drafts ahead of that answer while it waits (`document-drafting.ts`).
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { WireSource } from '../domain/wire-source.js';
import { startModuleWorker } from '../runtime/worker-thread.js';
import type { ArticleWrite } from '../store/index.js';
import type { Fingerprint } from './near-duplicates.js';
import { type Draft, type ReadDocument, readWireDocument } from './wire-document.js';
import type { WireDefaults } from './wire-record.js';

export const prepareOnChoices = ['this-thread', 'worker'] as const;
export type PrepareOn = (typeof prepareOnChoices)[number];

/** A bulk import's default: a worker when the machine has a core for it beside the importing thread. */
export function defaultPrepareOn(cores = os.availableParallelism()): PrepareOn {
  return cores > 1 ? 'worker' : 'this-thread';
}

/**
 * Documents kept in hand ahead of the importer: two of its units (`IMPORT_GROUP_ITEMS`) in documents of 500 items,
 * so the next unit is prepared while one is written, without holding a whole corpus in memory.
 */
export const READ_AHEAD = 8;

export interface DocumentTask {
  defaults: WireDefaults;
  source: WireSource | null;
  now: () => Date;
  /** Which of these story ids are in the store already. */
  stored: (ids: string[]) => Promise<ReadonlySet<string>>;
}

/** The documents of `files`, in order: `next()` gives the next one. `close()` must follow, even after a failure. */
export interface PreparedDocuments {
  next(): Promise<ReadDocument>;
  close(): Promise<void>;
}

export function prepareDocuments(files: string[], task: DocumentTask, prepareOn: PrepareOn): PreparedDocuments {
  if (prepareOn === 'worker' && files.length > 1) return new WorkerDocuments(files, task);
  let at = 0;
  return {
    next: async () => readDocumentFile(files[at++]!, task.defaults, task.source),
    close: async () => {},
  };
}

export function readDocumentFile(file: string, defaults: WireDefaults, source: WireSource | null): ReadDocument {
  return readWireDocument(fs.readFileSync(file), file, defaults, source);
}

/**
 * What the worker is asked: to read document `seq` (its items drafted, if they are, at `now`), then either for the
 * drafts of some of its items (by index) or, when none needs one, to forget the document.
 */
export type WorkerRequest =
  | { kind: 'read'; seq: number; file: string; defaults: WireDefaults; source: WireSource | null; now: string }
  | { kind: 'draft'; seq: number; indexes: number[] }
  | { kind: 'forget'; seq: number };

export type WorkerReply =
  | { kind: 'read'; seq: number; document: ReadDocument }
  | { kind: 'draft'; seq: number; drafts: SentDraft[] }
  | { kind: 'failure'; seq: number; message: string };

/**
 * A draft as it crosses to the importing thread: its terms as one array of texts and one of weights rather than an
 * object each, sixty a story, which the structured clone copies one by one on both threads.
 */
export type SentDraft =
  | { write: Omit<ArticleWrite, 'terms'>; termTexts: string[]; termWeights: Float64Array; print: Fingerprint }
  | { error: string };

export function sendable(draft: Draft): SentDraft {
  if ('error' in draft) return draft;
  const { terms, ...write } = draft.write;
  return { write, termTexts: terms.map((t) => t.term), termWeights: Float64Array.from(terms, (t) => t.weight), print: draft.print };
}

export function received(sent: SentDraft): Draft {
  if ('error' in sent) return sent;
  const terms = sent.termTexts.map((term, i) => ({ term, weight: sent.termWeights[i]! }));
  return { write: { ...sent.write, terms }, print: sent.print };
}

/** A document the worker is still reading or drafting. */
interface InFlight {
  resolve: (document: ReadDocument) => void;
  reject: (error: Error) => void;
  /** The document as read, and which of its items were sent to be drafted. */
  read?: ReadDocument;
  drafting?: number[];
}

class WorkerDocuments implements PreparedDocuments {
  private readonly worker: Worker;
  /** Each requested document by its position in `files`, until `next()` takes it. */
  private readonly documents: (Promise<ReadDocument> | undefined)[] = [];
  private readonly inFlight = new Map<number, InFlight>();
  private taken = 0;
  private failure: Error | null = null;

  constructor(
    private readonly files: string[],
    private readonly task: DocumentTask,
  ) {
    this.worker = startModuleWorker(import.meta.url, 'preparation-worker');
    this.worker.on('message', (reply: WorkerReply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the document preparation worker stopped (exit code ${code})`)));
    while (this.documents.length < Math.min(READ_AHEAD, files.length)) this.request();
  }

  next(): Promise<ReadDocument> {
    const document = this.documents[this.taken];
    if (!document) return Promise.reject(new Error('every document was already taken'));
    this.documents[this.taken++] = undefined;
    if (this.documents.length < this.files.length) this.request();
    return document;
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private request() {
    const seq = this.documents.length;
    const document = new Promise<ReadDocument>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.inFlight.set(seq, {
        resolve: (read) => (this.inFlight.delete(seq), resolve(read)),
        reject: (error) => (this.inFlight.delete(seq), reject(error)),
      });
    });
    // Taken in order by `next()`; until then a failure must not count as unhandled.
    document.catch(() => {});
    this.documents.push(document);
    if (this.failure) return;
    const { defaults, source, now } = this.task;
    this.post({ kind: 'read', seq, file: this.files[seq]!, defaults, source, now: now().toISOString() });
  }

  private receive(reply: WorkerReply) {
    const pending = this.inFlight.get(reply.seq);
    if (!pending) return;
    if (reply.kind === 'failure') return pending.reject(new Error(reply.message));
    if (reply.kind === 'draft') {
      const document = pending.read!;
      pending.drafting!.forEach((index, i) => (document.items[index]!.draft = received(reply.drafts[i]!)));
      return pending.resolve(document);
    }
    pending.read = reply.document;
    this.task.stored(reply.document.items.map((item) => item.id)).then(
      (stored) => {
        const indexes = reply.document.items.flatMap((item, i) => (stored.has(item.id) ? [] : [i]));
        if (!indexes.length) {
          this.post({ kind: 'forget', seq: reply.seq });
          return pending.resolve(reply.document);
        }
        pending.drafting = indexes;
        this.post({ kind: 'draft', seq: reply.seq, indexes });
      },
      (error: Error) => pending.reject(error),
    );
  }

  private post(request: WorkerRequest) {
    this.worker.postMessage(request);
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const pending of [...this.inFlight.values()]) pending.reject(this.failure);
  }
}
