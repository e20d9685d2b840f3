/**
 * Import benchmark: `node --import tsx bench/import.ts [--engine sqlite|postgres|both] [--limit N] [--corpus PATH] [--write-only]
 * [--prepare-on worker|this-thread] [--relate-on worker|this-thread]`.
 *
 * Turns a JSON Lines corpus (Reuters-21578 by default) into a wire feed (JSON Feed 1.1 documents of 500 items, in the
 * run's temp folder, not timed) and imports it with the project's own `Importer` into an EMPTY store, then imports
 * the same documents again into the same store (nothing changed: the de-duplication path):
 *
 * - SQLite: a new file in a fresh temp folder (WAL, synchronous=FULL, exactly as `openStore` configures it).
 * - PostgreSQL: `postgres://postgres@127.0.0.1:5432/test` (NEWSDESK_TEST_POSTGRES_URL overrides), in a schema
 *   created for this run and dropped afterwards, as the store tests do (test/support/engines.ts).
 *
 * The clock is pinned to 1987-03-11T18:00:00Z. The importer's progress phases time the two halves of an import:
 * writing (parse, sanitize, wire identity, near-duplicate check, index terms; one transaction per unit of consecutive
 * documents, `IMPORT_GROUP_ITEMS`) until
 * the last `reading` event, relating from then until `importFiles` returns. Temp folders and schemas are removed on exit, on error and
 * on Ctrl-C. Only loopback databases are used. See bench/README.md.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type RelateOn, relateOnChoices } from '../src/curation/index.js';
import { fixedClock } from '../src/domain/clock.js';
import { type PrepareOn, defaultPrepareOn, prepareOnChoices } from '../src/ingest/document-preparation.js';
import { type ImportSummary, Importer } from '../src/ingest/importer.js';
import { createServices } from '../src/server/app.js';
import { type Store, openStore } from '../src/store/index.js';
import { progressPrinter, writeJsonFeeds } from './corpus.js';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(SCRIPT), '..');
const DEFAULT_CORPUS = path.resolve(REPO_ROOT, '../shared/data/reuters21578/part-000.jsonl');
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
const NOW = new Date('1987-03-11T18:00:00Z');
const DEFAULT_TIMEOUT_S = 3_600;
/** Items per feed document: a large agency feed page. */
const ITEMS_PER_DOCUMENT = 500;
const PG_CONNECT_TIMEOUT_MS = 5_000;
/** How long cleanup after Ctrl-C or the time limit may take before the process exits anyway. */
const CLEANUP_TIMEOUT_MS = 15_000;

type EngineName = 'sqlite' | 'postgres';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string' },
    limit: { type: 'string' },
    corpus: { type: 'string' },
    timeout: { type: 'string' },
    'write-only': { type: 'boolean' },
    'prepare-on': { type: 'string' },
    'relate-on': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
  allowPositionals: false,
});

