/**
 * Relating many stories at once (a bulk import) against an in-memory index. Relating is pure computation over the
 * index, and in a bulk import nothing else is running by then: when the machine has a core to spare and the batch
 * is big enough to pay for starting a worker and copying the index to it (`PARALLEL_RELATE_MINIMUM`), a worker
 * thread relates stories beside this thread. Both take chunks of stories from one shared cursor until none are
 * left, so the split follows however fast each runs, and the worker never waits for this thread to hand it work
 * (this thread may be busy with other work first: `alongside`). Each story's list depends only on the index, so
 * which thread related it changes nothing.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { failureMessage, startModuleWorker } from '../runtime/worker-thread.js';
import { type RelatedResult, type RelatedSettings, relateOne } from './related.js';
import { TermIndex, type TermIndexSnapshot } from './term-index.js';

/** Fewer stories than this are related on this thread alone: a worker costs about a second to start and fill. */
export const PARALLEL_RELATE_MINIMUM = 1_000;
/** Stories per chunk taken from the cursor: a fraction of a second of relating. */
const CHUNK = 50;

export interface RelateJob {
  snapshot: TermIndexSnapshot;
  ids: string[];
  /** One Int32: the position of the next chunk in `ids`, advanced atomically by both threads. */
  cursor: SharedArrayBuffer;
  totalDocs: number;
  settings: RelatedSettings;
}

export type RelateReply =
  | { kind: 'related'; results: [string, RelatedResult | null][] }
  | { kind: 'done' }
  | { kind: 'failure'; message: string };

/**
 * Where a bulk relate runs: `worker`, with a worker thread's help when it pays (the default), or `this-thread`
 * alone, which keeps one copy of the index in memory and one core for other work.
 */
export const relateOnChoices = ['worker', 'this-thread'] as const;
export type RelateOn = (typeof relateOnChoices)[number];

/** Whether a batch of `stories` is related with a worker's help, on a machine of `cores`. */
export function relatesInParallel(stories: number, relateOn: RelateOn = 'worker', cores = os.availableParallelism()): boolean {
  return relateOn === 'worker' && cores > 1 && stories >= PARALLEL_RELATE_MINIMUM;
}

/** The next chunk of `ids` at the shared cursor; empty when every chunk is taken. */
function takeChunk(ids: string[], cursor: Int32Array): string[] {
  const at = Atomics.add(cursor, 0, CHUNK);
  return at < ids.length ? ids.slice(at, at + CHUNK) : [];
}

export interface RelateManyOptions {
  /** Whether a worker helps; by default as `relatesInParallel` says for the batch. */
  parallel?: boolean;
  onProgress?: (done: number) => void;
  /** Other work for this thread, done while the worker starts relating (before this thread joins it) if there is one. */
  alongside?: () => Promise<void>;
}

/** Relates each of `ids` against `index`, with a worker thread's help when `parallel`; results in `ids` order. */
export async function relateMany(
  index: TermIndex,
  ids: string[],
  totalDocs: number,
  settings: RelatedSettings,
  options: RelateManyOptions = {},
): Promise<Map<string, RelatedResult | null>> {
  const results = new Map<string, RelatedResult | null>();
  let done = 0;
  const record = (id: string, result: RelatedResult | null) => {
    results.set(id, result);
    options.onProgress?.(++done);
  };
  const cursor = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const parallel = options.parallel ?? relatesInParallel(ids.length);
  const helper = parallel ? new RelateWorker({ snapshot: index.snapshot(), ids, cursor, totalDocs, settings }, record) : null;
  try {
    await options.alongside?.();
    const position = new Int32Array(cursor);
    for (let chunk = takeChunk(ids, position); chunk.length; chunk = takeChunk(ids, position)) {
      for (const id of chunk) record(id, await relateOne(index, id, totalDocs, settings));
      // Lets the worker's answers in between chunks, so progress is told as it happens.
      if (helper) await new Promise((resolve) => setImmediate(resolve));
    }
    await helper?.finished;
  } finally {
    await helper?.stop();
  }
  return new Map(ids.map((id) => [id, results.get(id) ?? null]));
}

/** The worker's side: builds the index it is sent, then relates chunks from the shared cursor until none are left. */
export async function relateJob(job: RelateJob, reply: (message: RelateReply) => void): Promise<void> {
  try {
    const index = TermIndex.fromSnapshot(job.snapshot);
    const cursor = new Int32Array(job.cursor);
    for (let chunk = takeChunk(job.ids, cursor); chunk.length; chunk = takeChunk(job.ids, cursor)) {
      const results: [string, RelatedResult | null][] = [];
      for (const id of chunk) results.push([id, await relateOne(index, id, job.totalDocs, job.settings)]);
      reply({ kind: 'related', results });
    }
    reply({ kind: 'done' });
  } catch (error) {
    reply({ kind: 'failure', message: failureMessage(error) });
  }
}

/** The main thread's handle on the worker: records what it relates, and settles once it has taken the last chunk. */
class RelateWorker {
  readonly finished: Promise<void>;
  private readonly worker: Worker;

  constructor(job: RelateJob, record: (id: string, result: RelatedResult | null) => void) {
    let settle!: { resolve: () => void; reject: (error: Error) => void };
    this.finished = new Promise((resolve, reject) => (settle = { resolve, reject }));
    // Awaited only once this thread has done its share; a failure before then must not count as unhandled.
    this.finished.catch(() => {});
    this.worker = startModuleWorker(import.meta.url, 'relate-worker');
    this.worker.on('message', (reply: RelateReply) => {
      if (reply.kind === 'failure') settle.reject(new Error(reply.message));
      else if (reply.kind === 'done') settle.resolve();
      else for (const [id, result] of reply.results) record(id, result);
    });
    this.worker.on('error', (error) => settle.reject(error));
    this.worker.on('exit', (code) => settle.reject(new Error(`the relating worker stopped (exit code ${code})`)));
    this.worker.postMessage(job);
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
