/**
 * Wire sources that push to Newsdesk: adding one issues a secret push token (shown once, stored as SHA-256);
 * a push names its source and proves it with that token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { ConflictError, UnauthenticatedError, ValidationError } from '../domain/errors.js';
import { slugify } from '../domain/slug.js';
import type { Store, WireSource } from '../store/index.js';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export class Sources {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Adds a source; returns it with its push token, which is not kept anywhere else. */
  async add(input: { name: unknown; section: unknown; trust?: unknown }): Promise<{ source: WireSource; token: string }> {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    const section = typeof input.section === 'string' ? input.section.trim() : '';
    if (!name) throw new ValidationError('a source needs a name', { field: 'name' });
    if (!section) throw new ValidationError('a source needs a default section', { field: 'section' });
    const trust = input.trust ?? 'publish';
    if (trust !== 'publish' && trust !== 'queue') throw new ValidationError('trust must be publish or queue', { field: 'trust' });
    const id = slugify(name);
    if (await this.store.sources.byId(id)) throw new ConflictError(`a source ${id} already exists`);
    const token = randomBytes(32).toString('base64url');
    const source: WireSource = { id, name, section, trust, createdAt: this.clock.now().toISOString() };
    await this.store.sources.add(source, tokenHash(token));
    return { source, token };
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
