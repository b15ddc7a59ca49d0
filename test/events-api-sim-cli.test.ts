/**
 * `npm run sim` starts the simulator standalone with a backlog, writes the token only where asked
 * (mode 0600), serves it over HTTP, and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const CLI = path.resolve('test/sim/events-api/cli.ts');
/** Absolute, so the CLI can run from any working directory. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Starts the CLI and resolves with its stdout once it is ready. */
function startCli(args: string[], cwd?: string): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) resolve({ child, output });
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${errors}`)));
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

it('serves a generated backlog with the token written to a 0600 file, and stops on SIGTERM', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'events-sim-cli-'));
  dirs.push(dir);
  const tokenFile = path.join(dir, 'token');
  const { child, output } = await startCli(['--port', '0', '--events', '1000', '--days', '3', '--token-file', tokenFile]); // prettier-ignore

  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  expect(url).toBeDefined();
  expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
  const token = (await readFile(tokenFile, 'utf8')).trim();
  expect(output).not.toContain(token);
  const signIns = Number(/signinattempts\s+([\d,]+) events/.exec(output)?.[1]?.replaceAll(',', ''));
  expect(signIns).toBe(280);

  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const introspection = await fetch(`${url}/api/v2/auth/introspect`, { headers });
  expect(((await introspection.json()) as { features: string[] }).features).toHaveLength(3);
  const page = await fetch(`${url}/api/v2/signinattempts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ limit: 1000, start_time: new Date(Date.now() - 4 * 86_400_000).toISOString() }),
  });
  expect(((await page.json()) as { items: unknown[] }).items).toHaveLength(signIns);

  const exited = exitCode(child);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
});

it('prints the token instead of writing any file without --token-file', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'events-sim-cli-'));
  dirs.push(dir);
  const { child, output } = await startCli(['--events', '30', '--days', '1', '--no-rate-limit'], dir);
  expect(output).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/m);
  expect(output).toContain('rate limits     off');
  expect(await readdir(dir)).toEqual([]);
  const exited = exitCode(child);
  child.kill('SIGINT');
  expect(await exited).toBe(0);
});
