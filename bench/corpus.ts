/** Corpus helpers shared by the benchmarks. */
import fs from 'node:fs';
import readline from 'node:readline';

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
