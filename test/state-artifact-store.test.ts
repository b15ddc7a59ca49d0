import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DefaultArtifactClient } from '@actions/artifact';

import { artifactNameShape } from '../src/action/history.ts';
import { buildManifest } from '../src/output/manifest.ts';
import { createOctokit } from '../src/github/octokit.ts';
import { MemoryLogger } from '../src/logger.ts';
import { ArtifactSink } from '../src/sinks/artifact.ts';
import { ArtifactStateStore } from '../src/state/artifact-store.ts';
import type { StateDocument } from '../src/state/document.ts';
import { serializeStateDocument } from '../src/state/parse.ts';
import { startActionsServices, type ActionsServices } from './sim/github/actions-services.ts';
import { startGitHubRestSim, type GitHubRestSim } from './sim/github/rest.ts';
import { EXPORT_WORKFLOW, publishNewArtifacts, type UploadingRun } from './support/artifact-runs.ts';
import { useRunnerEnv, type RunnerEnv } from './support/runner-env.ts';

// The state carried by artifacts: uploaded by the real ArtifactSink (@actions/artifact) to the
// artifact service simulator, listed and downloaded through the REST simulator.

const REPOSITORY = 'acme/security';
const TOKEN = 'ghs_ReadsActions0123456789abcdefABCDEF';
let actions: ActionsServices;
let rest: GitHubRestSim;
let root: string;
let runnerEnv: RunnerEnv;
let logger: MemoryLogger;
let account: string;
let prefix: string;
const published = new Set<number>();
let nextRun = 5000;

beforeAll(async () => {
  actions = await startActionsServices();
  rest = await startGitHubRestSim();
  rest.createRepo(REPOSITORY, { visibility: 'private' });
  rest.addToken(TOKEN, { [REPOSITORY]: { actions: 'read', contents: 'read', metadata: 'read' } });
  root = await mkdtemp(join(tmpdir(), 'state-artifact-store-'));
});

afterAll(async () => {
  await actions.close();
  await rest.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  runnerEnv = await useRunnerEnv(actions, root);
  logger = new MemoryLogger();
  account = `ACC${randomUUID().replaceAll('-', '').slice(0, 10).toUpperCase()}`;
  // Each test its own export (artifact name), as several exports share one repository.
  prefix = `export${randomUUID().slice(0, 6).replace(/\d/g, 'x')}`;
});

afterEach(() => {
  runnerEnv.restore();
  expect(actions.crashes).toEqual([]);
  expect(rest.crashes).toEqual([]);
});

function doc(writtenBy: string, cursor: string, forAccount = account): StateDocument {
  return {
    schema: 1,
    account: forAccount,
    server: 'https://events.1password.com',
    updatedAt: '2026-11-02T00:00:00Z',
    writtenBy,
    feeds: {
      auditevents: { cursor, apiVersion: 'v2', savedAt: '2026-11-02T00:00:00Z', recentUuids: ['u1'] },
    },
  };
}

/** One run of the export: the sink uploads data and state; GitHub then lists it with its run. */
async function exportRun(
  state: StateDocument,
  run: Partial<UploadingRun> = {},
  name?: string,
): Promise<number> {
  const runId = nextRun++;
  const outDir = join(root, randomUUID());
  const data = 'auditevents/date=2026-11-02/part-1-1-0001.parquet';
  await mkdir(dirname(join(outDir, data)), { recursive: true });
  await writeFile(join(outDir, data), randomBytes(200_000));
  await new ArtifactSink({
    name: name ?? `${prefix}-${runId}-1`,
    serverUrl: 'https://github.com',
    repository: REPOSITORY,
    runId: String(runId),
    logger,
  }).deliver({ outDir, files: [data], state, message: 'run' });
  publishNewArtifacts(actions, rest, REPOSITORY, { runId, ...run }, published);
  return runId;
}

function store(overrides: { account?: string } = {}): ArtifactStateStore {
  const shape = artifactNameShape(`${prefix}-1-1`);
  return new ArtifactStateStore({
    octokit: createOctokit({ token: TOKEN, baseUrl: rest.url }),
    owner: 'acme',
    repo: 'security',
    account: overrides.account ?? account,
    statePath: '_state/state.json',
    isExportArtifact: (name) => artifactNameShape(name) === shape,
    trusted: async () => ({ workflowPath: EXPORT_WORKFLOW, branch: 'main' }),
    logger,
  });
}

