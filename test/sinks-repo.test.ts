import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SimulatedClock } from '../src/clock.ts';
import { isExportError } from '../src/errors.ts';
import { createOctokit } from '../src/github/octokit.ts';
import { MemoryLogger } from '../src/logger.ts';
import { MAX_REPO_FILE_BYTES } from '../src/sinks/repo-files.ts';
import { RepoSink } from '../src/sinks/repo.ts';
import type { RepoSinkOptions } from '../src/sinks/repo.ts';
import type { Delivery } from '../src/sinks/sink.ts';
import type { StateDocument } from '../src/state/document.ts';
import { startGitHubRestSim } from './sim/github/rest.ts';
import type { GitHubRestSim } from './sim/github/rest.ts';

// The repo sink through the real Octokit against the stateful GitHub REST simulator.

let sim: GitHubRestSim;
let root: string;
let token: string;
let repoName: string;
let outDir: string;
let clock: SimulatedClock;
let logger: MemoryLogger;

const OWNER = 'octo';

beforeAll(async () => {
  sim = await startGitHubRestSim();
  root = await mkdtemp(join(tmpdir(), 'sinks-repo-'));
});

afterAll(async () => {
  await sim.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  repoName = `store-${randomUUID().slice(0, 8)}`;
  token = `ghs_${randomBytes(18).toString('hex')}`;
  sim.addToken(token, { [`${OWNER}/${repoName}`]: { contents: 'write' } });
  outDir = join(root, randomUUID());
  clock = new SimulatedClock();
  logger = new MemoryLogger();
});

afterEach(() => {
  expect(sim.crashes).toEqual([]);
  expect(sim.forcedRefUpdates).toEqual([]);
});

const fullName = () => `${OWNER}/${repoName}`;

function sink(overrides: Partial<RepoSinkOptions> = {}): RepoSink {
  return new RepoSink({
    octokit: createOctokit({ token, baseUrl: sim.url, clock, logger }),
    owner: OWNER,
    repo: repoName,
    storagePath: '1password-events',
    logger,
    clock,
    ...overrides,
  });
}

function state(runId: string, cursor: string): StateDocument {
  return {
    schema: 1,
    account: 'ACCOUNT1',
    server: 'https://events.1password.com',
    updatedAt: clock.now() > 0 ? new Date(clock.now()).toISOString() : '',
    writtenBy: runId,
    feeds: {
      signinattempts: { cursor, apiVersion: 'v2', savedAt: '2026-11-01T00:00:00Z', recentUuids: ['u1'] },
    },
  };
}

/** Writes the files of one run (binary data and a manifest) and returns their relative paths. */
async function writeRun(runId: string): Promise<string[]> {
  const files = [
    `signinattempts/date=2026-11-01/part-${runId}-0001.parquet`,
    `ndjson/itemusages/date=2026-11-02/part-${runId}-0001.ndjson.gz`,
    `_manifests/${runId}.json`,
  ];
  for (const file of files) {
    await mkdir(dirname(join(outDir, file)), { recursive: true });
    const content = file.endsWith('.json') ? JSON.stringify({ run: runId }) : randomBytes(3000);
    await writeFile(join(outDir, file), content);
  }
  return files;
}

function delivery(
  files: string[],
  runId: string,
  cursor = `cursor-${runId}`,
  basedOn?: Delivery['state'],
): Delivery {
  return {
    outDir,
    files,
    state: state(runId, cursor),
    message: `1Password events: run ${runId}`,
    ...(basedOn ? { basedOn: { writtenBy: basedOn.writtenBy, updatedAt: basedOn.updatedAt } } : {}),
  };
}

async function expectFilesCommitted(files: string[], branch?: string): Promise<void> {
  const head = sim.files(fullName(), branch);
  for (const file of files) {
    const committed = head.get(`1password-events/${file}`);
    expect(committed, file).toBeDefined();
    expect(committed!.equals(await readFile(join(outDir, file))), file).toBe(true);
  }
}

function committedState(branch?: string): StateDocument {
  const bytes = sim.files(fullName(), branch).get('1password-events/_state/state.json');
  expect(bytes).toBeDefined();
  return JSON.parse(bytes!.toString('utf8')) as StateDocument;
}

