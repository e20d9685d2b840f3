/**
 * The `newsdesk` command: serve, migrate, import, user, source, eval. Each subcommand opens the store from the environment
 * (see `server/config.ts`), does its work and closes it.
 */
import { Command, InvalidArgumentError } from 'commander';
import { NewsdeskError } from '../domain/errors.js';
import { hotEvalCommand } from '../eval/hot.js';
import { relatedEvalCommand } from '../eval/related.js';
import { configFromEnv, parsePort } from '../server/config.js';
import { relateOnChoices } from '../curation/index.js';
import { prepareOnChoices } from '../ingest/document-preparation.js';
import { type ImportCommandOptions, importCommand } from './import-command.js';
import { migrateCommand } from './migrate-command.js';
import { serveCommand } from './serve-command.js';
import { type SourceAddOptions, sourceAddCommand, sourceListCommand } from './source-command.js';
import { userAddCommand, userResetLinkCommand } from './user-command.js';

const program = new Command()
  .name('newsdesk')
  .description('Newsdesk: a newsroom and wire feeds go in, a fast reader site comes out.')
  .showHelpAfterError()
  .addHelpText(
    'after',
    `
Environment:
  NEWSDESK_DATA   folder for the SQLite database (default ./data)
  DATABASE_URL    postgres://… to use PostgreSQL instead of SQLite
  NEWSDESK_NOW    pin the clock, e.g. 2015-09-11T21:03:00+08:00, to browse an archive as if live
  NEWSDESK_URL    public base URL used in share links and canonical URLs
  PORT, HOST      where to listen (default 3000, 0.0.0.0)`,
  );

const portOption = (value: string) => {
  try {
    return parsePort(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};

/** A parser for an option that takes one of `choices`. */
const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (value: string): T => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`must be ${choices.join(' or ')}`);
  };

program
  .command('serve')
  .description('run the reader site and API (migrates the database first)')
  .option('-p, --port <n>', 'port to listen on (default $PORT or 3000)', portOption)
  .option('--demo', 'load demo content when the database has no stories')
  .action((options: { port?: number; demo?: boolean }) => serveCommand(configFromEnv(), options));

program
  .command('migrate')
  .description('bring the database schema to the newest version')
  .action(() => migrateCommand(configFromEnv()));

program
  .command('import')
  .description(
    'import news files: JSON Lines corpora, RSS, Atom, JSON Feed, IPTC ninjs, NewsML-G2 or NITF (told apart by content); re-importing changes nothing',
  )
  .argument('<path...>', 'files to import')
  .option('--section <name>', 'section for records that name none', 'News')
  .option('--source <id>', 'import wire documents as if this source had sent them: its section, credit, trust and rules')
  .option(
    '--prepare-on <where>',
    'where wire documents are parsed and prepared while earlier ones are written: worker (a second thread; the default with more than one core) or this-thread',
    oneOf(prepareOnChoices),
  )
  .option(
    '--relate-on <where>',
    'where the imported stories are related: worker (a second thread helps from 1,000 stories on, with more than one core; the default) or this-thread (one copy of the index in memory)',
    oneOf(relateOnChoices),
  )
  .action((paths: string[], options: ImportCommandOptions) => importCommand(configFromEnv(), paths, options));

const user = program.command('user').description('manage newsroom accounts');
user
  .command('add')
  .description('add an account (the first owner, or anyone when no mail is configured)')
  .requiredOption('--email <email>', 'their email address, used to sign in')
  .requiredOption('--name <name>', 'their name as colleagues see it')
  .option('--role <role>', 'owner, admin, editor, reporter or contributor', 'owner')
  .option('--password <password>', 'their password (or set NEWSDESK_PASSWORD, which keeps it out of shell history)')
  .action((options: { email: string; name: string; role: string; password?: string }) => userAddCommand(configFromEnv(), options));
user
  .command('reset-link')
  .description('print a one-time password reset link for an account')
  .argument('<email>', 'the account\'s email address')
  .action((email: string) => userResetLinkCommand(configFromEnv(), email));

