/** The `newsdesk` command as users run it: a real process, real files, real output. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { tempFile } from '../support/corpus.js';

const run = promisify(execFile);
const entry = ['--import', 'tsx', path.resolve('src/cli/main.ts')];

function newsdesk(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, [...entry, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-cli-'));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('newsdesk command', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it.each([[[]], [['serve']], [['migrate']], [['import']], [['user', 'add']], [['user', 'reset-link']], [['source', 'add']], [['source', 'list']]])('explains itself with --help %j', async (args) => {
    const { code, stdout } = await newsdesk([...args, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: newsdesk/);
  });

  it('migrates, then reports the schema is up to date', async () => {
    const env = { NEWSDESK_DATA: tempDataDir() };
    const names = Object.keys(await migrationProvider.getMigrations()).sort();
    expect(names.slice(0, 2)).toEqual(['001-initial', '002-newsroom']);
    expect((await newsdesk(['migrate'], env)).stdout).toMatch(new RegExp(`^Applied ${names.join(', ')} \\(sqlite\\)`));
    expect((await newsdesk(['migrate'], env)).stdout).toMatch(/^Schema is up to date/);
  });

  it('imports, reports bad lines by number, and changes nothing the second time', async () => {
    const env = { NEWSDESK_DATA: tempDataDir() };
    const file = tempFile(
      'cli.jsonl',
      `${JSON.stringify({ id: 'c1', title: 'A story', body: 'Text.', date: '2015-09-11T10:00:00Z' })}\n{oops\n`,
    );
    const first = await newsdesk(['import', file], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`${file}:2: not valid JSON`);
    expect(first.stdout).toMatch(/1 added, 0 updated, 0 unchanged, 0 duplicate, 1 rejected\./);
    const second = await newsdesk(['import', file], env);
    expect(second.stdout).toMatch(/0 added, 0 updated, 1 unchanged, 0 duplicate, 1 rejected\./);
  });

  it('relates on this thread alone when told, and refuses a place it does not know', async () => {
    const env = { NEWSDESK_DATA: tempDataDir() };
    const file = tempFile('relate-on.jsonl', `${JSON.stringify({ id: 'r1', title: 'A story', body: 'Text.', date: '2015-09-11T10:00:00Z' })}\n`);
    const wrong = await newsdesk(['import', '--relate-on', 'elsewhere', file], env);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("'--relate-on <where>' argument 'elsewhere' is invalid. must be worker or this-thread");
    const imported = await newsdesk(['import', '--relate-on', 'this-thread', '--prepare-on', 'this-thread', file], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/1 added, 0 updated/);
  });

  it('adds an owner and prints a reset link for them', async () => {
    const env = { NEWSDESK_DATA: tempDataDir(), NEWSDESK_PASSWORD: 'a long enough password' };
    const added = await newsdesk(['user', 'add', '--email', 'Ed@Example.com', '--name', 'Ed Owner'], env);
    expect(added.stdout).toBe('Added owner Ed Owner <ed@example.com>\n');
    const second = await newsdesk(['user', 'add', '--email', 'x@example.com', '--name', 'X'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('this newsroom already has an owner');
    const link = await newsdesk(['user', 'reset-link', 'ed@example.com'], env);
    expect(link.stdout).toMatch(/^http:\/\/localhost:3000\/admin\/reset\/[A-Za-z0-9_-]{43}\n/);
  });

  it('adds a pushing source and prints its endpoint and token once', async () => {
    const env = { NEWSDESK_DATA: tempDataDir() };
    const added = await newsdesk(['source', 'add', '--name', 'Xinhua', '--section', 'World'], env);
    expect(added.stdout).toMatch(
      /^Added source xinhua \(publish, section World\)\.\nPush to: http:\/\/localhost:3000\/api\/v1\/ingest\/xinhua\nAuthorization: Bearer [A-Za-z0-9_-]{43}\n$/,
    );
    const again = await newsdesk(['source', 'add', '--name', 'Xinhua', '--section', 'World'], env);
    expect([again.code, again.stderr.includes('a source xinhua already exists')]).toEqual([1, true]);
  });

  it('adds a drop-folder source that queues, imports as that source, and lists sources with their queues', async () => {
    const env = { NEWSDESK_DATA: tempDataDir() };
    const folder = tempDataDir();
    const added = await newsdesk(['source', 'add', '--name', 'Partner Wire', '--section', 'Business', '--trust', 'queue', '--dir', folder, '--interval', '60'], env);
    expect(added.stdout).toBe(`Added source partner-wire (queue, section Business).\nPolls ${folder} every 60 s while newsdesk serve runs.\n`);
    const both = await newsdesk(['source', 'add', '--name', 'Both', '--section', 'World', '--url', 'http://127.0.0.1/feed', '--dir', folder], env);
    expect([both.code, both.stderr]).toEqual([1, 'newsdesk: give --url or --dir, not both (NEWSDESK_ERR_VALIDATION)\n']);
    const feed = tempFile('partner.json', JSON.stringify({ uri: 'urn:partner:cli-1', type: 'text', headline: 'Queued from the command line', body_html: '<p>Text.</p>' }));
    const imported = await newsdesk(['import', '--source', 'partner-wire', feed], env);
    expect(imported.stdout).toMatch(/: 0 added, 0 updated, 0 unchanged, 0 duplicate, 1 queued, 0 rejected\.\n$/);
    const listed = await newsdesk(['source', 'list'], env);
    expect(listed.stdout).toBe(`partner-wire\tqueue\tBusiness\tfolder ${folder} · not checked yet · 1 waiting\n`);
    const unknown = await newsdesk(['import', '--source', 'nobody', feed], env);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'newsdesk: no source nobody (NEWSDESK_ERR_NOT_FOUND)\n']);
  }, 90_000);

  it('polls a drop folder while serving', async () => {
    const env = { NEWSDESK_DATA: tempDataDir() };
    const folder = tempDataDir();
    await newsdesk(['source', 'add', '--name', 'Drop Agency', '--section', 'World', '--dir', folder], env);
    fs.writeFileSync(path.join(folder, 'story.json'), JSON.stringify({ uri: 'urn:drop:serve-1', type: 'text', headline: 'Dropped while serving', body_html: '<p>Text.</p>' }));
    const port = await freePort();
    const child = spawn(process.execPath, [...entry, 'serve', '--port', String(port)], { env: { ...process.env, ...env, HOST: '127.0.0.1' } });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Newsdesk is running at')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    // The poller's first pass runs before the server says it is listening.
    const list = (await (await fetch(`http://127.0.0.1:${port}/api/v1/articles`)).json()) as { items: { headline: string }[] };
    expect(list.items.map((i) => i.headline)).toEqual(['Dropped while serving']);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a malformed NEWSDESK_NOW with a clear message', async () => {
    const { code, stderr } = await newsdesk(['migrate'], { NEWSDESK_DATA: tempDataDir(), NEWSDESK_NOW: 'tomorrow' });
    expect(code).toBe(1);
    expect(stderr).toContain('NEWSDESK_NOW="tomorrow" is not an ISO 8601 time');
  });

  it('serves the demo newsroom on first run', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [...entry, 'serve', '--demo', '--port', String(port)], {
      env: { ...process.env, NEWSDESK_DATA: tempDataDir(), HOST: '127.0.0.1' },
    });
    children.push(child);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Newsdesk is running at')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    expect(output).toMatch(/Loaded \d+ demo stories/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(home).toContain("Editor's Picks");
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
