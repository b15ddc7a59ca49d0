import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createOctokit } from '../src/github/octokit.ts';
import { MemoryLogger } from '../src/logger.ts';
import { CacheStateStore } from '../src/state/cache-store.ts';
import type { StateDocument } from '../src/state/document.ts';
import { RepoStateStore } from '../src/state/repo-store.ts';
import { restoreState } from '../src/state/store.ts';
import type { StateStore } from '../src/state/store.ts';
import { startActionsServices } from './sim/github/actions-services.ts';
import type { ActionsServices } from './sim/github/actions-services.ts';
import { startGitHubRestSim } from './sim/github/rest.ts';
import type { GitHubRestSim } from './sim/github/rest.ts';

// restoreState over the two stores the action uses: the storage repository and the Actions cache.

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

function stores(runId = '900'): { cache: CacheStateStore; repo: RepoStateStore; all: StateStore[] } {
  const cache = new CacheStateStore({
    stateKey: 'events',
    account,
    runId,
    runAttempt: '1',
    workspace,
    logger,
  });
  const repo = new RepoStateStore({
    octokit: createOctokit({ token, baseUrl: rest.url }),
    owner: 'octo',
    repo: repoName,
    storagePath: '1password-events',
    logger,
  });
  // The action's order: the storage repository first, then the cache.
  return { cache, repo, all: [repo, cache] };
}

function commitRepoState(state: StateDocument): void {
  rest.commitFiles(`octo/${repoName}`, {
    files: { '1password-events/_state/state.json': JSON.stringify(state) },
  });
}

describe('restoreState over the repository and the cache', () => {
  it('takes the repository copy when it is newer', async () => {
    await stores('1').cache.save(doc('2026-11-01T00:00:00Z', 'cache-run'));
    commitRepoState(doc('2026-11-02T00:00:00Z', 'repo-run'));
    const restored = await restoreState(stores().all, logger);
    expect(restored.source).toBe('repo');
    expect(restored.doc?.writtenBy).toBe('repo-run');
  });

  it('takes the cache copy when it is newer (a run whose commit was not the last word)', async () => {
    commitRepoState(doc('2026-11-02T00:00:00Z', 'repo-run'));
    await stores('2').cache.save(doc('2026-11-03T00:00:00Z', 'cache-run'));
    const restored = await restoreState(stores().all, logger);
    expect(restored).toEqual({ source: 'cache', doc: doc('2026-11-03T00:00:00Z', 'cache-run') });
    expect(logger.lines).toContain('info: Using the state from the cache store.');
  });

  it('prefers the repository on a tie, whatever the order of the stores', async () => {
    await stores('3').cache.save(doc('2026-11-02T00:00:00Z', 'cache-run'));
    commitRepoState(doc('2026-11-02T00:00:00.000Z', 'repo-run'));
    const { cache, repo } = stores();
    const restored = await restoreState([cache, repo], logger);
    expect(restored.source).toBe('repo');
    expect(restored.doc?.writtenBy).toBe('repo-run');
  });

  it('falls back to the cache when the repository has no state yet, and to none when neither has', async () => {
    expect(await restoreState(stores().all, logger)).toEqual({ source: 'none' });
    await stores('4').cache.save(doc('2026-11-01T00:00:00Z', 'cache-run'));
    const restored = await restoreState(stores().all, logger);
    expect(restored.source).toBe('cache');
  });
});
