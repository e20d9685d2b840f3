/** The `newsdesk` command as users run it: a real process, real files, real output. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
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

  it.each([[[]], [['serve']], [['migrate']], [['import']], [['user', 'add']], [['user', 'reset-link']], [['source', 'add']]])('explains itself with --help %j', async (args) => {
    const { code, stdout } = await newsdesk([...args, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: newsdesk/);
  });

  it('migrates, then reports the schema is up to date', async () => {
    const env = { NEWSDESK_DATA: tempDataDir() };
    expect((await newsdesk(['migrate'], env)).stdout).toMatch(/^Applied 001-initial, 002-newsroom, 003-boards, 004-reads, 005-wire, 006-relate-queue, 007-fingerprints, 008-sources \(sqlite\)/);
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
