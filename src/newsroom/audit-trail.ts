/**
 * The newsroom's audit log writer: who did what to which subject, when. One instance per process, shared by every
 * service, so entries made in the same instant still sort in the order they were made (see domain/ids.ts).
 */
import type { Clock } from '../domain/clock.js';
import { sequentialIds } from '../domain/ids.js';
import type { Store } from '../store/index.js';

export interface AuditSubject {
  type: 'account' | 'story' | 'board' | 'source' | 'wire-item';
  id: string;
}

export class AuditTrail {
  private readonly nextId: () => string;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.nextId = sequentialIds(clock);
  }

  /** Records `action` by `actorId` (null for Newsdesk itself: an import, a scheduled release). */
  record(actorId: string | null, action: string, subject: AuditSubject, details: Record<string, unknown> = {}): Promise<void> {
    return this.store.audit.append({
      id: this.nextId(),
      at: this.clock.now().toISOString(),
      actorId,
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      details,
    });
  }
}
