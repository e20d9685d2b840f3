/**
 * Wire sources as the newsroom manages them: adding one (a push source gets a secret token, shown once and stored
 * as SHA-256), changing its settings and auto-publish rules, listing them with their health and queue, and
 * authenticating a push. Input from the CLI and the Admin API is checked here, with the field at fault named.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../domain/clock.js';
import { ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from '../domain/errors.js';
import { sequentialIds } from '../domain/ids.js';
import { slugify } from '../domain/slug.js';
import {
  DEFAULT_POLL_SECONDS,
  type SourceHealth,
  type SourceKind,
  type SourceLogEntry,
  type WireSource,
  sourceKinds,
  sourceTrusts,
} from '../domain/wire-source.js';
import type { QueueState, SourceChanges, Store } from '../store/index.js';
import { parseRules } from './auto-publish.js';
import { type ImportSummary, totalOf } from './import-summary.js';
import { wireFormats } from './formats/index.js';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const MIN_POLL_SECONDS = 10;
/** Rejections written to a source's log per document or poll; the rest are counted. */
const LOGGED_REJECTIONS = 20;
export const MAX_POLL_SECONDS = 86_400;

export interface SourceOverview extends WireSource {
  health: SourceHealth;
  queue: Record<QueueState, number>;
}

export class Sources {
  /** Log lines made in the same instant still read in the order they were written. */
  private readonly nextLogId: () => string;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.nextLogId = sequentialIds(clock);
  }

  /**
   * Adds a source. A push source's token is returned here and kept nowhere else; polled sources get an
   * unguessable token nobody is told, so they cannot be pushed to until an admin issues one.
   */
  async add(input: Record<string, unknown>): Promise<{ source: WireSource; token: string | null }> {
    const name = requiredText(input.name, 'name', 'a source needs a name');
    const kind = oneOf(input.kind ?? (input.location ? 'url' : 'push'), sourceKinds, 'kind');
    const id = slugify(name);
    if (!id) throw new ValidationError('a source name needs letters or digits', { field: 'name' });
    if (await this.store.sources.byId(id)) throw new ConflictError(`a source ${id} already exists`);
    const source: WireSource = {
      id,
      name,
      kind,
      location: location(kind, input.location),
      format: format(input.format),
      pollSeconds: kind === 'push' ? null : pollSeconds(input.pollSeconds ?? DEFAULT_POLL_SECONDS),
      section: requiredText(input.section, 'section', 'a source needs a default section'),
      trust: oneOf(input.trust ?? 'publish', sourceTrusts, 'trust'),
      credit: optionalText(input.credit, 'credit'),
      rules: rules(input.rules ?? []),
      createdAt: this.clock.now().toISOString(),
    };
    const token = randomBytes(32).toString('base64url');
    await this.store.sources.add(source, tokenHash(token));
    return { source, token: kind === 'push' ? token : null };
  }

  /** Changes a source's settings; only the fields given change. */
  async update(id: string, input: Record<string, unknown>): Promise<WireSource> {
    const current = await this.get(id);
    const changes: SourceChanges = {};
    if (input.name !== undefined) changes.name = requiredText(input.name, 'name', 'a source needs a name');
    if (input.location !== undefined) changes.location = location(current.kind, input.location);
    if (input.format !== undefined) changes.format = format(input.format);
    if (input.pollSeconds !== undefined && current.kind !== 'push') changes.pollSeconds = pollSeconds(input.pollSeconds);
    if (input.section !== undefined) changes.section = requiredText(input.section, 'section', 'a source needs a default section');
    if (input.trust !== undefined) changes.trust = oneOf(input.trust, sourceTrusts, 'trust');
    if (input.credit !== undefined) changes.credit = optionalText(input.credit, 'credit');
    if (input.rules !== undefined) changes.rules = rules(input.rules);
    await this.store.sources.update(id, changes);
    return this.get(id);
  }

  async get(id: string): Promise<WireSource> {
    const found = await this.store.sources.byId(id);
    if (!found) throw new NotFoundError(`no source ${id}`);
    const { tokenHash: _hash, ...source } = found;
    return source;
  }

  /** Every source with its health and how many of its items wait in, were picked up from or dismissed from the queue. */
  async overview(): Promise<SourceOverview[]> {
    const [sources, counts] = await Promise.all([this.store.sources.list(), this.store.wireQueue.counts()]);
    return sources.map((source) => {
      const queue: Record<QueueState, number> = { new: 0, 'picked-up': 0, dismissed: 0 };
      for (const c of counts) if (c.sourceId === source.id) queue[c.state] = c.count;
      return { ...source, queue };
    });
  }

  /** Logs what documents from a source brought: one line of counts, then each rejection (the first few). */
  async logReceived(sourceId: string, summaries: ImportSummary[]): Promise<void> {
    if (!summaries.length) return;
    const t = totalOf(summaries);
    const rejections = summaries.flatMap((s) => s.rejected);
    const documents = summaries.length === 1 ? 'one document' : `${summaries.length} documents`;
    await this.log(
      sourceId,
      'info',
      `Read ${documents}: ${t.added} added, ${t.updated} updated, ${t.queued} queued, ` +
        `${t.duplicate} duplicate, ${t.unchanged} unchanged, ${t.rejected} rejected.`,
    );
    for (const r of rejections.slice(0, LOGGED_REJECTIONS)) await this.log(sourceId, 'error', `${r.file}${r.item ? `, item ${r.item}` : ''}: ${r.message}`);
    if (rejections.length > LOGGED_REJECTIONS) await this.log(sourceId, 'error', `…and ${rejections.length - LOGGED_REJECTIONS} more rejected.`);
  }

  log(sourceId: string, level: SourceLogEntry['level'], message: string): Promise<void> {
    return this.store.sources.log(sourceId, { id: this.nextLogId(), at: this.clock.now().toISOString(), level, message });
  }

  /** The source a push names, if `token` is its token; the same refusal whether the source or the token is wrong. */
  async authenticate(id: string, token: string | undefined): Promise<WireSource> {
    const source = await this.store.sources.byId(id);
    const expected = Buffer.from(source?.tokenHash ?? tokenHash('no source'), 'hex');
    const given = Buffer.from(tokenHash(token ?? ''), 'hex');
    if (!source || !token || !timingSafeEqual(expected, given)) throw new UnauthenticatedError('unknown source or wrong push token');
    const { tokenHash: _hash, ...rest } = source;
    return rest;
  }
}

