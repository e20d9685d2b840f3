/** The worker thread of `bulk-relate.ts`: relates stories from the shared cursor against the index it is sent. */
import { parentPort } from 'node:worker_threads';
import { type RelateJob, relateJob } from './bulk-relate.js';

const port = parentPort!;
port.once('message', (job: RelateJob) => relateJob(job, (reply) => port.postMessage(reply)));
