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
  if (fastifyError.validation || fastifyError.statusCode === 400) {
    return problemFor(new NewsdeskError('NEWSDESK_ERR_VALIDATION', fastifyError.message ?? 'Invalid request'), instance);
  }
  return problemFor(new NewsdeskError('NEWSDESK_ERR_INTERNAL', 'Internal error'), instance);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const problem = problemFor(error, request.url);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.code(problem.status).header('content-type', 'application/problem+json').send(problem);
}
