/** Serves stored media variants at /media/<id>/<width>.<ext>: content-addressed, so cached for a year. */
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../domain/errors.js';
import { type MediaStorage, assertValidKey } from '../media/index.js';
import { sendProblem } from '../api/problem.js';

export const mediaFiles: FastifyPluginAsync<{ storage: MediaStorage }> = async (app, { storage }) => {
  app.get('/media/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    try {
      assertValidKey(key);
    } catch {
      return sendProblem(request, reply, new NotFoundError('no such media file'));
    }
    const file = await storage.get(key);
    if (!file) return sendProblem(request, reply, new NotFoundError('no such media file'));
    return reply.header('content-type', file.contentType).header('cache-control', 'public, max-age=31536000, immutable').send(file.bytes);
  });
};
