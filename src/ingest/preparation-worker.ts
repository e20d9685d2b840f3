/**
 * The worker thread of `document-preparation.ts`: reads each document it is sent and drafts its items
 * (`document-drafting.ts`), a step at a time, hearing requests between steps.
 */
import { parentPort } from 'node:worker_threads';
import { DocumentDrafting } from './document-drafting.js';
import { type WorkerReply, type WorkerRequest, readDocumentFile } from './document-preparation.js';

const port = parentPort!;
const drafting = new DocumentDrafting((request) => readDocumentFile(request.file, request.defaults, request.source));
let stepping = false;

const send = (replies: WorkerReply[]) => {
  for (const reply of replies) port.postMessage(reply);
};

function stepLater() {
  if (stepping || !drafting.busy) return;
  stepping = true;
  // After the messages already waiting: a request answered or an item asked for comes before drafting ahead.
  setImmediate(() => {
    stepping = false;
    send(drafting.step());
    stepLater();
  });
}

port.on('message', (request: WorkerRequest) => {
  send(drafting.receive(request));
  stepLater();
});
