/**
 * destination: repo through the bundled action and the GitHub REST simulator: files and state in one
 * commit, exactly once across cache failures, eviction, a concurrent commit and a failed delivery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { containsSecret, collectAllBytes } from './harness/run-action.ts';
import { byUuid, GITHUB_TOKEN, ndjsonEvents, startWorld, type World } from './support/action-world.ts';

const STORAGE = 'acme/security-logs';
const STORAGE_TOKEN = 'github_pat_StorageToken0123456789abcdefXYZ';
const MINUTE = 60_000;
let world: World;

beforeAll(async () => {
  world = await startWorld({ seed: 17 });
  world.rest.createRepo(STORAGE, { visibility: 'private', empty: true });
  world.rest.createRepo('acme/public-logs', { visibility: 'public' });
  world.rest.addToken(STORAGE_TOKEN, {
    [STORAGE]: { contents: 'write', metadata: 'read' },
    'acme/public-logs': { contents: 'write', metadata: 'read' },
  });
});
afterAll(async () => world.close());

const inputs = {
  destination: 'repo',
  'storage-repo': STORAGE,
  'storage-token': STORAGE_TOKEN,
  formats: 'parquet,ndjson',
  'start-time': '7d',
};

function addEvents(count: number, late = 0): void {
  const now = Date.now();
  for (const feed of FEEDS)
    world.events.generate(feed, count, {
      from: new Date(now - 30 * MINUTE),
      to: new Date(now - 1_000),
      late,
    });
}

function stored(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [path, bytes] of world.rest.files(STORAGE)) {
    if (path.startsWith('1password-events/')) files.set(path.slice('1password-events/'.length), bytes);
  }
  return files;
}

describe('storage repository', () => {
  it('ends with exactly the ground truth after cache failures, eviction, a race and a failed delivery', async () => {
    // 1. First run into an empty repository.
    addEvents(800);
    const first = await world.run(inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/);
    expect(world.rest.commits(STORAGE)[0]!.message).toMatch(/^1Password events: 2400 new/);
    const state = JSON.parse(stored().get('_state/state.json')!.toString()) as {
      feeds: Record<string, { cursor: string }>;
    };
    expect(Object.keys(state.feeds).sort()).toEqual([...FEEDS].sort());

    // 2. The cache save fails: the repo still holds the state, so nothing repeats.
    addEvents(300, 0.2);
    world.actions.cache.failNextSaves(1, 'write-denied');
    const second = await world.run(inputs);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.annotations.some((a) => a.level === 'warning' && a.message.includes('not saved'))).toBe(
      true,
    );

    // 3. The cache entry is evicted: state comes from the repo.
    addEvents(200);
    world.actions.cache.evictAll();
    const third = await world.run(inputs);
    expect(third.exitCode, third.stdout).toBe(0);
    expect(third.outputs['state-source']).toBe('repo');
    expect(JSON.parse(third.outputs.counts!)).toEqual({
      signinattempts: 200,
      itemusages: 200,
      auditevents: 200,
    });

    // 4. Someone commits to the branch between our read and our ref update: rebuilt and retried once.
    addEvents(150);
    world.rest.nextRefUpdateConflicts(1);
    const fourth = await world.run(inputs);
    expect(fourth.exitCode, fourth.stdout).toBe(0);
    expect(world.rest.forcedRefUpdates).toHaveLength(0);

    // 5. Delivery fails past its retries (the branch moves before each of its 5 attempts): the step
    //    fails, our state does not move (the other committer's 5 commits land, ours does not).
    addEvents(100);
    const ourCommits = () =>
      world.rest.commits(STORAGE).filter((c) => c.message.startsWith('1Password events')).length;
    const before = ourCommits();
    const stateBefore = stored().get('_state/state.json')!.toString();
    world.rest.nextRefUpdateConflicts(5);
    const fifth = await world.run(inputs);
    expect(fifth.exitCode).not.toBe(0);
    expect(fifth.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /Could not commit to acme\/security-logs@main/,
    );
    expect(ourCommits()).toBe(before);
    expect(stored().get('_state/state.json')!.toString()).toBe(stateBefore);
    expect(fifth.outputs['commit-sha']).toBe('');
    expect(fifth.outputs.events).toBe('0'); // nothing was delivered

    // 6. The next run delivers what the failed one could not.
    const sixth = await world.run(inputs);
    expect(sixth.exitCode, sixth.stdout + sixth.stderr).toBe(0);
    expect(JSON.parse(sixth.outputs.counts!)).toEqual({
      signinattempts: 100,
      itemusages: 100,
      auditevents: 100,
    });

    const files = stored();
    for (const feed of FEEDS) {
      const truth = world.events.groundTruth(feed);
      const got = ndjsonEvents(files, feed);
      expect(got.length).toBe(truth.length);
      expect([...got].sort(byUuid)).toEqual([...truth].sort(byUuid));
    }
    // One commit per successful run; manifests for each.
    const ours = world.rest.commits(STORAGE).filter((c) => c.message.startsWith('1Password events'));
    expect(ours).toHaveLength(5);
    expect([...files.keys()].filter((p) => p.startsWith('_manifests/'))).toHaveLength(5);

    // Neither token is in the repository or the logs.
    const everything = Buffer.concat([
      ...[...world.rest.files(STORAGE).values()],
      ...(await Promise.all(world.results.map((r) => collectAllBytes(r)))),
      Buffer.from(
        world.rest
          .commits(STORAGE)
          .map((c) => c.message)
          .join('\n'),
      ),
    ]);
    for (const secret of [world.opToken, STORAGE_TOKEN, GITHUB_TOKEN])
      expect(containsSecret(everything, secret)).toBe(false);
  });

  it('refuses a public storage repository before writing; state does not move', async () => {
    addEvents(10);
    world.events.clearRequests();
    const before = world.rest.head('acme/public-logs');
    const result = await world.run({
      ...inputs,
      'storage-repo': 'acme/public-logs',
      'state-key': 'public-test',
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.annotations.find((a) => a.level === 'error')?.message).toContain(
      'acme/public-logs is public',
    );
    expect(result.annotations.find((a) => a.level === 'error')?.message).toContain('allow-public-repo');
    expect(world.rest.head('acme/public-logs')).toBe(before);
    expect(world.events.requests).toHaveLength(0);
    expect(world.actions.cache.entries().filter((e) => e.key.startsWith('public-test'))).toHaveLength(0);
  });

  it("refuses a storage path holding another account's export before pulling anything", async () => {
    const shared = 'acme/shared-logs';
    world.rest.createRepo(shared, { visibility: 'private' });
    world.rest.addToken(STORAGE_TOKEN, {
      [STORAGE]: { contents: 'write', metadata: 'read' },
      'acme/public-logs': { contents: 'write', metadata: 'read' },
      [shared]: { contents: 'write', metadata: 'read' },
    });
    const foreign = {
      schema: 1,
      account: 'SOMEONEELSE',
      server: world.events.url,
      updatedAt: new Date().toISOString(),
      writtenBy: '1-1',
      feeds: {},
    };
    world.rest.commitFiles(shared, {
      files: { '1password-events/_state/state.json': JSON.stringify(foreign) },
    });
    const head = world.rest.head(shared);
    world.events.clearRequests();
    const result = await world.run({ ...inputs, 'storage-repo': shared, 'state-key': 'shared-test' });
    expect(result.exitCode).not.toBe(0);
    expect(result.annotations.find((a) => a.level === 'error')?.message).toContain('Invalid storage-path');
    expect(result.annotations.find((a) => a.level === 'error')?.message).toContain('SOMEONEELSE');
    expect(world.events.requests.filter((r) => !r.path.includes('introspect'))).toHaveLength(0);
    expect(world.rest.head(shared)).toBe(head);
  });
});
