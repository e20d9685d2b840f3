/**
 * Headers every response carries: a strict CSP, no sniffing, no framing. The reader site runs no script at all;
 * the newsroom runs only its own bundled script.
 */
import type { FastifyInstance } from 'fastify';
import { EMBED_HOSTS } from '../domain/sanitize.js';

const policy = (script: string) =>
  [
    "default-src 'self'",
    "img-src 'self' data: blob: https:",
    "style-src 'self'",
    `script-src ${script}`,
    `frame-src ${EMBED_HOSTS.map((host) => `https://${host}`).join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
const readerPolicy = policy("'none'");
const newsroomPolicy = policy("'self'");

export function securityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('content-security-policy', request.url.startsWith('/admin') ? newsroomPolicy : readerPolicy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    reply.header('x-frame-options', 'DENY');
  });
}
