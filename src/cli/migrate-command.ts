import type { Config } from '../server/config.js';
import { openStore } from '../store/index.js';

export async function migrateCommand(config: Config): Promise<void> {
  const store = openStore(config.store);
  try {
    const applied = await store.migrate();
    console.log(applied.length ? `Applied ${applied.join(', ')} (${store.engineName})` : `Schema is up to date (${store.engineName})`);
  } finally {
    await store.close();
  }
}
