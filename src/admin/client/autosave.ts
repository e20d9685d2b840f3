/**
 * Autosave, so closing the tab loses nothing. Two copies of the unsaved story:
 *
 * - in this browser, `localStorage['newsdesk:autosave:' + id]`, written 500 ms after the last change and when the
 *   page goes away (pagehide, or the tab is hidden);
 * - on the server, `PUT /api/v1/admin/articles/:id/autosave`, every 5 s while there are unsaved changes that the
 *   server has not seen yet.
 *
 * A successful save clears both (the server clears its own). "Discard" and "Load their version" leave a marker in
 * the local key, `{discarded: true, serverSavedAt, serverContent}`, so the server's copy (which the client cannot
 * delete) is not recovered again on the next load unless it changes.
 */
import { type Problem, api } from './api.js';

export interface AutosaveRecord {
  baseRevision: number;
  content: Record<string, unknown>;
  savedAt: string;
}

export interface DiscardMarker {
  discarded: true;
  /** The server copy that was discarded, to recognise it on the next load. */
  serverSavedAt: string | null;
  serverContent: string | null;
  at: string;
}

export interface AutosaveSnapshot {
  baseRevision: number;
  content: Record<string, unknown>;
}

export interface AutosaveHooks {
  snapshot(): AutosaveSnapshot;
  isDirty(): boolean;
  /** False while a save runs, so the server copy is never written behind a save. */
  mayAutosave(): boolean;
  onServerAutosaved(at: Date): void;
  onServerAutosaveFailed(problem: Problem): void;
}

export const LOCAL_DEBOUNCE_MS = 500;
export const SERVER_INTERVAL_MS = 5_000;

export function autosaveKey(id: string): string {
  return `newsdesk:autosave:${id}`;
}

/** A record as stored locally or returned by `GET …/autosave`; null when it is not one. */
export function parseRecord(value: unknown): AutosaveRecord | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const baseRevision = typeof v.baseRevision === 'number' ? v.baseRevision : Number(v.baseRevision);
  if (!Number.isInteger(baseRevision) || baseRevision < 0) return null;
  if (!v.content || typeof v.content !== 'object' || Array.isArray(v.content)) return null;
  return { baseRevision, content: v.content as Record<string, unknown>, savedAt: typeof v.savedAt === 'string' ? v.savedAt : '' };
}

function parseMarker(value: unknown): DiscardMarker | null {
  if (!value || typeof value !== 'object' || (value as { discarded?: unknown }).discarded !== true) return null;
  const v = value as Record<string, unknown>;
  return {
    discarded: true,
    serverSavedAt: typeof v.serverSavedAt === 'string' ? v.serverSavedAt : null,
    serverContent: typeof v.serverContent === 'string' ? v.serverContent : null,
    at: typeof v.at === 'string' ? v.at : '',
  };
}

export class Autosaver {
  readonly key: string;
  private readonly url: string;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private suspended = false;
  /** `{baseRevision, content}` as JSON, last accepted by the server. */
  private lastServer: string | null = null;
  private inFlight: Promise<void> | null = null;

  constructor(
    id: string,
    private readonly hooks: AutosaveHooks,
  ) {
    this.key = autosaveKey(id);
    this.url = `/api/v1/admin/articles/${encodeURIComponent(id)}/autosave`;
  }

