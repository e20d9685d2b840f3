/**
 * Migration 015 on an existing database, on both engines: each story's stored mentions are packed into one row of
 * `article_mention_pack`, a refresh then ranks exactly what ranking the same mentions in memory gives, running the
 * migration again changes nothing, and the window index of migration 014 is gone.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { HotTopicsIndex } from '../../src/curation/hot-topics.js';
import { byArticle, rankHotTopics, type TopicObservation } from '../../src/curation/hot/index.js';
import { mentionPackMigration } from '../../src/store/migrations/015-mention-pack.js';
import { type DatabaseBefore, databaseBefore, insertPlainStory } from '../support/database-before.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const NOW = new Date('2015-08-08T12:00:00Z');
const hoursAgo = (h: number) => NOW.getTime() - h * 3_600_000;

/** Stories of the last day: a typhoon in the last hours, the usual news before; `old` is outside the window. */
const stories: { id: string; at: number; mentions: [key: string, label: string, inHeadline: boolean][] }[] = [
  ...[2.5, 2, 1.2, 0.5].map((h, i) => ({
    id: `typhoon-${i}`,
    at: hoursAgo(h),
    mentions: [
      ['typhoon soudelor', 'Typhoon Soudelor', true],
      ['soudelor', 'Soudelor', true],
      ['taiwan', 'Taiwan', i % 2 === 0],
      ['power', 'power', false],
    ] as [string, string, boolean][],
  })),
  ...Array.from({ length: 12 }, (_, i) => ({
    id: `base-${String(i).padStart(2, '0')}`,
    at: hoursAgo(4 + i * 1.5),
    mentions: [
      ['budget', 'budget', i % 3 === 0],
      ['interest rates', 'interest rates', true],
      [`club ${i % 4}`, `Club ${i % 4}`, false],
    ] as [string, string, boolean][],
  })),
  { id: 'old', at: hoursAgo(40), mentions: [['typhoon soudelor', 'Typhoon Soudelor', true]] },
];

const observations: TopicObservation[] = stories.flatMap((s) =>
  s.mentions.map(([key, label, inHeadline], span) => ({ articleId: s.id, at: s.at, key, label, inHeadline, kind: 'phrase' as const, span, length: key.split(' ').length })),
);

/** A database of the chosen engine at the schema before 015, holding the stories and their mentions. */
async function existingDatabase(engine: 'sqlite' | 'postgres'): Promise<DatabaseBefore> {
  const existing = await databaseBefore(engine, '015');
  cleanups.push(async () => existing.dispose());
  const db = existing.raw();
  await db.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
  for (const { id, at, mentions } of stories) {
    const when = new Date(at).toISOString();
    await insertPlainStory(db, id, when);
    await db
      .insertInto('article_mention')
      .values(
        mentions.map(([key, label, inHeadline], span) => ({
          article_id: id, key, slug: key.replace(/ /g, '-'), label, kind: 'phrase', in_headline: inHeadline ? 1 : 0, span, length: key.split(' ').length, published_at: when,
        })),
      )
      .execute();
  }
  await db.destroy();
  return existing;
}

async function indexNames(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<string[]> {
  const rows =
    engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(db);
  return rows.rows.map((r) => r.name);
}

describe('migration 015 (mentions packed per story) on an existing database', () => {
  for (const engine of engines) {
    it(`${engine.name}: packs the stored mentions, and a refresh ranks as from the mentions themselves`, async () => {
      const existing = await existingDatabase(engine.name);
      const store = existing.open();
      const db = existing.raw();
      try {
        expect(await indexNames(db, engine.name)).toContain('article_mention_window');
        expect(await store.migrate()).toContain('015-mention-pack');
        expect(await indexNames(db, engine.name)).not.toContain('article_mention_window');

        const packed = await db.selectFrom('article_mention_pack').selectAll().orderBy('article_id').execute();
        expect(packed).toHaveLength(stories.length);
        // Lead-only keys first, then by key.
        expect(packed.find((r) => r.article_id === 'typhoon-1')).toEqual({
          article_id: 'typhoon-1',
          published_at: new Date(hoursAgo(2)).toISOString(),
          keys: ['power', 'taiwan', 'soudelor', 'typhoon soudelor'].join('\x1e'),
          in_headline: '0011',
          labels: ['power', 'Taiwan', 'Soudelor', 'Typhoon Soudelor'].join('\x1e'),
        });

        const listed = await new HotTopicsIndex(store).list(NOW, 8);
        const expected = rankHotTopics(byArticle(observations), NOW);
        expect(listed[0]!.key).toBe('typhoon soudelor');
        expect(listed.map(({ slug: _, ...topic }) => topic)).toEqual(expected);

        await mentionPackMigration.up(db);
        expect(await db.selectFrom('article_mention_pack').selectAll().orderBy('article_id').execute()).toEqual(packed);
      } finally {
        await store.close();
        await db.destroy();
      }
    });
  }
});
