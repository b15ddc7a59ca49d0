/**
 * The action's source entry, src/action/main.ts, is what @github/local-action imports and then calls
 * (`npm run local-action`, CONTRIBUTING.md): it must export run() and start nothing on import.
 * src/action/worker.ts, the bundle's entry, does run on import; the same probe must see that.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

let dir: string;
let savedEnv: NodeJS.ProcessEnv;
let written: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'action-entry-'));
  savedEnv = { ...process.env };
  // What a run writes first: the token's mask on stdout, then its outputs to GITHUB_OUTPUT.
  Object.assign(process.env, {
    INPUT_TOKEN: 'entry-probe-token',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
  });
  await writeFile(join(dir, 'output'), '');
  await writeFile(join(dir, 'summary'), '');
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  process.env = savedEnv;
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Imports `module`, then gives anything it started a moment to show itself. */
async function importAndSettle(module: string): Promise<Record<string, unknown>> {
  const exports = (await import(module)) as Record<string, unknown>;
  await new Promise((resolve) => setTimeout(resolve, 200));
  return exports;
}

it('src/action/main.ts exports run() and does nothing when imported', async () => {
  const entry = await importAndSettle('../src/action/main.ts');
  expect(typeof entry.run).toBe('function');
  expect(written).toEqual([]);
  expect(await readFile(join(dir, 'output'), 'utf8')).toBe('');
  expect(process.exitCode).toBeUndefined();
});

it('the probe sees an entry that runs on import (src/action/worker.ts)', async () => {
  await importAndSettle('../src/action/worker.ts');
  expect(written.join('')).toContain('::add-mask::entry-probe-token');
  expect(await readFile(join(dir, 'output'), 'utf8')).not.toBe('');
});
