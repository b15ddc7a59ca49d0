import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';

const { gzipSync } = zlib;
/** Node 24 (the tests' runtime) compresses zstd like the runner's zstd binary. */
const zstdCompressSync = (zlib as unknown as { zstdCompressSync: (b: Buffer) => Buffer }).zstdCompressSync;

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { MemoryLogger } from '../src/logger.ts';
import { CACHE_STATE_PATH, CacheStateStore } from '../src/state/cache-store.ts';
import type { CacheStateStoreOptions } from '../src/state/cache-store.ts';
import type { StateDocument } from '../src/state/document.ts';
import { serializeStateDocument } from '../src/state/parse.ts';
import { MAX_SEALED_BYTES, sealState, stateSealKey, type StateSealKey } from '../src/state/seal.ts';
import { cacheVersion } from '../src/state/cache-entry.ts';
import type { StateRead } from '../src/state/store.ts';
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
let seal: StateSealKey;
const EVENTS_TOKEN = 'eyJhbGciOiJFUzI1NiJ9.events-token-of-the-export.sig';

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
  seal = stateSealKey(EVENTS_TOKEN, account, 'https://events.1password.com');
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
    seal,
    ...overrides,
  });
}

const docOf = (read: StateRead) => (read.status === 'found' ? read.doc : undefined);
const loadDoc = async (from: CacheStateStore) => docOf(await from.read());

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

    expect(await loadDoc(store('102'))).toEqual(original);
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
      seal,
    }).save(doc('2026-11-04T00:00:00Z', 'other account', `${account}X`));

    const loaded = await loadDoc(store('204'));
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
      seal,
    }).save(doc('2026-11-02T00:00:00Z', 'sibling', sibling));
    const loaded = await new CacheStateStore({
      stateKey: 'k',
      account,
      runId: '2',
      runAttempt: '1',
      workspace,
      logger,
      seal,
    }).read();
    expect(loaded).toMatchObject({ status: 'refused', reason: 'it holds the state of another account' });
  });

  it('does not throw when the key already exists: the entry stays immutable', async () => {
    expect((await store('301').save(doc('2026-11-02T00:00:00Z', 'kept'))).saved).toBe(true);
    const again = await store('301').save(doc('2026-11-03T00:00:00Z', 'dropped'));
    expect(again).toEqual({
      saved: false,
      detail: `the Actions cache did not store 1password-events-${account}-301-1`,
    });
    expect((await loadDoc(store('302')))?.feeds.signinattempts?.cursor).toBe('kept');
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
    expect(await loadDoc(store('602'))).toBeUndefined();
    expect((await loadDoc(store('603')))?.feeds.signinattempts?.cursor).toBe('there');
  });

  it('finds nothing after the entries were evicted', async () => {
    await store('701').save(doc('2026-11-02T00:00:00Z', 'evicted'));
    expect(sim.cache.evictAll()).toBeGreaterThan(0);
    expect(await loadDoc(store('702'))).toBeUndefined();
    expect(logger.lines).toContain(`info: No Actions cache entry starts with 1password-events-${account}-.`);
    await expectCleanWorkspace();
  });

  it('says so, and neither restores nor saves, when no cache service is configured', async () => {
    delete process.env.ACTIONS_RESULTS_URL;
    delete process.env.ACTIONS_CACHE_URL;
    const before = sim.requestLog.length;
    expect(await loadDoc(store('801'))).toBeUndefined();
    expect(await store('801').save(doc('2026-11-02T00:00:00Z', 'x'))).toEqual({
      saved: false,
      detail: 'the Actions cache service is not available to this step',
    });
    expect(sim.requestLog.length).toBe(before);
    expect(logger.lines.join('\n')).toMatch(/warning: The Actions cache service \(v2\) is not available/);
  });

  it('works when the process runs from another directory than the workspace', async () => {
    expect(process.cwd()).not.toBe(workspace);
    const cwdBefore = process.cwd();
    await store('901').save(doc('2026-11-02T00:00:00Z', 'from elsewhere'));
    expect((await loadDoc(store('902')))?.feeds.signinattempts?.cursor).toBe('from elsewhere');
    expect(process.cwd()).toBe(cwdBefore);
    expect(process.env.GITHUB_WORKSPACE).toBe(workspace);
  });
});

