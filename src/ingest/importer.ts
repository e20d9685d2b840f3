/**
 * Imports files of news, whatever their format, told apart by their content: JSON Lines corpora (read as a
 * stream, one record a line) and agency or syndication documents (RSS, Atom, JSON Feed, ninjs, NewsML-G2, NITF).
 * Valid items are written in batches, one transaction each; every bad line or item is reported with where it was
 * while the good ones go in; what changed is related at the end. Re-importing the same file changes nothing, and
 * a newer version of a wire item updates its article as a revision, while an older one is ignored.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Clock } from '../domain/clock.js';
import { NewsdeskError } from '../domain/errors.js';
import { stripTags } from '../domain/sanitize.js';
import type { Curation } from '../curation/index.js';
import type { Publisher } from '../newsroom/publisher.js';
import type { ArticleWrite, Store } from '../store/index.js';
import { type RecordDefaults, corpusRecordToInput } from './corpus-record.js';
import { type ParsedDocument, WireFormatError, detectFormat, parseWireDocument } from './formats/index.js';
import { type Fingerprint, fingerprint, isNearDuplicate } from './near-duplicates.js';
import { type WireDefaults, wireItemToInput } from './wire-record.js';

export const IMPORT_BATCH_SIZE = 500;
/**
 * How far apart in time two copies of one story can be. Beyond it, alike texts are different stories cut from one
 * template (the weekly eurobond notice, the quarterly dividend), not the same story from two feeds.
 */
export const DUPLICATE_WINDOW_MS = 3 * 24 * 3_600_000;

export interface Rejection {
  file: string;
  /** 1-based line of a JSON Lines record; 0 for a whole document or a wire item. */
  line: number;
  /** 1-based position of a wire item in its document. */
  item?: number;
  message: string;
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Wire items recognised as another feed's copy of a story already in: folded into it ("also from …"). */
  duplicate: number;
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

export class Importer {
  constructor(
    private readonly publisher: Publisher,
    private readonly curation: Curation,
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async importFiles(files: string[], options: ImportOptions): Promise<ImportSummary> {
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, duplicate: 0, rejected: [] };
    const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    let bytesBefore = 0;
    for (const file of files) {
      const onBytes = (bytes: number) => options.onProgress?.({ phase: 'reading', done: bytesBefore + bytes, total: totalBytes });
      if (await isJsonLines(file)) await this.importFile(file, options, summary, onBytes);
      else await this.importDocument(file, options, summary);
      bytesBefore += fs.statSync(file).size;
      onBytes(0);
    }
    // Everything queued is related, not only this run's changes: an import interrupted by a crash left its
    // stories queued, and the run that resumes it finds them unchanged.
    await this.curation.relateQueued((done, total) => options.onProgress?.({ phase: 'relating', done, total }));
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

  /** One wire or feed document: parsed whole, its items written in one transaction with their wire identity. */
  private async importDocument(file: string, options: ImportOptions, summary: ImportSummary) {
    await this.importWire(fs.readFileSync(file), file, { section: options.defaults.section }, summary);
  }

  /**
   * One wire or feed document pushed by a source (`label` names it in rejections); its items take the source's
   * section, credit and trust. Related lists are computed before it returns.
   */
  async importPushed(document: string | Buffer, label: string, defaults: WireDefaults): Promise<ImportSummary> {
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, duplicate: 0, rejected: [] };
    await this.importWire(document, label, defaults, summary);
    await this.curation.relateQueued();
    return summary;
  }

  /** Parses a document and writes its items in one transaction with their wire identity and fingerprints. */
  private async importWire(input: string | Buffer, file: string, defaults: WireDefaults, summary: ImportSummary) {
    let document: ParsedDocument;
    try {
      document = parseWireDocument(input);
    } catch (error) {
      if (!(error instanceof WireFormatError)) throw error;
      summary.rejected.push({ file, line: 0, message: error.message });
      return;
    }
    for (const e of document.errors) summary.rejected.push({ file, line: 0, item: e.index + 1, message: e.message });

    const prepared: { item: number; write: ArticleWrite; guid: string; version: number | null }[] = [];
    for (const [index, item] of document.items.entries()) {
      try {
        const write = this.publisher.prepare(wireItemToInput(item, defaults));
        prepared.push({ item: index + 1, write, guid: item.guid, version: item.version });
      } catch (error) {
        summary.rejected.push({ file, line: 0, item: index + 1, message: describe(error) });
      }
    }
    const known = await this.store.wire.versions(prepared.map((p) => p.write.id));
    const current = prepared.filter((p) => {
      const stored = known.get(p.write.id);
      const older = stored !== undefined && stored !== null && p.version !== null && p.version < stored;
      if (older) summary.unchanged++;
      return !older;
    });
    if (!current.length) return;
    const receivedAt = this.clock.now().toISOString();
    const toWrite = await this.withoutNearDuplicates(current, known, receivedAt, summary);
    if (!toWrite.length) return;
    const { outcomes } = await this.publisher.writeBatch(
      toWrite.map((p) => p.write),
      {
        alongside: async (trx, i) => {
          const { write, guid, version, print } = toWrite[i]!;
          await this.store.wire.record(trx, { articleId: write.id, guid, version, format: document.format, receivedAt });
          await this.store.fingerprints.put(trx, { articleId: write.id, simhash: print.simhash.toString(), bands: print.bands });
        },
      },
    );
    for (const outcome of outcomes) summary[outcome]++;
  }

  /**
   * Fingerprints the items and folds each new one that is a near-duplicate of a story already in (or of an earlier
   * item of this document) into that story as "also from …", rather than publishing the same story twice. New
   * versions of items already in are never folded: they are the same story by identity.
   */
  private async withoutNearDuplicates<T extends { write: ArticleWrite; guid: string }>(
    items: T[],
    known: Map<string, number | null>,
    receivedAt: string,
    summary: ImportSummary,
  ): Promise<(T & { print: Fingerprint })[]> {
    const kept: (T & { print: Fingerprint })[] = [];
    for (const item of items) {
      const print = fingerprint(`${item.write.headline}\n${stripTags(item.write.bodyHtml)}`);
      if (!known.has(item.write.id)) {
        const at = Date.parse(item.write.updatedAt);
        const window = [new Date(at - DUPLICATE_WINDOW_MS).toISOString(), new Date(at + DUPLICATE_WINDOW_MS).toISOString()] as const;
        const stored = (await this.store.fingerprints.candidates(print.bands, ...window)).map((c) => ({
          articleId: c.articleId,
          print: { simhash: BigInt(c.simhash), bands: c.bands },
        }));
        const earlier = kept.filter((k) => !known.has(k.write.id)).map((k) => ({ articleId: k.write.id, print: k.print }));
        const original = [...stored, ...earlier].find((c) => c.articleId !== item.write.id && isNearDuplicate(c.print, print));
        if (original) {
          await this.store.fingerprints.addDuplicate({
            articleId: original.articleId,
            guid: item.guid,
            source: item.write.source,
            headline: item.write.headline,
            receivedAt,
          });
          summary.duplicate++;
          continue;
        }
      }
      kept.push({ ...item, print });
    }
    return kept;
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

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  if (error instanceof NewsdeskError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