function usage(): string {
  return `Usage: node --import tsx bench/import.ts [options]

  --engine E      sqlite, postgres or both (default both)
  --limit N       import only the first N records of the corpus (default: all)
  --corpus PATH   JSON Lines corpus, imported as JSON Feed documents (default ../shared/data/reuters21578/part-000.jsonl from the repo root)
  --timeout S     give up (and clean up) after S seconds in all (default ${DEFAULT_TIMEOUT_S})
  --write-only    skip relating (the stories stay queued): time writing and re-import alone
  --prepare-on P  worker or this-thread: where documents are parsed and prepared (default as \`newsdesk import\`:
                  worker with more than one core)
  --relate-on R   worker or this-thread: whether a worker thread helps relate (default as \`newsdesk import\`: worker)
  -h, --help      this text

PostgreSQL: ${DEFAULT_POSTGRES_URL} unless NEWSDESK_TEST_POSTGRES_URL is set (loopback hosts only);
each run creates its own schema and drops it afterwards.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: temp folders and schemas go on success, on error, on Ctrl-C and when the time limit is reached
// ---------------------------------------------------------------------------------------------------------------

/** Cleanups still owed, newest last. `urgent` runs on Ctrl-C/timeout, while the import may still be running. */
interface Cleanup {
  label: string;
  run(urgent: boolean): Promise<void>;
  /** Synchronous last resort from the `exit` handler. */
  runSync?(): void;
}

const cleanups: Cleanup[] = [];

function owe(cleanup: Cleanup): () => Promise<void> {
  cleanups.push(cleanup);
  return async () => {
    const at = cleanups.indexOf(cleanup);
    if (at < 0) return;
    cleanups.splice(at, 1);
    await cleanup.run(false);
  };
}

async function runAllCleanups(urgent: boolean): Promise<void> {
  while (cleanups.length) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup.run(urgent);
    } catch (error) {
      console.error(`bench:import: cleanup of ${cleanup.label} failed: ${(error as Error).message}`);
    }
  }
}

let aborting = false;

function abort(reason: string, exitCode: number): void {
  if (aborting) return;
  aborting = true;
  console.error(`\nbench:import: ${reason}; cleaning up`);
  const force = setTimeout(() => {
    console.error(`bench:import: cleanup did not finish within ${CLEANUP_TIMEOUT_MS} ms`);
    process.exit(exitCode);
  }, CLEANUP_TIMEOUT_MS);
  force.unref();
  runAllCleanups(true).finally(() => process.exit(exitCode));
}

process.once('SIGINT', () => abort('interrupted', 130));
// Once aborting, the import still in flight fails in every way (its connections are ended, its files removed):
// those errors are expected and must not stop the cleanup.
process.on('uncaughtException', (error) => {
  if (aborting) return;
  console.error(error);
  process.exit(1);
});
process.on('unhandledRejection', (error) => {
  if (aborting) return;
  console.error(error);
  process.exit(1);
});
process.once('SIGTERM', () => abort('terminated', 143));
process.on('exit', () => {
  for (const cleanup of cleanups) {
    try {
      cleanup.runSync?.();
    } catch {
      // Nothing more can be done while exiting.
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Engines: an empty store each
// ---------------------------------------------------------------------------------------------------------------

interface OpenEngine {
  name: EngineName;
  store: Store;
  /** The services' data folder (media); empty, inside the run's temp folder. */
  dataDir: string;
  where: string;
  dispose(): Promise<void>;
}

function postgresUrl(): string {
  return process.env.NEWSDESK_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
}

/** Refuses anything but a loopback host or a local socket: the benchmark never talks to another machine. */
function assertLoopback(connectionString: string): void {
  const url = new URL(connectionString);
  const host = (url.searchParams.get('host') ?? url.hostname).replace(/^\[(.+)\]$/, '$1');
  const local =
    host === '' ||
    host.startsWith('/') ||
    host === 'localhost' ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  if (!local) throw new Error(`PostgreSQL host ${host} is not a loopback address; this benchmark only uses 127.0.0.1`);
}

function redact(connectionString: string): string {
  const url = new URL(connectionString);
  if (url.password) url.password = '***';
  return url.toString();
}

async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: postgresUrl(), connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

function openSqliteEngine(runDir: string): OpenEngine {
  const dir = fs.mkdtempSync(path.join(runDir, 'sqlite-'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  const store = openStore({ sqliteFile: path.join(dir, 'newsdesk.sqlite') });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await store.close();
  };
  const settle = owe({
    label: dir,
    // On Ctrl-C the import may be mid-transaction: removing the files is enough (the process exits right after).
    run: async (urgent) => {
      if (!urgent) await close();
      removeDir();
    },
    runSync: removeDir,
  });
  return { name: 'sqlite', store, dataDir: path.join(dir, 'data'), where: path.join(dir, 'newsdesk.sqlite'), dispose: settle };
}

async function openPostgresEngine(runDir: string): Promise<OpenEngine> {
  const base = postgresUrl();
  const schema = `newsdesk_bench_import_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`create schema "${schema}"`);
  let store: Store | null = null;
  const dropSchema = async (urgent: boolean) => {
    if (urgent) {
      // The import may still be running in this process: end its connections so the drop does not wait on them.
      await adminQuery('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()', [
        schema,
      ]);
    } else if (store) {
      await store.close();
    }
    await adminQuery(`drop schema if exists "${schema}" cascade`);
  };
  const settle = owe({ label: `schema ${schema}`, run: dropSchema });
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', schema);
  store = openStore({ databaseUrl: url.toString(), sqliteFile: '' });
  const dataDir = fs.mkdtempSync(path.join(runDir, 'postgres-data-'));
  return { name: 'postgres', store, dataDir, where: `${redact(base)} schema ${schema}`, dispose: settle };
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------------------------

