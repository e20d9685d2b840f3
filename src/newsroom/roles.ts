/**
 * Who may do what in the newsroom. Roles are ordered by trust; each grants a fixed set of permissions, and every
 * admin route names the one permission it needs. Pure, so the whole matrix is testable without a server.
 */
export const roles = ['owner', 'admin', 'editor', 'reporter', 'contributor'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'story.read',
  'story.create',
  'story.edit.any',
  'story.publish',
  'media.upload',
  'curation.manage',
  'users.read',
  'users.manage',
  'settings.manage',
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  contributor: ['story.read', 'story.create'],
  reporter: ['story.read', 'story.create', 'media.upload'],
  editor: ['story.read', 'story.create', 'story.edit.any', 'story.publish', 'media.upload', 'curation.manage', 'users.read', 'audit.read'],
  admin: [...permissions],
  owner: [...permissions],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Admins may invite or change anyone below owner; only the owner may make another admin. */
export function mayAssignRole(actor: Role, target: Role): boolean {
  if (target === 'owner') return false;
  if (target === 'admin') return actor === 'owner';
  return can(actor, 'users.manage');
}
