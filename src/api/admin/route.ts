/**
 * What every Admin API route is made of: the services it may call, the access it declares, and small readers of
 * the request that refuse wrong types with a field-level error.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../domain/errors.js';
import type { Poller } from '../../ingest/poller.js';
import type { Sources } from '../../ingest/sources.js';
import type { WireDesk } from '../../ingest/wire-desk.js';
import type { Accounts } from '../../newsroom/accounts.js';
import type { Boards } from '../../newsroom/boards.js';
import type { MediaLibrary } from '../../newsroom/media-library.js';
import type { Permission } from '../../newsroom/roles.js';
import type { Stories } from '../../newsroom/stories.js';
import type { Store } from '../../store/index.js';
import type { CallerSession } from './session-guard.js';

export interface AdminServices {
  accounts: Accounts;
  boards: Boards;
  timeZone: string;
  stories: Stories;
  store: Store;
  media: MediaLibrary;
  sources: Sources;
  wireDesk: WireDesk;
  poller: Poller;
  publicUrl: string;
  /** Where one-time links go when no mail is configured (the server log). */
  deliverLink: (purpose: string, email: string, link: string) => void;
}

export interface AdminContext {
  request: FastifyRequest;
  reply: FastifyReply;
  caller: CallerSession | null;
  services: AdminServices;
}

export type Access = 'public' | 'signed-in' | Permission;

export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  access: Access;
  /** Requests per minute per client address, for routes that guess at secrets. */
  ratePerMinute?: number;
  handler(context: AdminContext): Promise<unknown>;
}

export type Params = Record<string, string>;
export type Body = Record<string, unknown>;
export const params = (c: AdminContext) => c.request.params as Params;
export const body = (c: AdminContext): Body => {
  const value = c.request.body;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ValidationError('send a JSON object');
  return value as Body;
};
export const query = (c: AdminContext) => c.request.query as Record<string, string | undefined>;
export const actor = (c: AdminContext) => c.caller!.actor;

export function integer(value: unknown, field: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new ValidationError(`${field} must be a whole number`, { field });
  return n;
}