  /** Starts the 5-second server autosave and the pagehide flush. */
  start(): void {
    this.interval = setInterval(() => void this.tick(), SERVER_INTERVAL_MS);
    window.addEventListener('pagehide', () => this.flushOnLeave());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.writeLocal();
    });
  }

  /** Something changed: write the local copy once typing pauses (or drop it when the story is back to saved). */
  changed(): void {
    if (this.suspended) return;
    clearTimeout(this.debounce);
    if (!this.hooks.isDirty()) {
      this.dropLocal();
      return;
    }
    this.debounce = setTimeout(() => this.writeLocal(), LOCAL_DEBOUNCE_MS);
  }

  writeLocal(): void {
    clearTimeout(this.debounce);
    this.debounce = undefined;
    if (this.suspended || !this.hooks.isDirty()) return;
    const { baseRevision, content } = this.hooks.snapshot();
    const record: AutosaveRecord = { baseRevision, content, savedAt: new Date().toISOString() };
    try {
      localStorage.setItem(this.key, JSON.stringify(record));
    } catch {
      // Storage full or disabled: the server copy still runs.
    }
  }

  /** pagehide: the local copy now, and a last server copy when it fits in a keepalive request. */
  private flushOnLeave(): void {
    if (this.suspended || !this.hooks.isDirty()) return;
    this.writeLocal();
    if (!this.hooks.mayAutosave()) return;
    const snapshot = this.hooks.snapshot();
    const json = JSON.stringify(snapshot);
    if (json === this.lastServer || json.length > 60_000) return;
    void api(this.url, { method: 'PUT', json: snapshot, keepalive: true }).catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.suspended || this.inFlight || !this.hooks.mayAutosave() || !this.hooks.isDirty()) return;
    const snapshot = this.hooks.snapshot();
    const json = JSON.stringify(snapshot);
    if (json === this.lastServer) return;
    this.inFlight = (async () => {
      const result = await api(this.url, { method: 'PUT', json: snapshot });
      if (this.suspended) return;
      if (result.ok) {
        this.lastServer = json;
        this.hooks.onServerAutosaved(new Date());
      } else {
        this.hooks.onServerAutosaveFailed(result.problem);
      }
    })().finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
  }

  /** The server already holds this snapshot (it was just recovered from there): no need to send it again. */
  serverHas(snapshot: AutosaveSnapshot): void {
    this.lastServer = JSON.stringify(snapshot);
  }

  /** Resolves once no server autosave is in flight (a save waits for this, so the server cannot keep a stale copy). */
  idle(): Promise<void> {
    return this.inFlight ?? Promise.resolve();
  }

  /** After a successful save: the local copy (and any discard marker) goes; the server cleared its own. */
  saved(): void {
    clearTimeout(this.debounce);
    this.debounce = undefined;
    this.lastServer = null;
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing to do
    }
    if (this.hooks.isDirty()) this.changed();
  }

  /** Removes the local copy but keeps a discard marker. */
  dropLocal(): void {
    if (this.readLocal() && !this.readMarker()) {
      try {
        localStorage.removeItem(this.key);
      } catch {
        // nothing to do
      }
    }
  }

  readLocal(): AutosaveRecord | null {
    return parseRecord(this.readRaw());
  }

  readMarker(): DiscardMarker | null {
    return parseMarker(this.readRaw());
  }

  private readRaw(): unknown {
    try {
      const raw = localStorage.getItem(this.key);
      return raw ? (JSON.parse(raw) as unknown) : null;
    } catch {
      return null;
    }
  }

  /** The server's copy; null when there is none (404) or it cannot be read. */
  async readServer(): Promise<AutosaveRecord | null> {
    const result = await api(this.url);
    return result.ok ? parseRecord(result.data) : null;
  }

  /** Whether a server copy is the one a discard marker says was thrown away. */
  static isDiscarded(record: AutosaveRecord, marker: DiscardMarker | null): boolean {
    return marker !== null && marker.serverSavedAt === record.savedAt && marker.serverContent === JSON.stringify(record.content);
  }

  /**
   * Throws the unsaved changes away before the page reloads: stops autosaving, and leaves a marker naming the
   * server's current copy so it is not recovered again.
   */
  async discard(): Promise<void> {
    this.suspend();
    await this.idle();
    const server = await this.readServer().catch(() => null);
    const marker: DiscardMarker = {
      discarded: true,
      serverSavedAt: server?.savedAt ?? null,
      serverContent: server ? JSON.stringify(server.content) : null,
      at: new Date().toISOString(),
    };
    try {
      if (server) localStorage.setItem(this.key, JSON.stringify(marker));
      else localStorage.removeItem(this.key);
    } catch {
      // nothing to do
    }
  }

  /** No more writes of either copy (the page is about to go away on purpose). */
  suspend(): void {
    this.suspended = true;
    clearTimeout(this.debounce);
    clearInterval(this.interval);
  }
}
