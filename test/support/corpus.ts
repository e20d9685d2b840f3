/** Slices of the shared corpora (never copied into the repository), written to temporary files for import tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedData = path.resolve(process.env.NEWSDESK_SHARED_DATA ?? path.join(repoRoot, '../shared/data'));

export function corpusFile(name: string): string {
  const file = path.join(sharedData, name, 'part-000.jsonl');
  if (!fs.existsSync(file)) throw new Error(`corpus ${name} not found at ${file}; set NEWSDESK_SHARED_DATA`);
  return file;
}

/** Lines [from, to) (1-based, `to` exclusive) of a corpus, in a temporary file. */
export function corpusSlice(name: string, from: number, to: number): string {
  const lines = fs.readFileSync(corpusFile(name), 'utf8').split('\n').slice(from - 1, to - 1);
  return tempFile(`${name}-${from}-${to}.jsonl`, `${lines.join('\n')}\n`);
}

export function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-corpus-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
