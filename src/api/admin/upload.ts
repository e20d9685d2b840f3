/**
 * Reads one multipart upload: the file's bytes and the text fields sent with it. A file past the size limit is
 * refused by the multipart parser itself (413) before it is buffered whole.
 */
import type { FastifyRequest } from 'fastify';
import { ValidationError } from '../../domain/errors.js';
import { defaultImageLimits } from '../../media/index.js';

export interface Upload {
  bytes: Buffer;
  fields: Record<string, string>;
}

export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new ValidationError('send the image as multipart/form-data with a "file" part');
  const fields: Record<string, string> = {};
  let bytes: Buffer | null = null;
  for await (const part of request.parts({ limits: { fileSize: defaultImageLimits.maxBytes, files: 1, fields: 10 } })) {
    if (part.type === 'file') bytes = await part.toBuffer();
    else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  if (!bytes) throw new ValidationError('the upload has no file part', { field: 'file' });
  return { bytes, fields };
}
