import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SimulatedClock } from '../src/clock.ts';
import { isExportError } from '../src/errors.ts';
import { MAX_STATE_BYTES } from '../src/state/parse.ts';
import { createOctokit } from '../src/github/octokit.ts';
import { MemoryLogger } from '../src/logger.ts';
import { RepoSink } from '../src/sinks/repo.ts';
import type { StateDocument } from '../src/state/document.ts';
import { RepoStateStore } from '../src/state/repo-store.ts';
import { startGitHubRestSim } from './sim/github/rest.ts';
import type { GitHubRestSim } from './sim/github/rest.ts';

let sim: GitHubRestSim;
let root: string;
let token: string;
let repoName: string;
let logger: MemoryLogger;

const OWNER = 'octo';
const STATE_PATH = 'exports/_state/state.json';

beforeAll(async () => {
  sim = await startGitHubRestSim();
  root = await mkdtemp(join(tmpdir(), 'state-repo-store-'));
});

afterAll(async () => {
  await sim.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  repoName = `store-${randomUUID().slice(0, 8)}`;
  token = `ghs_${randomBytes(18).toString('hex')}`;
  sim.addToken(token, { [`${OWNER}/${repoName}`]: { contents: 'write' } });
  logger = new MemoryLogger();
});

afterEach(() => {
  expect(sim.crashes).toEqual([]);
});

const fullName = () => `${OWNER}/${repoName}`;
const octokit = () => createOctokit({ token, baseUrl: sim.url, clock: new SimulatedClock(), logger });

function store(branch?: string): RepoStateStore {
  return new RepoStateStore({
    octokit: octokit(),
    owner: OWNER,
    repo: repoName,
    ...(branch === undefined ? {} : { branch }),
    storagePath: 'exports',
    logger,
  });
}

const doc: StateDocument = {
  schema: 1,
  account: 'ACCOUNT1',
  server: 'https://events.1password.com',
  updatedAt: '2026-11-04T05:06:07Z',
  writtenBy: '5-1',
  feeds: {
    auditevents: {
      cursor: 'c-audit',
      apiVersion: 'v2',
      savedAt: '2026-11-04T05:06:07Z',
      recentUuids: ['x', 'y'],
    },
  },
};

describe('RepoStateStore', () => {
  it('has no state in a repository without the file, an empty repository, or a missing branch', async () => {
    sim.createRepo(fullName());
    expect(await store().load()).toBeUndefined();
    expect(await store('no-such-branch').load()).toBeUndefined();
    sim.createRepo(`${OWNER}/${repoName}`, { empty: true });
    expect(await store().load()).toBeUndefined();
  });

  it('reads back the state the repo sink committed with the data', async () => {
    sim.createRepo(fullName());
    const outDir = join(root, randomUUID());
    await mkdir(join(outDir, '_manifests'), { recursive: true });
    await writeFile(join(outDir, '_manifests/5-1.json'), '{}');
    await new RepoSink({
      octokit: octokit(),
      owner: OWNER,
      repo: repoName,
      storagePath: 'exports',
      logger,
    }).deliver({
      outDir,
      files: ['_manifests/5-1.json'],
      state: doc,
      message: 'run 5',
    });
    expect(sim.files(fullName()).has(STATE_PATH)).toBe(true);
    expect(await store().load()).toEqual(doc);
    expect(await store().save()).toEqual({
      saved: true,
      detail: 'saved in the storage repository commit, together with the data',
    });
  });

  it('reads the branch it is given, and the default branch otherwise', async () => {
    sim.createRepo(fullName());
    sim.commitFiles(fullName(), {
      files: { [STATE_PATH]: JSON.stringify({ ...doc, writtenBy: 'on-main' }) },
    });
    sim.commitFiles(fullName(), {
      files: { [STATE_PATH]: JSON.stringify({ ...doc, writtenBy: 'on-data' }) },
      branch: 'data',
    });
    expect((await store('data').load())?.writtenBy).toBe('on-data');
    expect((await store().load())?.writtenBy).toBe('on-main');
  });

  it('refuses a damaged state file, naming the repository and path and why', async () => {
    sim.createRepo(fullName());
    sim.commitFiles(fullName(), { files: { [STATE_PATH]: '{"schema":1,"acc' } });
    expect(await store().read()).toEqual({
      status: 'refused',
      origin: `${fullName()}@main:${STATE_PATH}`,
      reason: 'it is not JSON',
    });
  });

  it('refuses a state file past the size cap from its size alone (GitHub sends no content above 1 MB)', async () => {
    sim.createRepo(fullName());
    const huge = JSON.stringify({ ...doc, padding: 'x'.repeat(3 * 1024 * 1024) });
    sim.commitFiles(fullName(), { files: { [STATE_PATH]: huge } });
    expect(await store().read()).toEqual({
      status: 'refused',
      origin: `${fullName()}@main:${STATE_PATH}`,
      reason: `it is ${Buffer.byteLength(huge)} bytes, more than the ${MAX_STATE_BYTES} a state document can be`,
    });
    // load() (what the repo sink uses to detect another writer) ignores it with a warning.
    expect(await store().load()).toBeUndefined();
    expect(logger.lines.join('\n')).toMatch(/warning: Ignoring the state in .* bytes, more than/);
  });

  it('fails, rather than guessing, when the repository cannot be read after the retries', async () => {
    sim.createRepo(fullName());
    // One try and three retries (src/github/transient-retry.ts), every one answered 502.
    sim.failNext(`GET /repos/${OWNER}/${repoName}/contents/*`, 502, 4);
    const error = await store()
      .load()
      .catch((caught: unknown) => caught);
    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toMatch(/HTTP 502/);
    expect((error as Error).message).not.toContain(token);
  });
});