function ourRequests() {
  return sim.requestLog.filter((entry) => entry.path.includes(`/${repoName}`));
}

function statusesOf(method: string, pathPart: string): number[] {
  return ourRequests()
    .filter((entry) => entry.method === method && entry.path.includes(pathPart))
    .map((entry) => entry.status);
}

describe('RepoSink', () => {
  it('makes ONE commit holding every file and the state, on top of the default branch', async () => {
    sim.createRepo(fullName());
    const initialHead = sim.head(fullName());
    const files = await writeRun('11-1');
    const run = delivery(files, '11-1');

    const result = await sink().deliver(run);

    const history = sim.commits(fullName());
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ sha: result.commitSha, message: run.message, parents: [initialHead] });
    await expectFilesCommitted(files);
    expect(committedState()).toEqual(run.state);
    // The branch's existing content is kept: the tree was built on the head's tree.
    expect(sim.files(fullName()).has('README.md')).toBe(true);
    expect(result.detail).toBe(
      `committed 3 files and the state to ${fullName()}@main (${result.commitSha!.slice(0, 7)})`,
    );
  });

  it('stacks consecutive deliveries, the state following the newest', async () => {
    sim.createRepo(fullName());
    const first = await writeRun('21-1');
    const firstDelivery = delivery(first, '21-1');
    const firstResult = await sink().deliver(firstDelivery);
    clock.advance(3_600_000);
    const second = await writeRun('22-1');
    const secondResult = await sink().deliver(delivery(second, '22-1', undefined, firstDelivery.state));

    const history = sim.commits(fullName());
    expect(history.map((commit) => commit.sha).slice(0, 2)).toEqual([
      secondResult.commitSha,
      firstResult.commitSha,
    ]);
    expect(history[0]!.parents).toEqual([firstResult.commitSha]);
    await expectFilesCommitted([...first, ...second]);
    expect(committedState().writtenBy).toBe('22-1');
    expect(committedState().feeds.signinattempts?.cursor).toBe('cursor-22-1');
  });

  it('rebuilds on the new head when someone else committed in between, with exactly one commit of ours', async () => {
    sim.createRepo(fullName());
    const files = await writeRun('31-1');
    sim.nextRefUpdateConflicts(1);

    const result = await sink().deliver(delivery(files, '31-1'));

    const history = sim.commits(fullName());
    expect(history.map((commit) => commit.message)).toEqual([
      '1Password events: run 31-1',
      'Concurrent commit (simulated)',
      'Initial commit',
    ]);
    expect(history[0]!.sha).toBe(result.commitSha);
    expect(history[0]!.parents).toEqual([history[1]!.sha]);
    // The concurrent commit's file is still there, next to ours.
    const head = sim.files(fullName());
    expect([...head.keys()].some((path) => path.startsWith('concurrent/'))).toBe(true);
    await expectFilesCommitted(files);
    expect(statusesOf('PATCH', '/git/refs/')).toEqual([422, 200]);
    // Blobs are uploaded once and reused for the second tree.
    expect(statusesOf('POST', '/git/blobs')).toEqual([201, 201, 201, 201]);
    expect(statusesOf('POST', '/git/trees')).toHaveLength(2);
  });

  it('gives up after maxAttempts with a delivery error, leaving the branch without any commit of ours', async () => {
    sim.createRepo(fullName());
    const files = await writeRun('41-1');
    sim.nextRefUpdateConflicts(3);

    const error = await sink({ maxAttempts: 3 })
      .deliver(delivery(files, '41-1'))
      .catch((caught: unknown) => caught);

    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toMatch(/moved during each of 3 attempts/);
    expect((error as Error).message).toContain(fullName());
    const history = sim.commits(fullName());
    expect(history.some((commit) => commit.message.includes('41-1'))).toBe(false);
    expect([...sim.files(fullName()).keys()].some((path) => path.startsWith('1password-events/'))).toBe(
      false,
    );
    expect(statusesOf('PATCH', '/git/refs/')).toEqual([422, 422, 422]);
  });

  it('gives an empty repository its first commit, then commits the run on it', async () => {
    sim.createRepo(fullName(), { empty: true });
    const files = await writeRun('51-1');

    const result = await sink().deliver(delivery(files, '51-1'));

    const history = sim.commits(fullName());
    expect(history).toHaveLength(2);
    expect(history[0]!.sha).toBe(result.commitSha);
    expect(history[1]!.parents).toEqual([]);
    await expectFilesCommitted(files);
    expect(committedState().writtenBy).toBe('51-1');
    expect(sim.files(fullName()).get('1password-events/README.md')?.toString()).toMatch(
      /keep this repository private/,
    );
    // The state only arrived with the data, never in the seeding commit.
    expect(history[1]!.message).not.toMatch(/state/i);
  });

  it('refuses to commit over a state another run committed since this run read its own', async () => {
    sim.createRepo(fullName());
    const first = await writeRun('81-1');
    const firstDelivery = delivery(first, '81-1');
    await sink().deliver(firstDelivery);
    // Another run (same account) commits its events and state before this one delivers.
    clock.advance(60_000);
    const other = state('82-1', 'cursor-82-1');
    sim.commitFiles(fullName(), {
      files: { '1password-events/_state/state.json': JSON.stringify(other) },
      message: 'other run',
    });
    const head = sim.head(fullName());
    const mine = await writeRun('83-1');
    const error = await sink()
      .deliver(delivery(mine, '83-1', undefined, firstDelivery.state))
      .catch((e: unknown) => e);
    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toContain('Run 82-1 committed events');
    expect(sim.head(fullName())).toBe(head);
  });

  it('refuses to commit over the export of another account', async () => {
    sim.createRepo(fullName());
    const foreign = { ...state('91-1', 'c'), account: 'OTHERACCOUNT' };
    sim.commitFiles(fullName(), { files: { '1password-events/_state/state.json': JSON.stringify(foreign) } });
    const head = sim.head(fullName());
    const error = await sink()
      .deliver(delivery(await writeRun('92-1'), '92-1'))
      .catch((e: unknown) => e);
    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toContain('holds the export of account OTHERACCOUNT');
    expect(sim.head(fullName())).toBe(head);
  });

  it('starts a branch that does not exist yet, leaving the default branch alone', async () => {
    sim.createRepo(fullName());
    const mainHead = sim.head(fullName());
    const files = await writeRun('61-1');

    const firstDelivery = delivery(files, '61-1');
    const result = await sink({ branch: 'events-data' }).deliver(firstDelivery);

    expect(sim.head(fullName(), 'events-data')).toBe(result.commitSha);
    expect(sim.head(fullName())).toBe(mainHead);
    await expectFilesCommitted(files, 'events-data');
    expect(committedState('events-data').writtenBy).toBe('61-1');
    // A data branch of its own: it does not carry the code of the default branch.
    expect(sim.files(fullName(), 'events-data').has('README.md')).toBe(false);
    // Next time the branch exists and the commit stacks on it.
    const more = await writeRun('62-1');
    const next = await sink({ branch: 'events-data' }).deliver(
      delivery(more, '62-1', undefined, firstDelivery.state),
    );
    expect(sim.commits(fullName(), 'events-data')[0]!.parents).toEqual([result.commitSha]);
    expect(next.commitSha).toBe(sim.head(fullName(), 'events-data'));
  });

  it(`refuses a file over ${MAX_REPO_FILE_BYTES / 1024 / 1024} MiB before sending any request`, async () => {
    sim.createRepo(fullName());
    const files = await writeRun('71-1');
    const big = 'signinattempts/date=2026-11-03/part-71-1-0002.parquet';
    await mkdir(dirname(join(outDir, big)), { recursive: true });
    await writeFile(join(outDir, big), '');
    await truncate(join(outDir, big), MAX_REPO_FILE_BYTES + 1); // sparse: no 50 MB actually written
    const before = sim.requestLog.length;

    const error = await sink()
      .deliver(delivery([...files, big], '71-1'))
      .catch((caught: unknown) => caught);

    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toContain(big);
    expect((error as Error).message).toMatch(/over the 50\.0 MiB/);
    expect(sim.requestLog.length).toBe(before);
    expect(sim.commits(fullName())).toHaveLength(1);
  });

  it.each([403, 429] as const)(
    'waits out a secondary rate limit (%s with retry-after) and carries on',
    async (status) => {
      sim.createRepo(fullName());
      const files = await writeRun('81-1');
      sim.secondaryRateLimit(1, { status, retryAfter: 42 });
      const startedAt = clock.now();

      const result = await sink().deliver(delivery(files, '81-1'));

      expect(sim.head(fullName())).toBe(result.commitSha);
      await expectFilesCommitted(files);
      const blobStatuses = statusesOf('POST', '/git/blobs');
      expect(blobStatuses).toEqual([status, 201, 201, 201, 201]);
      expect(clock.now() - startedAt).toBeGreaterThanOrEqual(42_000);
      expect(logger.lines.join('\n')).toMatch(
        new RegExp(`GitHub rate limit \\(HTTP ${status}\\).*retrying in 42 s`),
      );
    },
  );

  it('does not sit out a rate limit longer than it is worth, nor retry without end', async () => {
    sim.createRepo(fullName());
    const files = await writeRun('85-1');
    const octokit = createOctokit({
      token,
      baseUrl: sim.url,
      clock,
      logger,
      maxRateLimitRetries: 2,
      maxRateLimitWaitMs: 60_000,
    });
    const startedAt = clock.now();

    sim.secondaryRateLimit(1, { status: 429, retryAfter: 3600 });
    const tooLong = await sink({ octokit })
      .deliver(delivery(files, '85-1'))
      .catch((caught: unknown) => caught);
    expect(isExportError(tooLong, 'delivery')).toBe(true);
    expect((tooLong as Error).message).toMatch(
      /uploading .* failed \(HTTP 429: You have exceeded a secondary rate limit/,
    );
    expect(clock.now()).toBe(startedAt);

    sim.secondaryRateLimit(3, { status: 403, retryAfter: 5 });
    const tooMany = await sink({ octokit })
      .deliver(delivery(files, '85-1'))
      .catch((caught: unknown) => caught);
    expect((tooMany as Error).message).toMatch(/HTTP 403/);
    expect(statusesOf('POST', '/git/blobs')).toEqual([429, 403, 403, 403]);
    expect(clock.now() - startedAt).toBe(10_000);
    expect(sim.commits(fullName())).toHaveLength(1);
  });

  it('fails with a clear delivery error when the token may not write, without retrying', async () => {
    sim.createRepo(fullName());
    const readOnly = `ghs_${randomBytes(18).toString('hex')}`;
    sim.addToken(readOnly, { [fullName()]: { contents: 'read' } });
    const files = await writeRun('91-1');

    const error = await new RepoSink({
      octokit: createOctokit({ token: readOnly, baseUrl: sim.url, clock, logger }),
      owner: OWNER,
      repo: repoName,
      storagePath: '1password-events',
      logger,
      clock,
    })
      .deliver(delivery(files, '91-1'))
      .catch((caught: unknown) => caught);

    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toMatch(/HTTP 403: Resource not accessible by integration/);
    expect((error as Error).message).toMatch(/contents: write/);
    expect((error as Error).message).not.toContain(readOnly);
    expect(statusesOf('POST', '/git/blobs')).toEqual([403]);
    expect(sim.commits(fullName())).toHaveLength(1);
  });

  it('never puts the token into a request body, a committed file, an error or a log line', async () => {
    sim.createRepo(fullName(), { empty: true });
    const files = await writeRun('99-1');
    sim.nextRefUpdateConflicts(1);
    await sink().deliver(delivery(files, '99-1'));
    sim.revokeToken(token);
    const error = await sink()
      .deliver(delivery(files, '99-2'))
      .catch((caught: unknown) => caught);
    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toMatch(/HTTP 401/);

    const requests = ourRequests();
    expect(requests.length).toBeGreaterThan(8);
    for (const entry of requests) {
      expect(entry.body).not.toContain(token);
      expect(entry.decodedContent ?? '').not.toContain(token);
      expect(entry.path).not.toContain(token);
    }
    for (const [path, bytes] of sim.files(fullName())) {
      expect(bytes.toString('latin1'), path).not.toContain(token);
    }
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(token);
    expect(logger.lines.join('\n')).not.toContain(token);
  });
});
