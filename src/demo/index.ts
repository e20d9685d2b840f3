/**
 * Demo content for a first run: when the store has no stories, `newsdesk serve --demo` fills it with the demo
 * newsroom's original stories, dated relative to now so the site always looks live.
 */
import type { Clock } from '../domain/clock.js';
import { EDITORS_PICKS } from '../curation/index.js';
import type { Publisher } from '../newsroom/publisher.js';
import type { Store } from '../store/index.js';
import { EDITORS_PICKS_IDS, demoArticles, demoEditionSettings } from './content.js';

/** Loads the demo into an empty store; returns how many stories it added (0 when the store already had news). */
export async function seedDemoIfEmpty(store: Store, publisher: Publisher, clock: Clock): Promise<number> {
  if ((await store.articles.countPublished()) > 0) return 0;
  await store.settings.saveEdition(demoEditionSettings);
  const { changedIds } = await publisher.publish(demoArticles(clock.now()));
  await store.collections.put(
    { slug: EDITORS_PICKS, name: "Editor's Picks" },
    EDITORS_PICKS_IDS.map((articleId) => ({ articleId })),
  );
  return changedIds.length;
}
