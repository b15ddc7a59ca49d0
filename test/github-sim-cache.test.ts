import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as cache from '@actions/cache';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startActionsServices } from './sim/github/actions-services.ts';
import { useRunnerEnv, type RunnerEnv } from './support/runner-env.ts';
import type { ActionsServices } from './sim/github/actions-services.ts';

// The real, unmodified @actions/cache 6.x against the simulator. It reads its configuration from
// process.env at call time, so the environment is set per test and restored afterwards.

let sim: ActionsServices;
let root: string;
let runnerEnv: RunnerEnv;
let workspace: string;
let stateFile: string;

beforeAll(async () => {
  sim = await startActionsServices();
  root = await mkdtemp(join(tmpdir(), 'gh-sim-cache-'));
});

afterAll(async () => {
  await sim.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  runnerEnv = await useRunnerEnv(sim, root);
  workspace = runnerEnv.workspace;
  stateFile = join(workspace, 'state.json');
});

afterEach(() => {
  runnerEnv.restore();
  expect(sim.crashes).toEqual([]);
});

async function save(key: string, content: string, paths = [stateFile]): Promise<number> {
  await writeFile(stateFile, content);
  return cache.saveCache(paths, key);
}

async function restore(
  key: string,
  restoreKeys: string[] = [],
  paths = [stateFile],
): Promise<string | undefined> {
  await rm(stateFile, { force: true });
  return cache.restoreCache(paths, key, restoreKeys);
}

function statusesOf(rpc: string): number[] {
  return sim.requestLog.filter((entry) => entry.rpc === `CacheService/${rpc}`).map((entry) => entry.status);
}

describe('cache service v2 with the real @actions/cache', () => {
  it('is available to the library through the runner env', () => {
    expect(cache.isFeatureAvailable()).toBe(true);
    expect(process.env.ACTIONS_RUNTIME_TOKEN?.split('.')).toHaveLength(3);
  });

  it('saves, then restores by exact key and by prefix, newest first', async () => {
    const prefix = `state-${randomUUID()}-`;
    const firstId = await save(`${prefix}run1`, '{"cursor":"one"}');
    expect(firstId).toBeGreaterThan(0);
    const secondId = await save(`${prefix}run2`, '{"cursor":"two"}');
    expect(secondId).toBeGreaterThan(firstId);

    expect(await restore(`${prefix}run1`)).toBe(`${prefix}run1`);
    expect(await readFile(stateFile, 'utf8')).toBe('{"cursor":"one"}');

    // A primary key that matches nothing falls back to the restore key prefix: the newest entry wins.
    expect(await restore(`${prefix}run3`, [prefix])).toBe(`${prefix}run2`);
    expect(await readFile(stateFile, 'utf8')).toBe('{"cursor":"two"}');

    const stored = sim.cache.entries().filter((entry) => entry.key.startsWith(prefix));
    expect(stored.map((entry) => entry.key)).toEqual([`${prefix}run1`, `${prefix}run2`]);
    expect(stored[0]?.size).toBe(stored[0]?.bytes.length);
    const files = await sim.cache.entryFiles(`${prefix}run2`);
    expect([...(files?.values() ?? [])].map((bytes) => bytes.toString())).toEqual(['{"cursor":"two"}']);
  });

  it('prefers an exact key over a newer entry it is a prefix of', async () => {
    const prefix = `exact-${randomUUID()}-`;
    await save(`${prefix}1`, 'exact');
    await save(`${prefix}10`, 'newer prefix match');
    expect(await restore(`${prefix}1`)).toBe(`${prefix}1`);
    expect(await readFile(stateFile, 'utf8')).toBe('exact');
    // Without an exact match the primary key acts as a prefix.
    expect(await restore(prefix)).toBe(`${prefix}10`);
  });

  it('only matches entries of the same version (the same path list)', async () => {
    const key = `version-${randomUUID()}`;
    await save(key, 'v');
    expect(await restore(key, [], [stateFile, join(workspace, 'other.json')])).toBeUndefined();
    expect(await restore(key)).toBe(key);
  });

  it('answers a duplicate key+version with 409, which saveCache turns into -1', async () => {
    const key = `dup-${randomUUID()}`;
    expect(await save(key, 'first')).toBeGreaterThan(0);
    const before = statusesOf('CreateCacheEntry').length;
    expect(await save(key, 'second')).toBe(-1);
    expect(statusesOf('CreateCacheEntry').slice(before)).toEqual([409]);
    expect(sim.requestLog.at(-1)?.rpc).toBe('CacheService/CreateCacheEntry');
    // The entry is immutable: the first content is still what restores.
    await restore(key);
    expect(await readFile(stateFile, 'utf8')).toBe('first');
  });

  it('misses after eviction', async () => {
    const key = `evict-${randomUUID()}`;
    await save(key, 'soon gone');
    expect(sim.cache.evict((entry) => entry.key === key)).toBe(1);
    expect(await restore(key)).toBeUndefined();
    expect(await readFile(stateFile, 'utf8').catch(() => 'absent')).toBe('absent');
    await save(`${key}-again`, 'x');
    expect(sim.cache.evictAll()).toBeGreaterThan(0);
    expect(sim.cache.entries()).toEqual([]);
  });

  it.each(['conflict', 'write-denied', 'rate-limit'] as const)(
    'failNextSaves(1, %s) makes exactly one save return -1',
    async (mode) => {
      const key = `fault-${mode}-${randomUUID()}`;
      sim.cache.failNextSaves(1, mode);
      expect(await save(key, 'x')).toBe(-1);
      expect(sim.cache.entries().some((entry) => entry.key === key)).toBe(false);
      expect(await save(key, 'x')).toBeGreaterThan(0);
    },
  );

  it('server-error answers 500, which the client retries: one failure is absorbed', async () => {
    const key = `fault-500-${randomUUID()}`;
    sim.cache.failNextSaves(1, 'server-error');
    const before = statusesOf('CreateCacheEntry').length;
    expect(await save(key, 'x')).toBeGreaterThan(0);
    expect(statusesOf('CreateCacheEntry').slice(before)).toEqual([500, 200]);
  });

  it.each(['read-denied', 'rate-limit'] as const)(
    'failNextRestores(1, %s) turns one restore into a miss',
    async (mode) => {
      const key = `restore-${mode}-${randomUUID()}`;
      await save(key, 'kept');
      sim.cache.failNextRestores(1, mode);
      expect(await restore(key)).toBeUndefined();
      expect(statusesOf('GetCacheEntryDownloadURL').at(-1)).toBe(mode === 'read-denied' ? 403 : 429);
      expect(await restore(key)).toBe(key);
    },
  );

  it('never leaks the blob signature into its request log', () => {
    const blobRequests = sim.requestLog.filter((entry) => entry.path.startsWith('/blob/'));
    expect(blobRequests.length).toBeGreaterThan(0);
    for (const entry of blobRequests) expect(entry.path).toMatch(/sig=\*\*\*/);
  });
});
