/**
 * Migration 016 on an existing database, on both engines: index `article_visibility` holds each story's id, status
 * and embargo; Hot Topics' window still reads exactly the stories visible at the instant (published, embargo over),
 * and on SQLite it looks their status and embargo up in that index, not in the article rows behind their long
 * bodies; running the migration again changes nothing.
 */
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { articleVisibilityIndexMigration } from '../../src/store/migrations/016-article-visibility-index.js';
import { databaseBefore } from '../support/database-before.js';
import { enginesUnderTest } from '../support/engines.js';

const engines = await enginesUnderTest();
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const NOW = new Date('2015-08-08T12:00:00Z');
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
const FROM = at(27);
const LABELS_FROM = at(3);

/** Stories of every visibility; only those named `visible…` are in the window at NOW. */
const stories: { id: string; status: string; publishedAt: string; embargoUntil: string | null }[] = [
  { id: 'visible', status: 'published', publishedAt: at(1), embargoUntil: null },
  { id: 'visible-embargo-over', status: 'published', publishedAt: at(5), embargoUntil: at(4) },
  { id: 'embargoed', status: 'published', publishedAt: at(2), embargoUntil: at(-1) },
  { id: 'draft', status: 'draft', publishedAt: at(2), embargoUntil: null },
  { id: 'unpublished', status: 'unpublished', publishedAt: at(6), embargoUntil: null },
  { id: 'too-old', status: 'published', publishedAt: at(30), embargoUntil: null },
];

/** A body longer than a 4 KB SQLite page holds, as news stories are, so its row spills onto overflow pages. */
const longBody = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} of a long story about the typhoon and its aftermath.</p>`).join('\n');

/** A database of the chosen engine at the schema before 016, holding the stories and their mentions. */
async function existingDatabase(engine: 'sqlite' | 'postgres'): Promise<{ store: Store; db: Kysely<any>; sqliteFile?: string }> {
  const existing = await databaseBefore(engine, '016');
  cleanups.push(async () => existing.dispose());
  const db = existing.raw();
  const store = existing.open();
  const { sqliteFile } = existing;
  await db.insertInto('section').values({ id: 'news', slug: 'news', name: 'News', position: 1 }).execute();
  for (const s of stories) {
    await db
      .insertInto('article')
      .values({
        id: s.id, slug: s.id, headline: s.id, body_html: longBody, section_id: 'news', language: 'en', status: s.status, priority: 0,
        published_at: s.publishedAt, first_published_at: s.publishedAt, embargo_until: s.embargoUntil, updated_at: s.publishedAt,
        revision: 1, content_hash: s.id, created_at: s.publishedAt,
      })
      .execute();
  }
  await store.mentions.replace(
    new Map(
      stories.map((s) => [
        s.id,
        { publishedAt: s.publishedAt, mentions: [{ key: 'soudelor', slug: 'soudelor', label: 'Soudelor', kind: 'name', inHeadline: true, span: 0, length: 1 }] },
      ]),
    ),
  );
  return { store, db, ...(sqliteFile ? { sqliteFile } : {}) };
}

async function indexColumns(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<string[]> {
  if (engine === 'sqlite') {
    return (await sql<{ name: string }>`select name from pragma_index_info('article_visibility') order by seqno`.execute(db)).rows.map((r) => r.name);
  }
  const rows = await sql<{ column: string }>`
    select a.attname as "column"
    from pg_index i
    join pg_class c on c.oid = i.indexrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where c.relname = 'article_visibility'
    order by k.position`.execute(db);
  return rows.rows.map((r) => r.column);
}

describe('migration 016 (article visibility index) on an existing database', () => {
  for (const engine of engines) {
    it(`${engine.name}: indexes each story's status and embargo, and the window reads the same stories`, async () => {
      const { store, db, sqliteFile } = await existingDatabase(engine.name);
      try {
        const windowIds = async () => (await store.mentions.window(FROM, LABELS_FROM, NOW.toISOString())).map((m) => m.articleId).sort();
        const before = await windowIds();
        expect(before).toEqual(['visible', 'visible-embargo-over']);
        expect(await indexColumns(db, engine.name)).toEqual([]);

        expect(await store.migrate()).toContain('016-article-visibility-index');
        expect(await indexColumns(db, engine.name)).toEqual(['id', 'status', 'embargo_until']);
        expect(await windowIds()).toEqual(before);

        if (sqliteFile) {
          const compiled = store.mentions.windowQuery(FROM, LABELS_FROM, NOW.toISOString()).compile();
          const connection = new Database(sqliteFile, { readonly: true });
          try {
            const plan = (connection.prepare(`explain query plan ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((r) => r.detail);
            expect(plan).toContainEqual(expect.stringMatching(/^SEARCH a USING COVERING INDEX article_visibility \(id=\?/));
          } finally {
            connection.close();
          }
        }

        await articleVisibilityIndexMigration.up(db);
        expect(await indexColumns(db, engine.name)).toEqual(['id', 'status', 'embargo_until']);
        expect(await windowIds()).toEqual(before);
      } finally {
        await store.close();
        await db.destroy();
      }
    });
  }
});
