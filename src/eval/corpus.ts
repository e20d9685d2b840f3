/**
 * Timestamped evaluation corpora: JSON Lines records (id, title, body, date, story_cluster_id) from one or more
 * files, merged into one stream in time order. Undated records cannot be replayed and are skipped (and counted).
 */
import { readFile } from 'node:fs/promises';

export interface CorpusRecord {
  id: string;
  title: string;
  body: string | null;
  lang: string | undefined;
  /** Epoch milliseconds. */
  at: number;
  /** The story the record belongs to, when the corpus says; only the scorer may look at it. */
  storyClusterId: string | null;
  /** Which file it came from (0-based, in the order given). */
  file: number;
}

export interface LoadedCorpus {
  records: CorpusRecord[];
  perFile: { path: string; read: number; undated: number; shiftMs: number }[];
}

export interface LoadOptions {
  /**
   * Shift each file after the first so that its first dated record falls at the first file's first dated record:
   * corpora from other years can then serve as distractors inside the first one's time span.
   */
  alignStarts?: boolean;
}

/** Reads a date the way the corpora write it: ISO 8601, and one without an offset is UTC. */
export function parseCorpusDate(value: unknown): number | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const text = value.trim();
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) || !text.includes('T');
  const ms = Date.parse(hasZone ? text : `${text}Z`);
  return Number.isFinite(ms) ? ms : null;
}

export function parseCorpusLines(text: string, file: number): { records: CorpusRecord[]; undated: number } {
  const records: CorpusRecord[] = [];
  let undated = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const raw = JSON.parse(line) as Record<string, unknown>;
    const at = parseCorpusDate(raw.date);
    if (at === null) {
      undated++;
      continue;
    }
    records.push({
      id: String(raw.id ?? `${file}-${records.length}`),
      title: typeof raw.title === 'string' ? raw.title : '',
      body: typeof raw.body === 'string' ? raw.body : null,
      lang: typeof raw.lang === 'string' ? raw.lang : undefined,
      at,
      storyClusterId: typeof raw.story_cluster_id === 'string' ? raw.story_cluster_id : null,
      file,
    });
  }
  return { records, undated };
}

export async function loadCorpora(paths: string[], options: LoadOptions = {}): Promise<LoadedCorpus> {
  const all: CorpusRecord[] = [];
  const perFile: LoadedCorpus['perFile'] = [];
  let firstStart: number | null = null;
  for (const [file, path] of paths.entries()) {
    const { records, undated } = parseCorpusLines(await readFile(path, 'utf8'), file);
    const start = records.reduce((min, r) => Math.min(min, r.at), Infinity);
    let shiftMs = 0;
    if (Number.isFinite(start)) {
      if (firstStart === null) firstStart = start;
      else if (options.alignStarts) shiftMs = firstStart - start;
    }
    for (const r of records) all.push(shiftMs ? { ...r, at: r.at + shiftMs } : r);
    perFile.push({ path, read: records.length + undated, undated, shiftMs });
  }
  all.sort((a, b) => a.at - b.at || a.file - b.file);
  return { records: all, perFile };
}
