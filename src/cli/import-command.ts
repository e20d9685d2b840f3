import { SingleBar } from 'cli-progress';
import type { RelateOn } from '../curation/index.js';
import { type PrepareOn, defaultPrepareOn } from '../ingest/document-preparation.js';
import type { ImportProgress } from '../ingest/importer.js';
import type { Config } from '../server/config.js';
import { openServices } from './open.js';

export interface ImportCommandOptions {
  section: string;
  source?: string;
  prepareOn?: PrepareOn;
  relateOn?: RelateOn;
}

export async function importCommand(config: Config, paths: string[], options: ImportCommandOptions): Promise<void> {
  const services = await openServices(config);
  const { importer } = services;
  const progress = progressReporter();
  try {
    const source = options.source ? await services.sources.get(options.source) : null;
    const started = Date.now();
    const summary = await importer.importFiles(paths, {
      defaults: { section: options.section },
      source,
      onProgress: progress.update,
      prepareOn: options.prepareOn ?? defaultPrepareOn(),
      relateOn: options.relateOn,
    });
    progress.stop();
    for (const r of summary.rejected) console.error(`${r.file}${r.item ? ` item ${r.item}` : r.line ? `:${r.line}` : ''}: ${r.message}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Imported in ${seconds}s: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ` +
        `${summary.duplicate} duplicate, ${summary.queued ? `${summary.queued} queued, ` : ''}${summary.rejected.length} rejected.`,
    );
  } finally {
    progress.stop();
    await services.store.close();
  }
}

/** A progress bar on a terminal; silence when output goes to a file or a pipe. */
function progressReporter() {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: '{phase} [{bar}] {percentage}% | {value}/{total}',
    stream: process.stderr,
    hideCursor: true,
  });
  let phase: ImportProgress['phase'] | null = null;
  let running = false;
  return {
    update(p: ImportProgress) {
      if (p.phase !== phase) {
        if (running) bar.stop();
        phase = p.phase;
        bar.start(p.total, p.done, { phase: p.phase === 'reading' ? 'Reading ' : 'Relating' });
        running = true;
      } else bar.update(p.done);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
