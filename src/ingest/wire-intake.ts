/**
 * One wire or feed document in: parsed whole; new versions of stories already in become revisions (keeping what
 * editors decided about them), new versions of queued items replace them in the queue, near-duplicates are folded
 * into their original ("also from …"), and each new item is published or queued as its source's trust and rules
 * say. Stories are written in one transaction with their wire identity, fingerprints and the copies folded into
 * them or into stories already in; queued items in another.
 * A malformed document or item is reported in the summary while the rest go in.
 */
import type { Transaction } from 'kysely';
import type { Clock } from '../domain/clock.js';
import { sanitizedBodyText } from '../domain/sanitize.js';
import type { WireSource } from '../domain/wire-source.js';
import type { Publisher } from '../newsroom/publisher.js';
import type { ArticleWrite, Database, DuplicateCopy, Store } from '../store/index.js';
import { routeItem } from './auto-publish.js';
import { type ImportSummary, describe } from './import-summary.js';
import { type Fingerprint, isNearDuplicate } from './near-duplicates.js';
import { type IncomingItem, fingerprintOf, readWireDocument } from './wire-document.js';
import type { WireDefaults } from './wire-record.js';

/**
 * How far apart in time two copies of one story can be. Beyond it, alike texts are different stories cut from one
 * template (the weekly eurobond notice, the quarterly dividend), not the same story from two feeds.
 */
export const DUPLICATE_WINDOW_MS = 3 * 24 * 3_600_000;

/** What a source's items take when they name none themselves. */
export function sourceDefaults(source: WireSource): WireDefaults {
  return { section: source.section, source: source.credit ?? source.name };
}

