import { type Services, createServices } from '../server/app.js';
import type { Config } from '../server/config.js';
import { openStore } from '../store/index.js';

/** Opens and migrates the store the configuration names, and wires the services over it. */
export async function openServices(config: Config): Promise<Services> {
  const store = openStore(config.store);
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return createServices(store, config.clock, config.dataDir);
}