const source = program.command('source').description('manage wire sources: agencies and partners that push to Newsdesk or are polled');
source
  .command('add')
  .description('add a source; a pushing source gets its push token (shown once), a feed or folder is polled by serve')
  .requiredOption('--name <name>', 'the agency or partner, e.g. Xinhua')
  .requiredOption('--section <section>', 'section for its stories')
  .option('--trust <trust>', 'publish (at once) or queue (in the wire queue, for editors)', 'publish')
  .option('--url <url>', 'poll this feed URL (RSS, Atom, JSON Feed, ninjs, NewsML-G2, NITF) instead of taking pushes')
  .option('--dir <folder>', 'poll this drop folder for new files instead of taking pushes')
  .option('--interval <seconds>', 'how often to poll (default 300)')
  .option('--credit <credit>', 'credit line for stories naming no agency, e.g. Xinhua for "(Xinhua)" (default: the name)')
  .option('--format <format>', 'refuse documents in any other format: rss, rdf, atom, jsonfeed, ninjs, newsml-g2 or nitf')
  .action((options: SourceAddOptions) => sourceAddCommand(configFromEnv(), options));
source
  .command('list')
  .description('list sources with their health and how many items wait in the queue')
  .action(() => sourceListCommand(configFromEnv()));

const evaluate = program.command('eval').description('measure ranking quality on a corpus, offline (no database)');
evaluate
  .command('hot')
  .description(
    'replay timestamped JSON Lines corpora hour by hour and print hot-hit@8: the share of each hour\'s five ' +
      'fastest-growing story clusters (story_cluster_id, hidden from the engine) named by one of its top 8 Hot Topics',
  )
  .argument('<file...>', 'JSON Lines files (id, title, body, date, story_cluster_id); replayed as one stream in time order')
  .option('--align', 'shift each later file to start with the first one, so other corpora become distractors in its time span')
  .option('--verbose', 'print each hour\'s topics and target stories')
  .addHelpText(
    'after',
    `
Hours: every whole hour from the 15th after the corpus's first timestamp (the first timestamp's hour + 15 h, so
each evaluated hour's scoring window, its last 3 h and the 12 h before them, starts no earlier than the hour the
corpus starts in) to the hour after the last timestamp; hours
with no cluster of 3 or more records in their last 3 hours are skipped. Undated records are skipped and counted.
A topic names a cluster when at least half of its last-3-hour headlines contain the topic (case-insensitive).
Also printed: the same figure for a plain baseline (headline words and word pairs rising fastest: last 3 h minus
a quarter of the 12 h before; and most frequent in the last 3 h).`,
  )
  .action((files: string[], options: { align?: boolean; verbose?: boolean }) =>
    hotEvalCommand(files, { alignStarts: options.align ?? false, verbose: options.verbose ?? false }),
  );

evaluate
  .command('related')
  .description(
    'import labelled JSON Lines corpora into a scratch SQLite store (a temporary folder), let relating run, and print ' +
      'precision@5, recall@10 and nDCG@10 of the stored Related Stories against story_cluster_id (hidden from the ' +
      'engine), the purity of story threads, and the same figures for a plain TF-IDF cosine baseline',
  )
  .argument('<file...>', 'JSON Lines files (id, title, body, date, story_cluster_id); records without a cluster are candidates only')
  .addHelpText(
    'after',
    `
Undated records are published at one instant: the newest date of all files. An article's cluster-mates are its
relevant set; recall@10 is the share of them (at most 10) in its top 10. Articles with no cluster, or none of
whose cluster-mates is in the store, are not scored.`,
  )
  .action((files: string[]) => relatedEvalCommand(files));

program.parseAsync().catch((error: unknown) => {
  if (error instanceof NewsdeskError) console.error(`newsdesk: ${error.message} (${error.code})`);
  else console.error(error);
  process.exitCode = 1;
});
