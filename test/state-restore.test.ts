import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createOctokit } from '../src/github/octokit.ts';
import { MemoryLogger } from '../src/logger.ts';
import { CacheStateStore, type CacheStateStoreOptions } from '../src/state/cache-store.ts';
import { cacheKeyLister } from '../src/state/cache-listing.ts';
import { FileStateStore } from '../src/state/file-store.ts';
import { stateSealKey } from '../src/state/seal.ts';
import type { StateDocument } from '../src/state/document.ts';
import { RepoStateStore } from '../src/state/repo-store.ts';
import { restoreAuthoritative, restoreFirstTrusted } from '../src/state/store.ts';
import { startActionsServices } from './sim/github/actions-services.ts';
import type { ActionsServices } from './sim/github/actions-services.ts';
import { startGitHubRestSim } from './sim/github/rest.ts';
import type { GitHubRestSim } from './sim/github/rest.ts';

// The restore rules over the stores the action uses: the storage repository and the Actions cache.

let actions: ActionsServices;
let rest: GitHubRestSim;
let root: string;
let savedEnv: NodeJS.ProcessEnv;
let workspace: string;
let logger: MemoryLogger;
let account: string;
let repoName: string;
let token: string;

beforeAll(async () => {
  actions = await startActionsServices();
  rest = await startGitHubRestSim();
  root = await mkdtemp(join(tmpdir(), 'state-restore-'));
});

