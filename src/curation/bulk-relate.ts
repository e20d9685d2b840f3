/**
 * Relating many stories at once (a bulk import) against an in-memory index. Relating is pure computation over the
 * index, and in a bulk import nothing else is running by then: when the machine has a core to spare and the batch
 * is big enough to pay for starting a worker and copying the index to it (`PARALLEL_RELATE_MINIMUM`), a worker
 * thread relates stories beside this thread. Both take chunks of stories from one queue until it is empty, so the
 * split follows however fast each runs. Each story's list depends only on the index, so who related it changes
 * nothing.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../runtime/worker-thread.js';
import { type RelatedResult, type RelatedSettings, relateOne } from './related.js';
import { TermIndex, type TermIndexSnapshot } from './term-index.js';

/** Fewer stories than this are related on this thread alone: a worker costs about a second to start and fill. */
export const PARALLEL_RELATE_MINIMUM = 1_000;
/** Stories per chunk taken from the queue: a fraction of a second of relating, so neither side waits long. */
const CHUNK = 50;
/** Chunks the worker holds, so it has the next one while its answer to the last is on its way. */
const WORKER_CHUNKS = 2;

export type RelateRequest =
  | { kind: 'index'; snapshot: TermIndexSnapshot; totalDocs: number; settings: RelatedSettings }
  | { kind: 'relate'; ids: string[] };

export type RelateReply = { kind: 'related'; results: [string, RelatedResult | null][] } | { kind: 'failure'; message: string };

/** Whether a batch of `stories` is related with a worker's help on a machine of `cores`. */
export function relatesInParallel(stories: number, cores = os.availableParallelism()): boolean {
  return cores > 1 && stories >= PARALLEL_RELATE_MINIMUM;
}

/** Relates each of `ids` against `index`, with a worker thread's help when `parallel`; results in `ids` order. */
export async function relateMany(
  index: TermIndex,
  ids: string[],
  totalDocs: number,
  settings: RelatedSettings,
  options: { parallel?: boolean; onProgress?: (done: number) => void } = {},
): Promise<Map<string, RelatedResult | null>> {
  const results = new Map<string, RelatedResult | null>();
  let done = 0;
  const record = (id: string, result: RelatedResult | null) => {
    results.set(id, result);
    options.onProgress?.(++done);
  };
  let next = 0;
  const take = () => ids.slice(next, (next = Math.min(ids.length, next + CHUNK)));
  const helper = (options.parallel ?? relatesInParallel(ids.length)) ? new RelateWorker(index.snapshot(), totalDocs, settings, take, record) : null;
  try {
    for (let chunk = take(); chunk.length; chunk = take()) {
      for (const id of chunk) record(id, await relateOne(index, id, totalDocs, settings));
      // Lets the worker's answers in, and sends it its next chunk, between chunks of this thread's own.
      if (helper) await new Promise((resolve) => setImmediate(resolve));
    }
    await helper?.finished;
  } finally {
    await helper?.stop();
  }
  return new Map(ids.map((id) => [id, results.get(id) ?? null]));
}

/** The worker's side: builds the index it is sent, then relates each chunk it is asked to. */
export class RelateAnswerer {
  private job: { index: TermIndex; totalDocs: number; settings: RelatedSettings } | null = null;

  async answer(request: RelateRequest): Promise<RelateReply | null> {
    try {
      if (request.kind === 'index') {
        this.job = { index: TermIndex.fromSnapshot(request.snapshot), totalDocs: request.totalDocs, settings: request.settings };
        return null;
      }
      const { index, totalDocs, settings } = this.job!;
      const results: [string, RelatedResult | null][] = [];
      for (const id of request.ids) results.push([id, await relateOne(index, id, totalDocs, settings)]);
      return { kind: 'related', results };
    } catch (error) {
      return { kind: 'failure', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  }
}

/** The main thread's handle on the worker: keeps it supplied with chunks until the queue is empty. */
class RelateWorker {
  readonly finished: Promise<void>;
  private readonly worker: Worker;
  private outstanding = 0;
  private settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor(
    snapshot: TermIndexSnapshot,
    totalDocs: number,
    settings: RelatedSettings,
    private readonly take: () => string[],
    private readonly record: (id: string, result: RelatedResult | null) => void,
  ) {
    this.finished = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    // Awaited only once this thread has done its share; a failure before then must not count as unhandled.
    this.finished.catch(() => {});
    this.worker = startModuleWorker(import.meta.url, 'relate-worker');
    this.worker.on('message', (reply: RelateReply) => this.receive(reply));
    this.worker.on('error', (error) => this.settle.reject(error));
    this.worker.on('exit', (code) => this.settle.reject(new Error(`the relating worker stopped (exit code ${code})`)));
    this.post({ kind: 'index', snapshot, totalDocs, settings });
    for (let i = 0; i < WORKER_CHUNKS; i++) this.send();
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private receive(reply: RelateReply) {
    if (reply.kind === 'failure') return this.settle.reject(new Error(reply.message));
    this.outstanding--;
    for (const [id, result] of reply.results) this.record(id, result);
    this.send();
  }

  private send() {
    const ids = this.take();
    if (ids.length) {
      this.outstanding++;
      this.post({ kind: 'relate', ids });
    } else if (!this.outstanding) this.settle.resolve();
  }

  private post(request: RelateRequest) {
    this.worker.postMessage(request);
  }
}
