/**
 * Where a run resumes, and whom it believes, through the bundled action (dist/index.js) against the
 * Events API, Actions cache/artifact and REST simulators: artifacts carry the state and outlive the
 * cache, a token rotation costs nothing, planted cache entries move nothing and write nothing, and
 * repo mode follows the repository.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MemoryLogger } from '../src/logger.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import { CACHE_STATE_PATH, CacheStateStore } from '../src/state/cache-store.ts';
import { cacheVersion } from '../src/state/cache-entry.ts';
import type { StateDocument } from '../src/state/document.ts';
import { serializeStateDocument } from '../src/state/parse.ts';
import { stateSealKey } from '../src/state/seal.ts';
import type { RunActionResult } from './harness/run-action.ts';
import { publishNewArtifacts } from './support/artifact-runs.ts';
import { byUuid, ndjsonEvents, REPOSITORY, startWorld, type World } from './support/action-world.ts';
import { useRunnerEnv } from './support/runner-env.ts';

const MINUTE = 60_000;
let world: World;
let root: string;
const published = new Set<number>();

beforeAll(async () => {
  world = await startWorld({ seed: 33 });
  // GitHub lists this repository's cache entries in its REST API (the restore's way past planted ones).
  world.rest.linkCacheEntries(REPOSITORY, () => world.actions.cache.entries());
  root = await mkdtemp(join(tmpdir(), 'action-state-trust-'));
});
afterAll(async () => {
  await world.close();
  await rm(root, { recursive: true, force: true });
});

function addEvents(count: number): void {
  const now = Date.now();
  for (const feed of FEEDS)
    world.events.generate(feed, count, { from: new Date(now - 30 * MINUTE), to: new Date(now - 1_000) });
}

/** A run, after which GitHub lists what it uploaded with the run it came from. */
async function run(inputs: Record<string, string>): Promise<RunActionResult> {
  const result = await world.run(inputs);
  publishNewArtifacts(
    world.actions,
    world.rest,
    REPOSITORY,
    { runId: Number(result.env.GITHUB_RUN_ID) },
    published,
  );
  return result;
}

const counts = (result: RunActionResult) =>
  JSON.parse(result.outputs.counts ?? '{}') as Record<string, number>;
const warnings = (result: RunActionResult) =>
  result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
const issuesOf = (marker: string) =>
  world.rest.issues(REPOSITORY).filter((issue) => (issue.body ?? '').includes(marker));

function artifactEvents(feed: string, prefix: string) {
  return world.actions.artifacts
    .list()
    .filter((artifact) => artifact.name.startsWith(prefix))
    .flatMap((artifact) => ndjsonEvents(artifact.files, feed));
}

/** Each event of the ground truth exactly once in `events`. */
function expectExactlyGroundTruth(feed: Feed, events: { uuid: string }[]): void {
  const truth = world.events.groundTruth(feed);
  expect(events.length).toBe(truth.length);
  expect([...events].sort(byUuid).map((e) => e.uuid)).toEqual([...truth].sort(byUuid).map((e) => e.uuid));
}

describe('artifact mode keeps its place without the cache (issue 13)', () => {
  it('continues from the newest artifact after eviction and after a token rotation: no gap, no repeat, no alert', async () => {
    // The default artifact-name (1password-events-<run_id>-<run_attempt>): the only artifacts here.
    const inputs = { 'state-key': 'evict-test', formats: 'ndjson', 'start-time': '1d' };
    addEvents(300);
    const first = await run(inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs['state-source']).toBe('none');

    // The cache entry is evicted (7 days without a run, or the quota): the artifact still knows.
    addEvents(200);
    expect(world.actions.cache.evictAll()).toBeGreaterThan(0);
    const second = await run(inputs);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs['state-source']).toBe('artifact');
    expect(counts(second)).toEqual(Object.fromEntries(FEEDS.map((feed) => [feed, 200])));
    expect(warnings(second).filter((w) => /exported before|lost/.test(w))).toEqual([]);
    expect(issuesOf('alert=lost-state ns=evict-test')).toHaveLength(0);

    // A new Events token for the same account cannot verify the cache copy sealed with the old one;
    // the artifact's copy needs no key, so the rotation costs no re-export.
    const rotated = world.events.issueToken();
    expect(rotated).not.toBe(world.opToken);
    addEvents(100);
    const third = await run({ ...inputs, token: rotated });
    expect(third.exitCode, third.stdout).toBe(0);
    expect(third.outputs['state-source']).toBe('artifact');
    expect(counts(third)).toEqual(Object.fromEntries(FEEDS.map((feed) => [feed, 100])));
    expect(warnings(third).join('\n')).toMatch(/not sealed with this Events token/);

    addEvents(50);
    const fourth = await run({ ...inputs, token: rotated });
    expect(fourth.exitCode, fourth.stdout).toBe(0);
    expect(fourth.outputs['state-source']).toBe('cache');
    expect(counts(fourth)).toEqual(Object.fromEntries(FEEDS.map((feed) => [feed, 50])));

    for (const feed of FEEDS) expectExactlyGroundTruth(feed, artifactEvents(feed, '1password-events-'));
  });
});

