/**
 * Article-page throughput benchmark: `npm run bench:article [-- --duration 10 --limit N --corpus PATH]`.
 *
 * 1. Imports a JSON Lines corpus (Reuters-21578 by default) into a SQLite store under `bench/.work/` with the
 *    project's own importer, or reuses that store when it already holds the same corpus.
 * 2. Starts Newsdesk (`createApp`, clock pinned to 1987-03-11T18:00:00Z) in a child process and, in another child
 *    process, a minimal `node:http` server answering the same article page bytes from memory.
 * 3. Loads both with autocannon from this process (127.0.0.1 only) and prints req/s, latency, throughput and the
 *    Newsdesk/baseline ratios. See bench/README.md.
 *
 * The same file is the entry point of both child servers (`--serve newsdesk|baseline`).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { articlePath } from '../src/domain/article.js';
import { fixedClock } from '../src/domain/clock.js';
import { type ImportSummary, Importer } from '../src/ingest/importer.js';
import { createApp, createServices } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';
import { firstRecords, progressPrinter } from './corpus.js';

const SCRIPT = fileURLToPath(import.meta.url);
const REPO_ROOT = path.resolve(path.dirname(SCRIPT), '..');
const WORK_DIR = path.join(REPO_ROOT, 'bench', '.work');
const DEFAULT_CORPUS = path.resolve(REPO_ROOT, '../shared/data/reuters21578/part-000.jsonl');
const NOW = new Date('1987-03-11T18:00:00Z');
/** Only used inside page bodies (canonical and share links); nothing is ever fetched from it. */
const PUBLIC_URL = 'http://localhost:3000';
const HOST = '127.0.0.1';
const ARTICLE_COUNT = 200;
const CHILD_START_TIMEOUT_MS = 60_000;
const CHILD_STOP_TIMEOUT_MS = 5_000;
const MARKER_VERSION = 1;

type ParentMessage = { type: 'cpu'; id: number } | { type: 'serve'; bodyBase64: string; contentType: string };
type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'cpu'; id: number; user: number; system: number }
  | { type: 'failed'; message: string };

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string' },
    limit: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    warmup: { type: 'string' },
    reimport: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    // Internal: how the children are started.
    serve: { type: 'string' },
    store: { type: 'string' },
  },
  strict: true,
  allowPositionals: false,
});

function usage(): string {
  return `Usage: npm run bench:article -- [options]

  --corpus PATH       JSON Lines corpus (default ../shared/data/reuters21578/part-000.jsonl from the repo root)
  --limit N           import only the first N records of the corpus (default: all)
  --duration S        seconds per measured run (default 10)
  --connections N     concurrent connections (default 50)
  --warmup S          unmeasured seconds against each target before its run (default 2; 0 to skip)
  --reimport          import again even if bench/.work/ already holds the corpus (e.g. after changing the importer)
  -h, --help          this text`;
}

// ---------------------------------------------------------------------------------------------------------------
// Children
// ---------------------------------------------------------------------------------------------------------------

function sendToParent(message: ChildMessage): void {
  process.send?.(message);
}

/** Answers CPU-time queries and exits when the parent goes away (its IPC channel closes). */
function childHousekeeping(shutdown: () => Promise<void>): void {
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      sendToParent({ type: 'cpu', id: message.id, user: usage.user, system: usage.system });
    }
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), CHILD_STOP_TIMEOUT_MS);
    force.unref();
    shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
}

