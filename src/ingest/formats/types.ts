/** The normalised shape every wire and syndication format is parsed into. */

export type WireFormat = 'rss' | 'rdf' | 'atom' | 'jsonfeed' | 'ninjs' | 'newsml-g2' | 'nitf';

export const wireFormats: readonly WireFormat[] = ['rss', 'rdf', 'atom', 'jsonfeed', 'ninjs', 'newsml-g2', 'nitf'];

export interface WireImage {
  url: string;
  alt: string | null;
  caption: string | null;
  credit: string | null;
}

export interface WireItem {
  /** The item's identity: RSS guid (else link), Atom id, JSON Feed id, ninjs uri/guid, NewsML-G2 guid, NITF doc-id;
   * derived from link, headline and date (`sha-…`) when the item has none. */
  guid: string;
  /** NewsML-G2 @version, ninjs version, else null. */
  version: number | null;
  /** Plain text. */
  headline: string;
  /** The body as HTML, not sanitized (the caller sanitizes); plain-text bodies become escaped <p> paragraphs. */
  bodyHtml: string;
  /** Plain text: a summary or description distinct from the body. */
  standfirst: string | null;
  byline: string | null;
  dateline: string | null;
  slugline: string | null;
  located: string | null;
  language: string | null;
  /** Human-readable subject and category names (codes when a subject has no name). */
  subjects: string[];
  /** 1 (most urgent) … 9. */
  urgency: number | null;
  /** ISO 8601 UTC. */
  publishedAt: string | null;
  updatedAt: string | null;
  embargoUntil: string | null;
  link: string | null;
  /** Provider, credit or author organisation when the item states one. */
  source: string | null;
  images: WireImage[];
}

export interface ItemError {
  /** The item's position in the document (0-based, in document order). */
  index: number;
  guid: string | null;
  message: string;
}

export interface ParsedDocument {
  format: WireFormat;
  items: WireItem[];
  errors: ItemError[];
}

export interface ParseLimits {
  /** Largest document accepted, in bytes (default 5 MiB). */
  maxBytes?: number;
  /** Items parsed per document; the rest are reported as one item error (default 1000). */
  maxItems?: number;
  /** Largest single item, in bytes of its source (default 1 MiB); a larger item is an item error. */
  maxItemBytes?: number;
}

export const defaultLimits: Required<ParseLimits> = {
  maxBytes: 5 * 1024 * 1024,
  maxItems: 1000,
  maxItemBytes: 1024 * 1024,
};
