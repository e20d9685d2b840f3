/** Autosaved editor content, one per story and person, kept until they save for real. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Autosave {
  articleId: string;
  userId: string;
  baseRevision: number;
  content: Record<string, unknown>;
  savedAt: string;
}

export class AutosaveRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async put(autosave: Autosave): Promise<void> {
    const row = {
      article_id: autosave.articleId,
      user_id: autosave.userId,
      base_revision: autosave.baseRevision,
      content: JSON.stringify(autosave.content),
      saved_at: autosave.savedAt,
    };
    await this.db
      .insertInto('article_autosave')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['article_id', 'user_id']).doUpdateSet({
          base_revision: row.base_revision,
          content: row.content,
          saved_at: row.saved_at,
        }),
      )
      .execute();
  }

  async get(articleId: string, userId: string): Promise<Autosave | null> {
    const row = await this.db
      .selectFrom('article_autosave')
      .selectAll()
      .where('article_id', '=', articleId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row
      ? {
          articleId: row.article_id,
          userId: row.user_id,
          baseRevision: row.base_revision,
          content: JSON.parse(row.content) as Record<string, unknown>,
          savedAt: row.saved_at,
        }
      : null;
  }

  async delete(articleId: string, userId: string): Promise<void> {
    await this.db.deleteFrom('article_autosave').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
  }
}
