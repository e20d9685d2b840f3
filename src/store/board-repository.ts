/**
 * Curation boards: what editors pin to the top of a computed list, in their order, and what they hide from it.
 * A board is per list (`top-news`, `hot-topics`) and per scope (`all`, or a section id).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface BoardEntry {
  itemId: string;
  action: 'pin' | 'hide';
  expiresAt: string | null;
}

export class BoardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The board's unexpired entries at `now`, pins in the editors' order. */
  async entries(board: string, scope: string, now: string): Promise<BoardEntry[]> {
    const rows = await this.db
      .selectFrom('board_entry')
      .select(['item_id', 'action', 'expires_at'])
      .where('board', '=', board)
      .where('scope', '=', scope)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .orderBy('position')
      .orderBy('item_id')
      .execute();
    return rows.map((r) => ({ itemId: r.item_id, action: r.action as BoardEntry['action'], expiresAt: r.expires_at }));
  }

  /** Replaces the whole board in one transaction. */
  async replace(board: string, scope: string, entries: BoardEntry[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('board_entry').where('board', '=', board).where('scope', '=', scope).execute();
      if (!entries.length) return;
      await trx
        .insertInto('board_entry')
        .values(
          entries.map((e, position) => ({ board, scope, item_id: e.itemId, action: e.action, position, expires_at: e.expiresAt })),
        )
        .execute();
    });
  }
}
