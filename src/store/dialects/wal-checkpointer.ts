/**
 * Checkpoints of a SQLite database's write-ahead log, run on a thread of their own. A checkpoint copies the pages
 * the log holds into the database file and syncs it; run by the writer after its commit, as SQLite does by
 * default, it held the commit that crossed the log's threshold for as long as the copy took: an import's unit,
 * or a request of the site. Here the writer only asks (`committed`) and goes on; the copy is made on a connection
 * of the checkpointing thread, which SQLite lets run beside the writer and its readers.
 *
 * The thread starts once the log first outgrows `startAtBytes`, so a small database (a test's, a short command's)
 * never starts one. From then on every commit asks for a checkpoint; asks that come while one runs are answered by
 * one more once it ends. The writer keeps its own automatic checkpoint at a higher threshold, in case this thread
 * falls behind or stops.
 */
import fs from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../runtime/worker-thread.js';

export interface CheckpointerOptions {
  /** Size of the log at which the thread starts. */
  startAtBytes: number;
  /** Called with what went wrong if the thread fails; the writer's own checkpoints carry on. */
  onFailure?: (error: Error) => void;
}

/** What the checkpointing thread is told: which database to open, to checkpoint, or to close and end. */
export type CheckpointRequest = { kind: 'open'; file: string } | { kind: 'checkpoint' } | { kind: 'close' };

/** What it answers to each `checkpoint`: the log's frames and how many of them are in the database file now. */
export interface CheckpointReply {
  frames: number;
  copied: number;
}

export class WalCheckpointer {
  private worker: Worker | null = null;
  private running = false;
  private askedAgain = false;
  private failed = false;
  private closing: Promise<void> | null = null;
  /** Checkpoints completed by the thread, and what the last one found (for tests and diagnostics). */
  completed = 0;
  last: CheckpointReply | null = null;
  private readonly settled: (() => void)[] = [];

  constructor(
    private readonly file: string,
    private readonly options: CheckpointerOptions,
  ) {}

  /** A transaction was committed: ask for a checkpoint if the log is big enough to be worth one. */
  committed(): void {
    if (this.failed || this.closing) return;
    if (!this.worker) {
      if (logSize(`${this.file}-wal`) < this.options.startAtBytes) return;
      this.start();
    }
    if (this.running) this.askedAgain = true;
    else this.ask();
  }

  /** Resolves once no checkpoint is running or asked for. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.settled.push(resolve));
  }

  /** Lets a running checkpoint finish, then closes the thread's connection and ends it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const worker = this.worker;
      if (!worker) return;
      // Held by the thread until it has closed: an unreferenced thread alone would let the process end first.
      worker.ref();
      await this.idle();
      const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'close' } satisfies CheckpointRequest);
      await ended;
    })();
    return this.closing;
  }

  private start(): void {
    const worker = startModuleWorker(import.meta.url, 'wal-checkpoint-worker');
    // The thread never keeps the process alive: a checkpoint cut short by the process ending is safe, the log stays.
    worker.unref();
    worker.on('message', (reply: CheckpointReply) => {
      this.completed++;
      this.last = reply;
      this.running = false;
      if (this.askedAgain && !this.closing) {
        this.askedAgain = false;
        this.ask();
      } else this.settle();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the WAL checkpoint thread stopped (exit code ${code})`));
    });
    worker.postMessage({ kind: 'open', file: this.file } satisfies CheckpointRequest);
    this.worker = worker;
  }

  private ask(): void {
    this.running = true;
    this.worker!.postMessage({ kind: 'checkpoint' } satisfies CheckpointRequest);
  }

  private settle(): void {
    for (const resolve of this.settled.splice(0)) resolve();
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.running = false;
    this.settle();
    this.options.onFailure?.(error);
  }
}

function logSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