describe('planted cache entries (issue 12, item 3)', () => {
  it('neither move the position nor write a file: the run continues from its own sealed entry', async () => {
    const inputs = { destination: 'none', 'state-key': 'plant-test', formats: 'ndjson', 'start-time': '1d' };
    addEvents(60);
    const first = await run(inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    const ours = world.actions.cache.entries().find((entry) => entry.key.startsWith('plant-test-'))!;
    const prefix = ours.key.replace(/\d+-\d+$/, '');
    const account = prefix.slice('plant-test-'.length, -1);

    // Someone with the runtime token of any default-branch job, but not the Events token, adds newer
    // entries under the export's prefix: a document sealed with a guessed key that skips ahead, and
    // an archive whose member climbs out of the workspace.
    const runnerEnv = await useRunnerEnv(world.actions, root);
    try {
      const skipAhead: StateDocument = {
        schema: 1,
        account,
        server: world.events.url,
        updatedAt: new Date().toISOString(),
        writtenBy: '999999-1',
        feeds: Object.fromEntries(
          FEEDS.map((feed) => [
            feed,
            { cursor: 'skip-ahead', apiVersion: 'v2', savedAt: new Date().toISOString(), recentUuids: [] },
          ]),
        ),
      };
      const planted = await new CacheStateStore({
        stateKey: 'plant-test',
        account,
        runId: '999999',
        runAttempt: '1',
        workspace: runnerEnv.workspace,
        logger: new MemoryLogger(),
        seal: stateSealKey('a-guessed-token', account, world.events.url),
      }).save(skipAhead);
      expect(planted.saved).toBe(true);
      await plantRaw(
        `${prefix}999998-1`,
        zlib.gzipSync(tarOf(`../../escaped-${escapeName}.txt`, serializeStateDocument(skipAhead))),
      );
    } finally {
      runnerEnv.restore();
    }

    addEvents(40);
    const second = await run(inputs);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs['state-source']).toBe('cache');
    expect(counts(second)).toEqual(Object.fromEntries(FEEDS.map((feed) => [feed, 40])));
    expect(warnings(second).join('\n')).toMatch(/Ignoring the state in cache entry plant-test-/);
    const workspace = second.env.GITHUB_WORKSPACE!;
    await expect(stat(join(workspace, '..', '..', `escaped-${escapeName}.txt`))).rejects.toThrow(/ENOENT/);
    await expect(stat(join(workspace, `escaped-${escapeName}.txt`))).rejects.toThrow(/ENOENT/);
  });
});

const escapeName = randomUUID();

