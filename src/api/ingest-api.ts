/**
 * The push endpoint, `POST /api/v1/ingest/:source`: an agency or partner sends one IPTC ninjs or NewsML-G2
 * document with `Authorization: Bearer <push token>`. Its items go in as they would from `newsdesk import`, with the
 * source's section, credit and trust; the answer says what was added, updated, folded in or refused, and why.
 */
import type { FastifyPluginAsync } from 'fastify';
import { NewsdeskError } from '../domain/errors.js';
import { detectFormat } from '../ingest/formats/index.js';
import type { Importer } from '../ingest/importer.js';
import type { Sources } from '../ingest/sources.js';
import { sendProblem } from './problem.js';

export const MAX_PUSH_BYTES = 5 * 1024 * 1024;
const PUSHABLE = new Set(['ninjs', 'newsml-g2']);

export interface IngestApiOptions {
  sources: Sources;
  importer: Importer;
}

export const ingestApi: FastifyPluginAsync<IngestApiOptions> = async (app, { sources, importer }) => {
  // Documents are read as the bytes they are: the format (and its declared encoding) is found from the content.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_PUSH_BYTES }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));

  app.post<{ Params: { source: string } }>('/ingest/:source', async (request, reply) => {
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const source = await sources.authenticate(request.params.source, bearer);
    const body = request.body;
    if (!Buffer.isBuffer(body) || !body.length) throw new NewsdeskError('NEWSDESK_ERR_VALIDATION', 'send one ninjs or NewsML-G2 document as the body');
    const format = detectFormat(body);
    if (!format || !PUSHABLE.has(format)) {
      const message = `push takes IPTC ninjs or NewsML-G2; this document is ${format ?? 'neither'}`;
      await sources.log(source.id, 'error', message);
      throw new NewsdeskError('NEWSDESK_ERR_UNSUPPORTED_MEDIA', message);
    }
    const summary = await importer.importFromSource(body, `push from ${source.id}`, source);
    await sources.logReceived(source.id, [summary]);
    const documentRefused = summary.rejected.some((r) => !r.item);
    return reply.code(documentRefused ? 422 : 200).header('cache-control', 'no-store').send({
      added: summary.added,
      updated: summary.updated,
      unchanged: summary.unchanged,
      duplicate: summary.duplicate,
      queued: summary.queued,
      rejected: summary.rejected.map((r) => ({ ...(r.item ? { item: r.item } : {}), message: r.message })),
    });
  });
};
