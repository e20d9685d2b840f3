/** The worker thread of `bulk-relate.ts`: relates the chunks of stories it is sent against the index it was sent. */
import { parentPort } from 'node:worker_threads';
import { RelateAnswerer, type RelateRequest } from './bulk-relate.js';

const port = parentPort!;
const answerer = new RelateAnswerer();
// Requests are answered one after another, in the order they came.
let queue = Promise.resolve();
port.on('message', (request: RelateRequest) => {
  queue = queue.then(async () => {
    const reply = await answerer.answer(request);
    if (reply) port.postMessage(reply);
  });
});
