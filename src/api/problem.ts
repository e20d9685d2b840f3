/** Errors at the API as RFC 9457 problem details, each with a stable Newsdesk code. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, NewsdeskError, errorCatalogue } from '../domain/errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  [extension: string]: unknown;
}

/** Framework errors (body parsing, limits) carry only a status; these are the ones safe to pass on. */
const codeForStatus: Record<number, ErrorCode> = {
  400: 'NEWSDESK_ERR_VALIDATION',
  404: 'NEWSDESK_ERR_NOT_FOUND',
  413: 'NEWSDESK_ERR_PAYLOAD_TOO_LARGE',
  415: 'NEWSDESK_ERR_UNSUPPORTED_MEDIA',
  429: 'NEWSDESK_ERR_RATE_LIMITED',
};

export function problemFor(error: unknown, instance: string): Problem {
  if (error instanceof NewsdeskError) {
    const entry = errorCatalogue[error.code];
    return {
      type: `https://newsdesk.dev/problems/${error.code}`,
      title: entry.title,
      status: entry.status,
      detail: entry.expose ? error.message : entry.title,
      code: error.code,
      instance,
      ...(entry.expose && error.details ? error.details : {}),
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const code = fastifyError.validation ? 'NEWSDESK_ERR_VALIDATION' : codeForStatus[fastifyError.statusCode ?? 500];
  if (code) return problemFor(new NewsdeskError(code, fastifyError.message ?? 'Invalid request'), instance);
  return problemFor(new NewsdeskError('NEWSDESK_ERR_INTERNAL', 'Internal error'), instance);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const problem = problemFor(error, request.url);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.code(problem.status).header('content-type', 'application/problem+json').send(problem);
}
