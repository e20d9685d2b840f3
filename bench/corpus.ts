/** Corpus helpers shared by the benchmarks: slicing a corpus, turning it into wire feeds, printing an import's progress. */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ImportProgress } from '../src/ingest/importer.js';

/**
 * Copies the lines of `source` up to and including its `limit`-th non-blank line to `target` (so line numbers stay
 * the same); returns how many records it copied.
 */
export async function firstRecords(source: string, limit: number, target: string): Promise<number> {
  const lines = readline.createInterface({ input: fs.createReadStream(source, { encoding: 'utf8' }), crlfDelay: Infinity });
  const out = fs.createWriteStream(target, { encoding: 'utf8' });
  let records = 0;
  try {
    for await (const line of lines) {
      if (records >= limit) break;
      if (line.trim()) records++;
      if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  } finally {
    lines.close();
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  return records;
}

/** Tag lists of a corpus record that the JSON Lines importer reads as topics (`corpus-record.ts`); kept as feed tags. */
const TAG_FIELDS = ['topics', 'people', 'orgs'] as const;

export interface FeedCorpus {
  /** The JSON Feed documents, in corpus order. */
  files: string[];
  records: number;
  bytes: number;
}

/**
 * Writes the first `limit` records of a JSON Lines corpus (all when null) to `dir` as JSON Feed 1.1 documents of
 * `perDocument` items each: what an agency's feed would carry. The item id (the wire GUID) is the record's id; the
 * title, the body (as `content_text`, which the importer turns into paragraphs exactly as it does a corpus record's
 * body), the date (without a zone in the corpus, which means UTC), the language and the tags go along. Records
 * without a title or body stay in, so the importer rejects them as it would from a wire.
 */
export async function writeJsonFeeds(source: string, dir: string, limit: number | null, perDocument: number): Promise<FeedCorpus> {
  const lines = readline.createInterface({ input: fs.createReadStream(source, { encoding: 'utf8' }), crlfDelay: Infinity });
  const corpus: FeedCorpus = { files: [], records: 0, bytes: 0 };
  let items: unknown[] = [];
  const writeDocument = () => {
    if (!items.length) return;
    const file = path.join(dir, `feed-${String(corpus.files.length + 1).padStart(4, '0')}.json`);
    const text = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: path.basename(source), items });
    fs.writeFileSync(file, text);
    corpus.files.push(file);
    corpus.bytes += Buffer.byteLength(text);
    items = [];
  };
  try {
    for await (const line of lines) {
      if (limit !== null && corpus.records >= limit) break;
      if (!line.trim()) continue;
      items.push(feedItem(JSON.parse(line) as Record<string, unknown>));
      corpus.records++;
      if (items.length >= perDocument) writeDocument();
    }
  } finally {
    lines.close();
  }
  writeDocument();
  return corpus;
}

function feedItem(record: Record<string, unknown>) {
  const text = (field: string) => (typeof record[field] === 'string' && record[field] ? (record[field] as string) : undefined);
  const date = text('date');
  const tags = TAG_FIELDS.flatMap((field) => (Array.isArray(record[field]) ? (record[field] as string[]) : []));
  const author = text('author');
  return {
    id: String(record.id),
    title: text('title'),
    content_text: text('body'),
    date_published: date && !/(Z|[+-]\d{2}:?\d{2})$/i.test(date) ? `${date}Z` : date,
    language: text('lang'),
    tags: tags.length ? tags : undefined,
    authors: author ? [{ name: author }] : undefined,
  };
}

/** Progress on stderr, one line per phase and per 10 %. */
export function progressPrinter(label: string) {
  let phase: ImportProgress['phase'] | null = null;
  let nextPercent = 0;
  return (p: ImportProgress) => {
    if (p.phase !== phase) {
      phase = p.phase;
      nextPercent = 0;
    }
    const percent = p.total ? Math.floor((p.done / p.total) * 100) : 100;
    if (percent < nextPercent) return;
    console.error(`  ${label}: ${p.phase} ${percent}% (${p.done}/${p.total}${p.phase === 'reading' ? ' bytes' : ' stories'})`);
    nextPercent = Math.floor(percent / 10) * 10 + 10;
  };
}
