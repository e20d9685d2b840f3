/** Newsroom accounts, their sessions and their one-time links (invitations, password resets). */
import type { Kysely } from 'kysely';
import type { AccountTable, Database, OneTimeTokenTable, SessionTable } from './schema.js';

export type AccountRow = AccountTable;
export type SessionRow = SessionTable;
export type OneTimeTokenRow = OneTimeTokenTable;

export class AccountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async count(): Promise<number> {
    const row = await this.db.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async hasOwner(): Promise<boolean> {
    return Boolean(await this.db.selectFrom('account').select('id').where('role', '=', 'owner').executeTakeFirst());
  }

  async insert(account: AccountRow): Promise<void> {
    await this.db.insertInto('account').values(account).execute();
  }

  async byId(id: string): Promise<AccountRow | null> {
    return (await this.db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async byEmail(email: string): Promise<AccountRow | null> {
    return (await this.db.selectFrom('account').selectAll().where('email', '=', email).executeTakeFirst()) ?? null;
  }

  async list(): Promise<AccountRow[]> {
    return this.db.selectFrom('account').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  async update(id: string, changes: Partial<Omit<AccountRow, 'id'>>): Promise<void> {
    await this.db.updateTable('account').set(changes).where('id', '=', id).execute();
  }

  async insertSession(session: SessionRow): Promise<void> {
    await this.db.insertInto('session').values(session).execute();
  }

  /** The session and its account, if the session exists, has not expired and the account is enabled. */
  async liveSession(id: string, now: string): Promise<{ session: SessionRow; account: AccountRow } | null> {
    const session = await this.db
      .selectFrom('session')
      .selectAll()
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!session) return null;
    const account = await this.byId(session.user_id);
    return account && !account.disabled_at ? { session, account } : null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('session').where('id', '=', id).execute();
  }

  async deleteSessionsOf(accountId: string): Promise<void> {
    await this.db.deleteFrom('session').where('user_id', '=', accountId).execute();
  }

  async insertToken(token: OneTimeTokenRow): Promise<void> {
    await this.db.insertInto('one_time_token').values(token).execute();
  }

  /**
   * Marks an unused, unexpired token of `kind` as used and returns it; null when there is no such token. The
   * conditional update makes the use atomic: two requests racing with one link cannot both succeed.
   */
  async consumeToken(id: string, kind: string, now: string): Promise<OneTimeTokenRow | null> {
    const result = await this.db
      .updateTable('one_time_token')
      .set({ used_at: now })
      .where('id', '=', id)
      .where('kind', '=', kind)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return null;
    return (await this.db.selectFrom('one_time_token').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }
}
