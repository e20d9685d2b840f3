/**
 * Process plumbing the capabilities share: starting a worker thread on one of Newsdesk's own modules, whether
 * Newsdesk runs compiled (`dist/`) or from its TypeScript sources through tsx, as the tests and benchmarks run it.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What a worker sends back for an error it caught: its stack when it has one, so the thread that reports it can say where. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * A worker running `name` (a module's file name without extension) from the folder of `importerUrl`, the
 * `import.meta.url` of the module that starts it: its `.js` when compiled, its `.ts` through tsx otherwise.
 */
export function startModuleWorker(importerUrl: string, name: string): Worker {
  const here = fileURLToPath(importerUrl);
  const entry = path.join(path.dirname(here), `${name}${path.extname(here)}`);
  if (entry.endsWith('.js')) return new Worker(entry);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); })`;
  return new Worker(bootstrap, { eval: true });
}