async function plantRaw(key: string, archive: Buffer): Promise<void> {
  const version = cacheVersion([CACHE_STATE_PATH], 'gzip');
  const env = world.actions.env();
  const call = async (rpc: string, body: unknown) => {
    const response = await fetch(
      new URL(`/twirp/github.actions.results.api.v1.CacheService/${rpc}`, env.ACTIONS_RESULTS_URL),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}` },
        body: JSON.stringify(body),
      },
    );
    return (await response.json()) as Record<string, string>;
  };
  const created = await call('CreateCacheEntry', { key, version });
  await fetch(created.signed_upload_url!, {
    method: 'PUT',
    headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'application/octet-stream' },
    body: archive,
  });
  expect(
    (await call('FinalizeCacheEntryUpload', { key, version, size_bytes: String(archive.length) })).ok,
  ).toBe(true);
}

/** A one-member ustar archive. */
function tarOf(name: string, content: string): Buffer {
  const body = Buffer.from(content);
  const header = Buffer.alloc(512);
  header.write(name, 0, 100);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\u000000', 257);
  header.write(
    `${header
      .reduce((sum, byte) => sum + byte, 0)
      .toString(8)
      .padStart(6, '0')}\0 `,
    148,
  );
  return Buffer.concat([header, body, Buffer.alloc((512 - (body.length % 512)) % 512), Buffer.alloc(1024)]);
}

describe('repo mode trusts the repository (issue 12, item 4)', () => {
  const STORAGE = 'acme/state-trust-logs';
  const STORAGE_TOKEN = 'github_pat_StateTrust0123456789abcdefXYZ';
  const STATE = '1password-events/_state/state.json';
  const inputs = {
    destination: 'repo',
    'storage-repo': STORAGE,
    'storage-token': STORAGE_TOKEN,
    'state-key': 'repo-trust',
    formats: 'ndjson',
    'start-time': '1d',
  };

  it('follows a reverted state instead of failing for good, and stops with one alert on a broken one', async () => {
    world.rest.createRepo(STORAGE, { visibility: 'private', empty: true });
    world.rest.addToken(STORAGE_TOKEN, { [STORAGE]: { contents: 'write', metadata: 'read' } });
    addEvents(30);
    const first = await run(inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    const firstState = world.rest.files(STORAGE).get(STATE)!.toString('utf8');
    addEvents(20);
    const second = await run(inputs);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs['state-source']).toBe('repo');

    // Someone reverts the state file alone; the cache copy (second run) is now newer than the repo's.
    world.rest.commitFiles(STORAGE, { files: { [STATE]: firstState }, message: 'Revert the state' });
    addEvents(10);
    for (const expected of [30, 10]) {
      const next = await run(inputs);
      expect(next.exitCode, next.stdout).toBe(0);
      expect(next.outputs['state-source']).toBe('repo');
      // The run after the revert exports again what came after the reverted position, as it says.
      expect(counts(next)).toEqual(Object.fromEntries(FEEDS.map((feed) => [feed, expected])));
      if (expected === 30)
        expect(warnings(next).join('\n')).toMatch(/newer than the repo copy .* exported again/);
      else expect(warnings(next).join('\n')).not.toMatch(/newer than the repo copy/);
      addEvents(10);
    }

    // A committed state that fails validation: no restart on top of it, one alert, nothing committed.
    const goodState = world.rest.files(STORAGE).get(STATE)!.toString('utf8');
    world.rest.commitFiles(STORAGE, {
      files: { [STATE]: JSON.stringify({ ...JSON.parse(goodState), note: 'edited by hand' }) },
    });
    const commitsBefore = world.rest.commits(STORAGE).length;
    for (let i = 0; i < 2; i++) {
      const stopped = await run(inputs);
      expect(stopped.exitCode).not.toBe(0);
      expect(stopped.stdout).toMatch(/cannot be used: it has an unknown field "note"/);
    }
    expect(world.rest.commits(STORAGE).length).toBe(commitsBefore);
    const [issue, ...others] = issuesOf('alert=state-conflict ns=repo-trust');
    expect(others).toHaveLength(0);
    expect(issue!.state).toBe('open');
    expect(issue!.body).toContain('git log -- 1password-events/_state/state.json');

    // Repaired: the run continues exactly where the good state was, and the alert closes.
    world.rest.commitFiles(STORAGE, { files: { [STATE]: goodState }, message: 'Repair the state' });
    const repaired = await run(inputs);
    expect(repaired.exitCode, repaired.stdout).toBe(0);
    expect(counts(repaired)).toEqual(Object.fromEntries(FEEDS.map((feed) => [feed, 10])));
    expect(issuesOf('alert=state-conflict ns=repo-trust')[0]!.state).toBe('closed');
  });
});
