/**
 * Imports JSON Lines corpora: reads a file as a stream, writes valid records in batches (one transaction each),
 * reports every bad line with its number while the good ones go in, and relates what changed at the end.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { NewsdeskError } from '../domain/errors.js';
import type { Curation } from '../curation/index.js';
import type { Publisher } from '../newsroom/publisher.js';
import type { ArticleWrite, SaveOutcome } from '../store/index.js';
import { type RecordDefaults, corpusRecordToInput } from './corpus-record.js';

export const IMPORT_BATCH_SIZE = 500;

export interface Rejection {
  file: string;
  line: number;
  message: string;
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
}

export interface ImportProgress {
  phase: 'reading' | 'relating';
  done: number;
  total: number;
}

export interface ImportOptions {
  defaults: RecordDefaults;
  onProgress?: (progress: ImportProgress) => void;
}

interface PendingRecord {
  line: number;
  write: ArticleWrite;
}

export class JsonLinesImporter {
  constructor(
    private readonly publisher: Publisher,
    private readonly curation: Curation,
  ) {}

  async importFiles(files: string[], options: ImportOptions): Promise<ImportSummary> {
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, rejected: [] };
    const changed = new Set<string>();
    const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    let bytesBefore = 0;
    for (const file of files) {
      await this.importFile(file, options, summary, changed, (bytes) =>
        options.onProgress?.({ phase: 'reading', done: bytesBefore + bytes, total: totalBytes }),
      );
      bytesBefore += fs.statSync(file).size;
    }
    await this.curation.refreshRelated(changed, (done) =>
      options.onProgress?.({ phase: 'relating', done, total: changed.size }),
    );
    return summary;
  }

  private async importFile(
    file: string,
    options: ImportOptions,
    summary: ImportSummary,
    changed: Set<string>,
    onBytes: (bytes: number) => void,
  ) {
    const stream = fs.createReadStream(file, { encoding: 'utf8' });
    const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
    let lineNumber = 0;
    let bytes = 0;
    let batch: PendingRecord[] = [];
    const reject = (line: number, message: string) => summary.rejected.push({ file, line, message });

    for await (const text of lines) {
      lineNumber++;
      bytes += Buffer.byteLength(text, 'utf8') + 1;
      if (!text.trim()) continue;
      try {
        const input = corpusRecordToInput(JSON.parse(text), options.defaults);
        batch.push({ line: lineNumber, write: this.publisher.prepare(input) });
      } catch (error) {
        reject(lineNumber, describe(error));
      }
      if (batch.length >= IMPORT_BATCH_SIZE) {
        await this.flush(batch, summary, changed, reject);
        batch = [];
        onBytes(bytes);
      }
    }
    await this.flush(batch, summary, changed, reject);
    onBytes(bytes);
  }

  /**
   * Writes a batch in one transaction. If the batch fails (a record the database refuses, or two records in one
   * file with the same id and different content), it is retried record by record so only the culprit is rejected.
   */
  private async flush(
    batch: PendingRecord[],
    summary: ImportSummary,
    changed: Set<string>,
    reject: (line: number, message: string) => void,
  ) {
    if (!batch.length) return;
    const count = (outcome: SaveOutcome, id: string) => {
      summary[outcome]++;
      if (outcome !== 'unchanged') changed.add(id);
    };
    try {
      const { outcomes } = await this.publisher.writeBatch(batch.map((p) => p.write));
      outcomes.forEach((outcome, i) => count(outcome, batch[i]!.write.id));
    } catch {
      for (const pending of batch) {
        try {
          const { outcomes } = await this.publisher.writeBatch([pending.write]);
          count(outcomes[0]!, pending.write.id);
        } catch (error) {
          reject(pending.line, describe(error));
        }
      }
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  if (error instanceof NewsdeskError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
