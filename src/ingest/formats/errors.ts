/** Errors of the wire format layer. */
import { NewsdeskError } from '../../domain/errors.js';

/** A whole document we cannot read (not well-formed, wrong encoding, too large, not a news format). */
export class WireFormatError extends NewsdeskError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('NEWSDESK_ERR_INVALID_RECORD', message, details);
  }
}

/** Thrown inside a format parser for one bad item; the document parser turns it into an `ItemError`. */
export class ItemProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ItemProblem';
  }
}
