/** Wire sources, their push tokens (stored as SHA-256 only), their health and log, and a folder source's files. */
import type { Kysely, Selectable } from 'kysely';
import type { AutoPublishRule, SourceHealth, SourceLogEntry, SourceKind, SourceTrust, WireSource } from '../domain/wire-source.js';
import type { Database, SourceHealthTable, WireSourceTable } from './schema.js';

export type { WireSource } from '../domain/wire-source.js';

/** How many log lines each source keeps. */
export const SOURCE_LOG_KEPT = 200;

export type SourceChanges = Partial<Pick<WireSource, 'name' | 'location' | 'format' | 'pollSeconds' | 'section' | 'trust' | 'credit' | 'rules'>>;

const emptyHealth: SourceHealth = {
  checkedAt: null,
  succeededAt: null,
  failedAt: null,
  failures: 0,
  lastError: null,
  nextPollAt: null,
  itemsReceived: 0,
  etag: null,
  lastModified: null,
};

function toSource(row: Selectable<WireSourceTable>): WireSource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as SourceKind,
    location: row.location,
    format: row.format,
    pollSeconds: row.poll_seconds,
    section: row.section,
    trust: row.trust as SourceTrust,
    credit: row.credit,
    rules: JSON.parse(row.rules) as AutoPublishRule[],
    createdAt: row.created_at,
  };
}

function toHealth(row: Selectable<SourceHealthTable> | undefined): SourceHealth {
  if (!row) return { ...emptyHealth };
  return {
    checkedAt: row.checked_at,
    succeededAt: row.succeeded_at,
    failedAt: row.failed_at,
    failures: row.failures,
    lastError: row.last_error,
    nextPollAt: row.next_poll_at,
    itemsReceived: row.items_received,
    etag: row.etag,
    lastModified: row.last_modified,
  };
}

export class SourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(source: WireSource, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('wire_source')
      .values({
        id: source.id,
        name: source.name,
        kind: source.kind,
        location: source.location,
        format: source.format,
        poll_seconds: source.pollSeconds,
        section: source.section,
        trust: source.trust,
        credit: source.credit,
        rules: JSON.stringify(source.rules),
        token_hash: tokenHash,
        created_at: source.createdAt,
      })
      .execute();
  }

  async byId(id: string): Promise<(WireSource & { tokenHash: string }) | null> {
    const row = await this.db.selectFrom('wire_source').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { ...toSource(row), tokenHash: row.token_hash } : null;
  }

  /** Every source with its health, by name. */
  async list(): Promise<(WireSource & { health: SourceHealth })[]> {
    const [sources, health] = await Promise.all([
      this.db.selectFrom('wire_source').selectAll().orderBy('name').orderBy('id').execute(),
      this.db.selectFrom('source_health').selectAll().execute(),
    ]);
    const byId = new Map(health.map((h) => [h.source_id, h]));
    return sources.map((row) => ({ ...toSource(row), health: toHealth(byId.get(row.id)) }));
  }

  async update(id: string, changes: SourceChanges): Promise<void> {
    const set = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.location !== undefined ? { location: changes.location } : {}),
      ...(changes.format !== undefined ? { format: changes.format } : {}),
      ...(changes.pollSeconds !== undefined ? { poll_seconds: changes.pollSeconds } : {}),
      ...(changes.section !== undefined ? { section: changes.section } : {}),
      ...(changes.trust !== undefined ? { trust: changes.trust } : {}),
      ...(changes.credit !== undefined ? { credit: changes.credit } : {}),
      ...(changes.rules !== undefined ? { rules: JSON.stringify(changes.rules) } : {}),
    };
    if (Object.keys(set).length) await this.db.updateTable('wire_source').set(set).where('id', '=', id).execute();
  }

  async health(id: string): Promise<SourceHealth> {
    return toHealth(await this.db.selectFrom('source_health').selectAll().where('source_id', '=', id).executeTakeFirst());
  }

  async saveHealth(id: string, health: SourceHealth): Promise<void> {
    const row = {
      etag: health.etag,
      last_modified: health.lastModified,
      checked_at: health.checkedAt,
      succeeded_at: health.succeededAt,
      failed_at: health.failedAt,
      failures: health.failures,
      last_error: health.lastError,
      next_poll_at: health.nextPollAt,
      items_received: health.itemsReceived,
    };
    await this.db
      .insertInto('source_health')
      .values({ source_id: id, ...row })
      .onConflict((oc) => oc.column('source_id').doUpdateSet(row))
      .execute();
  }

  /** Polled sources (feed URLs and folders) never checked, or due by `now`. */
  async due(now: string): Promise<WireSource[]> {
    const rows = await this.db
      .selectFrom('wire_source as s')
      .leftJoin('source_health as h', 'h.source_id', 's.id')
      .selectAll('s')
      .where('s.kind', 'in', ['url', 'directory'])
      .where((eb) => eb.or([eb('h.next_poll_at', 'is', null), eb('h.next_poll_at', '<=', now)]))
      .orderBy('s.id')
      .execute();
    return rows.map(toSource);
  }

  /** Adds a line to a source's log, keeping the newest `SOURCE_LOG_KEPT`. */
  async log(sourceId: string, entry: SourceLogEntry & { id: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('source_log').values({ id: entry.id, source_id: sourceId, at: entry.at, level: entry.level, message: entry.message }).execute();
      const keep = trx
        .selectFrom('source_log')
        .select('id')
        .where('source_id', '=', sourceId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(SOURCE_LOG_KEPT);
      await trx.deleteFrom('source_log').where('source_id', '=', sourceId).where('id', 'not in', keep).execute();
    });
  }

  /** A source's log, newest first. */
  async logOf(sourceId: string, limit: number): Promise<SourceLogEntry[]> {
    const rows = await this.db
      .selectFrom('source_log')
      .select(['at', 'level', 'message'])
      .where('source_id', '=', sourceId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ at: r.at, level: r.level as SourceLogEntry['level'], message: r.message }));
  }

  /** The files a folder source has taken in, by name, with the size and modification time they had. */
  async fileSignatures(sourceId: string): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('source_file').select(['name', 'signature']).where('source_id', '=', sourceId).execute();
    return new Map(rows.map((r) => [r.name, r.signature]));
  }

  async recordFile(sourceId: string, name: string, signature: string): Promise<void> {
    await this.db
      .insertInto('source_file')
      .values({ source_id: sourceId, name, signature })
      .onConflict((oc) => oc.columns(['source_id', 'name']).doUpdateSet({ signature }))
      .execute();
  }
}
