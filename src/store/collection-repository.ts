/** Collections: ordered, curated lists such as Editor's Picks, whose items may expire. */
import type { Kysely } from 'kysely';
import type { ArticleSummary } from '../domain/article.js';
import { slugify } from '../domain/slug.js';
import type { Database } from './schema.js';
import { selectSummaries, toSummary } from './summaries.js';

export interface CollectionInput {
  slug: string;
  name: string;
  sectionId?: string | null;
}

export interface CollectionItemInput {
  articleId: string;
  expiresAt?: string | null;
}

export class CollectionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates or renames the collection `slug` and replaces its items, in one transaction. */
  async put(collection: CollectionInput, items: CollectionItemInput[]): Promise<void> {
    const id = slugify(collection.slug);
    const name = collection.name;
    const sectionId = collection.sectionId ?? null;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('collection')
        .values({ id, slug: id, name, section_id: sectionId })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name, section_id: sectionId }))
        .execute();
      await trx.deleteFrom('collection_item').where('collection_id', '=', id).execute();
      if (items.length) {
        await trx
          .insertInto('collection_item')
          .values(
            items.map((item, position) => ({
              collection_id: id,
              article_id: item.articleId,
              position,
              expires_at: item.expiresAt ?? null,
            })),
          )
          .execute();
      }
    });
  }

  /** The collection's unexpired items that are visible at `now`, in the editors' order. */
  async items(slug: string, now: string, limit: number): Promise<ArticleSummary[]> {
    const rows = await selectSummaries(this.db, now)
      .innerJoin('collection_item as ci', 'ci.article_id', 'a.id')
      .innerJoin('collection as c', 'c.id', 'ci.collection_id')
      .where('c.slug', '=', slug)
      .where((eb) => eb.or([eb('ci.expires_at', 'is', null), eb('ci.expires_at', '>', now)]))
      .orderBy('ci.position')
      .limit(limit)
      .execute();
    return rows.map(toSummary);
  }
}
