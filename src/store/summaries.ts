/** The one query shape every list uses: an article with its section, source and lead image, visible at `now`. */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ArticleSummary } from '../domain/article.js';
import type { Database } from './schema.js';

/** Stories a reader may see at `now`: published, due, and out of embargo. */
export function selectSummaries(db: Kysely<Database>, now: string) {
  return selectArticles(db)
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', now)
    .where((eb) => eb.or([eb('a.embargo_until', 'is', null), eb('a.embargo_until', '<=', now)]));
}

/** Every story whatever its state: the newsroom's view. */
export function selectArticles(db: Kysely<Database>) {
  return db
    .selectFrom('article as a')
    .innerJoin('section as sec', 'sec.id', 'a.section_id')
    .leftJoin('source as src', 'src.id', 'a.source_id')
    .leftJoin('image as img', 'img.id', 'a.image_id')
    .select([
      'a.id',
      'a.slug',
      'a.headline',
      'a.standfirst',
      'a.priority',
      'a.published_at',
      'a.updated_at',
      'sec.id as section_id',
      'sec.slug as section_slug',
      'sec.name as section_name',
      'sec.position as section_position',
      'src.id as source_id',
      'src.slug as source_slug',
      'src.name as source_name',
      'src.credit_line as source_credit_line',
      'img.id as image_id',
      'img.url as image_url',
      'img.width as image_width',
      'img.height as image_height',
      'img.alt as image_alt',
      'img.caption as image_caption',
      'img.credit as image_credit',
    ]);
}

type SummaryQuery = ReturnType<typeof selectArticles>;
export type SummaryRow = SummaryQuery extends SelectQueryBuilder<any, any, infer R> ? R : never;

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    priority: row.priority,
    publishedAt: row.published_at ?? row.updated_at,
    updatedAt: row.updated_at,
    section: { id: row.section_id, slug: row.section_slug, name: row.section_name, position: row.section_position },
    source:
      row.source_id && row.source_slug && row.source_name && row.source_credit_line !== null
        ? { id: row.source_id, slug: row.source_slug, name: row.source_name, creditLine: row.source_credit_line }
        : null,
    image:
      row.image_id && row.image_url && row.image_alt !== null
        ? {
            id: row.image_id,
            url: row.image_url,
            width: row.image_width,
            height: row.image_height,
            alt: row.image_alt,
            caption: row.image_caption,
            credit: row.image_credit,
          }
        : null,
  };
}
