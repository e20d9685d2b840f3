/**
 * Checks every article page of an imported archive for the parts of the seed page, as a reader would see it on a
 * pinned day, and times uncached renders. Usage (after `npm run bench:article` has imported the Reuters corpus):
 *
 *   npm run bench:pages                       # every page visible at 1987-03-11T18:00Z
 *   npm run bench:pages -- --store FILE.sqlite --now 1987-03-11T18:00:00Z --every 1
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fixedClock } from '../src/domain/clock.js';
import { createApp, createServices } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';
import { seedPageParts } from '../test/support/seed-page.js';

const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    now: { type: 'string', default: '1987-03-11T18:00:00Z' },
    every: { type: 'string', default: '1' },
  },
});

const workDir = path.resolve('bench/.work');
const storeFile =
  values.store ??
  fs
    .readdirSync(workDir)
    .filter((name) => /^part-000-all-.*\.sqlite$/.test(name))
    .map((name) => path.join(workDir, name))[0];
if (!storeFile || !fs.existsSync(storeFile)) throw new Error('no imported store: run `npm run bench:article` first or pass --store');

const now = new Date(values.now);
const store = openStore({ sqliteFile: storeFile });
const services = createServices(store, fixedClock(now), path.dirname(storeFile));
const app = await createApp({ services, publicUrl: 'http://localhost:3000', cacheTtlMs: 0 });
const timeZone = (await store.settings.edition()).timeZone;
const { articlePath } = await import('../src/domain/article.js');

const stories = await store.articles.list({ now: now.toISOString(), limit: 100_000 });
const every = Math.max(1, Number(values.every));
const lists = ['related', 'topNews', 'hotTopics', 'editorsPicks'] as const;
const fewest = Object.fromEntries(lists.map((l) => [l, Infinity])) as Record<(typeof lists)[number], number>;
let checked = 0;
const failures: string[] = [];
const started = performance.now();
for (let i = 0; i < stories.length; i += every) {
  const url = articlePath(stories[i]!, timeZone);
  const page = await app.inject(url);
  const parts = seedPageParts(page.body);
  checked++;
  for (const list of lists) fewest[list] = Math.min(fewest[list], parts[list]);
  const missing = [
    ...(['headline', 'updated', 'source', 'share', 'breadcrumb'] as const).filter((p) => !parts[p]),
    ...lists.filter((l) => parts[l] < 3),
  ];
  if (page.statusCode !== 200 || missing.length) failures.push(`${url}: ${page.statusCode} missing ${missing.join(', ')}`);
}
const ms = performance.now() - started;
console.log(`store: ${storeFile}`);
console.log(`now: ${now.toISOString()}, stories visible: ${stories.length}`);
console.log(`pages checked: ${checked}`);
console.log(`pages missing a part: ${failures.length}`);
for (const failure of failures.slice(0, 20)) console.log(`  ${failure}`);
console.log(`fewest entries: ${lists.map((l) => `${l} ${fewest[l]}`).join(', ')}`);
console.log(`uncached render: ${(ms / checked).toFixed(1)} ms/page (sequential, in-process)`);
await app.close();
await store.close();
process.exitCode = failures.length ? 1 : 0;
