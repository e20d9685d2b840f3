/**
 * Imports files of news, whatever their format, told apart by their content: JSON Lines corpora (read as a
 * stream, one record a line) and agency or syndication documents (RSS, Atom, JSON Feed, ninjs, NewsML-G2, NITF).
 * Valid items are written in batches, one transaction each; every bad line or item is reported with where it was
 * while the good ones go in; what changed is related at the end. Re-importing the same file changes nothing, and a
 * newer version of a wire item updates its article as a revision, while an older one is ignored. A bulk import may
 * have its wire documents read and prepared ahead on a worker thread (`prepareOn`, `document-preparation.ts`).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Clock } from '../domain/clock.js';
import type { WireSource } from '../domain/wire-source.js';
import type { Curation, RelateOn } from '../curation/index.js';
import type { Publisher } from '../newsroom/publisher.js';
import type { ArticleWrite, Store } from '../store/index.js';
import { type RecordDefaults, corpusRecordToInput } from './corpus-record.js';
import { type PrepareOn, prepareDocuments } from './document-preparation.js';
import { detectFormat } from './formats/index.js';
import { type ImportSummary, describe, emptySummary } from './import-summary.js';
import type { IncomingItem } from './wire-document.js';
import { WireIntake, sourceDefaults } from './wire-intake.js';

export type { ImportSummary, Rejection } from './import-summary.js';
export { DUPLICATE_WINDOW_MS } from './wire-intake.js';

export const IMPORT_BATCH_SIZE = 500;
/**
 * Items of consecutive wire documents taken in as one unit (one transaction): each commit of an import rewrites
 * pages all over the term indexes, so fewer, larger commits write less (full Reuters corpus on SQLite in documents of
 * 500: 3,993 MB written with one transaction per document, 1,772 MB with units of 2,000; bench/RESULTS.md). Nothing
 * of a unit is reported imported before it is committed.
 */
export const IMPORT_GROUP_ITEMS = 2_000;

/**
 * The most items unit number `unit` (from 0) of an import takes: 500, then 1,000, then `IMPORT_GROUP_ITEMS`. The
 * first document is written as soon as it is prepared rather than once the first four are, while the worker prepares
 * the next ones (full Reuters corpus, four runs alternated: writing done in 12.9-15.3 s against 13.5-15.9 s).
 */
function unitItems(unit: number): number {
  return Math.min(IMPORT_GROUP_ITEMS, IMPORT_BATCH_SIZE * 2 ** unit);
}

export interface ImportProgress {
  phase: 'reading' | 'relating';
  done: number;
  total: number;
}

export interface ImportOptions {
  defaults: RecordDefaults;
  /** Import wire documents as if this source had sent them: its section, credit, trust and rules. */
  source?: WireSource | null;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Where wire documents are read and prepared: on a worker thread, a bulk import prepares the next documents while
   * the current ones are written (`document-preparation.ts`). This thread by default.
   */
  prepareOn?: PrepareOn;
  /** Whether a worker thread may help relate what the import queued (`curation/bulk-relate.ts`); it may by default. */
  relateOn?: RelateOn;
}

interface PendingRecord {
  line: number;
  write: ArticleWrite;
}

export class Importer {
  private readonly wire: WireIntake;

  constructor(
    private readonly publisher: Publisher,
    private readonly curation: Curation,
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.wire = new WireIntake(publisher, store, clock);
  }

