/**
 * The preparing worker's drafting, without the thread: it drafts ahead while the importing thread has not said which
 * items it needs, answers at once when they are drafted already, drafts only those asked for once told, and reads a
 * document only once those before it are drafted.
 */
import { describe, expect, it } from 'vitest';
import { DRAFTS_PER_STEP, DocumentDrafting } from '../../src/ingest/document-drafting.js';
import { type WorkerReply, type WorkerRequest, sendable } from '../../src/ingest/document-preparation.js';
import { type ReadDocument, draftItem, readWireDocument } from '../../src/ingest/wire-document.js';

const NOW = '2015-09-11T21:00:00.000Z';
const defaults = { section: 'Wire' };
const ITEMS = 2 * DRAFTS_PER_STEP + 10;

/** A JSON Feed of `ITEMS` stories, its ids prefixed by `name`. */
function feed(name: string): string {
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    id: `urn:${name}:${i}`,
    title: `Story ${i} of ${name}`,
    content_text: `The ${i}th story of the ${name} feed says what happened in Beijing on Friday, and why.`,
    date_published: '2015-09-11T12:00:00Z',
  }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: name, items });
}

const read = (request: Extract<WorkerRequest, { kind: 'read' }>): ReadDocument => readWireDocument(feed(request.file), request.file, request.defaults, null);
const readRequest = (seq: number, file: string): WorkerRequest => ({ kind: 'read', seq, file, defaults, source: null, now: NOW });

/** Steps until there is nothing left to draft, collecting the replies. */
function drain(drafting: DocumentDrafting): WorkerReply[] {
  const replies: WorkerReply[] = [];
  for (let steps = 0; drafting.busy; steps++) {
    expect(steps).toBeLessThan(100);
    replies.push(...drafting.step());
  }
  return replies;
}

const draftsOf = (document: ReadDocument, indexes: number[]) => indexes.map((i) => sendable(draftItem(document.items[i]!, new Date(NOW))));

describe('drafting on the preparing worker', () => {
  it('drafts every item ahead of the answer, a step at a time, and sends those asked for at once', () => {
    const drafting = new DocumentDrafting(read);
    const [reply] = drafting.receive(readRequest(0, 'a'));
    expect(reply).toMatchObject({ kind: 'read', seq: 0 });
    const document = (reply as Extract<WorkerReply, { kind: 'read' }>).document;
    expect(document.items).toHaveLength(ITEMS);
    expect(drafting.step()).toEqual([]);
    expect(drafting.busy).toBe(true);
    // Nothing is sent before the answer, however far ahead the drafting is.
    expect(drain(drafting)).toEqual([]);
    const wanted = [1, ITEMS - 1];
    expect(drafting.receive({ kind: 'draft', seq: 0, indexes: wanted })).toEqual([{ kind: 'draft', seq: 0, drafts: draftsOf(document, wanted) }]);
    expect(drafting.busy).toBe(false);
    expect(drafting.receive({ kind: 'forget', seq: 0 })).toEqual([]);
  });

  it('reads a document once those before it are drafted, then drafts what is asked for before drafting ahead', () => {
    const drafting = new DocumentDrafting(read);
    const [first] = drafting.receive(readRequest(0, 'a'));
    const a = (first as Extract<WorkerReply, { kind: 'read' }>).document;
    // Held: the first document's drafts come before reading the next.
    expect(drafting.receive(readRequest(1, 'b'))).toEqual([]);
    for (let step = 0; step < Math.ceil(ITEMS / DRAFTS_PER_STEP); step++) expect(drafting.step()).toEqual([]);
    const [second] = drafting.step();
    expect(second).toMatchObject({ kind: 'read', seq: 1 });
    const b = (second as Extract<WorkerReply, { kind: 'read' }>).document;
    expect(drafting.receive({ kind: 'draft', seq: 1, indexes: [3] })).toEqual([]);
    expect(drafting.step()).toEqual([{ kind: 'draft', seq: 1, drafts: draftsOf(b, [3]) }]);
    // The first document was drafted ahead: its answer is sent at once.
    expect(drafting.receive({ kind: 'draft', seq: 0, indexes: [0, ITEMS - 1] })).toEqual([{ kind: 'draft', seq: 0, drafts: draftsOf(a, [0, ITEMS - 1]) }]);
    expect(drafting.busy).toBe(false);
  });

  it('once told, drafts only the items asked for', () => {
    const drafting = new DocumentDrafting(read);
    const [reply] = drafting.receive(readRequest(0, 'a'));
    const document = (reply as Extract<WorkerReply, { kind: 'read' }>).document;
    expect(drafting.receive({ kind: 'draft', seq: 0, indexes: [3] })).toEqual([]);
    expect(drafting.step()).toEqual([{ kind: 'draft', seq: 0, drafts: draftsOf(document, [3]) }]);
    expect(drafting.busy).toBe(false);
  });

  it('names a document it cannot read, and goes on with the others', () => {
    const drafting = new DocumentDrafting((request) => {
      if (request.file === 'bad') throw new Error('bad: not a wire document');
      return read(request);
    });
    expect(drafting.receive(readRequest(0, 'bad'))).toEqual([{ kind: 'failure', seq: 0, message: expect.stringContaining('bad: not a wire document') }]);
    expect(drafting.receive(readRequest(1, 'b'))[0]).toMatchObject({ kind: 'read', seq: 1 });
    expect(drafting.receive({ kind: 'draft', seq: 1, indexes: [] })).toEqual([{ kind: 'draft', seq: 1, drafts: [] }]);
  });
});
