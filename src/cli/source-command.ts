import type { Config } from '../server/config.js';
import { openServices } from './open.js';

/** `newsdesk source add`: registers a pushing source and prints its token and endpoint. */
export async function sourceAddCommand(config: Config, options: { name: string; section: string; trust: string }) {
  const services = await openServices(config);
  try {
    const { source, token } = await services.sources.add(options);
    console.log(`Added source ${source.id} (${source.trust}, section ${source.section}).`);
    console.log(`Push to: ${config.publicUrl}/api/v1/ingest/${source.id}`);
    console.log(`Authorization: Bearer ${token}`);
  } finally {
    await services.store.close();
  }
}
