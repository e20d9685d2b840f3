/**
 * The wire queue: items from sources that queue for editors, kept as the article they would become, with their
 * wire identity, a search text, a near-duplicate fingerprint (band keys in `wire_queue_band`) and the other feeds'
 * copies folded into them. Picking one up links it to the draft made from it.
 */
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import type { ArticleInput } from '../domain/article.js';
import type { Database, WireQueueTable } from './schema.js';

export const queueStates = ['new', 'picked-up', 'dismissed'] as const;
export type QueueState = (typeof queueStates)[number];

export interface AlsoFrom {
  guid: string;
  source: string | null;
  headline: string;
  receivedAt: string;
}

export interface QueueEntry {
  id: string;
  sourceId: string;
  guid: string;
  version: number | null;
  format: string;
  headline: string;
  priority: number;
  /** The item's own time (updated, else published). */
  itemAt: string;
  receivedAt: string;
  /** The story as it would be written on pick-up. */
  item: ArticleInput;
  /** Lower-cased headline and body text, for search. */
  searchText: string;
  simhash: string;
  bands: string[];
  /** Copies of it from other feeds, found with it, to fold in. */
  alsoFrom?: AlsoFrom[];
}

export interface QueuedItem extends Omit<QueueEntry, 'searchText' | 'alsoFrom'> {
  sourceName: string;
  state: QueueState;
  alsoFrom: AlsoFrom[];
  articleId: string | null;
  pickedBy: string | null;
  pickedAt: string | null;
}