async function serveNewsdesk(sqliteFile: string): Promise<void> {
  const store = openStore({ sqliteFile });
  await store.migrate();
  const services = createServices(store, fixedClock(NOW), path.dirname(sqliteFile));
  const app = await createApp({ services, publicUrl: PUBLIC_URL });
  childHousekeeping(async () => {
    await app.close();
    await store.close();
  });
  await app.listen({ host: HOST, port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Newsdesk is not listening on a TCP port');
  sendToParent({ type: 'listening', port: address.port });
}

function serveBaseline(): void {
  let server: http.Server | null = null;
  childHousekeeping(
    () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'serve' || server) return;
    const body = Buffer.from(message.bodyBase64, 'base64');
    const headers = { 'content-type': message.contentType, 'content-length': String(body.length) };
    server = http.createServer((_request, response) => {
      response.writeHead(200, headers);
      response.end(body);
    });
    server.on('error', (error) => {
      sendToParent({ type: 'failed', message: error.message });
      process.exit(1);
    });
    server.listen(0, HOST, () => {
      const address = server!.address();
      if (!address || typeof address === 'string') throw new Error('baseline is not listening on a TCP port');
      sendToParent({ type: 'listening', port: address.port });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: child process management
// ---------------------------------------------------------------------------------------------------------------

interface Server {
  name: string;
  origin: string;
  /** CPU time (µs, user + system) the server process has used so far. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}


async function startChild(name: string, childArgs: string[], initial?: ParentMessage): Promise<Server> {
  const child = fork(SCRIPT, childArgs, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(child);
  child.once('exit', () => children.delete(child));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start within ${CHILD_START_TIMEOUT_MS} ms`)), CHILD_START_TIMEOUT_MS);
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'listening') done(() => resolve(message.port));
      else if (message.type === 'failed') fail(new Error(`${name}: ${message.message}`));
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(new Error(`${name} exited before listening (code ${code}, signal ${signal})`));
    const onError = (error: Error) => fail(error);
    function done(then: () => void) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      then();
    }
    function fail(error: Error) {
      done(() => reject(error));
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
    if (initial) child.send(initial);
  });

  let nextId = 0;
  return {
    name,
    origin: `http://${HOST}:${port}`,
    cpuMicros: () =>
      new Promise<number>((resolve, reject) => {
        const id = ++nextId;
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error(`${name} did not report its CPU time`));
        }, 5_000);
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'cpu' || message.id !== id) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message.user + message.system);
        };
        child.on('message', onMessage);
        child.send({ type: 'cpu', id } satisfies ParentMessage);
      }),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (!alive(child)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), CHILD_STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/** Parent only: children die with the parent, whether it ends normally, on an error or on a signal. */
function guardChildren(): void {
  process.on('exit', () => {
    for (const child of children) if (alive(child)) child.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers`);
      void stopAllChildren().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: corpus import
// ---------------------------------------------------------------------------------------------------------------

interface Marker {
  version: number;
  corpus: string;
  corpusSize: number;
  corpusMtimeMs: number;
  limit: number | null;
  published: number;
  summary: { added: number; updated: number; unchanged: number; rejected: number };
  importSeconds: number;
  importedAt: string;
}

function positiveNumber(name: string, raw: string | undefined, fallback: number, { integer = false, min = 0 } = {}): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} ${raw}: expected ${integer ? 'an integer' : 'a number'} of at least ${min}`);
  }
  return value;
}

function removeSqlite(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}



/** The store for `corpus` (first `limit` records), imported now or reused from an earlier run. */
async function prepareStore(corpus: string, limit: number | null, reimport: boolean): Promise<string> {
  const stat = fs.statSync(corpus);
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const key = `${path.basename(corpus, '.jsonl')}-${limit ?? 'all'}-${createHash('sha1').update(corpus).digest('hex').slice(0, 8)}`;
  const sqliteFile = path.join(WORK_DIR, `${key}.sqlite`);
  const markerFile = path.join(WORK_DIR, `${key}.json`);
  const relative = path.relative(process.cwd(), sqliteFile);

  const marker = readMarker(markerFile);
  if (
    !reimport &&
    marker &&
    marker.version === MARKER_VERSION &&
    marker.corpus === corpus &&
    marker.corpusSize === stat.size &&
    marker.corpusMtimeMs === stat.mtimeMs &&
    marker.limit === limit &&
    fs.existsSync(sqliteFile)
  ) {
    const store = openStore({ sqliteFile });
    try {
      await store.migrate();
      const published = await store.articles.countPublished();
      if (published === marker.published) {
        console.log(
          `store: reusing ${relative} (${published} published stories; imported ${marker.importedAt} in ${marker.importSeconds.toFixed(1)} s)`,
        );
        return sqliteFile;
      }
      console.log(`store: ${relative} holds ${published} published stories, expected ${marker.published}; importing again`);
    } finally {
      await store.close();
    }
  }

  fs.rmSync(markerFile, { force: true });
  removeSqlite(sqliteFile);
  let source = corpus;
  if (limit !== null) {
    source = path.join(WORK_DIR, `${key}.jsonl`);
    await firstRecords(corpus, limit, source);
  }

  console.log(`import: ${path.relative(process.cwd(), corpus)}${limit !== null ? ` (first ${limit} records)` : ''} into ${relative}`);
  const store = openStore({ sqliteFile });
  let summary: ImportSummary;
  let seconds: number;
  let published: number;
  try {
    await store.migrate();
    const services = createServices(store, fixedClock(NOW), path.dirname(sqliteFile));
    const importer = new Importer(services.publisher, services.curation, services.store, services.clock);
    const started = performance.now();
    summary = await importer.importFiles([source], { defaults: { section: 'News' }, onProgress: progressPrinter('import') });
    seconds = (performance.now() - started) / 1000;
    published = await store.articles.countPublished();
  } finally {
    await store.close();
    if (source !== corpus) fs.rmSync(source, { force: true });
  }
  for (const r of summary.rejected.slice(0, 10)) console.error(`  rejected ${r.file}:${r.line}: ${r.message}`);
  if (summary.rejected.length > 10) console.error(`  … and ${summary.rejected.length - 10} more rejected`);
  const records = summary.added + summary.updated + summary.unchanged + summary.rejected.length;
  console.log(
    `import: ${records} records in ${seconds.toFixed(1)} s (${(records / seconds).toFixed(0)} records/s): ` +
      `${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected.length} rejected; ` +
      `${published} published`,
  );
  const written: Marker = {
    version: MARKER_VERSION,
    corpus,
    corpusSize: stat.size,
    corpusMtimeMs: stat.mtimeMs,
    limit,
    published,
    summary: { added: summary.added, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected.length },
    importSeconds: seconds,
    importedAt: new Date().toISOString(),
  };
  fs.writeFileSync(markerFile, `${JSON.stringify(written, null, 2)}\n`);
  return sqliteFile;
}

function readMarker(file: string): Marker | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Marker;
  } catch {
    return null;
  }
}

/** Paths of the newest `ARTICLE_COUNT` stories visible at NOW, as the site links them. */
async function articlePaths(sqliteFile: string): Promise<string[]> {
  const store = openStore({ sqliteFile });
  try {
    const edition = await store.settings.edition();
    const summaries = await store.articles.list({ now: NOW.toISOString(), limit: ARTICLE_COUNT });
    return summaries.map((summary) => articlePath(summary, edition.timeZone));
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: measuring
// ---------------------------------------------------------------------------------------------------------------

interface Settings {
  connections: number;
  duration: number;
  warmup: number;
}

interface Measurement {
  label: string;
  result: autocannon.Result;
  /** CPU used during the run, in % of one core: the server process, this process (autocannon), everything else. */
  serverCpuPercent: number;
  clientCpuPercent: number;
  otherCpuPercent: number;
  /** Server CPU time per response, µs: less sensitive than req/s to other load on the machine. */
  serverMicrosPerResponse: number;
}

/** CPU time of the whole machine so far, summed over its cores, in ms (os.cpus() ticks at 10 ms on Linux). */
function machineCpu(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const sum = times.user + times.nice + times.sys + times.idle + times.irq;
    total += sum;
    busy += sum - times.idle;
  }
  return { busy, total };
}

/** How busy the machine is while nothing of ours runs, in % of all cores over `ms`. */
async function idleCheck(ms: number): Promise<number> {
  const before = machineCpu();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = machineCpu();
  return after.total > before.total ? ((after.busy - before.busy) / (after.total - before.total)) * 100 : 0;
}

async function measure(
  label: string,
  server: Server,
  target: { path: string } | { paths: string[] },
  settings: Settings,
): Promise<Measurement> {
  const base: autocannon.Options =
    'path' in target
      ? { url: server.origin + target.path }
      : { url: server.origin, requests: target.paths.map((p) => ({ method: 'GET' as const, path: p })) };
  if (settings.warmup > 0) await autocannon({ ...base, connections: settings.connections, duration: settings.warmup });

  const serverBefore = await server.cpuMicros();
  const clientBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const started = performance.now();
  const result = await autocannon({ ...base, connections: settings.connections, duration: settings.duration, title: label });
  const wallMicros = (performance.now() - started) * 1000;
  const client = process.cpuUsage(clientBefore);
  const machineBusyMicros = (machineCpu().busy - machineBefore.busy) * 1000;
  const serverMicros = (await server.cpuMicros()) - serverBefore;
  const clientMicros = client.user + client.system;

  const measurement: Measurement = {
    label,
    result,
    serverCpuPercent: (serverMicros / wallMicros) * 100,
    clientCpuPercent: (clientMicros / wallMicros) * 100,
    otherCpuPercent: (Math.max(0, machineBusyMicros - serverMicros - clientMicros) / wallMicros) * 100,
    serverMicrosPerResponse: result.requests.total ? serverMicros / result.requests.total : NaN,
  };
  printMeasurement(measurement);
  return measurement;
}

function printMeasurement(m: Measurement): void {
  const { label, result, serverCpuPercent, clientCpuPercent, otherCpuPercent, serverMicrosPerResponse } = m;
  const mbPerSecond = result.throughput.mean / 1e6;
  const bytesPerResponse = result.requests.total ? result.throughput.total / result.requests.total : 0;
  console.log(
    `${label}: ${result.requests.mean.toFixed(0)} req/s p50 ${result.latency.p50} ms p99 ${result.latency.p99} ms ` +
      `${mbPerSecond.toFixed(1)} MB/s non-2xx ${result.non2xx}`,
  );
  console.log(
    `  ${result.requests.total} responses in ${result.duration.toFixed(1)} s, ${(bytesPerResponse / 1024).toFixed(1)} KiB/response, ` +
      `errors ${result.errors}, timeouts ${result.timeouts}, ` +
      `latency mean ${result.latency.mean.toFixed(2)} ms max ${result.latency.max} ms`,
  );
  console.log(
    `  cpu (% of one core): server ${serverCpuPercent.toFixed(0)}%, load generator ${clientCpuPercent.toFixed(0)}%, ` +
      `everything else ${otherCpuPercent.toFixed(0)}%; server cpu ${serverMicrosPerResponse.toFixed(0)} µs/response`,
  );
}

/** GETs every path once, in order (this renders each page into Newsdesk's cache); returns the count per status. */
async function firstPass(origin: string, paths: string[]): Promise<{ statuses: Map<number, number>; bodyBytes: number; ms: number }> {
  const statuses = new Map<number, number>();
  let bodyBytes = 0;
  const started = performance.now();
  for (const p of paths) {
    const response = await fetch(origin + p, { redirect: 'manual' });
    bodyBytes += (await response.arrayBuffer()).byteLength;
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }
  return { statuses, bodyBytes, ms: performance.now() - started };
}

function describeStatuses(statuses: Map<number, number>): string {
  return [...statuses.entries()].map(([status, count]) => `${count}× ${status}`).join(', ');
}

async function runBenchmark(): Promise<void> {
  if (args.help) {
    console.log(usage());
    return;
  }
  const corpus = path.resolve(args.corpus ?? DEFAULT_CORPUS);
  const limit = args.limit === undefined ? null : positiveNumber('limit', args.limit, 0, { integer: true, min: 1 });
  const settings: Settings = {
    duration: positiveNumber('duration', args.duration, 10, { min: 1 }),
    connections: positiveNumber('connections', args.connections, 50, { integer: true, min: 1 }),
    warmup: positiveNumber('warmup', args.warmup, 2),
  };
  if (!fs.existsSync(corpus)) throw new Error(`corpus not found: ${corpus} (use --corpus PATH)`);

  const cpus = os.cpus();
  const require = createRequire(import.meta.url);
  const cannonVersion = (require('autocannon/package.json') as { version: string }).version;
  console.log(`node ${process.version} on ${os.platform()} ${os.arch()}`);
  console.log(`cpu: ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length} cores (available parallelism ${os.availableParallelism()})`);
  console.log(
    `autocannon ${cannonVersion}: ${settings.connections} connections, ${settings.duration} s per run` +
      `${settings.warmup > 0 ? ` after ${settings.warmup} s warm-up` : ''}, load generated from this process`,
  );

  const sqliteFile = await prepareStore(corpus, limit, args.reimport === true);
  const paths = await articlePaths(sqliteFile);
  const cachedPath = paths[0];
  if (!cachedPath) throw new Error(`no story is published at ${NOW.toISOString()} in ${sqliteFile}`);

  const newsdesk = await startChild('newsdesk', ['--serve', 'newsdesk', '--store', sqliteFile]);
  const page = await fetch(newsdesk.origin + cachedPath, { redirect: 'manual' });
  const body = Buffer.from(await page.arrayBuffer());
  const contentType = page.headers.get('content-type') ?? 'text/html; charset=utf-8';
  if (page.status !== 200) throw new Error(`GET ${cachedPath} answered ${page.status}, expected 200`);
  console.log(`newsdesk: ${newsdesk.origin}, clock pinned to ${NOW.toISOString()}`);
  console.log(`article (cached): ${cachedPath} (${body.length} bytes, ${contentType})`);

  const baseline = await startChild('baseline', ['--serve', 'baseline'], {
    type: 'serve',
    bodyBase64: body.toString('base64'),
    contentType,
  });
  const check = await fetch(baseline.origin + cachedPath);
  if (!Buffer.from(await check.arrayBuffer()).equals(body)) throw new Error('baseline does not answer the same bytes');
  console.log(`baseline: ${baseline.origin}, same ${body.length} bytes from memory`);
  const busy = await idleCheck(1_000);
  console.log(`machine before measuring: ${busy.toFixed(0)}% of ${cpus.length} cores busy`);
  if (busy > 15) console.log('  warning: other processes are using the CPU; the figures below will be low and noisy');
  console.log('');

  console.log(`newsdesk, one article (cached)`);
  const cached = await measure('newsdesk-cached', newsdesk, { path: cachedPath }, settings);

  console.log(`newsdesk, ${paths.length} articles rotating`);
  const pass = await firstPass(newsdesk.origin, paths);
  console.log(
    `  first pass (renders into the page cache): ${paths.length} pages in ${(pass.ms / 1000).toFixed(1)} s ` +
      `(${(pass.ms / paths.length).toFixed(1)} ms/page sequential), ${describeStatuses(pass.statuses)}, ` +
      `mean body ${(pass.bodyBytes / paths.length / 1024).toFixed(1)} KiB`,
  );
  const rotating = await measure('newsdesk-rotating', newsdesk, { paths }, settings);

  console.log('baseline node:http (same bytes from memory)');
  const base = await measure('baseline', baseline, { path: cachedPath }, settings);

  console.log('');
  const ratio = (m: Measurement) => (base.result.requests.mean ? m.result.requests.mean / base.result.requests.mean : NaN);
  console.log(`ratio cached/baseline: ${ratio(cached).toFixed(2)}`);
  console.log(`ratio rotating/baseline: ${ratio(rotating).toFixed(2)}`);

  await Promise.all([newsdesk.stop(), baseline.stop()]);
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (args.serve === 'newsdesk') {
    if (!args.store) throw new Error('--serve newsdesk needs --store FILE');
    await serveNewsdesk(args.store);
  } else if (args.serve === 'baseline') {
    serveBaseline();
  } else if (args.serve !== undefined) {
    throw new Error(`unknown --serve ${args.serve}`);
  } else {
    guardChildren();
    try {
      await runBenchmark();
    } finally {
      await stopAllChildren();
    }
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (args.serve) {
    sendToParent({ type: 'failed', message });
    console.error(`bench child (${args.serve}): ${message}`);
    process.exit(1);
  }
  console.error(`bench:article: ${message}`);
  process.exitCode = 1;
});
