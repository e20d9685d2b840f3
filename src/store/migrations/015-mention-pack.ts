import type { Kysely, Migration, Transaction } from 'kysely';
import { packMentions } from '../mention-repository.js';

/** Stories packed per statement while the table is filled from `article_mention`. */
const STORIES_PER_STEP = 2_000;

/**
 * Each story's mentions packed in one row (`article_mention_pack`: keys, headline flags and labels as Hot Topics
 * ranks them), written with its `article_mention` rows. A refresh with 100,000 stories in its window read 2.7
 * million index entries and had the database group and pack them, about 1 s of its 1.7-1.9 s of CPU; reading the
 * 100,000 packed rows takes about 0.4 s (bench/RESULTS.md). The rows are built here from the stored mentions (11 s
 * for 100,000 stories). The window's covering index of migration 014 then serves no query (topic pages read
 * mentions by slug), so it is dropped rather than written on every index.
 *
 * Each step may run again: SQLite runs migrations outside a transaction, so the table is filled in one of its own,
 * from scratch; on PostgreSQL the migration already runs in one.
 */
export const mentionPackMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('article_mention_pack')
      .ifNotExists()
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('article.id').onDelete('cascade'))
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('keys', 'text', (c) => c.notNull())
      .addColumn('in_headline', 'text', (c) => c.notNull())
      .addColumn('labels', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('article_mention_pack_by_time').ifNotExists().on('article_mention_pack').column('published_at').execute();
    if (db.isTransaction) await fill(db as Transaction<any>);
    else await db.transaction().execute(fill);
    await db.schema.dropIndex('article_mention_window').ifExists().execute();
  },
};

async function fill(trx: Transaction<any>): Promise<void> {
  await trx.deleteFrom('article_mention_pack').execute();
  for (let after = ''; ; ) {
    const ids: { article_id: string }[] = await trx
      .selectFrom('article_mention')
      .select('article_id')
      .distinct()
      .where('article_id', '>', after)
      .orderBy('article_id')
      .limit(STORIES_PER_STEP)
      .execute();
    if (!ids.length) return;
    const last = ids[ids.length - 1]!.article_id;
    const rows: { article_id: string; published_at: string; key: string; label: string; in_headline: number }[] = await trx
      .selectFrom('article_mention')
      .select(['article_id', 'published_at', 'key', 'label', 'in_headline'])
      .where('article_id', '>', after)
      .where('article_id', '<=', last)
      .execute();
    const byStory = new Map<string, typeof rows>();
    for (const r of rows) {
      const story = byStory.get(r.article_id);
      if (story) story.push(r);
      else byStory.set(r.article_id, [r]);
    }
    const packs = [...byStory].map(([id, story]) => ({ article_id: id, published_at: story[0]!.published_at, ...packMentions(story) }));
    for (let i = 0; i < packs.length; i += 500) await trx.insertInto('article_mention_pack').values(packs.slice(i, i + 500)).execute();
    after = last;
  }
}
