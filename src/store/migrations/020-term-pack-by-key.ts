import { type Kysely, type Migration, sql } from 'kysely';
import { supportsClusteredTables } from '../dialects/clustered-tables.js';

/**
 * Each story's packed terms (`article_term_pack`) are filed by the story's integer key instead of its id. Keys are
 * handed out in the order stories are indexed, so an import appends its packs at the end of the table; filed by
 * the random ids, every commit rewrote pages all over it (about 8 of the 45 MB a late Reuters import commit writes).
 * Deleting a story deletes its key and, with it, its pack.
 */
export const termPackByKeyMigration: Migration = {
  async up(db: Kysely<any>) {
    // SQLite runs migrations outside a transaction; this one replaces a table, so it must land whole.
    if (supportsClusteredTables(db)) await db.transaction().execute((trx) => rebuild(trx));
    else await rebuild(db);
  },
};

async function rebuild(db: Kysely<any>): Promise<void> {
  await sql`insert into article_key (article_id) select article_id from article_term_pack where true
    on conflict (article_id) do nothing`.execute(db);
  await sql`create table article_term_pack_new (
    article_key integer not null references article_key (key) on delete cascade,
    terms text not null,
    constraint article_term_pack_key_pk primary key (article_key)
  )`.execute(db);
  await sql`insert into article_term_pack_new (article_key, terms)
    select k.key, p.terms from article_term_pack p join article_key k on k.article_id = p.article_id`.execute(db);
  await sql`drop table article_term_pack`.execute(db);
  await sql`alter table article_term_pack_new rename to article_term_pack`.execute(db);
}
