/** The audit log: who did what to which subject, when. Append-only. */
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from './schema.js';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntry, db: Kysely<Database> = this.db): Promise<void> {
    const row: AuditLogTable = {
      id: entry.id,
      at: entry.at,
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      details: JSON.stringify(entry.details),
    };
    await db.insertInto('audit_log').values(row).execute();
  }

  async list(filter: { subjectType?: string; subjectId?: string; limit: number }): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
    if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
    // Ids sort by time and then by creation order (see domain/ids.ts).
    const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }
}
