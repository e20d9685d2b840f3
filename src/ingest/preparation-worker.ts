/** The worker thread of `document-preparation.ts`: reads each document it is sent, then drafts the items asked for or forgets it. */
import { parentPort } from 'node:worker_threads';
import { type WorkerRequest, answer } from './document-preparation.js';
import type { ReadDocument } from './wire-document.js';

const port = parentPort!;
const read = new Map<number, ReadDocument>();
port.on('message', (request: WorkerRequest) => {
  const reply = answer(request, read);
  if (reply) port.postMessage(reply);
});
