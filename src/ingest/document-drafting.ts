/**
 * The preparing worker's side of `document-preparation.ts`, without the thread: it reads each document it is sent
 * and drafts its items, a few at a time (`step`), so that requests are heard in between.
 *
 * Which items need a draft is for the importing thread to say (those not in the store yet), and it can only say so
 * between its own writes: a bulk import holds it for seconds at a time. Rather than wait, the worker drafts every
 * item of the oldest document not answered for yet; once told, it drafts only the items asked for. In a first
 * import every item is new, so nothing is wasted and the worker never waits for the writer; in a re-import the
 * answers come at once, and a step's worth of items is drafted in vain at most.
 *
 * A document is read when it is next due, not when it is sent: once every document read before it is drafted or
 * answered. Read all at once, the first document's drafts waited behind the reading of the seven after it.
 */
import { failureMessage } from '../runtime/worker-thread.js';
import { type WorkerReply, type WorkerRequest, sendable } from './document-preparation.js';
import { type Draft, type ReadDocument, draftItem } from './wire-document.js';

/** Items drafted per step: a few milliseconds of work, after which requests waiting are heard. */
export const DRAFTS_PER_STEP = 25;

interface Drafting {
  document: ReadDocument;
  now: Date;
  drafts: (Draft | undefined)[];
  drafted: number;
  /** The items the importing thread asked for; null until it has answered. */
  wanted: number[] | null;
}

type ReadRequest = Extract<WorkerRequest, { kind: 'read' }>;

export class DocumentDrafting {
  /** Documents read and not yet answered, in the order they were read. */
  private readonly documents = new Map<number, Drafting>();
  /** Documents sent to be read and not read yet, in the order sent. */
  private readonly unread: ReadRequest[] = [];

  constructor(private readonly read: (request: ReadRequest) => ReadDocument) {}

  /**
   * Replies owed for `request` now: the drafts asked for, when all are done. A document to read is read by `step`,
   * or at once when nothing else is in hand.
   */
  receive(request: WorkerRequest): WorkerReply[] {
    if (request.kind === 'read') {
      this.unread.push(request);
      return this.next() ? [] : this.readNext();
    }
    const drafting = this.documents.get(request.seq);
    if (!drafting) return [];
    if (request.kind === 'forget') {
      this.documents.delete(request.seq);
      return [];
    }
    drafting.wanted = request.indexes;
    return this.finished(request.seq, drafting);
  }

  /** Whether `step` has anything to read or draft. */
  get busy(): boolean {
    return this.next() !== undefined || this.unread.length > 0;
  }

  /**
   * Drafts up to `DRAFTS_PER_STEP` items: those asked for first, oldest document first; else, ahead of the answer,
   * the next items of the oldest document not answered for. Returns the drafts of a document once all asked are done.
   * With nothing to draft, reads the next document instead.
   */
  step(): WorkerReply[] {
    const next = this.next();
    if (!next) return this.readNext();
    const [seq, drafting] = next;
    const indexes = drafting.wanted ?? drafting.document.items.keys();
    let drafted = 0;
    for (const i of indexes) {
      if (drafting.drafts[i] !== undefined) continue;
      drafting.drafts[i] = draftItem(drafting.document.items[i]!, drafting.now);
      drafting.drafted++;
      if (++drafted === DRAFTS_PER_STEP) break;
    }
    return this.finished(seq, drafting);
  }

  private readNext(): WorkerReply[] {
    const request = this.unread.shift();
    if (!request) return [];
    try {
      const document = this.read(request);
      this.documents.set(request.seq, { document, now: new Date(request.now), drafts: [], drafted: 0, wanted: null });
      return [{ kind: 'read', seq: request.seq, document }];
    } catch (error) {
      return [{ kind: 'failure', seq: request.seq, message: failureMessage(error) }];
    }
  }

  /** The document to draft for next: the oldest one asked for, else the oldest one with items not drafted ahead. */
  private next(): [number, Drafting] | undefined {
    let ahead: [number, Drafting] | undefined;
    for (const entry of this.documents) {
      const drafting = entry[1];
      if (drafting.wanted) return entry;
      if (!ahead && drafting.drafted < drafting.document.items.length) ahead = entry;
    }
    return ahead;
  }

  private finished(seq: number, drafting: Drafting): WorkerReply[] {
    if (drafting.wanted === null || drafting.wanted.some((i) => drafting.drafts[i] === undefined)) return [];
    this.documents.delete(seq);
    return [{ kind: 'draft', seq, drafts: drafting.wanted.map((i) => sendable(drafting.drafts[i]!)) }];
  }
}
