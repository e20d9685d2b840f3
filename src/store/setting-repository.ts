/** Site settings as key/value text; the edition (name, time zone, locale) lives here. */
import type { Kysely } from 'kysely';
import { type Edition, assertTimeZone, defaultEdition } from '../domain/edition.js';
import type { Database } from './schema.js';

const editionKeys = {
  siteName: 'site.name',
  tagline: 'site.tagline',
  timeZone: 'edition.timeZone',
  locale: 'edition.locale',
} as const satisfies Record<keyof Edition, string>;

export class SettingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async all(): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('setting').selectAll().orderBy('key').execute();
    return Object.fromEntries(rows.map((r) => [r.key, r.value]));
  }

  async set(values: Record<string, string>): Promise<void> {
    const rows = Object.entries(values).map(([key, value]) => ({ key, value }));
    if (!rows.length) return;
    await this.db
      .insertInto('setting')
      .values(rows)
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
      .execute();
  }

  /** The edition, with defaults for whatever was never set. */
  async edition(): Promise<Edition> {
    const settings = await this.all();
    const edition = { ...defaultEdition };
    for (const [field, key] of Object.entries(editionKeys) as [keyof Edition, string][]) {
      const value = settings[key];
      if (value) edition[field] = value;
    }
    assertTimeZone(edition.timeZone);
    return edition;
  }

  async saveEdition(edition: Partial<Edition>): Promise<void> {
    if (edition.timeZone) assertTimeZone(edition.timeZone);
    const values: Record<string, string> = {};
    for (const [field, key] of Object.entries(editionKeys) as [keyof Edition, string][]) {
      const value = edition[field];
      if (value) values[key] = value;
    }
    await this.set(values);
  }
}