  async importFiles(files: string[], options: ImportOptions): Promise<ImportSummary> {
    const summary = emptySummary();
    const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    let bytesBefore = 0;
    const onBytes = (bytes: number) => options.onProgress?.({ phase: 'reading', done: bytesBefore + bytes, total: totalBytes });
    const fileDone = (file: string) => {
      bytesBefore += fs.statSync(file).size;
      onBytes(0);
    };
    const source = options.source ?? null;
    const defaults = source ? sourceDefaults(source) : { section: options.defaults.section };
    // Consecutive documents are taken in together (`unitItems`); progress is reported once they are written.
    let group: IncomingItem[] = [];
    let groupIds = new Set<string>();
    let groupFiles: string[] = [];
    let units = 0;
    const writeGroup = async () => {
      if (groupFiles.length) await this.wire.intakeItems(group, source, summary);
      if (group.length) units++;
      groupFiles.forEach(fileDone);
      group = [];
      groupIds = new Set();
      groupFiles = [];
    };
    const jsonLines = new Set<string>();
    for (const file of files) if (await isJsonLines(file)) jsonLines.add(file);
    const documents = prepareDocuments(
      files.filter((file) => !jsonLines.has(file)),
      {
        defaults,
        source,
        now: () => this.clock.now(),
        stored: async (ids) => new Set((await this.store.wire.current(ids)).keys()),
      },
      options.prepareOn ?? 'this-thread',
    );
    try {
      for (const file of files) {
        if (jsonLines.has(file)) {
          await writeGroup();
          await this.importFile(file, options, summary, onBytes);
          fileDone(file);
          continue;
        }
        const { items, rejected } = await documents.next();
        summary.rejected.push(...rejected);
        // A story in two documents is taken in from the first before the second is looked at, as if one by one.
        if (group.length + items.length > unitItems(units) || items.some((item) => groupIds.has(item.id))) await writeGroup();
        group.push(...items);
        for (const item of items) groupIds.add(item.id);
        groupFiles.push(file);
        // A full unit is written at once rather than when the next document comes.
        if (group.length >= unitItems(units)) await writeGroup();
      }
    } finally {
      await documents.close();
    }
    await writeGroup();
    // Everything queued is related, not only this run's changes: an import interrupted by a crash left its
    // stories queued, and the run that resumes it finds them unchanged.
    await this.curation.relateQueued((done, total) => options.onProgress?.({ phase: 'relating', done, total }), options.relateOn);
    return summary;
  }

  private async importFile(
    file: string,
    options: ImportOptions,
    summary: ImportSummary,
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
        await this.flush(batch, summary, reject);
        batch = [];
        onBytes(bytes);
      }
    }
    await this.flush(batch, summary, reject);
    onBytes(bytes);
  }

  /**
   * One document from a source, pushed or polled (`label` names it in rejections): its items take the source's
   * section and credit, and go on the site or into the wire queue as the source's trust and rules say. Related
   * lists are computed before it returns.
   */
  async importFromSource(document: string | Buffer, label: string, source: WireSource): Promise<ImportSummary> {
    const summary = emptySummary();
    await this.wire.intake(document, label, sourceDefaults(source), source, summary);
    await this.curation.relateQueued();
    return summary;
  }

  /**
   * Writes a batch in one transaction. If the batch fails (a record the database refuses, or two records in one
   * file with the same id and different content), it is retried record by record so only the culprit is rejected.
   */
  private async flush(
    batch: PendingRecord[],
    summary: ImportSummary,
    reject: (line: number, message: string) => void,
  ) {
    if (!batch.length) return;
    try {
      const { outcomes } = await this.publisher.writeBatch(batch.map((p) => p.write));
      for (const outcome of outcomes) summary[outcome]++;
    } catch {
      for (const pending of batch) {
        try {
          const { outcomes } = await this.publisher.writeBatch([pending.write]);
          summary[outcomes[0]!]++;
        } catch (error) {
          reject(pending.line, describe(error));
        }
      }
    }
  }
}

/**
 * Whether a file is JSON Lines rather than one JSON or XML document: its first line is a complete JSON object and
 * more follows, or it is the file's only line and no wire format claims it. Reads only the start of the file.
 */
async function isJsonLines(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const start = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const newline = start.indexOf('\n');
    const firstLine = (newline < 0 ? start : start.slice(0, newline)).trim();
    if (!firstLine.startsWith('{')) return false;
    try {
      JSON.parse(firstLine);
    } catch {
      return false;
    }
    const rest = newline < 0 ? '' : start.slice(newline + 1).trim();
    return rest.length > 0 || detectFormat(firstLine) === null;
  } finally {
    await handle.close();
  }
}
