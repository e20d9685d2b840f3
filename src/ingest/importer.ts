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
import type { Transaction } from 'kysely';
import type { ArticleInput } from '../domain/article.js';
import type { WireSource } from '../domain/wire-source.js';
import type { ArticleWrite, Database, DuplicateCopy, Store } from '../store/index.js';
import { routeItem } from './auto-publish.js';
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
  /** New wire items put in the wire queue for editors rather than published. */
  queued: number;
  rejected: Rejection[];
}

const emptySummary = (): ImportSummary => ({ added: 0, updated: 0, unchanged: 0, duplicate: 0, queued: 0, rejected: [] });

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
}

interface PendingRecord {
  line: number;
  write: ArticleWrite;
}

interface IncomingItem {
  /** 1-based position in its document. */
  item: number;
  id: string;
  input: ArticleInput;
  guid: string;
  version: number | null;
  subjects: string[];
}

/** What a source's items take when they name none themselves. */
function sourceDefaults(source: WireSource): WireDefaults {
  return { section: source.section, source: source.credit ?? source.name };
}

export class Importer {
  constructor(
    private readonly publisher: Publisher,
    private readonly curation: Curation,
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async importFiles(files: string[], options: ImportOptions): Promise<ImportSummary> {
    const summary = emptySummary();
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
    const source = options.source ?? null;
    const defaults = source ? sourceDefaults(source) : { section: options.defaults.section };
    await this.importWire(fs.readFileSync(file), file, defaults, source, summary);
  }

  /**
   * One document from a source, pushed or polled (`label` names it in rejections): its items take the source's
   * section and credit, and go on the site or into the wire queue as the source's trust and rules say. Related
   * lists are computed before it returns.
   */
  async importFromSource(document: string | Buffer, label: string, source: WireSource): Promise<ImportSummary> {
    const summary = emptySummary();
    await this.importWire(document, label, sourceDefaults(source), source, summary);
    await this.curation.relateQueued();
    return summary;
  }

  /**
   * Parses a document; new versions of stories already in become revisions (keeping what editors decided about
   * them), new versions of queued items replace them in the queue, near-duplicates are folded into their original,
   * and each new item is published or queued as its source says. Stories are written in one transaction with their
   * wire identity and fingerprints; queued items in another.
   */
  private async importWire(input: string | Buffer, file: string, defaults: WireDefaults, source: WireSource | null, summary: ImportSummary) {
    let document: ParsedDocument;
    try {
      document = parseWireDocument(input);
      if (source?.format && document.format !== source.format) {
        throw new WireFormatError(`${source.name} is set to send ${source.format}; this document is ${document.format}`);
      }
    } catch (error) {
      if (!(error instanceof WireFormatError)) throw error;
      summary.rejected.push({ file, line: 0, message: error.message });
      return;
    }
    for (const e of document.errors) summary.rejected.push({ file, line: 0, item: e.index + 1, message: e.message });
    const reject = (item: number, error: unknown) => summary.rejected.push({ file, line: 0, item, message: describe(error) });

    const incoming: IncomingItem[] = [];
    for (const [index, item] of document.items.entries()) {
      try {
        const articleInput = wireItemToInput(item, defaults);
        incoming.push({ item: index + 1, input: articleInput, id: articleInput.id!, guid: item.guid, version: item.version, subjects: item.subjects });
      } catch (error) {
        reject(index + 1, error);
      }
    }
    const ids = incoming.map((p) => p.id);
    const [articles, queued] = await Promise.all([
      this.store.wire.current(ids),
      source ? this.store.wireQueue.known(ids) : new Map<string, { version: number | null; item: string }>(),
    ]);

    const prepared: (IncomingItem & { write: ArticleWrite })[] = [];
    for (const p of incoming) {
      const article = articles.get(p.id);
      const inQueue = queued.get(p.id);
      const stored = article?.version ?? inQueue?.version ?? null;
      if ((article || inQueue) && stored !== null && p.version !== null && p.version < stored) {
        summary.unchanged++;
        continue;
      }
      // A new version of a story already in keeps what editors decided about it: its state, section and times.
      const articleInput = article
        ? { ...p.input, status: article.status, section: article.section, publishedAt: article.publishedAt, scheduledAt: article.scheduledAt }
        : p.input;
      let write: ArticleWrite;
      try {
        write = this.publisher.prepare(articleInput);
      } catch (error) {
        reject(p.item, error);
        continue;
      }
      // What the queue keeps is the story with its body already sanitized, so it can be shown as it is.
      const input = article ? articleInput : { ...articleInput, bodyHtml: write.bodyHtml };
      if (!article && inQueue?.item === JSON.stringify(input)) {
        summary.unchanged++;
        continue;
      }
      prepared.push({ ...p, input, write });
    }
    if (!prepared.length) return;
    const receivedAt = this.clock.now().toISOString();
    const known = new Set([...articles.keys(), ...queued.keys()]);
    const kept = await this.withoutNearDuplicates(prepared, known, receivedAt, summary);

    const toWrite: typeof kept = [];
    const toQueue: typeof kept = [];
    for (const k of kept) {
      if (articles.has(k.id)) toWrite.push(k);
      else if (queued.has(k.id)) toQueue.push(k);
      else if (!source) toWrite.push(k);
      else {
        const route = routeItem({ headline: k.write.headline, text: stripTags(k.write.bodyHtml), subjects: k.subjects, priority: k.write.priority }, source);
        if (route.action === 'queue') {
          if (await this.foldIntoQueued(k, toQueue, source, receivedAt)) summary.duplicate++;
          else toQueue.push(k);
        } else if (route.section === k.write.section) toWrite.push(k);
        else {
          const input = { ...k.input, section: route.section };
          toWrite.push({ ...k, input, write: this.publisher.prepare(input) });
        }
      }
    }

    if (toWrite.length) {
      const { outcomes } = await this.publisher.writeBatch(
        toWrite.map((p) => p.write),
        { alongside: (trx) => this.recordWireItems(trx, toWrite, document.format, receivedAt) },
      );
      for (const outcome of outcomes) summary[outcome]++;
    }
    if (toQueue.length && source) {
      await this.store.transaction(async (trx) => {
        for (const q of toQueue) {
          await this.store.wireQueue.put(trx, {
            id: q.id,
            sourceId: source.id,
            guid: q.guid,
            version: q.version,
            format: document.format,
            headline: q.write.headline,
            priority: q.write.priority,
            itemAt: q.write.updatedAt,
            receivedAt,
            item: q.input,
            searchText: `${q.write.headline}\n${stripTags(q.write.bodyHtml)}`.toLowerCase(),
            simhash: q.print.simhash.toString(),
            bands: q.print.bands,
          });
        }
      });
      for (const q of toQueue) summary[queued.has(q.id) ? 'updated' : 'queued']++;
    }
  }

  /**
   * Whether a new item bound for the queue is another feed's copy of an item already waiting there (or of one
   * earlier in this document); if so it is folded into that item as "also from …".
   */
  private async foldIntoQueued(
    item: { id: string; guid: string; write: ArticleWrite; print: Fingerprint },
    earlier: { id: string; print: Fingerprint }[],
    source: WireSource,
    receivedAt: string,
  ): Promise<boolean> {
    const at = Date.parse(item.write.updatedAt);
    const from = new Date(at - DUPLICATE_WINDOW_MS).toISOString();
    const to = new Date(at + DUPLICATE_WINDOW_MS).toISOString();
    const stored = (await this.store.wireQueue.candidates(item.print.bands, from, to)).map((c) => ({ id: c.id, print: { simhash: BigInt(c.simhash), bands: c.bands } }));
    const original = [...stored, ...earlier].find((c) => c.id !== item.id && isNearDuplicate(c.print, item.print));
    if (!original) return false;
    await this.store.wireQueue.addAlsoFrom(original.id, { guid: item.guid, source: item.write.source ?? source.name, headline: item.write.headline, receivedAt });
    return true;
  }

  /**
   * Fingerprints the items and folds each new one that is a near-duplicate of a story already in (or of an earlier
   * item of this document) into that story as "also from …", rather than publishing the same story twice. New
   * versions of items already in are never folded: they are the same story by identity. Copies of stories already
   * in are recorded at once; each kept item carries the copies of it found in this document (`copies`), for the
   * caller to record with it once it is written.
   */
  private async withoutNearDuplicates<T extends { write: ArticleWrite; guid: string }>(
    items: T[],
    known: ReadonlySet<string>,
    receivedAt: string,
    summary: ImportSummary,
  ): Promise<(T & { print: Fingerprint; copies: DuplicateCopy[] })[]> {
    const printed = items.map((item) => ({
      ...item,
      print: fingerprint(`${item.write.headline}\n${stripTags(item.write.bodyHtml)}`),
      copies: [] as DuplicateCopy[],
    }));
    const fresh = printed.filter((item) => !known.has(item.write.id));
    const stored = await this.store.fingerprints.candidatesForAll(
      fresh.map(({ write, print }) => {
        const at = Date.parse(write.updatedAt);
        return { bands: print.bands, from: new Date(at - DUPLICATE_WINDOW_MS).toISOString(), to: new Date(at + DUPLICATE_WINDOW_MS).toISOString() };
      }),
    );
    const storedFor = new Map(fresh.map((item, i) => [item, stored[i]!]));
    const copiesOfStored: DuplicateCopy[] = [];
    // Where a copy goes: onto the kept item it copies (recorded once that is written), or at once for a stored story.
    const earlier = new BandIndex<{ articleId: string; print: Fingerprint; copies: DuplicateCopy[] }>();
    const kept: typeof printed = [];
    for (const item of printed) {
      const { write, print } = item;
      const candidates = storedFor.get(item);
      if (candidates) {
        const others = [
          ...candidates.map((c) => ({ articleId: c.articleId, print: { simhash: BigInt(c.simhash), bands: c.bands }, copies: copiesOfStored })),
          ...earlier.sharing(print.bands),
        ];
        const original = others.find((c) => c.articleId !== write.id && isNearDuplicate(c.print, print));
        if (original) {
          const copy = { articleId: original.articleId, guid: item.guid, source: write.source, headline: write.headline, receivedAt };
          original.copies.push(copy);
          summary.duplicate++;
          continue;
        }
        earlier.add(print.bands, { articleId: write.id, print, copies: item.copies });
      }
      kept.push(item);
    }
    if (copiesOfStored.length) await this.store.transaction((trx) => this.store.fingerprints.addDuplicates(trx, copiesOfStored));
    return kept;
  }

  /** What a wire batch writes beside its stories: each item's wire identity and fingerprint, and the copies folded. */
  private async recordWireItems(
    trx: Transaction<Database>,
    items: { write: ArticleWrite; guid: string; version: number | null; print: Fingerprint; copies: DuplicateCopy[] }[],
    format: string,
    receivedAt: string,
  ) {
    for (const { write, guid, version } of items) await this.store.wire.record(trx, { articleId: write.id, guid, version, format, receivedAt });
    await this.store.fingerprints.putAll(
      trx,
      items.map(({ write, print }) => ({ articleId: write.id, simhash: print.simhash.toString(), bands: print.bands })),
    );
    await this.store.fingerprints.addDuplicates(trx, items.flatMap((item) => item.copies));
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

/** Entries by band key, so an item is compared only with earlier ones it shares a key with (in the order added). */
class BandIndex<T> {
  private readonly entries: T[] = [];
  private readonly byBand = new Map<string, number[]>();

  add(bands: string[], entry: T): void {
    const at = this.entries.push(entry) - 1;
    for (const band of bands) {
      const list = this.byBand.get(band);
      if (list) list.push(at);
      else this.byBand.set(band, [at]);
    }
  }

  sharing(bands: string[]): T[] {
    const at = new Set(bands.flatMap((band) => this.byBand.get(band) ?? []));
    return [...at].sort((a, b) => a - b).map((i) => this.entries[i]!);
  }
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `not valid JSON: ${error.message}`;
  if (error instanceof NewsdeskError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
