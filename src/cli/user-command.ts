import type { Config } from '../server/config.js';
import { openServices } from './open.js';

/** `newsdesk user add`: creates an account; the first owner can be made this way instead of on the setup page. */
export async function userAddCommand(config: Config, options: { email: string; name: string; role: string; password?: string }) {
  const services = await openServices(config);
  try {
    const password = options.password ?? process.env.NEWSDESK_PASSWORD;
    if (!password) throw new Error('give the password with --password or NEWSDESK_PASSWORD');
    const actor = await services.accounts.create({ email: options.email, name: options.name, role: options.role, password }, null);
    console.log(`Added ${actor.role} ${actor.name} <${actor.email}>`);
  } finally {
    await services.store.close();
  }
}

/** `newsdesk user reset-link`: prints a one-time password reset link, for newsrooms without mail. */
export async function userResetLinkCommand(config: Config, email: string) {
  const services = await openServices(config);
  try {
    const link = await services.accounts.requestPasswordReset(email, null);
    if (!link) throw new Error(`no enabled account for ${email}`);
    console.log(`${config.publicUrl}/admin/reset/${link.token}`);
    console.log(`(valid until ${link.expiresAt})`);
  } finally {
    await services.store.close();
  }
}
