/**
 * Every schema version, in order. Migrations live in code rather than in a folder scanned at run time, so the built
 * package and the tests run exactly the same list. Never edit a released migration; add the next one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './001-initial.js';
import { newsroomMigration } from './002-newsroom.js';
import { boardsMigration } from './003-boards.js';
import { readsMigration } from './004-reads.js';
import { wireMigration } from './005-wire.js';
import { relateQueueMigration } from './006-relate-queue.js';
import { fingerprintsMigration } from './007-fingerprints.js';
import { sourcesMigration } from './008-sources.js';
import { wireDeskMigration } from './009-wire-desk.js';
import { importIndexesMigration } from './010-import-indexes.js';
import { threadsMigration } from './011-threads.js';
import { topicMentionsMigration } from './012-topic-mentions.js';
import { bandIndexByDayMigration } from './013-band-index-by-day.js';
import { wireInputHashMigration } from './013-wire-input-hash.js';
import { mentionWindowIndexMigration } from './014-mention-window-index.js';
import { mentionPackMigration } from './015-mention-pack.js';
import { articleVisibilityIndexMigration } from './016-article-visibility-index.js';
import { bandIndexByPeriodMigration } from './017-band-index-by-period.js';
import { termIndexByKeyMigration } from './018-term-index-by-key.js';
import { bandIndexByKeyMigration } from './019-band-index-by-key.js';
import { termPackByKeyMigration } from './020-term-pack-by-key.js';

const migrations: Record<string, Migration> = {
  '001-initial': initialMigration,
  '002-newsroom': newsroomMigration,
  '003-boards': boardsMigration,
  '004-reads': readsMigration,
  '005-wire': wireMigration,
  '006-relate-queue': relateQueueMigration,
  '007-fingerprints': fingerprintsMigration,
  '008-sources': sourcesMigration,
  '009-wire-desk': wireDeskMigration,
  '010-import-indexes': importIndexesMigration,
  '011-threads': threadsMigration,
  '012-topic-mentions': topicMentionsMigration,
  '013-band-index-by-day': bandIndexByDayMigration,
  '013-wire-input-hash': wireInputHashMigration,
  '014-mention-window-index': mentionWindowIndexMigration,
  '015-mention-pack': mentionPackMigration,
  '016-article-visibility-index': articleVisibilityIndexMigration,
  '017-band-index-by-period': bandIndexByPeriodMigration,
  '018-term-index-by-key': termIndexByKeyMigration,
  '019-band-index-by-key': bandIndexByKeyMigration,
  '020-term-pack-by-key': termPackByKeyMigration,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