export class WireIntake {
  constructor(
    private readonly publisher: Publisher,
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Takes in one document (`file` names it in rejections), adding what happened to `summary`. */
  async intake(input: string | Buffer, file: string, defaults: WireDefaults, source: WireSource | null, summary: ImportSummary): Promise<void> {
    const { items, rejected } = readWireDocument(input, file, defaults, source);
    summary.rejected.push(...rejected);
    await this.intakeItems(items, source, summary);
  }

  /**
   * Takes in parsed items, of one document or of several in a row (`readWireDocument`), as one unit: the stories in
   * one transaction, queued items in another. Items of several documents are taken in as the documents would be one
   * after the other, provided no story comes in two of them (`Importer` sees to that). An item's draft, when it has
   * one, is used if the item turns out to be a new story.
   */
  async intakeItems(incoming: IncomingItem[], source: WireSource | null, summary: ImportSummary): Promise<void> {
    const reject = (p: IncomingItem, error: unknown) => summary.rejected.push({ file: p.file, line: 0, item: p.item, message: describe(error) });
    const ids = incoming.map((p) => p.id);
    const [articles, queued] = await Promise.all([
      this.store.wire.current(ids),
      source ? this.store.wireQueue.known(ids) : new Map<string, { version: number | null; item: string }>(),
    ]);

    const prepared: (IncomingItem & { write: ArticleWrite; print: Fingerprint })[] = [];
    for (const p of incoming) {
      const article = articles.get(p.id);
      // The very item taken in last time: nothing to prepare, compare or write (most of a re-import or a re-poll).
      if (article?.inputHash === p.inputHash) {
        summary.unchanged++;
        continue;
      }
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
      const draft = article ? undefined : p.draft;
      if (draft && 'error' in draft) {
        reject(p, draft.error);
        continue;
      }
      let write: ArticleWrite;
      try {
        write = draft ? draft.write : this.publisher.prepare(articleInput);
      } catch (error) {
        reject(p, error);
        continue;
      }
      // What the queue keeps is the story with its body already sanitized, so it can be shown as it is.
      const input = article ? articleInput : { ...articleInput, bodyHtml: write.bodyHtml };
      if (!article && inQueue && inQueue.item === JSON.stringify(input)) {
        summary.unchanged++;
        continue;
      }
      prepared.push({ ...p, input, write, print: draft ? draft.print : fingerprintOf(write) });
    }
    if (!prepared.length) return;
    const receivedAt = this.clock.now().toISOString();
    const known = new Set([...articles.keys(), ...queued.keys()]);
    const { kept, copiesOfStored } = await this.withoutNearDuplicates(prepared, known, receivedAt, summary);

    const toWrite: typeof kept = [];
    const toQueue: typeof kept = [];
    for (const k of kept) {
      if (articles.has(k.id)) toWrite.push(k);
      else if (queued.has(k.id)) toQueue.push(k);
      else if (!source) toWrite.push(k);
      else {
        const route = routeItem({ headline: k.write.headline, text: sanitizedBodyText(k.write.bodyHtml), subjects: k.subjects, priority: k.write.priority }, source);
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
        { alongside: (trx) => this.recordWireItems(trx, toWrite, copiesOfStored, receivedAt) },
      );
      for (const outcome of outcomes) summary[outcome]++;
    } else if (copiesOfStored.length) {
      await this.store.transaction((trx) => this.store.fingerprints.addDuplicates(trx, copiesOfStored));
    }
    if (toQueue.length && source) {
      await this.store.transaction(async (trx) => {
        for (const q of toQueue) {
          await this.store.wireQueue.put(trx, {
            id: q.id,
            sourceId: source.id,
            guid: q.guid,
            version: q.version,
            format: q.format,
            headline: q.write.headline,
            priority: q.write.priority,
            itemAt: q.write.updatedAt,
            receivedAt,
            item: q.input,
            searchText: `${q.write.headline}\n${sanitizedBodyText(q.write.bodyHtml)}`.toLowerCase(),
            simhash: q.print.simhash.toString(),
            bands: q.print.bands,
            alsoFrom: q.copies.map(({ articleId: _original, ...copy }) => copy),
          });
        }
      });
      for (const q of toQueue) summary[queued.has(q.id) ? 'updated' : 'queued']++;
    }
  }

  /**
   * Whether a new item bound for the queue is another feed's copy of an item already waiting there or of one bound
   * there earlier in this document (`pending`); if so it is folded into that item as "also from …".
   */
  private async foldIntoQueued(
    item: { id: string; guid: string; write: ArticleWrite; print: Fingerprint },
    pending: { id: string; print: Fingerprint; copies: DuplicateCopy[] }[],
    source: WireSource,
    receivedAt: string,
  ): Promise<boolean> {
    const copy = { guid: item.guid, source: item.write.source ?? source.name, headline: item.write.headline, receivedAt };
    const earlier = pending.find((p) => isNearDuplicate(p.print, item.print));
    if (earlier) {
      earlier.copies.push({ articleId: earlier.id, ...copy });
      return true;
    }
    const at = Date.parse(item.write.updatedAt);
    const from = new Date(at - DUPLICATE_WINDOW_MS).toISOString();
    const to = new Date(at + DUPLICATE_WINDOW_MS).toISOString();
    const stored = await this.store.wireQueue.candidates(item.print.bands, from, to);
    const original = stored.find((c) => c.id !== item.id && isNearDuplicate({ simhash: BigInt(c.simhash), bands: c.bands }, item.print));
    if (!original) return false;
    await this.store.wireQueue.addAlsoFrom(original.id, copy);
    return true;
  }

  /**
   * Folds each new item that is a near-duplicate of a story already in (or of an earlier item of this unit) into
   * that story as "also from …", rather than publishing the same story twice. New versions of items already in are
   * never folded: they are the same story by identity. Returns the items kept, each carrying the copies of it found
   * in this unit (`copies`), and the copies of stories already in: the caller records both in the unit's transaction.
   */
  private async withoutNearDuplicates<T extends { write: ArticleWrite; guid: string; print: Fingerprint }>(
    items: T[],
    known: ReadonlySet<string>,
    receivedAt: string,
    summary: ImportSummary,
  ): Promise<{ kept: (T & { copies: DuplicateCopy[] })[]; copiesOfStored: DuplicateCopy[] }> {
    const printed = items.map((item) => ({ ...item, copies: [] as DuplicateCopy[] }));
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
    const earlier = new BandIndex<{ articleId: string; at: number; print: Fingerprint; copies: DuplicateCopy[] }>();
    const kept: typeof printed = [];
    for (const item of printed) {
      const { write, print } = item;
      const candidates = storedFor.get(item);
      if (candidates) {
        const at = Date.parse(write.updatedAt);
        // Earlier items within the same window as stories in the store: the items may come from several documents.
        const others = [
          ...candidates.map((c) => ({ articleId: c.articleId, print: { simhash: BigInt(c.simhash), bands: c.bands }, copies: copiesOfStored })),
          ...earlier.sharing(print.bands).filter((e) => Math.abs(e.at - at) <= DUPLICATE_WINDOW_MS),
        ];
        const original = others.find((c) => c.articleId !== write.id && isNearDuplicate(c.print, print));
        if (original) {
          const copy = { articleId: original.articleId, guid: item.guid, source: write.source, headline: write.headline, receivedAt };
          original.copies.push(copy);
          summary.duplicate++;
          continue;
        }
        earlier.add(print.bands, { articleId: write.id, at, print, copies: item.copies });
      }
      kept.push(item);
    }
    return { kept, copiesOfStored };
  }

  /**
   * What a wire batch writes beside its stories: each item's wire identity and fingerprint, the copies folded into
   * them and the copies of stories already in (`copiesOfStored`), so the document lands whole or not at all.
   */
  private async recordWireItems(
    trx: Transaction<Database>,
    items: { write: ArticleWrite; guid: string; version: number | null; format: string; inputHash: string; print: Fingerprint; copies: DuplicateCopy[] }[],
    copiesOfStored: DuplicateCopy[],
    receivedAt: string,
  ) {
    await this.store.wire.recordAll(
      trx,
      items.map(({ write, guid, version, format, inputHash }) => ({ articleId: write.id, guid, version, format, receivedAt, inputHash })),
    );
    await this.store.fingerprints.putAll(
      trx,
      items.map(({ write, print }) => ({ articleId: write.id, simhash: print.simhash.toString(), bands: print.bands, updatedAt: write.updatedAt })),
    );
    await this.store.fingerprints.addDuplicates(trx, [...copiesOfStored, ...items.flatMap((item) => item.copies)]);
  }
}

/**
 * Entries by band key, so an item is compared only with earlier ones it shares a key with (in the order added).
 * Keys are filed by a 30-bit hash of their text, a small integer that a Map hashes and stores without boxing, and an
 * entry listed once is kept as its number rather than in an array (for a unit of 2,000 stories, the string-keyed
 * version took 0.5 s of a Reuters import). An entry that shares only a hash is turned down by the caller's
 * comparison of the fingerprints, which checks the band texts.
 */
class BandIndex<T> {
  private readonly entries: T[] = [];
  private readonly byBand = new Map<number, number | number[]>();

  add(bands: string[], entry: T): void {
    const at = this.entries.push(entry) - 1;
    for (const band of bands) {
      const key = smallHash(band);
      const listed = this.byBand.get(key);
      if (listed === undefined) this.byBand.set(key, at);
      else if (typeof listed === 'number') {
        if (listed !== at) this.byBand.set(key, [listed, at]);
      } else if (listed[listed.length - 1] !== at) listed.push(at);
    }
  }

  sharing(bands: string[]): T[] {
    const found: number[] = [];
    for (const band of bands) {
      const listed = this.byBand.get(smallHash(band));
      if (typeof listed === 'number') found.push(listed);
      else if (listed) found.push(...listed);
    }
    if (!found.length) return [];
    return [...new Set(found)].sort((a, b) => a - b).map((i) => this.entries[i]!);
  }
}

/**
 * FNV-1a of a band key's last eight characters, cut to 30 bits: a small integer. A key ends in hex digits of MinHash
 * values (`near-duplicates.ts`), as uniform as a hash of the whole key and a third of its length.
 */
function smallHash(band: string): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, band.length - 8); i < band.length; i++) h = Math.imul(h ^ band.charCodeAt(i), 0x01000193);
  return h >>> 2;
}
