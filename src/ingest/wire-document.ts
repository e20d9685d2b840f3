/**
 * A wire document read into the items to take in, and each item drafted as the new story it would be (prepared and
 * fingerprinted). Pure: nothing is read or written, so a bulk import can read and draft the next documents on a
 * worker thread (`document-preparation.ts`) while the current ones are written.
 */
import { randomUUID } from 'node:crypto';
import type { ArticleInput } from '../domain/article.js';
import { sanitizedBodyText } from '../domain/sanitize.js';
import type { WireSource } from '../domain/wire-source.js';
import { prepareArticle } from '../newsroom/prepare-article.js';
import type { ArticleWrite } from '../store/index.js';
import { type ParsedDocument, WireFormatError, parseWireDocument } from './formats/index.js';
import { type Rejection, describe } from './import-summary.js';
import { type Fingerprint, fingerprint } from './near-duplicates.js';
import { type WireDefaults, wireInputHash, wireItemToInput } from './wire-record.js';

/** An item of a parsed document, not yet taken in. */
export interface IncomingItem {
  /** The document it came in, as rejections name it, and the document's format. */
  file: string;
  format: string;
  /** 1-based position in its document. */
  item: number;
  id: string;
  input: ArticleInput;
  guid: string;
  version: number | null;
  subjects: string[];
  /** `wireInputHash` of `input`: recorded with the story, and how the same item next time is known unchanged. */
  inputHash: string;
  /**
   * The item prepared ahead as a story not yet in the store (`draftItem`), or why it could not be. Only worth it
   * off the importing thread: the item may turn out unchanged, or a new version of a story whose state it keeps.
   */
  draft?: Draft;
}

export type Draft = { write: ArticleWrite; print: Fingerprint } | { error: string };

export interface ReadDocument {
  items: IncomingItem[];
  rejected: Rejection[];
}

/**
 * The items of one document (`file` names it in rejections). A malformed document, a document of another format
 * than its source sends, or a malformed item is rejected with its reason; the other items are read.
 */
export function readWireDocument(input: string | Buffer, file: string, defaults: WireDefaults, source: WireSource | null): ReadDocument {
  let document: ParsedDocument;
  try {
    document = parseWireDocument(input);
    if (source?.format && document.format !== source.format) {
      throw new WireFormatError(`${source.name} is set to send ${source.format}; this document is ${document.format}`);
    }
  } catch (error) {
    if (!(error instanceof WireFormatError)) throw error;
    return { items: [], rejected: [{ file, line: 0, message: error.message }] };
  }
  const rejected: Rejection[] = document.errors.map((e) => ({ file, line: 0, item: e.index + 1, message: e.message }));
  const items: IncomingItem[] = [];
  for (const [index, item] of document.items.entries()) {
    try {
      const articleInput = wireItemToInput(item, defaults);
      items.push({
        file,
        format: document.format,
        item: index + 1,
        input: articleInput,
        id: articleInput.id!,
        guid: item.guid,
        version: item.version,
        subjects: item.subjects,
        inputHash: wireInputHash(articleInput),
      });
    } catch (error) {
      rejected.push({ file, line: 0, item: index + 1, message: describe(error) });
    }
  }
  return { items, rejected };
}

/** The story an item would be if it were new, prepared at `now`, with its fingerprint; or why it is invalid. */
export function draftItem(item: IncomingItem, now: Date): Draft {
  try {
    const write = prepareArticle(item.input, { now, newId: randomUUID });
    return { write, print: fingerprintOf(write) };
  } catch (error) {
    return { error: describe(error) };
  }
}

/** What near-duplicates are told apart by: the headline and the body's text. */
export function fingerprintOf(write: ArticleWrite): Fingerprint {
  return fingerprint(`${write.headline}\n${sanitizedBodyText(write.bodyHtml)}`);
}
