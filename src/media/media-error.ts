import { type ErrorCode, NewsdeskError } from '../domain/errors.js';

/** Why an upload or a storage call was refused. */
export type MediaErrorReason = 'unreadable' | 'type' | 'too-large' | 'too-small' | 'key';

const codes: Record<MediaErrorReason, ErrorCode> = {
  unreadable: 'NEWSDESK_ERR_UNSUPPORTED_MEDIA',
  type: 'NEWSDESK_ERR_UNSUPPORTED_MEDIA',
  'too-large': 'NEWSDESK_ERR_PAYLOAD_TOO_LARGE',
  'too-small': 'NEWSDESK_ERR_VALIDATION',
  key: 'NEWSDESK_ERR_VALIDATION',
};

/** A media file or key we refuse; the reason picks the status (415 for types, 413 for size, 400 otherwise). */
export class MediaError extends NewsdeskError {
  readonly reason: MediaErrorReason;

  constructor(reason: MediaErrorReason, message: string, details?: Record<string, unknown>) {
    super(codes[reason], message, { reason, ...details });
    this.reason = reason;
  }
}