export interface QueueFilter {
  state?: QueueState | undefined;
  sourceId?: string | undefined;
  minPriority?: number | undefined;
  /** Words that must all appear in the headline or body. */
  query?: string | undefined;
  /** Items received before this (received_at, id) position: the next page. */
  after?: { receivedAt: string; id: string } | undefined;
  limit: number;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export class WireQueueRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** What the queue holds for these ids: state, version, and the item as stored (JSON), to tell a repeat from a change. */
  async known(ids: string[]): Promise<Map<string, { state: QueueState; version: number | null; item: string }>> {
    if (!ids.length) return new Map();
    const rows = await this.db.selectFrom('wire_queue').select(['id', 'state', 'version', 'item']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, { state: r.state as QueueState, version: r.version, item: r.item }]));
  }

  /** Adds an item, or replaces the content of one already queued with its newer version (its state is kept). */
  async put(trx: Transaction<Database>, entry: QueueEntry): Promise<void> {
    const content = {
      version: entry.version,
      format: entry.format,
      headline: entry.headline,
      priority: entry.priority,
      item_at: entry.itemAt,
      received_at: entry.receivedAt,
      search_text: entry.searchText,
      item: JSON.stringify(entry.item),
      simhash: entry.simhash,
      bands: JSON.stringify(entry.bands),
    };
    await trx
      .insertInto('wire_queue')
      .values({ id: entry.id, source_id: entry.sourceId, guid: entry.guid, state: 'new', ...content })
      .onConflict((oc) => oc.column('id').doUpdateSet(content))
      .execute();
    if (entry.alsoFrom?.length) await this.foldIn(trx, entry.id, entry.alsoFrom);
    await trx.deleteFrom('wire_queue_band').where('queue_id', '=', entry.id).execute();
    const bands = [...new Set(entry.bands)];
    if (bands.length) await trx.insertInto('wire_queue_band').values(bands.map((band) => ({ band, queue_id: entry.id }))).execute();
  }

  /** Queued items (not yet picked up) sharing a band key with `bands`, whose own time is within [from, to]. */
  async candidates(bands: string[], from: string, to: string): Promise<{ id: string; simhash: string; bands: string[] }[]> {
    if (!bands.length) return [];
    const rows = await this.db
      .selectFrom('wire_queue')
      .select(['id', 'simhash', 'bands'])
      .where('id', 'in', (eb) => eb.selectFrom('wire_queue_band').select('queue_id').where('band', 'in', bands))
      .where('state', '!=', 'picked-up')
      .where('item_at', '>=', from)
      .where('item_at', '<=', to)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, simhash: r.simhash, bands: JSON.parse(r.bands) as string[] }));
  }

  /** Folds another feed's copy into a queued item ("also from …"); a copy already folded in is not added twice. */
  async addAlsoFrom(id: string, copy: AlsoFrom): Promise<void> {
    await this.db.transaction().execute((trx) => this.foldIn(trx, id, [copy]));
  }

  private async foldIn(trx: Transaction<Database>, id: string, copies: AlsoFrom[]): Promise<void> {
    const row = await trx.selectFrom('wire_queue').select('also_from').where('id', '=', id).executeTakeFirst();
    if (!row) return;
    const folded = JSON.parse(row.also_from) as AlsoFrom[];
    const added = copies.filter((copy, i) => !folded.some((f) => f.guid === copy.guid) && copies.findIndex((c) => c.guid === copy.guid) === i);
    if (added.length) await trx.updateTable('wire_queue').set({ also_from: JSON.stringify([...folded, ...added]) }).where('id', '=', id).execute();
  }

  async get(id: string): Promise<QueuedItem | null> {
    const row = await this.selectItems().where('q.id', '=', id).executeTakeFirst();
    return row ? toItem(row) : null;
  }

  /** Newest first, by the time Newsdesk received them. */
  async list(filter: QueueFilter): Promise<QueuedItem[]> {
    let query = this.selectItems();
    if (filter.state) query = query.where('q.state', '=', filter.state);
    if (filter.sourceId) query = query.where('q.source_id', '=', filter.sourceId);
    if (filter.minPriority !== undefined) query = query.where('q.priority', '>=', filter.minPriority);
    for (const word of (filter.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
      query = query.where(sql<boolean>`${sql.ref('q.search_text')} like ${`%${likeEscape(word)}%`} escape '\\'`);
    }
    const after = filter.after;
    if (after) {
      query = query.where((eb) =>
        eb.or([eb('q.received_at', '<', after.receivedAt), eb.and([eb('q.received_at', '=', after.receivedAt), eb('q.id', '<', after.id)])]),
      );
    }
    const rows = await query.orderBy('q.received_at', 'desc').orderBy('q.id', 'desc').limit(filter.limit).execute();
    return rows.map(toItem);
  }

  /** How many items each source has in each state. */
  async counts(): Promise<{ sourceId: string; state: QueueState; count: number }[]> {
    const rows = await this.db
      .selectFrom('wire_queue')
      .select(['source_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['source_id', 'state'])
      .execute();
    return rows.map((r) => ({ sourceId: r.source_id, state: r.state as QueueState, count: Number(r.n) }));
  }

  /**
   * Marks a new item picked up into `articleId`, in the transaction that writes the draft. False when it was no
   * longer new (someone else picked it up first), so the caller can roll back.
   */
  async markPickedUp(trx: Transaction<Database>, id: string, articleId: string, by: string | null, at: string): Promise<boolean> {
    const result = await trx
      .updateTable('wire_queue')
      .set({ state: 'picked-up', article_id: articleId, picked_by: by, picked_at: at })
      .where('id', '=', id)
      .where('state', '=', 'new')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Dismisses a new item, or puts a dismissed one back; false when the item is not in the state `from`. */
  async setState(id: string, from: QueueState, to: QueueState): Promise<boolean> {
    const result = await this.db.updateTable('wire_queue').set({ state: to }).where('id', '=', id).where('state', '=', from).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  private selectItems() {
    return this.db
      .selectFrom('wire_queue as q')
      .innerJoin('wire_source as s', 's.id', 'q.source_id')
      .select([
        'q.id',
        'q.source_id',
        's.name as source_name',
        'q.guid',
        'q.version',
        'q.format',
        'q.headline',
        'q.priority',
        'q.item_at',
        'q.received_at',
        'q.item',
        'q.simhash',
        'q.bands',
        'q.also_from',
        'q.state',
        'q.article_id',
        'q.picked_by',
        'q.picked_at',
      ]);
  }
}

function toItem(row: Omit<Selectable<WireQueueTable>, 'search_text'> & { source_name: string }): QueuedItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    guid: row.guid,
    version: row.version,
    format: row.format,
    headline: row.headline,
    priority: row.priority,
    itemAt: row.item_at,
    receivedAt: row.received_at,
    item: JSON.parse(row.item) as ArticleInput,
    simhash: row.simhash,
    bands: JSON.parse(row.bands) as string[],
    alsoFrom: JSON.parse(row.also_from) as AlsoFrom[],
    state: row.state as QueueState,
    articleId: row.article_id,
    pickedBy: row.picked_by,
    pickedAt: row.picked_at,
  };
}
