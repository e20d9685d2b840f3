/**
 * The wire queue as editors work it: items waiting from sources that queue for editors, filtered and searched;
 * picking one up turns it into a draft linked to it (with its wire identity, so the agency's later versions become
 * revisions of that draft, and the copies folded into it as "also from …"); dismissing one puts it aside.
 */
import type { Transaction } from 'kysely';
import type { Clock } from '../domain/clock.js';
import { ConflictError, InvalidCursorError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Actor } from '../newsroom/accounts.js';
import type { AuditTrail } from '../newsroom/audit-trail.js';
import type { Publisher } from '../newsroom/publisher.js';
import { type Database, type QueueFilter, type QueueState, type QueuedItem, type Store, queueStates } from '../store/index.js';

export const QUEUE_PAGE_SIZE = 50;

export class WireDesk {
  constructor(
    private readonly store: Store,
    private readonly publisher: Publisher,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  /** A page of the queue, newest first; `cursor` continues from the last item of the previous page. */
  async list(filter: Omit<QueueFilter, 'after' | 'limit'> & { cursor?: string | undefined; limit?: number }) {
    const limit = Math.min(filter.limit ?? QUEUE_PAGE_SIZE, 200);
    const items = await this.store.wireQueue.list({ ...filter, after: decodeCursor(filter.cursor), limit: limit + 1 });
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return { items: page, nextCursor: items.length > limit && last ? encodeCursor(last) : null };
  }

  async get(id: string): Promise<QueuedItem> {
    const item = await this.store.wireQueue.get(id);
    if (!item) throw new NotFoundError(`no wire item ${id}`, { id });
    return item;
  }

  /**
   * Turns a waiting item into a draft by `actor`, in one transaction with marking it picked up, so two editors
   * picking up the same item get one draft and a conflict. Returns the draft's id.
   */
  async pickUp(actor: Actor, id: string): Promise<string> {
    const item = await this.get(id);
    if (item.state !== 'new') throw new ConflictError(item.state === 'picked-up' ? 'this item has already been picked up' : 'this item was dismissed; restore it first', { articleId: item.articleId });
    const now = this.clock.now().toISOString();
    const write = this.publisher.prepare({ ...item.item, status: 'draft', publishedAt: null, scheduledAt: null });
    // An article with this wire identity can exist already (the same item imported from a file): link to it, as is.
    const existing = (await this.store.wire.current([write.id])).has(write.id);
    const markPickedUp = async (trx: Transaction<Database>) => {
      if (!(await this.store.wireQueue.markPickedUp(trx, id, write.id, actor.id, now))) throw new ConflictError('someone picked this item up first');
    };
    if (existing) {
      await this.store.transaction(markPickedUp);
    } else {
      await this.publisher.writeBatch([write], {
        authorId: actor.id,
        alongside: async (trx) => {
          await markPickedUp(trx);
          await this.store.wire.record(trx, { articleId: write.id, guid: item.guid, version: item.version, format: item.format, receivedAt: item.receivedAt });
          await this.store.fingerprints.put(trx, { articleId: write.id, simhash: item.simhash, bands: item.bands, updatedAt: write.updatedAt });
        },
      });
    }
    for (const copy of item.alsoFrom) await this.store.fingerprints.addDuplicate({ articleId: write.id, ...copy });
    await this.audit.record(actor.id, 'wire.pick-up', { type: 'wire-item', id }, { articleId: write.id, source: item.sourceId });
    return write.id;
  }

  /** Dismisses a waiting item, or (`restore`) puts a dismissed one back in the queue. */
  async setDismissed(actor: Actor, id: string, dismissed: boolean): Promise<QueuedItem> {
    const [from, to]: [QueueState, QueueState] = dismissed ? ['new', 'dismissed'] : ['dismissed', 'new'];
    if (!(await this.store.wireQueue.setState(id, from, to))) {
      const item = await this.get(id);
      throw new ConflictError(`this item is ${item.state}, not ${from}`);
    }
    await this.audit.record(actor.id, dismissed ? 'wire.dismiss' : 'wire.restore', { type: 'wire-item', id });
    return this.get(id);
  }
}

export function parseQueueState(value: unknown): QueueState | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (queueStates as readonly string[]).includes(value)) return value as QueueState;
  throw new ValidationError(`state must be one of ${queueStates.join(', ')}`, { field: 'state' });
}

function encodeCursor(item: Pick<QueuedItem, 'receivedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([item.receivedAt, item.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): QueueFilter['after'] {
  if (!cursor) return undefined;
  try {
    const [receivedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof receivedAt === 'string' && typeof id === 'string') return { receivedAt, id };
  } catch {
    // falls through to the refusal below
  }
  throw new InvalidCursorError('cursor is not one this API gave out');
}
