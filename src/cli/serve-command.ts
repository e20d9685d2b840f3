import { seedDemoIfEmpty } from '../demo/index.js';
import { createApp } from '../server/app.js';
import type { Config } from '../server/config.js';
import { openServices } from './open.js';

export async function serveCommand(config: Config, options: { port?: number; demo?: boolean }): Promise<void> {
  const services = await openServices(config);
  if (options.demo) {
    const added = await seedDemoIfEmpty(services.store, services.publisher, services.clock);
    if (added) console.log(`Loaded ${added} demo stories.`);
  }
  const port = options.port ?? config.port;
  const publicUrl = process.env.NEWSDESK_URL ? config.publicUrl : `http://localhost:${port}`;
  const app = await createApp({ services, publicUrl, logger: false, jobs: true });
  const shutdown = async () => {
    await app.close();
    await services.store.close();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port, host: config.host });
  console.log(`Newsdesk is running at ${publicUrl} (${services.store.engineName})`);
}
