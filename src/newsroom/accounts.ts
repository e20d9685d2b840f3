/**
 * Newsroom accounts: first-run setup of the owner, sign-in sessions, invitations and password resets by one-time
 * links. Secrets (session tokens, link tokens) are random and only their SHA-256 is stored.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../domain/errors.js';
import type { AccountRow, Store } from '../store/index.js';
import type { AuditTrail } from './audit-trail.js';
import { assertPasswordStrength, hashPassword, verifyPassword } from './passwords.js';
import { type Role, isRole, mayAssignRole } from './roles.js';

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface SignedIn {
  actor: Actor;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export interface OneTimeLink {
  token: string;
  expiresAt: string;
}

const DAY_MS = 86_400_000;
export const SESSION_TTL_MS = 14 * DAY_MS;
export const INVITATION_TTL_MS = 7 * DAY_MS;
export const RESET_TTL_MS = 3_600_000;
// Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
const DECOY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export function toActor(row: AccountRow): Actor {
  return { id: row.id, email: row.email, name: row.name, role: row.role as Role };
}

export class Accounts {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly auditTrail: AuditTrail,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  async needsSetup(): Promise<boolean> {
    return !(await this.store.accounts.hasOwner());
  }

  /** Creates the owner; only possible while the newsroom has none. */
  async setupOwner(input: { email: unknown; name: unknown; password: unknown }): Promise<Actor> {
    if (!(await this.needsSetup())) throw new ConflictError('this newsroom already has an owner');
    return this.create({ ...input, role: 'owner' }, null);
  }

  /** Adds an account directly (the CLI's `newsdesk user add`). */
  async create(input: { email: unknown; name: unknown; password: unknown; role: unknown }, actor: Actor | null): Promise<Actor> {
    const email = normalizeEmail(input.email);
    const name = requireName(input.name);
    if (!isRole(input.role)) throw new ValidationError('role must be one of owner, admin, editor, reporter, contributor', { field: 'role' });
    if (input.role === 'owner' && !(await this.needsSetup())) throw new ConflictError('this newsroom already has an owner');
    const password = assertPasswordStrength(input.password);
    if (await this.store.accounts.byEmail(email)) throw new ConflictError(`an account for ${email} already exists`, { field: 'email' });
    const row: AccountRow = {
      id: randomUUID(),
      email,
      name,
      role: input.role,
      password_hash: await hashPassword(password),
      created_at: this.now(),
      disabled_at: null,
    };
    await this.store.accounts.insert(row);
    await this.audit(actor?.id ?? row.id, 'account.create', row.id, { email, role: row.role });
    return toActor(row);
  }

  async login(emailInput: unknown, password: unknown): Promise<SignedIn> {
    const email = typeof emailInput === 'string' ? emailInput.trim().toLowerCase() : '';
    const account = email ? await this.store.accounts.byEmail(email) : null;
    const ok = await verifyPassword(typeof password === 'string' ? password : '', account?.password_hash ?? DECOY_HASH);
    if (!account || !ok || account.disabled_at) throw new UnauthenticatedError('email or password is wrong');
    const token = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_TTL_MS).toISOString();
    await this.store.accounts.insertSession({
      id: secretHash(token),
      user_id: account.id,
      csrf_token: csrfToken,
      created_at: this.now(),
      expires_at: expiresAt,
    });
    await this.audit(account.id, 'account.login', account.id, {});
    return { actor: toActor(account), token, csrfToken, expiresAt };
  }

  async session(token: string | undefined): Promise<{ actor: Actor; csrfToken: string } | null> {
    if (!token) return null;
    const live = await this.store.accounts.liveSession(secretHash(token), this.now());
    return live ? { actor: toActor(live.account), csrfToken: live.session.csrf_token } : null;
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await this.store.accounts.deleteSession(secretHash(token));
  }

  async list(): Promise<Actor[]> {
    return (await this.store.accounts.list()).filter((a) => !a.disabled_at).map(toActor);
  }

  async invite(actor: Actor, emailInput: unknown, role: unknown): Promise<OneTimeLink> {
    const email = normalizeEmail(emailInput);
    if (!isRole(role)) throw new ValidationError('role must be one of admin, editor, reporter, contributor', { field: 'role' });
    if (!mayAssignRole(actor.role, role)) throw new ForbiddenError(`a ${actor.role} may not invite a ${role}`);
    if (await this.store.accounts.byEmail(email)) throw new ConflictError(`an account for ${email} already exists`, { field: 'email' });
    const link = await this.issueToken('invitation', email, role, actor.id, INVITATION_TTL_MS);
    await this.audit(actor.id, 'account.invite', email, { role });
    return link;
  }

  async acceptInvitation(token: string, input: { name: unknown; password: unknown }): Promise<Actor> {
    const name = requireName(input.name);
    const password = assertPasswordStrength(input.password);
    const invitation = await this.store.accounts.consumeToken(secretHash(token), 'invitation', this.now());
    if (!invitation || !isRole(invitation.role)) throw new NotFoundError('this invitation link is not valid or has expired');
    if (await this.store.accounts.byEmail(invitation.email)) throw new ConflictError(`an account for ${invitation.email} already exists`);
    const row: AccountRow = {
      id: randomUUID(),
      email: invitation.email,
      name,
      role: invitation.role,
      password_hash: await hashPassword(password),
      created_at: this.now(),
      disabled_at: null,
    };
    await this.store.accounts.insert(row);
    await this.audit(row.id, 'account.accept-invitation', row.id, { invitedBy: invitation.created_by });
    return toActor(row);
  }

  /** A reset link for a known, enabled account; null otherwise (the caller must not reveal which). */
  async requestPasswordReset(emailInput: unknown, requestedBy: Actor | null): Promise<OneTimeLink | null> {
    const email = typeof emailInput === 'string' ? emailInput.trim().toLowerCase() : '';
    const account = email ? await this.store.accounts.byEmail(email) : null;
    if (!account || account.disabled_at) return null;
    const link = await this.issueToken('password-reset', email, null, requestedBy?.id ?? null, RESET_TTL_MS);
    await this.audit(requestedBy?.id ?? account.id, 'account.request-reset', account.id, {});
    return link;
  }

  /** Sets a new password from a reset link and signs the account out everywhere. */
  async resetPassword(token: string, password: unknown): Promise<void> {
    const newPassword = assertPasswordStrength(password);
    const reset = await this.store.accounts.consumeToken(secretHash(token), 'password-reset', this.now());
    const account = reset && (await this.store.accounts.byEmail(reset.email));
    if (!account) throw new NotFoundError('this password reset link is not valid or has expired');
    await this.store.accounts.update(account.id, { password_hash: await hashPassword(newPassword) });
    await this.store.accounts.deleteSessionsOf(account.id);
    await this.audit(account.id, 'account.reset-password', account.id, {});
  }

  async changeRole(actor: Actor, accountId: string, role: unknown): Promise<Actor> {
    if (!isRole(role)) throw new ValidationError('role must be one of admin, editor, reporter, contributor', { field: 'role' });
    const account = await this.store.accounts.byId(accountId);
    if (!account) throw new NotFoundError(`no account ${accountId}`);
    if (account.role === 'owner' || !mayAssignRole(actor.role, role) || (account.role === 'admin' && actor.role !== 'owner')) {
      throw new ForbiddenError(`a ${actor.role} may not make this ${account.role} a ${role}`);
    }
    await this.store.accounts.update(accountId, { role });
    await this.audit(actor.id, 'account.change-role', accountId, { from: account.role, to: role });
    return { ...toActor(account), role };
  }

  private async issueToken(kind: string, email: string, role: Role | null, createdBy: string | null, ttlMs: number) {
    const token = newSecret();
    const expiresAt = new Date(this.clock.now().getTime() + ttlMs).toISOString();
    await this.store.accounts.insertToken({
      id: secretHash(token),
      kind,
      email,
      role,
      created_by: createdBy,
      created_at: this.now(),
      expires_at: expiresAt,
      used_at: null,
    });
    return { token, expiresAt };
  }

  private audit(actorId: string | null, action: string, subjectId: string, details: Record<string, unknown>) {
    return this.auditTrail.record(actorId, action, { type: 'account', id: subjectId }, details);
  }
}

function normalizeEmail(value: unknown): string {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new ValidationError('email must be an email address', { field: 'email' });
  }
  return email;
}

function requireName(value: unknown): string {
  const name = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  if (!name || name.length > 120) throw new ValidationError('name is required (at most 120 characters)', { field: 'name' });
  return name;
}