function requiredText(value: unknown, field: string, message: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new ValidationError(message, { field });
  return text;
}

function optionalText(value: unknown, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new ValidationError(`${field} must be text`, { field });
  return value.trim() || null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ValidationError(`${field} must be one of ${allowed.join(', ')}`, { field });
}

function location(kind: SourceKind, value: unknown): string | null {
  if (kind === 'push') return null;
  if (kind === 'url') {
    const text = requiredText(value, 'location', 'a feed source needs the URL of its feed');
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ValidationError(`${text} is not a URL`, { field: 'location' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError('a feed URL must be http or https', { field: 'location' });
    return url.href;
  }
  const folder = path.resolve(requiredText(value, 'location', 'a folder source needs the folder it reads'));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new ValidationError(`${folder} is not a folder`, { field: 'location' });
  return folder;
}

function format(value: unknown): string | null {
  if (value === null || value === undefined || value === '' || value === 'any') return null;
  return oneOf(value, wireFormats, 'format');
}

function pollSeconds(value: unknown): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < MIN_POLL_SECONDS || n > MAX_POLL_SECONDS) {
    throw new ValidationError(`pollSeconds must be a whole number from ${MIN_POLL_SECONDS} to ${MAX_POLL_SECONDS}`, { field: 'pollSeconds' });
  }
  return n;
}

function rules(value: unknown) {
  try {
    return parseRules(value);
  } catch (error) {
    throw new ValidationError((error as Error).message, { field: 'rules' });
  }
}