interface Timed {
  summary: ImportSummary;
  records: number;
  totalSeconds: number;
  /** From the start to the last `reading` event: every batch written. */
  writingSeconds: number;
  /** From the last `reading` event to the end: the queue read, the index loaded, every queued story related. */
  relatingSeconds: number;
  /** Until the first story was related (counting, reading the queue, loading the term index): part of relating. */
  relatingStartSeconds: number | null;
  related: number;
  /** This process's CPU time over each phase, in % of one core (PostgreSQL's own work is not included). */
  writingCpuPercent: number;
  relatingCpuPercent: number;
  /** Bytes this process caused to be written to disk while writing (SQLite's database and WAL; null off Linux). */
  writingBytes: number | null;
}


/** This process's bytes sent to the storage layer so far (`write_bytes` of /proc/self/io), or null where unknown. */
function bytesWritten(): number | null {
  try {
    const match = /^write_bytes: (\d+)$/m.exec(fs.readFileSync('/proc/self/io', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

async function timedImport(engine: OpenEngine, files: string[], label: string): Promise<Timed> {
  const services = createServices(engine.store, fixedClock(NOW), engine.dataDir);
  // Writing alone: the same curation, except that relating the queue is left for later.
  const curation = args['write-only']
    ? (Object.assign(Object.create(services.curation), { relateQueued: async () => 0 }) as typeof services.curation)
    : services.curation;
  const importer = new Importer(services.publisher, curation, services.store, services.clock);
  const print = progressPrinter(label);
  let writingEnded: number | null = null;
  let writingEndedCpu = 0;
  let writingEndedBytes: number | null = null;
  let firstRelated: number | null = null;
  let related = 0;

  const cpuStart = cpuMicros();
  const bytesStart = bytesWritten();
  const started = performance.now();
  const summary = await importer.importFiles(files, {
    defaults: { section: 'News' },
    prepareOn: parsePrepareOn(args['prepare-on']),
    relateOn: parseRelateOn(args['relate-on']),
    onProgress: (p) => {
      if (p.phase === 'reading') {
        writingEnded = performance.now();
        writingEndedCpu = cpuMicros();
        writingEndedBytes = bytesWritten();
      } else {
        firstRelated ??= performance.now();
        related = p.total;
      }
      print(p);
    },
  });
  const ended = performance.now();
  const cpuEnd = cpuMicros();

  const writingEnd = writingEnded ?? ended;
  const writingCpuEnd = writingEnded === null ? cpuEnd : writingEndedCpu;
  const writingMs = writingEnd - started;
  const relatingMs = ended - writingEnd;
  return {
    summary,
    records: summary.added + summary.updated + summary.unchanged + summary.duplicate + summary.rejected.length,
    totalSeconds: (ended - started) / 1000,
    writingSeconds: writingMs / 1000,
    relatingSeconds: relatingMs / 1000,
    relatingStartSeconds: firstRelated === null ? null : (firstRelated - writingEnd) / 1000,
    related,
    writingCpuPercent: writingMs > 0 ? ((writingCpuEnd - cpuStart) / 1000 / writingMs) * 100 : 0,
    relatingCpuPercent: relatingMs > 0 ? ((cpuEnd - writingCpuEnd) / 1000 / relatingMs) * 100 : 0,
    writingBytes: bytesStart === null ? null : (writingEndedBytes ?? bytesWritten() ?? bytesStart) - bytesStart,
  };
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(0);
}

function rate(items: number, seconds: number): string {
  return seconds > 0 ? Math.floor(items / seconds).toString() : '∞';
}

function counts(summary: ImportSummary, order: (keyof Omit<ImportSummary, 'rejected'>)[]): string {
  const parts = order.filter((key) => summary[key] > 0).map((key) => `${summary[key]} ${key}`);
  parts.push(`${summary.rejected.length} rejected`);
  return parts.join(', ');
}

function printRejections(summary: ImportSummary): void {
  for (const r of summary.rejected.slice(0, 5)) {
    console.log(`  rejected ${path.basename(r.file)}${r.item ? ` item ${r.item}` : `:${r.line}`}: ${r.message}`);
  }
  if (summary.rejected.length > 5) console.log(`  … and ${summary.rejected.length - 5} more rejected`);
}

async function benchmarkEngine(name: EngineName, files: string[], runDir: string): Promise<void> {
  const engine = name === 'sqlite' ? openSqliteEngine(runDir) : await openPostgresEngine(runDir);
  try {
    await engine.store.migrate();
    const before = await engine.store.articles.countPublished();
    if (before !== 0) throw new Error(`${name}: the new store already holds ${before} stories`);
    console.log(`${name}: empty store at ${engine.where}`);

    const first = await timedImport(engine, files, name);
    const published = await engine.store.articles.countPublished();
    const stillQueued = (await engine.store.related.queued(1)).length;
    console.log(
      `${name}: ${counts(first.summary, ['added', 'updated', 'unchanged', 'duplicate'])} in ${first.totalSeconds.toFixed(1)} s: ` +
        `${rate(first.records, first.totalSeconds)} items/s overall; ` +
        `writing (parse, sanitize, wire identity, near-duplicates, index terms) ${first.writingSeconds.toFixed(1)} s = ` +
        `${rate(first.records, first.writingSeconds)} items/s; ` +
        `relating ${first.relatingSeconds.toFixed(1)} s = ${rate(first.related, first.relatingSeconds)} items/s`,
    );
    console.log(
      `  ${published} published, ${first.related} related, queue ${stillQueued ? 'NOT empty' : 'empty'}; ` +
        `relating began with ${first.relatingStartSeconds?.toFixed(1) ?? '–'} s of counting, reading the queue and loading the term index; ` +
        `this process's cpu: writing ${first.writingCpuPercent.toFixed(0)}%, relating ${first.relatingCpuPercent.toFixed(0)}% of one core` +
        (first.writingBytes === null ? '' : `; ${megabytes(first.writingBytes)} MB written to disk while writing`),
    );
    printRejections(first.summary);

    const again = await timedImport(engine, files, `${name} re-import`);
    console.log(
      `${name} re-import: ${counts(again.summary, ['unchanged', 'added', 'updated', 'duplicate'])} in ${again.totalSeconds.toFixed(1)} s = ` +
        `${rate(again.records, again.totalSeconds)} items/s`,
    );
    if (again.summary.added || again.summary.updated || (again.related && !args['write-only'])) {
      console.log(`  warning: the re-import changed ${again.summary.added + again.summary.updated} stories and related ${again.related}`);
    }
    console.log(`  this process's cpu: ${again.writingCpuPercent.toFixed(0)}% of one core`);
  } finally {
    await engine.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** The file system `dir` lives on (from /proc/mounts; Linux only), since fsync cost depends on it. */
function fileSystemOf(dir: string): string {
  try {
    let best = { mount: '', type: 'unknown' };
    for (const line of fs.readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [, mount, type] = line.split(' ');
      if (mount && type && (dir === mount || dir.startsWith(mount.endsWith('/') ? mount : `${mount}/`)) && mount.length > best.mount.length) {
        best = { mount, type };
      }
    }
    return best.type;
  } catch {
    return 'unknown';
  }
}

function parseEngines(value: string | undefined): EngineName[] {
  switch (value ?? 'both') {
    case 'sqlite':
      return ['sqlite'];
    case 'postgres':
      return ['postgres'];
    case 'both':
      return ['sqlite', 'postgres'];
    default:
      throw new Error(`--engine must be sqlite, postgres or both, not ${value}`);
  }
}

const parsePrepareOn = (value: string | undefined): PrepareOn => oneOf('prepare-on', prepareOnChoices, value) ?? defaultPrepareOn();
const parseRelateOn = (value: string | undefined): RelateOn => oneOf('relate-on', relateOnChoices, value) ?? 'worker';

/** `value` of option `--name` if it is one of `choices`; undefined when the option was not given. */
function oneOf<T extends string>(name: string, choices: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined || (choices as readonly string[]).includes(value)) return value as T | undefined;
  throw new Error(`--${name} must be ${choices.join(' or ')}, not ${value}`);
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, not ${value}`);
  return n;
}

async function main(): Promise<void> {
  if (args.help) {
    console.log(usage());
    return;
  }
  const engines = parseEngines(args.engine);
  console.log(`documents prepared on: ${parsePrepareOn(args['prepare-on'])}; related on: ${parseRelateOn(args['relate-on'])}`);
  const limit = args.limit === undefined ? null : positiveInteger('limit', args.limit);
  const timeoutSeconds = args.timeout === undefined ? DEFAULT_TIMEOUT_S : positiveInteger('timeout', args.timeout);
  const corpus = path.resolve(args.corpus ?? DEFAULT_CORPUS);
  if (!fs.existsSync(corpus)) throw new Error(`corpus not found: ${corpus} (use --corpus PATH)`);
  if (engines.includes('postgres')) assertLoopback(postgresUrl());

  const timer = setTimeout(() => abort(`time limit of ${timeoutSeconds} s reached`, 1), timeoutSeconds * 1000);
  timer.unref();

  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-import-'));
  const removeRunDir = () => fs.rmSync(runDir, { recursive: true, force: true });
  const settleRunDir = owe({ label: runDir, run: async () => removeRunDir(), runSync: removeRunDir });
  try {
    const cpus = os.cpus();
    const require = createRequire(import.meta.url);
    const sqliteVersion = (require('better-sqlite3/package.json') as { version: string }).version;
    console.log(`node ${process.version} on ${os.platform()} ${os.arch()}`);
    console.log(`cpu: ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length} cores (available parallelism ${os.availableParallelism()})`);
    if (engines.includes('sqlite')) {
      console.log(`sqlite: better-sqlite3 ${sqliteVersion}, WAL, synchronous=FULL, in ${os.tmpdir()} (${fileSystemOf(runDir)})`);
    }
    if (engines.includes('postgres')) {
      const [row] = await adminQuery<{ server_version: string }>('show server_version');
      console.log(`postgres: PostgreSQL ${row?.server_version ?? '?'} at ${redact(postgresUrl())}, a fresh schema for the run`);
    }

    const feedDir = fs.mkdtempSync(path.join(runDir, 'feed-'));
    const feed = await writeJsonFeeds(corpus, feedDir, limit, ITEMS_PER_DOCUMENT);
    console.log(
      `corpus: ${path.relative(process.cwd(), corpus) || corpus}${limit !== null ? ` (first ${limit} records)` : ''}: ` +
        `${feed.records} records as ${feed.files.length} JSON Feed documents of up to ${ITEMS_PER_DOCUMENT} items, ` +
        `${(feed.bytes / 1024 / 1024).toFixed(1)} MiB; clock pinned to ${NOW.toISOString()}`,
    );
    console.log('');

    for (const name of engines) {
      if (aborting) break;
      await benchmarkEngine(name, feed.files, runDir);
      console.log('');
    }
  } finally {
    await runAllCleanups(false);
    await settleRunDir();
    clearTimeout(timer);
  }
}

main().catch(async (error: unknown) => {
  if (aborting) return;
  console.error(`bench:import: ${error instanceof Error ? error.message : String(error)}`);
  await runAllCleanups(false);
  process.exitCode = 1;
});