// ---- someone who can write cache entries but does not hold the Events token --------------------

/** Creates a cache entry the way any workflow job with the runtime token can: raw archive bytes. */
async function plant(key: string, archive: Buffer, method = 'gzip'): Promise<void> {
  const version = cacheVersion([CACHE_STATE_PATH], method);
  const call = async (rpc: string, body: unknown) => {
    const url = new URL(
      `/twirp/github.actions.results.api.v1.CacheService/${rpc}`,
      process.env.ACTIONS_RESULTS_URL,
    );
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${process.env.ACTIONS_RUNTIME_TOKEN}`,
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, string>;
  };
  const created = await call('CreateCacheEntry', { key, version });
  const put = await fetch(created.signed_upload_url!, {
    method: 'PUT',
    headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'application/octet-stream' },
    body: archive,
  });
  expect(put.status).toBe(201);
  expect(
    (await call('FinalizeCacheEntryUpload', { key, version, size_bytes: String(archive.length) })).ok,
  ).toBe(true);
}

/** A ustar archive of the given members (type '0' file, '2' symlink, '5' directory). */
function tarOf(members: { name: string; body?: string | Buffer; type?: string; link?: string }[]): Buffer {
  const blocks: Buffer[] = [];
  for (const member of members) {
    const body = Buffer.from(member.body ?? '');
    const header = Buffer.alloc(512);
    header.write(member.name, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write(member.type ?? '0', 156);
    header.write(member.link ?? '', 157, 100, 'utf8');
    header.write('ustar\0' + '00', 257);
    const sum = header.reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

describe('CacheStateStore against planted entries', () => {
  it('keeps the state sealed in the entry: the document with a MAC, not the plain document', async () => {
    const original = doc('2026-11-02T00:00:00Z', 'sealed');
    await store('1001').save(original);
    const bytes = (await sim.cache.entryFiles(`1password-events-${account}-1001-1`))!.get(CACHE_STATE_PATH)!;
    const envelope = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual(['keyId', 'mac', 'sealed', 'state']);
    expect(envelope.state).toBe(serializeStateDocument(original));
    expect(bytes.toString('utf8')).not.toContain(EVENTS_TOKEN);
  });

  it('ignores a newer entry written without the token, and says why', async () => {
    await store('1101').save(doc('2026-11-02T00:00:00Z', 'real'));
    const attacker = stateSealKey('a-guessed-token', account, 'https://events.1password.com');
    await store('1102', { seal: attacker }).save(doc('2026-11-09T00:00:00Z', 'skip-ahead'));
    await plant(
      `1password-events-${account}-1103-1`,
      gzipSync(
        tarOf([
          { name: CACHE_STATE_PATH, body: serializeStateDocument(doc('2026-11-10T00:00:00Z', 'plain')) },
        ]),
      ),
    );

    const read = await store('1104').read();
    // Neither the entry sealed with a guessed token nor the unsealed one is used; each says why.
    expect(read).toEqual({
      status: 'refused',
      origin: `cache entry 1password-events-${account}-1102-1`,
      reason:
        'it was not sealed with this Events token (the token was rotated, or someone without the token wrote it)',
    });
    expect(logger.lines).toContain(
      `warning: Ignoring the state in cache entry 1password-events-${account}-1103-1: it is not a sealed state (written by an older release, or not by this export).`,
    );
  });

  it('looks past planted entries to the newest one it can verify, when it can list the keys', async () => {
    await store('1201').save(doc('2026-11-02T00:00:00Z', 'older real'));
    await store('1202').save(doc('2026-11-03T00:00:00Z', 'newest real'));
    const attacker = stateSealKey('not-the-token', account, 'https://events.1password.com');
    for (const runId of ['1203', '1204']) {
      await store(runId, { seal: attacker }).save(doc('2026-11-09T00:00:00Z', `planted ${runId}`));
    }
    const listKeys = async (prefix: string) =>
      sim.cache
        .entries()
        .filter((entry) => entry.key.startsWith(prefix))
        .reverse()
        .map((entry) => entry.key);
    const read = await store('1205', { listKeys }).read();
    expect(read.status).toBe('found');
    expect(docOf(read)?.feeds.signinattempts?.cursor).toBe('newest real');
    // The one planted entry passed over after the first is named in a warning.
    expect(logger.lines).toContain(
      `warning: Ignoring the state in cache entry 1password-events-${account}-1203-1: it was not sealed with this Events token (the token was rotated, or someone without the token wrote it).`,
    );
  });

  it('tells an altered document from one sealed with another token', async () => {
    await store('1301').save(doc('2026-11-02T00:00:00Z', 'real'));
    const bytes = (await sim.cache.entryFiles(`1password-events-${account}-1301-1`))!.get(CACHE_STATE_PATH)!;
    const altered = bytes.toString('utf8').replace('"cursor\\": \\"real\\"', '"cursor\\": \\"skipped\\"');
    expect(altered).not.toBe(bytes.toString('utf8'));
    await plant(
      `1password-events-${account}-1302-1`,
      zstdCompressSync(tarOf([{ name: CACHE_STATE_PATH, body: altered }])),
      'zstd-without-long',
    );
    expect(await store('1303').read()).toMatchObject({
      status: 'refused',
      reason: 'its MAC does not match: it was altered after it was written',
    });
  });

  it.each([
    ['a path that climbs out of the workspace', [{ name: '../../escaped-by-cache.txt', body: 'pwned' }]],
    ['an absolute path', [{ name: '/tmp/escaped-by-cache-abs.txt', body: 'pwned' }]],
    ['a symlink in place of the state file', [{ name: CACHE_STATE_PATH, type: '2', link: '/etc/passwd' }]],
    [
      'a second member next to the state file',
      [
        { name: CACHE_STATE_PATH, body: '{}' },
        { name: '.github/workflows/evil.yml', body: 'on: push' },
      ],
    ],
  ])('refuses an archive with %s and writes nothing anywhere', async (_what, members) => {
    await plant(`1password-events-${account}-1401-1`, gzipSync(tarOf(members)));
    const before = await readdir(workspace);
    const read = await store('1402').read();
    expect(read).toMatchObject({ status: 'refused', reason: expect.stringMatching(/archive/) });
    expect(await readdir(workspace)).toEqual(before);
    await expect(stat(join(workspace, '..', '..', 'escaped-by-cache.txt'))).rejects.toThrow(/ENOENT/);
    await expect(stat('/tmp/escaped-by-cache-abs.txt')).rejects.toThrow(/ENOENT/);
  });

  it('refuses an entry larger than a sealed state without holding more than the bound', async () => {
    const big = Buffer.alloc(MAX_SEALED_BYTES + 1, 0x20);
    await plant(
      `1password-events-${account}-1501-1`,
      gzipSync(tarOf([{ name: CACHE_STATE_PATH, body: big }])),
    );
    expect(await store('1502').read()).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/larger than|bounded archive/),
    });
  });

  it('reads a zstd entry as @actions/cache writes it where zstd is installed', async () => {
    const seal2 = seal;
    const sealed = sealState(doc('2026-11-02T00:00:00Z', 'zstd'), seal2);
    await plant(
      `1password-events-${account}-1601-1`,
      zstdCompressSync(tarOf([{ name: CACHE_STATE_PATH, body: sealed }])),
      'zstd-without-long',
    );
    expect(docOf(await store('1602').read())?.feeds.signinattempts?.cursor).toBe('zstd');
  });
});
