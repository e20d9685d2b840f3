import type { Kysely, Migration } from 'kysely';

/** The newsroom: accounts, sessions, one-time links, the audit log, scheduling, embargoes, corrections, autosaves. */
export const newsroomMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('account')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema
      .createTable('session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('session_by_user').on('session').column('user_id').execute();
    await db.schema
      .createTable('one_time_token')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_by_subject').on('audit_log').columns(['subject_type', 'subject_id', 'at']).execute();

    await db.schema.alterTable('article').addColumn('scheduled_at', 'text').execute();
    await db.schema.alterTable('article').addColumn('embargo_until', 'text').execute();
    await db.schema.alterTable('article').addColumn('created_by', 'text').execute();
    await db.schema.createIndex('article_status_scheduled').on('article').columns(['status', 'scheduled_at']).execute();

    await db.schema
      .createTable('article_change')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_change_pk', ['article_id', 'revision'])
      .execute();
    await db.schema
      .createTable('article_autosave')
      .addColumn('article_id', 'text', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('account.id').onDelete('cascade'))
      .addColumn('base_revision', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_autosave_pk', ['article_id', 'user_id'])
      .execute();
    await db.schema
      .createTable('job_lease')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    // Revisions gain an author; older revisions came from imports and keep none.
    await db.schema.alterTable('revision').addColumn('author_id', 'text').execute();
  },
};
