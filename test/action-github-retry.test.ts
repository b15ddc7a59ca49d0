/**
 * One 502 from the Git Data API no longer fails a run (issue 12, item 5): the bundled action commits
 * through 5xx answers and a dropped connection on every step of the commit, exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { startWorld, type World } from './support/action-world.ts';

const STORAGE = 'acme/retry-logs';
const STORAGE_TOKEN = 'github_pat_RetryStorageToken0123456789abcdef';
let world: World;

beforeAll(async () => {
  world = await startWorld({ seed: 31 });
  world.rest.createRepo(STORAGE, { visibility: 'private' });
  world.rest.addToken(STORAGE_TOKEN, { [STORAGE]: { contents: 'write', metadata: 'read' } });
});
afterAll(async () => world.close());

describe('GitHub 5xx during delivery', () => {
  it('a commit goes through 502s, a 503 and a dropped connection on each step', async () => {
    const now = Date.now();
    for (const feed of FEEDS)
      world.events.generate(feed, 200, { from: new Date(now - 3_600_000), to: new Date(now - 1_000) });
    const rest = world.rest;
    rest.failNext('GET /repos/acme/retry-logs/git/ref/*', 502);
    rest.failNext('GET /repos/acme/retry-logs/contents/*', 503);
    rest.failNext('POST /repos/acme/retry-logs/git/blobs', 502);
    rest.failNext('POST /repos/acme/retry-logs/git/blobs', 0);
    rest.failNext('POST /repos/acme/retry-logs/git/trees', 502);
    rest.failNext('POST /repos/acme/retry-logs/git/commits', 0);
    rest.failNext('PATCH /repos/acme/retry-logs/git/refs/*', 502);
    const before = rest.commits(STORAGE).length;

    const result = await world.run({
      destination: 'repo',
      'storage-repo': STORAGE,
      'storage-token': STORAGE_TOKEN,
      formats: 'ndjson',
      'start-time': '1d',
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(rest.commits(STORAGE)).toHaveLength(before + 1);
    expect(result.outputs['commit-sha']).toBe(rest.head(STORAGE));
    expect(result.outputs.events).toBe('600');
    // Every fault was met and got past (none is left for a later request).
    const failed = rest.requestLog.filter(
      (r) =>
        r.path.startsWith('/repos/acme/retry-logs/') &&
        r.status !== 200 &&
        r.status !== 201 &&
        r.status !== 404,
    );
    expect(failed.map((r) => r.status).sort()).toEqual([0, 0, 502, 502, 502, 502, 503]);
    expect(result.stdout).toMatch(
      /GitHub answered 502 on POST \/repos\/\{owner\}\/\{repo\}\/git\/blobs; retrying/,
    );
    const stored = [...rest.files(STORAGE).keys()].filter((p) => p.endsWith('.ndjson.gz'));
    expect(stored.length).toBeGreaterThan(0);
  });
});
