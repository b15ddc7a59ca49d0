import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { MemoryLogger } from '../src/logger.ts';
import { CACHE_STATE_PATH, CacheStateStore } from '../src/state/cache-store.ts';
import type { CacheStateStoreOptions } from '../src/state/cache-store.ts';
import type { StateDocument } from '../src/state/document.ts';
import { startActionsServices } from './sim/github/actions-services.ts';
import { useRunnerEnv, type RunnerEnv } from './support/runner-env.ts';
import type { ActionsServices } from './sim/github/actions-services.ts';

// The real @actions/cache against the simulated cache service. The library reads the runner's
// environment at call time, so it is set per test and restored afterwards.

let sim: ActionsServices;
let root: string;
let runnerEnv: RunnerEnv;
let workspace: string;
let logger: MemoryLogger;
let account: string;

beforeAll(async () => {
  sim = await startActionsServices();
  root = await mkdtemp(join(tmpdir(), 'state-cache-store-'));
});

afterAll(async () => {
  await sim.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  runnerEnv = await useRunnerEnv(sim, root);
  workspace = runnerEnv.workspace;
  logger = new MemoryLogger();
  account = `ACC${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
});

afterEach(() => {
  runnerEnv.restore();
  expect(sim.crashes).toEqual([]);
});

function store(runId: string, overrides: Partial<CacheStateStoreOptions> = {}): CacheStateStore {
  return new CacheStateStore({
    stateKey: '1password-events',
    account,
    runId,
    runAttempt: '1',
    workspace,
    logger,
    ...overrides,
  });
}

function doc(updatedAt: string, cursor: string, forAccount = account): StateDocument {
  return {
    schema: 1,
    account: forAccount,
    server: 'https://events.1password.com',
    updatedAt,
    writtenBy: 'run',
    feeds: { signinattempts: { cursor, apiVersion: 'v2', savedAt: updatedAt, recentUuids: ['u1'] } },
  };
}

/** The workspace is left as it was: no state file or folder stays behind. */
async function expectCleanWorkspace(): Promise<void> {
  expect(await readdir(workspace)).toEqual(['runner-temp']);
}

describe('CacheStateStore', () => {
  it('saves under <stateKey>-<account>-<runId>-<runAttempt> and restores the same document', async () => {
    const original = doc('2026-11-02T00:00:00Z', 'cursor-1');
    const result = await store('101').save(original);
    expect(result).toEqual({
      saved: true,
      detail: `saved to the Actions cache as 1password-events-${account}-101-1`,
    });
    const entry = sim.cache
      .entries()
      .find((candidate) => candidate.key === `1password-events-${account}-101-1`);
    expect(entry).toBeDefined();
    const files = await sim.cache.entryFiles(entry!.key);
    expect([...files!.keys()]).toEqual([CACHE_STATE_PATH]);
    await expectCleanWorkspace();

    expect(await store('102').load()).toEqual(original);
    await expectCleanWorkspace();
  });

  it('restores the newest of several runs by the account prefix', async () => {
    await store('201').save(doc('2026-11-02T00:00:00Z', 'first'));
    await store('202', { runAttempt: '3' }).save(doc('2026-11-03T00:00:00Z', 'second'));
    // Another account sharing the key prefix text must not be picked up.
    await new CacheStateStore({
      stateKey: '1password-events',
      account: `${account}X`,
      runId: '203',
      runAttempt: '1',
      workspace,
      logger,
    }).save(doc('2026-11-04T00:00:00Z', 'other account', `${account}X`));

    const loaded = await store('204').load();
    expect(loaded?.feeds.signinattempts?.cursor).toBe('second');
  });

  it('ignores an entry that belongs to another account whose name extends this one', async () => {
    // `<key>-ACC-` is a prefix of `<key>-ACC-X-...`: the account check inside the document catches it.
    const sibling = `${account}-X`;
    await new CacheStateStore({
      stateKey: 'k',
      account: sibling,
      runId: '1',
      runAttempt: '1',
      workspace,
      logger,
    }).save(doc('2026-11-02T00:00:00Z', 'sibling', sibling));
    const loaded = await new CacheStateStore({
      stateKey: 'k',
      account,
      runId: '2',
      runAttempt: '1',
      workspace,
      logger,
    }).load();
    expect(loaded).toBeUndefined();
    expect(logger.lines.join('\n')).toMatch(/holds the state of another account/);
  });

  it('does not throw when the key already exists: the entry stays immutable', async () => {
    expect((await store('301').save(doc('2026-11-02T00:00:00Z', 'kept'))).saved).toBe(true);
    const again = await store('301').save(doc('2026-11-03T00:00:00Z', 'dropped'));
    expect(again).toEqual({
      saved: false,
      detail: `the Actions cache did not store 1password-events-${account}-301-1`,
    });
    expect((await store('302').load())?.feeds.signinattempts?.cursor).toBe('kept');
    await expectCleanWorkspace();
  });

  it.each(['conflict', 'write-denied', 'rate-limit'] as const)(
    'reports a save refused by the service (%s) as not saved, without throwing',
    async (mode) => {
      sim.cache.failNextSaves(1, mode);
      const result = await store('401').save(doc('2026-11-02T00:00:00Z', 'lost'));
      expect(result.saved).toBe(false);
      expect(result.detail).toContain(`1password-events-${account}-401-1`);
      expect(sim.cache.entries().some((entry) => entry.key.includes(account))).toBe(false);
      await expectCleanWorkspace();
    },
  );

  it('reports a save that keeps failing with 5xx as not saved, without throwing', async () => {
    // @actions/cache retries 5xx five times, 3 s apart and growing: shorten those waits (only those)
    // so the test takes milliseconds instead of ~25 s. Nothing else about the library changes.
    const realSetTimeout = globalThis.setTimeout;
    const shortened = ((handler: () => void, ms?: number) =>
      realSetTimeout(handler, ms !== undefined && ms >= 2_000 && ms <= 60_000 ? 5 : ms)) as typeof setTimeout;
    globalThis.setTimeout = shortened;
    try {
      sim.cache.failNextSaves(5, 'server-error');
      const result = await store('501').save(doc('2026-11-02T00:00:00Z', 'lost'));
      expect(result.saved).toBe(false);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
    const statuses = sim.requestLog
      .filter((entry) => entry.rpc === 'CacheService/CreateCacheEntry')
      .slice(-5)
      .map((entry) => entry.status);
    expect(statuses).toEqual([500, 500, 500, 500, 500]);
    expect(sim.cache.entries().some((entry) => entry.key.includes(account))).toBe(false);
    await expectCleanWorkspace();
  });

  it.each(['read-denied', 'rate-limit'] as const)('treats a refused restore (%s) as a miss', async (mode) => {
    await store('601').save(doc('2026-11-02T00:00:00Z', 'there'));
    sim.cache.failNextRestores(1, mode);
    expect(await store('602').load()).toBeUndefined();
    expect((await store('603').load())?.feeds.signinattempts?.cursor).toBe('there');
  });

  it('finds nothing after the entries were evicted', async () => {
    await store('701').save(doc('2026-11-02T00:00:00Z', 'evicted'));
    expect(sim.cache.evictAll()).toBeGreaterThan(0);
    expect(await store('702').load()).toBeUndefined();
    expect(logger.lines).toContain(`info: No Actions cache entry starts with 1password-events-${account}-.`);
    await expectCleanWorkspace();
  });

  it('says so, and neither restores nor saves, when no cache service is configured', async () => {
    delete process.env.ACTIONS_RESULTS_URL;
    delete process.env.ACTIONS_CACHE_URL;
    const before = sim.requestLog.length;
    expect(await store('801').load()).toBeUndefined();
    expect(await store('801').save(doc('2026-11-02T00:00:00Z', 'x'))).toEqual({
      saved: false,
      detail: 'the Actions cache service is not available to this step',
    });
    expect(sim.requestLog.length).toBe(before);
    expect(logger.lines.join('\n')).toMatch(/warning: The Actions cache service is not available/);
  });

  it('works when the process runs from another directory than the workspace', async () => {
    expect(process.cwd()).not.toBe(workspace);
    const cwdBefore = process.cwd();
    await store('901').save(doc('2026-11-02T00:00:00Z', 'from elsewhere'));
    expect((await store('902').load())?.feeds.signinattempts?.cursor).toBe('from elsewhere');
    expect(process.cwd()).toBe(cwdBefore);
    expect(process.env.GITHUB_WORKSPACE).toBe(workspace);
  });
});
