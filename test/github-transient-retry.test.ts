/**
 * GitHub requests that can be repeated survive a few 5xx and dropped connections (issue 12, item 5);
 * those that could do something twice are never repeated. Real Octokit against the REST simulator,
 * with a simulated clock so the backoff is measured, not waited for.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { createOctokit } from '../src/github/octokit.ts';
import { isRepeatableRequest } from '../src/github/transient-retry.ts';
import { MemoryLogger } from '../src/logger.ts';
import { startGitHubRestSim, type GitHubRestSim } from './sim/github/rest.ts';

const REPO = 'acme/retry';
const TOKEN = 'ghs_TransientRetryToken0123456789abcdef';
let sim: GitHubRestSim;
let clock: SimulatedClock;
let logger: MemoryLogger;

beforeAll(async () => {
  sim = await startGitHubRestSim();
  sim.createRepo(REPO);
  sim.addToken(TOKEN, { [REPO]: { contents: 'write', issues: 'write', metadata: 'read' } });
});
afterAll(async () => sim.close());
beforeEach(() => {
  clock = new SimulatedClock();
  logger = new MemoryLogger();
  sim.requestLog.length = 0;
});

const octokit = () => createOctokit({ token: TOKEN, baseUrl: sim.url, clock, logger });
const repo = { owner: 'acme', repo: 'retry' };
const requestsTo = (path: RegExp) => sim.requestLog.filter((r) => path.test(`${r.method} ${r.path}`));

describe('repeatable requests', () => {
  it('a ref read after two 502s succeeds on the third attempt, waiting about 1 s then 2 s', async () => {
    sim.failNext('GET /repos/acme/retry/git/ref/*', 502, 2);
    const started = clock.now();
    const { data } = await octokit().rest.git.getRef({ ...repo, ref: 'heads/main' });
    expect(data.object.sha).toBe(sim.head(REPO));
    expect(requestsTo(/^GET .*\/git\/ref\//).map((r) => r.status)).toEqual([502, 502, 200]);
    const waited = clock.now() - started;
    expect(waited).toBeGreaterThanOrEqual(3_000);
    expect(waited).toBeLessThanOrEqual(3_750);
    expect(logger.lines.filter((l) => l.includes('GitHub answered 502'))).toHaveLength(2);
  });

  it('blob, tree and commit creation survive a 500, a 503 and a dropped connection', async () => {
    const client = octokit();
    sim.failNext('POST /repos/acme/retry/git/blobs', 500);
    const blob = await client.rest.git.createBlob({ ...repo, content: 'aGVsbG8=', encoding: 'base64' });
    sim.failNext('POST /repos/acme/retry/git/trees', 0); // hang up: a network error
    const head = sim.commits(REPO)[0]!;
    const tree = await client.rest.git.createTree({
      ...repo,
      base_tree: head.tree,
      tree: [{ path: 'x.txt', mode: '100644', type: 'blob', sha: blob.data.sha }],
    });
    sim.failNext('POST /repos/acme/retry/git/commits', 503);
    const commit = await client.rest.git.createCommit({
      ...repo,
      message: 'm',
      tree: tree.data.sha,
      parents: [head.sha],
    });
    // The fast-forward is repeatable too: a second identical update is a no-op, not a conflict.
    sim.failNext('PATCH /repos/acme/retry/git/refs/*', 502);
    await client.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: commit.data.sha, force: false });
    await client.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: commit.data.sha, force: false });
    expect(sim.head(REPO)).toBe(commit.data.sha);
    expect(sim.files(REPO).get('x.txt')?.toString()).toBe('hello');
    expect(requestsTo(/^POST .*\/git\/trees/).map((r) => r.status)).toEqual([0, 201]);
  });

  it('gives up after 3 retries, with a bounded total wait', async () => {
    sim.failNext('GET /repos/acme/retry/issues*', 502, 4);
    const started = clock.now();
    await expect(octokit().rest.issues.listForRepo({ ...repo, state: 'open' })).rejects.toMatchObject({
      status: 502,
    });
    expect(requestsTo(/^GET .*\/issues/)).toHaveLength(4);
    expect(clock.now() - started).toBeLessThanOrEqual((1_000 + 2_000 + 4_000) * 1.25);
    // All four faults were used: one attempt and three retries, no more.
    await octokit().rest.issues.listForRepo({ ...repo, state: 'open' });
    expect(requestsTo(/^GET .*\/issues/).map((r) => r.status)).toEqual([502, 502, 502, 502, 200]);
  });

  it('does not retry a 4xx', async () => {
    sim.failNext('GET /repos/acme/retry/git/ref/*', 404);
    await expect(octokit().rest.git.getRef({ ...repo, ref: 'heads/main' })).rejects.toMatchObject({
      status: 404,
    });
    expect(requestsTo(/^GET .*\/git\/ref\//)).toHaveLength(1);
  });
});

describe('requests that could act twice', () => {
  it('creating an issue or a comment is tried once, whatever the 5xx hid', async () => {
    sim.failNext('POST /repos/acme/retry/issues', 502);
    await expect(octokit().rest.issues.create({ ...repo, title: 't', body: 'b' })).rejects.toMatchObject({
      status: 502,
    });
    expect(requestsTo(/^POST \/repos\/acme\/retry\/issues$/)).toHaveLength(1);
    sim.failNext('POST /repos/acme/retry/issues', 0);
    await expect(octokit().rest.issues.create({ ...repo, title: 't', body: 'b' })).rejects.toBeDefined();
    expect(requestsTo(/^POST \/repos\/acme\/retry\/issues$/)).toHaveLength(2);
  });

  it('classifies routes as the design says', () => {
    const yes = [
      { method: 'GET', url: '/repos/{owner}/{repo}/contents/{path}' },
      { method: 'GET', url: 'https://api.github.com/repositories/1/issues?page=2' },
      { method: 'POST', url: '/repos/{owner}/{repo}/git/blobs' },
      { method: 'POST', url: '/repos/{owner}/{repo}/git/trees' },
      { method: 'POST', url: '/repos/{owner}/{repo}/git/commits' },
      { method: 'PATCH', url: '/repos/{owner}/{repo}/git/refs/{ref}', force: false },
      { method: 'PATCH', url: '/repos/{owner}/{repo}/issues/{issue_number}' },
      { method: 'POST', url: '/repos/{owner}/{repo}/issues/{issue_number}/labels' },
      { method: 'POST', url: '/repos/{owner}/{repo}/labels' },
    ];
    const no = [
      { method: 'POST', url: '/repos/{owner}/{repo}/issues' },
      { method: 'POST', url: '/repos/{owner}/{repo}/issues/{issue_number}/comments' },
      { method: 'POST', url: '/repos/{owner}/{repo}/git/refs' },
      { method: 'PUT', url: '/repos/{owner}/{repo}/contents/{path}' },
      { method: 'PATCH', url: '/repos/{owner}/{repo}/git/refs/{ref}', force: true },
      { method: 'DELETE', url: '/repos/{owner}/{repo}/actions/caches/{cache_id}' },
    ];
    for (const request of yes) expect(isRepeatableRequest(request), JSON.stringify(request)).toBe(true);
    for (const request of no) expect(isRepeatableRequest(request), JSON.stringify(request)).toBe(false);
  });
});
