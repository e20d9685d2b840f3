import { ValidationError } from '../domain/errors.js';
import { formatStamp } from '../domain/edition.js';
import type { Config } from '../server/config.js';
import { openServices } from './open.js';

export interface SourceAddOptions {
  name: string;
  section: string;
  trust: string;
  url?: string;
  dir?: string;
  interval?: string;
  credit?: string;
  format?: string;
}

/**
 * `newsdesk source add`: registers a source. A pushing source prints its endpoint and token (shown once); a feed
 * URL or drop folder is polled by `newsdesk serve` from then on.
 */
export async function sourceAddCommand(config: Config, options: SourceAddOptions) {
  if (options.url && options.dir) throw new ValidationError('give --url or --dir, not both');
  const kind = options.url ? 'url' : options.dir ? 'directory' : 'push';
  const services = await openServices(config);
  try {
    const { source, token } = await services.sources.add({
      name: options.name,
      section: options.section,
      trust: options.trust,
      kind,
      location: options.url ?? options.dir,
      pollSeconds: options.interval,
      credit: options.credit,
      format: options.format,
    });
    console.log(`Added source ${source.id} (${source.trust}, section ${source.section}).`);
    if (token) {
      console.log(`Push to: ${config.publicUrl}/api/v1/ingest/${source.id}`);
      console.log(`Authorization: Bearer ${token}`);
    } else {
      console.log(`Polls ${source.location} every ${source.pollSeconds} s while newsdesk serve runs.`);
    }
  } finally {
    await services.store.close();
  }
}

/** `newsdesk source list`: every source with how it is faring, one a line. */
export async function sourceListCommand(config: Config) {
  const services = await openServices(config);
  try {
    const timeZone = (await services.store.settings.edition()).timeZone;
    const sources = await services.sources.overview();
    if (!sources.length) console.log('No sources.');
    for (const s of sources) {
      const where = s.kind === 'push' ? `push to /api/v1/ingest/${s.id}` : `${s.kind === 'url' ? 'feed' : 'folder'} ${s.location}`;
      const health =
        s.kind === 'push'
          ? ''
          : s.health.failures
            ? ` · failing ×${s.health.failures}: ${s.health.lastError}`
            : s.health.succeededAt
              ? ` · ok, last good ${formatStamp(s.health.succeededAt, timeZone)}`
              : ' · not checked yet';
      console.log(`${s.id}\t${s.trust}\t${s.section}\t${where}${health} · ${s.queue.new} waiting`);
    }
  } finally {
    await services.store.close();
  }
}
