/** Corpus helpers shared by the benchmarks: slicing a corpus, printing an import's progress. */
import fs from 'node:fs';
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
