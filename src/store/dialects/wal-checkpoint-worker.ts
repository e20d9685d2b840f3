/**
 * The thread of `wal-checkpointer.ts`: its own connection to the database, on which it runs passive checkpoints
 * when asked. A passive checkpoint never waits for the writer or readers: it copies what no reader still needs.
 */
import { parentPort } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { failureMessage } from '../../runtime/worker-thread.js';
import type { CheckpointReply, CheckpointRequest } from './wal-checkpointer.js';

const port = parentPort!;
let connection: SqliteDatabase.Database | null = null;

port.on('message', (request: CheckpointRequest) => {
  try {
    if (request.kind === 'open') {
      connection = new SqliteDatabase(request.file, { fileMustExist: true });
      connection.pragma('busy_timeout = 5000');
    } else if (request.kind === 'checkpoint') {
      const [result] = connection!.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      port.postMessage({ frames: result!.log, copied: result!.checkpointed } satisfies CheckpointReply);
    } else {
      connection?.close();
      port.close();
    }
  } catch (error) {
    throw new Error(`WAL checkpoint: ${failureMessage(error)}`);
  }
});
