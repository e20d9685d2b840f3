import { describe, expect, it } from 'vitest';
import { assertPasswordStrength, hashPassword, verifyPassword } from './passwords.js';
import { can, mayAssignRole, roles } from './roles.js';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await hashPassword('same password!')).not.toBe(await hashPassword('same password!'));
  });
  it('rejects weak passwords', () => {
    expect(() => assertPasswordStrength('short')).toThrow('at least 10 characters');
  });
});

describe('roles', () => {
  it('lets only editors and up publish', () => {
    expect(roles.filter((r) => can(r, 'story.publish'))).toEqual(['owner', 'admin', 'editor']);
  });
  it('lets reporters upload media but not contributors', () => {
    expect(can('reporter', 'media.upload')).toBe(true);
    expect(can('contributor', 'media.upload')).toBe(false);
  });
  it('guards who may hand out which role', () => {
    expect(mayAssignRole('owner', 'admin')).toBe(true);
    expect(mayAssignRole('admin', 'admin')).toBe(false);
    expect(mayAssignRole('admin', 'editor')).toBe(true);
    expect(mayAssignRole('editor', 'reporter')).toBe(false);
    expect(mayAssignRole('owner', 'owner')).toBe(false);
  });
});
