/**
 * The catalogue of Newsdesk error codes. Each code has an HTTP status and says whether its message is safe to show
 * to the public; internal errors are reported as a generic 500 at the API.
 */
export const errorCatalogue = {
  NEWSDESK_ERR_NOT_FOUND: { status: 404, title: 'Not found', expose: true },
  NEWSDESK_ERR_VALIDATION: { status: 400, title: 'Invalid request', expose: true },
  NEWSDESK_ERR_INVALID_CURSOR: { status: 400, title: 'Invalid cursor', expose: true },
  NEWSDESK_ERR_INVALID_RECORD: { status: 422, title: 'Invalid record', expose: true },
  NEWSDESK_ERR_UNAUTHENTICATED: { status: 401, title: 'Sign-in required', expose: true },
  NEWSDESK_ERR_FORBIDDEN: { status: 403, title: 'Not allowed', expose: true },
  NEWSDESK_ERR_CSRF: { status: 403, title: 'Missing or wrong CSRF token', expose: true },
  NEWSDESK_ERR_CONFLICT: { status: 409, title: 'Conflict', expose: true },
  NEWSDESK_ERR_INVALID_TRANSITION: { status: 409, title: 'Not possible in this state', expose: true },
  NEWSDESK_ERR_PAYLOAD_TOO_LARGE: { status: 413, title: 'Too large', expose: true },
  NEWSDESK_ERR_UNSUPPORTED_MEDIA: { status: 415, title: 'Unsupported media type', expose: true },
  NEWSDESK_ERR_RATE_LIMITED: { status: 429, title: 'Too many requests', expose: true },
  NEWSDESK_ERR_CONFIG: { status: 500, title: 'Invalid configuration', expose: false },
  NEWSDESK_ERR_INTERNAL: { status: 500, title: 'Internal error', expose: false },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class NewsdeskError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export class NotFoundError extends NewsdeskError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NEWSDESK_ERR_NOT_FOUND', message, details);
  }
}

export class ValidationError extends NewsdeskError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NEWSDESK_ERR_VALIDATION', message, details);
  }
}

export class InvalidCursorError extends NewsdeskError {
  constructor(message: string) {
    super('NEWSDESK_ERR_INVALID_CURSOR', message);
  }
}

/** A record that cannot become an article; `field` names the culprit so the importer can report it precisely. */
export class InvalidRecordError extends NewsdeskError {
  constructor(message: string, field?: string) {
    super('NEWSDESK_ERR_INVALID_RECORD', message, field ? { field } : undefined);
  }
}

export class ConfigError extends NewsdeskError {
  constructor(message: string) {
    super('NEWSDESK_ERR_CONFIG', message);
  }
}

export class UnauthenticatedError extends NewsdeskError {
  constructor(message = 'sign in first') {
    super('NEWSDESK_ERR_UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends NewsdeskError {
  constructor(message: string) {
    super('NEWSDESK_ERR_FORBIDDEN', message);
  }
}

/** A write based on an outdated version, or a duplicate; `details` carry what the client needs to resolve it. */
export class ConflictError extends NewsdeskError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NEWSDESK_ERR_CONFLICT', message, details);
  }
}

export class InvalidTransitionError extends NewsdeskError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NEWSDESK_ERR_INVALID_TRANSITION', message, details);
  }
}
