/**
 * Job leases: a job (scheduled publishing, feed polling) runs in the one process holding its lease; when the
 * holder dies its lease expires and another process takes over.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export class LeaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Takes or renews the lease `name` for `holder` until `until`; true when `holder` now holds it. */
  async acquire(name: string, holder: string, now: string, until: string): Promise<boolean> {
    await this.db
      .insertInto('job_lease')
      .values({ name, holder, expires_at: until })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, expires_at: until })
          .where((eb) => eb.or([eb('job_lease.holder', '=', holder), eb('job_lease.expires_at', '<=', now)])),
      )
      .execute();
    const row = await this.db.selectFrom('job_lease').select('holder').where('name', '=', name).executeTakeFirst();
    return row?.holder === holder;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('job_lease').where('name', '=', name).where('holder', '=', holder).execute();
  }
}