describe('ArtifactStateStore', () => {
  it('the artifact carries the state next to the data, byte for byte', async () => {
    const state = doc('7-1', 'after-run-7');
    await exportRun(state);
    const artifact = actions.artifacts.list().at(-1)!;
    expect(artifact.files.get('_state/state.json')?.toString('utf8')).toBe(serializeStateDocument(state));
  });

  it('restores the state of the newest artifact of this export, reading only the state file', async () => {
    await exportRun(doc('1-1', 'older'));
    await exportRun(doc('2-1', 'newest'));
    await exportRun(doc('3-1', 'another export'), {}, `someone-else-${nextRun}-1`);
    const before = rest.requestLog.length;
    const read = await store().read();
    expect(read).toMatchObject({ status: 'found', doc: doc('2-1', 'newest') });
    // Range requests only: the 200 kB of data in the zip are never downloaded.
    const blobRequests = rest.requestLog.slice(before).filter((entry) => entry.path.includes('/blob'));
    expect(blobRequests.length).toBeGreaterThan(0);
    expect(blobRequests.every((entry) => entry.status === 206)).toBe(true);
  });

  it.each([
    [
      'another workflow of the repository',
      { path: '.github/workflows/ci.yml' },
      'it was uploaded by another workflow',
    ],
    [
      'a run on another branch',
      { headBranch: 'feature' },
      'it was uploaded by a run on another branch than main',
    ],
    [
      'a pull request run',
      { event: 'pull_request_target' },
      'it was uploaded by a run triggered by pull_request_target',
    ],
    ['a fork', { headRepositoryId: 987654 }, 'it was uploaded by a run on a fork'],
  ])(
    'does not trust an artifact uploaded by %s, and falls back to the trusted one',
    async (_what, run, reason) => {
      await exportRun(doc('1-1', 'trusted'));
      await exportRun(doc('9-1', 'planted'), run);
      const read = await store().read();
      expect(read).toMatchObject({ status: 'found', doc: doc('1-1', 'trusted') });
      expect(logger.lines.join('\n')).not.toContain('planted');
      // With only the planted one, it is refused with the reason.
      prefix = `${prefix}y`;
      await exportRun(doc('9-2', 'planted'), run);
      expect(await store().read()).toMatchObject({ status: 'refused', reason });
    },
  );

  it('refuses the state of another account, and a state that fails validation', async () => {
    await exportRun(doc('1-1', 'other', 'OTHERACCOUNT'));
    expect(await store().read()).toMatchObject({
      status: 'refused',
      reason: 'it holds the state of another account',
    });
    prefix = `${prefix}z`;
    await exportRun({ ...doc('1-1', 'x'), writtenBy: 'a\n::add-mask::b' });
    expect(await store().read()).toMatchObject({
      status: 'refused',
      reason: '"writtenBy" is not a run label',
    });
  });

  it('resumes from the manifest of an artifact uploaded by a release before the state travelled with it', async () => {
    // What the earlier ArtifactSink uploaded: the data and the run's manifest, no _state/state.json.
    const runId = nextRun++;
    const outDir = join(root, randomUUID());
    const data = 'auditevents/date=2026-11-02/part-1-1-0001.parquet';
    await mkdir(dirname(join(outDir, data)), { recursive: true });
    await writeFile(join(outDir, data), randomBytes(10_000));
    const manifest = buildManifest({
      runId: String(runId),
      runAttempt: '1',
      startedAt: '2026-11-02T00:00:00Z',
      finishedAt: '2026-11-02T00:01:00Z',
      server: 'https://events.1password.com',
      account,
      apiVersion: 'v2',
      feeds: {
        auditevents: {
          count: 5,
          cursorBefore: 'before',
          cursorAfter: 'after-old-run',
          lastEventTime: '2026-11-02T00:00:30Z',
        },
      },
      files: [],
    });
    await mkdir(join(outDir, '_manifests'), { recursive: true });
    await writeFile(join(outDir, `_manifests/${runId}-1.json`), JSON.stringify(manifest));
    await new DefaultArtifactClient().uploadArtifact(
      `${prefix}-${runId}-1`,
      [join(outDir, data), join(outDir, `_manifests/${runId}-1.json`)],
      outDir,
    );
    publishNewArtifacts(actions, rest, REPOSITORY, { runId }, published);
    expect(await store().read()).toMatchObject({
      status: 'found',
      doc: {
        account,
        writtenBy: `${runId}-1`,
        feeds: {
          auditevents: {
            cursor: 'after-old-run',
            apiVersion: 'v2',
            recentUuids: [],
            newestEventTime: '2026-11-02T00:00:30Z',
          },
        },
      },
    });
  });

  it('has nothing when no artifact of this export exists, and says why when it cannot list them', async () => {
    expect(await store().read()).toEqual({ status: 'absent' });
    rest.failNext('GET /repos/acme/security/actions/artifacts', 403, 1, {
      message: 'Resource not accessible by integration',
    });
    expect(await store().read()).toEqual({ status: 'absent' });
    expect(logger.lines.join('\n')).toMatch(
      /warning: Could not read the state from this export's artifacts: .*403.*grant the workflow `actions: read`/,
    );
  });
});