afterAll(async () => {
  await actions.close();
  await rest.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  savedEnv = { ...process.env };
  workspace = join(root, randomUUID());
  await mkdir(join(workspace, 'tmp'), { recursive: true });
  Object.assign(process.env, actions.env(), {
    RUNNER_TEMP: join(workspace, 'tmp'),
    GITHUB_WORKSPACE: workspace,
  });
  delete process.env.GITHUB_SERVER_URL;
  logger = new MemoryLogger();
  account = `ACC${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;
  repoName = `store-${randomUUID().slice(0, 8)}`;
  token = `ghs_${randomBytes(18).toString('hex')}`;
  rest.createRepo(`octo/${repoName}`);
  rest.addToken(token, { [`octo/${repoName}`]: { contents: 'write' } });
});

afterEach(() => {
  process.env = savedEnv;
  expect(actions.crashes).toEqual([]);
  expect(rest.crashes).toEqual([]);
});

function doc(updatedAt: string, writtenBy: string): StateDocument {
  return {
    schema: 1,
    account,
    server: 'https://events.1password.com',
    updatedAt,
    writtenBy,
    feeds: {
      itemusages: { cursor: `cursor-${writtenBy}`, apiVersion: 'v2', savedAt: updatedAt, recentUuids: [] },
    },
  };
}

function cacheOptions(runId: string): CacheStateStoreOptions {
  return {
    stateKey: 'events',
    account,
    runId,
    runAttempt: '1',
    workspace,
    logger,
    seal: stateSealKey('the-events-token', account, 'https://events.1password.com'),
  };
}

function stores(runId = '900'): { cache: CacheStateStore; repo: RepoStateStore } {
  const cache = new CacheStateStore(cacheOptions(runId));
  const repo = new RepoStateStore({
    octokit: createOctokit({ token, baseUrl: rest.url }),
    owner: 'octo',
    repo: repoName,
    storagePath: '1password-events',
    logger,
  });
  return { cache, repo };
}

function commitRepoState(state: StateDocument): void {
  rest.commitFiles(`octo/${repoName}`, {
    files: { '1password-events/_state/state.json': JSON.stringify(state) },
  });
}

describe('restoreAuthoritative: repo mode trusts the repository', () => {
  it('takes the repository copy when it is newer', async () => {
    await stores('1').cache.save(doc('2026-11-01T00:00:00Z', 'cache-run'));
    commitRepoState(doc('2026-11-02T00:00:00Z', 'repo-run'));
    const { repo, cache } = stores();
    const restored = await restoreAuthoritative(repo, [cache], logger);
    expect(restored).toEqual({ source: 'repo', doc: doc('2026-11-02T00:00:00Z', 'repo-run') });
    expect(logger.lines.filter((line) => line.startsWith('warning'))).toEqual([]);
  });

  it('follows a reverted repository even when the cache copy is newer, and says so', async () => {
    // The report: a state reverted in the storage repo lost to the newer cache copy, and every
    // later run failed. The repository is authoritative: the run continues from it.
    commitRepoState(doc('2026-11-02T00:00:00Z', 'reverted-to'));
    await stores('2').cache.save(doc('2026-11-03T00:00:00Z', 'cache-run'));
    const { repo, cache } = stores();
    const restored = await restoreAuthoritative(repo, [cache], logger);
    expect(restored).toEqual({ source: 'repo', doc: doc('2026-11-02T00:00:00Z', 'reverted-to') });
    expect(logger.lines).toContain(
      'warning: The cache copy of the state (run cache-run, 2026-11-03T00:00:00Z) is newer than the repo copy ' +
        '(run reverted-to, 2026-11-02T00:00:00Z): the repo copy was reverted or rewritten. Following the repo copy, ' +
        'which is authoritative: events after 2026-11-02T00:00:00Z are exported again.',
    );
  });

  it('starts without state when the repository has none, whatever the cache holds', async () => {
    await stores('4').cache.save(doc('2026-11-01T00:00:00Z', 'cache-run'));
    const { repo, cache } = stores();
    expect(await restoreAuthoritative(repo, [cache], logger)).toEqual({ source: 'none' });
  });

  it('is a conflict, not a restart, when the committed state fails validation', async () => {
    await stores('5').cache.save(doc('2026-11-01T00:00:00Z', 'cache-run'));
    rest.commitFiles(`octo/${repoName}`, {
      files: {
        '1password-events/_state/state.json': JSON.stringify({
          ...doc('2026-11-02T00:00:00Z', 'x'),
          extra: 1,
        }),
      },
    });
    const { repo, cache } = stores();
    const restored = await restoreAuthoritative(repo, [cache], logger);
    expect(restored.doc).toBeUndefined();
    expect(restored.source).toBe('none');
    expect(restored.conflict?.what).toBe(
      `The committed state octo/${repoName}@main:1password-events/_state/state.json cannot be used: it has an unknown field "extra". ` +
        'The repo copy is the authoritative record of where the export stands, so this run exported nothing rather than start over on top of it.',
    );
    expect(restored.conflict?.todo).toMatch(
      /^Restore the file from its history \(for example `git log -- 1password-events\/_state\/state\.json`/,
    );
  });

  it('is not moved by a cache entry planted without the token', async () => {
    commitRepoState(doc('2026-11-02T00:00:00Z', 'repo-run'));
    const attacker = stateSealKey('guess', account, 'https://events.1password.com');
    await new CacheStateStore({ ...cacheOptions('6'), seal: attacker }).save(
      doc('2026-11-09T00:00:00Z', 'planted'),
    );
    const { repo, cache } = stores();
    expect(await restoreAuthoritative(repo, [cache], logger)).toEqual({
      source: 'repo',
      doc: doc('2026-11-02T00:00:00Z', 'repo-run'),
    });
  });
});

describe('restoreFirstTrusted: artifact mode takes the first copy it can trust', () => {
  it('passes over a refused copy with a warning and takes the next store', async () => {
    const attacker = stateSealKey('guess', account, 'https://events.1password.com');
    await new CacheStateStore({ ...cacheOptions('7'), seal: attacker }).save(
      doc('2026-11-09T00:00:00Z', 'planted'),
    );
    const fallback = new FileStateStore(join(workspace, 'fallback.json'));
    await fallback.save(doc('2026-11-02T00:00:00Z', 'fallback-run'));
    const restored = await restoreFirstTrusted([stores().cache, fallback], logger);
    expect(restored).toEqual({ source: 'file', doc: doc('2026-11-02T00:00:00Z', 'fallback-run') });
    expect(logger.lines).toContain(
      `warning: Ignoring the state in cache entry events-${account}-7-1: it was not sealed with this Events token (the token was rotated, or someone without the token wrote it).`,
    );
  });

  it('looks past cache entries planted without the token, through the REST cache listing', async () => {
    rest.addToken(token, { [`octo/${repoName}`]: { contents: 'write', actions: 'read' } });
    rest.linkCacheEntries(`octo/${repoName}`, () => actions.cache.entries());
    await stores('10').cache.save(doc('2026-11-02T00:00:00Z', 'real-run'));
    const attacker = stateSealKey('guess', account, 'https://events.1password.com');
    for (const runId of ['11', '12', '13']) {
      await new CacheStateStore({ ...cacheOptions(runId), seal: attacker }).save(
        doc('2026-11-09T00:00:00Z', `planted-${runId}`),
      );
    }
    const listKeys = cacheKeyLister(createOctokit({ token, baseUrl: rest.url }), {
      owner: 'octo',
      repo: repoName,
    });
    const cache = new CacheStateStore({ ...cacheOptions('14'), listKeys });
    const restored = await restoreFirstTrusted([cache], logger);
    expect(restored).toEqual({ source: 'cache', doc: doc('2026-11-02T00:00:00Z', 'real-run') });
    // Without the listing, the newest (planted) entry is all the cache service shows: refused.
    expect(await restoreFirstTrusted([stores('15').cache], logger)).toEqual({ source: 'none' });
  });

  it('takes the first store that has a copy, and says "none" when none has', async () => {
    expect(await restoreFirstTrusted([stores().cache], logger)).toEqual({ source: 'none' });
    await stores('8').cache.save(doc('2026-11-01T00:00:00Z', 'cache-run'));
    const restored = await restoreFirstTrusted([stores().cache], logger);
    expect(restored).toEqual({ source: 'cache', doc: doc('2026-11-01T00:00:00Z', 'cache-run') });
  });
});
