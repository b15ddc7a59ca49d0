import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';

import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startGitHubRestSim } from './sim/github/rest.ts';
import type { GitHubRestSim } from './sim/github/rest.ts';

// The real @octokit/rest 22 against the stateful REST simulator.

const WRITE_TOKEN = 'ghs_write_token_for_tests_0123456789';
const READ_TOKEN = 'ghs_read_only_token_0123456789';
const ISSUES_TOKEN = 'ghs_issues_only_token_0123456789';

let sim: GitHubRestSim;

beforeAll(async () => {
  sim = await startGitHubRestSim();
});

afterAll(async () => {
  await sim.close();
});

afterEach(() => {
  expect(sim.crashes).toEqual([]);
});

function octokit(token: string | null = WRITE_TOKEN): Octokit {
  return new Octokit({ baseUrl: sim.url, ...(token === null ? {} : { auth: token }), log: quietLog });
}

const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** A fresh private repository with a write token, so tests do not see each other's state. */
function newRepo(options: Parameters<GitHubRestSim['createRepo']>[1] = {}): {
  owner: string;
  repo: string;
  full: string;
} {
  const owner = 'acme';
  const repo = `storage-${randomUUID().slice(0, 8)}`;
  const full = `${owner}/${repo}`;
  sim.createRepo(full, options);
  sim.addToken(WRITE_TOKEN, { [full]: { contents: 'write', issues: 'write', actions: 'read' } });
  sim.addToken(READ_TOKEN, { [full]: { contents: 'read', issues: 'read' } });
  sim.addToken(ISSUES_TOKEN, { [full]: { issues: 'write' } });
  return { owner, repo, full };
}

async function statusOf(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; headers: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as {
      status: number;
      response?: { data?: { message?: string }; headers: Record<string, unknown> };
    };
    return {
      status: failure.status,
      message: failure.response?.data?.message ?? '',
      headers: failure.response?.headers ?? {},
    };
  }
  throw new Error('expected the request to fail');
}

function gitHashObject(content: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', ['hash-object', '--stdin'], (error, stdout) =>
      // ExecFileException is an Error; its Omit<> type hides that from the rule.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      error ? reject(error) : resolve(stdout.trim()),
    );
    child.stdin?.end(content);
  });
}

/** The multi-file commit our repo sink makes: blobs, a tree on the base tree, a commit, a ref update. */
async function commitFiles(
  client: Octokit,
  where: { owner: string; repo: string },
  files: Record<string, Buffer | null>,
  message: string,
  branch = 'main',
): Promise<string> {
  const { data: ref } = await client.git.getRef({ ...where, ref: `heads/${branch}` });
  const { data: head } = await client.git.getCommit({ ...where, commit_sha: ref.object.sha });
  const tree = [];
  for (const [path, content] of Object.entries(files)) {
    if (content === null) {
      tree.push({ path, mode: '100644' as const, type: 'blob' as const, sha: null });
      continue;
    }
    const { data: blob } = await client.git.createBlob({
      ...where,
      content: content.toString('base64'),
      encoding: 'base64',
    });
    tree.push({ path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha });
  }
  const { data: newTree } = await client.git.createTree({ ...where, base_tree: head.tree.sha, tree });
  const { data: commit } = await client.git.createCommit({
    ...where,
    message,
    tree: newTree.sha,
    parents: [head.sha],
  });
  await client.git.updateRef({ ...where, ref: `heads/${branch}`, sha: commit.sha, force: false });
  return commit.sha;
}

describe('repository and Git Data API', () => {
  it('describes a repository, and 404s an unknown one', async () => {
    const where = newRepo({ visibility: 'internal', defaultBranch: 'trunk' });
    const { data } = await octokit().repos.get(where);
    expect(data).toMatchObject({
      full_name: where.full,
      private: true,
      visibility: 'internal',
      default_branch: 'trunk',
    });
    expect(data.permissions).toMatchObject({ push: true, pull: true, admin: false });
    expect((await statusOf(octokit().repos.get({ owner: 'acme', repo: 'nope' }))).status).toBe(404);
  });

  it('makes a multi-file commit through blobs, tree, commit and ref', async () => {
    const where = newRepo({ files: { 'README.md': 'hello\n', 'old/stale.txt': 'bye\n' } });
    const parquet = Buffer.from([0x50, 0x41, 0x52, 0x31, 0x00, 0xff, 0x50, 0x41, 0x52, 0x31]);
    const before = sim.head(where.full);
    const sha = await commitFiles(
      octokit(),
      where,
      {
        'events/signinattempts/date=2026-11-01/part-1-1-0.parquet': parquet,
        'events/_state/state.json': Buffer.from('{"cursor":"abc"}'),
        'old/stale.txt': null,
      },
      'Export run 1',
    );

    expect(sim.head(where.full)).toBe(sha);
    const files = sim.files(where.full);
    expect([...files.keys()].sort()).toEqual([
      'README.md',
      'events/_state/state.json',
      'events/signinattempts/date=2026-11-01/part-1-1-0.parquet',
    ]);
    expect(files.get('events/signinattempts/date=2026-11-01/part-1-1-0.parquet')?.equals(parquet)).toBe(true);
    const [latest, initial] = sim.commits(where.full);
    expect(latest).toMatchObject({ sha, message: 'Export run 1', parents: [before] });
    expect(initial?.parents).toEqual([]);

    // Objects read back through the API, and blob shas are real git object ids.
    const { data: tree } = await octokit().git.getTree({
      ...where,
      tree_sha: latest?.tree ?? '',
      recursive: '1',
    });
    const paths = tree.tree.map((entry) => `${entry.type}:${entry.path}`);
    expect(paths).toContain('tree:events/signinattempts/date=2026-11-01');
    expect(paths).toContain('blob:events/_state/state.json');
    const parquetEntry = tree.tree.find((entry) => entry.path?.endsWith('.parquet'));
    expect(parquetEntry?.sha).toBe(await gitHashObject(parquet));
    const { data: blob } = await octokit().git.getBlob({ ...where, file_sha: parquetEntry?.sha ?? '' });
    expect(Buffer.from(blob.content, 'base64').equals(parquet)).toBe(true);
  });

  it('accepts utf-8 blobs and inline tree content', async () => {
    const where = newRepo();
    const client = octokit();
    const { data: blob } = await client.git.createBlob({
      ...where,
      content: 'plain text ✓',
      encoding: 'utf-8',
    });
    const { data: ref } = await client.git.getRef({ ...where, ref: 'heads/main' });
    const { data: tree } = await client.git.createTree({
      ...where,
      tree: [
        { path: 'a.txt', mode: '100644', type: 'blob', sha: blob.sha },
        { path: 'nested/deeper/b.json', mode: '100644', type: 'blob', content: '{"b":1}' },
      ],
    });
    const { data: commit } = await client.git.createCommit({
      ...where,
      message: 'no base tree',
      tree: tree.sha,
      parents: [ref.object.sha],
    });
    await client.git.updateRef({ ...where, ref: 'heads/main', sha: commit.sha });
    const files = sim.files(where.full);
    expect([...files.keys()].sort()).toEqual(['a.txt', 'nested/deeper/b.json']);
    expect(files.get('a.txt')?.toString()).toBe('plain text ✓');
  });

  it('refuses a non-fast-forward update with 422, and a rebuilt commit then lands', async () => {
    const where = newRepo();
    const client = octokit();
    const { data: ref } = await client.git.getRef({ ...where, ref: 'heads/main' });
    const { data: head } = await client.git.getCommit({ ...where, commit_sha: ref.object.sha });
    const { data: stale } = await client.git.createCommit({
      ...where,
      message: 'ours',
      tree: head.tree.sha,
      parents: [head.sha],
    });

    sim.commitFiles(where.full, { files: { 'theirs.txt': 'x' } });
    const refused = await statusOf(client.git.updateRef({ ...where, ref: 'heads/main', sha: stale.sha }));
    expect(refused).toMatchObject({ status: 422, message: 'Update is not a fast forward' });

    await commitFiles(client, where, { 'ours.txt': Buffer.from('y') }, 'ours, rebased');
    expect([...sim.files(where.full).keys()].sort()).toEqual(['README.md', 'ours.txt', 'theirs.txt']);
    expect(sim.forcedRefUpdates).toEqual([]);
  });

  it('nextRefUpdateConflicts lands a concurrent commit just before the PATCH', async () => {
    const where = newRepo();
    sim.nextRefUpdateConflicts(1);
    const refused = await statusOf(commitFiles(octokit(), where, { 'a.txt': Buffer.from('a') }, 'first try'));
    expect(refused.status).toBe(422);
    expect(sim.commits(where.full)[0]?.message).toBe('Concurrent commit (simulated)');
    await commitFiles(octokit(), where, { 'a.txt': Buffer.from('a') }, 'second try');
    expect(sim.commits(where.full).map((commit) => commit.message)).toEqual([
      'second try',
      'Concurrent commit (simulated)',
      'Initial commit',
    ]);
  });

  it('records force pushes', async () => {
    const where = newRepo();
    const client = octokit();
    const { data: ref } = await client.git.getRef({ ...where, ref: 'heads/main' });
    const { data: head } = await client.git.getCommit({ ...where, commit_sha: ref.object.sha });
    const { data: orphan } = await client.git.createCommit({
      ...where,
      message: 'orphan',
      tree: head.tree.sha,
      parents: [],
    });
    await client.git.updateRef({ ...where, ref: 'heads/main', sha: orphan.sha, force: true });
    expect(sim.forcedRefUpdates).toEqual([{ repo: where.full, ref: 'refs/heads/main', sha: orphan.sha }]);
    sim.forcedRefUpdates.length = 0;
  });

  it('creates branches, and 404s a missing one', async () => {
    const where = newRepo();
    const client = octokit();
    expect((await statusOf(client.git.getRef({ ...where, ref: 'heads/data' }))).status).toBe(404);
    const main = sim.head(where.full) ?? '';
    await client.git.createRef({ ...where, ref: 'refs/heads/data', sha: main });
    expect(
      (await statusOf(client.git.createRef({ ...where, ref: 'refs/heads/data', sha: main }))).status,
    ).toBe(422);
    await commitFiles(client, where, { 'x.txt': Buffer.from('x') }, 'on data', 'data');
    expect(sim.files(where.full, 'data').has('x.txt')).toBe(true);
    expect(sim.files(where.full).has('x.txt')).toBe(false);
  });
});

describe('empty repositories and the Contents API', () => {
  it('answers Git Data requests with 409 until a Contents PUT makes the first commit', async () => {
    const where = newRepo({ empty: true });
    const client = octokit();
    expect(await statusOf(client.git.getRef({ ...where, ref: 'heads/main' }))).toMatchObject({
      status: 409,
      message: 'Git Repository is empty.',
    });
    expect(
      (await statusOf(client.git.createBlob({ ...where, content: 'eA==', encoding: 'base64' }))).status,
    ).toBe(409);
    expect(sim.commits(where.full)).toEqual([]);

    const { data, status } = await client.repos.createOrUpdateFileContents({
      ...where,
      path: 'data/.keep',
      message: 'Seed',
      content: Buffer.from('').toString('base64'),
    });
    expect(status).toBe(201);
    expect(data.commit.sha).toBe(sim.head(where.full));
    const { data: ref } = await client.git.getRef({ ...where, ref: 'heads/main' });
    expect(ref.object.sha).toBe(data.commit.sha);
  });

  it('updates a file only with its current sha', async () => {
    const where = newRepo();
    const client = octokit();
    const path = '_state/state.json';
    const created = await client.repos.createOrUpdateFileContents({
      ...where,
      path,
      message: 'state',
      content: Buffer.from('{"v":1}').toString('base64'),
    });
    const missingSha = await statusOf(
      client.repos.createOrUpdateFileContents({
        ...where,
        path,
        message: 'x',
        content: Buffer.from('{}').toString('base64'),
      }),
    );
    expect(missingSha.status).toBe(422);
    const stale = await statusOf(
      client.repos.createOrUpdateFileContents({
        ...where,
        path,
        message: 'x',
        content: 'e30=',
        sha: 'f'.repeat(40),
      }),
    );
    expect(stale.status).toBe(409);
    const updated = await client.repos.createOrUpdateFileContents({
      ...where,
      path,
      message: 'state v2',
      content: Buffer.from('{"v":2}').toString('base64'),
      sha: created.data.content?.sha ?? '',
    });
    expect(updated.status).toBe(200);

    const { data } = await client.repos.getContent({ ...where, path });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(Buffer.from(data.content, 'base64').toString()).toBe('{"v":2}');
    const raw = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
      ...where,
      path,
      headers: { accept: 'application/vnd.github.raw+json' },
    });
    expect(Buffer.from(raw.data as unknown as ArrayBuffer).toString()).toBe('{"v":2}');
    const { data: listing } = await client.repos.getContent({ ...where, path: '_state' });
    expect(Array.isArray(listing) && listing.map((entry) => entry.name)).toEqual(['state.json']);
    expect((await statusOf(client.repos.getContent({ ...where, path: 'missing.json' }))).status).toBe(404);
  });
});

describe('issues, labels and comments', () => {
  it('runs the alert flow: label, issue with marker, comment, close', async () => {
    const where = newRepo();
    const client = octokit();
    const label = '1password-events';
    expect((await statusOf(client.issues.getLabel({ ...where, name: label }))).status).toBe(404);
    await client.issues.createLabel({
      ...where,
      name: label,
      color: 'b60205',
      description: 'exporter alerts',
    });
    expect(
      (await statusOf(client.issues.createLabel({ ...where, name: label, color: 'b60205' }))).status,
    ).toBe(422);
    expect((await client.issues.getLabel({ ...where, name: label })).data.color).toBe('b60205');

    sim.seedPullRequest(where.full, { title: 'A PR with the label', labels: [label] });
    const marker = '<!-- exporter:auth-failure -->';
    const { data: issue } = await client.issues.create({
      ...where,
      title: 'Token refused',
      body: `${marker}\n401`,
      labels: [label],
    });
    expect(issue.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual([label]);

    const { data: open } = await client.issues.listForRepo({
      ...where,
      state: 'open',
      labels: label,
      per_page: 100,
    });
    expect(open).toHaveLength(2);
    const found = open.filter((item) => !item.pull_request && item.body?.includes(marker));
    expect(found.map((item) => item.number)).toEqual([issue.number]);

    await client.issues.createComment({ ...where, issue_number: issue.number, body: 'Failed again' });
    const { data: comments } = await client.issues.listComments({ ...where, issue_number: issue.number });
    expect(comments.map((c) => c.body)).toEqual(['Failed again']);
    await client.issues.update({
      ...where,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'completed',
    });

    const [stored] = sim.issues(where.full).filter((i) => !i.isPullRequest);
    expect(stored).toMatchObject({ state: 'closed', stateReason: 'completed', labels: [label] });
    expect(stored?.closedAt).not.toBeNull();
    expect(stored?.comments.map((c) => c.body)).toEqual(['Failed again']);
    const { data: stillOpen } = await client.issues.listForRepo({ ...where, state: 'open', labels: label });
    expect(stillOpen.every((item) => item.pull_request)).toBe(true);
    expect(sim.labels(where.full)).toEqual([
      { name: label, color: 'b60205', description: 'exporter alerts' },
    ]);
  });

  it('adds labels to an existing issue, creating missing ones', async () => {
    const where = newRepo({ dropIssueLabelsWithoutPush: true });
    // Without push access the labels given at creation are silently dropped (documented behaviour).
    const { data: issue } = await octokit(ISSUES_TOKEN).issues.create({
      ...where,
      title: 't',
      labels: ['alert'],
    });
    expect(issue.labels).toEqual([]);
    const { data: labels } = await octokit(ISSUES_TOKEN).issues.addLabels({
      ...where,
      issue_number: issue.number,
      labels: ['alert'],
    });
    expect(labels.map((l) => l.name)).toEqual(['alert']);
    expect(sim.issues(where.full)[0]?.labels).toEqual(['alert']);
  });

  it('paginates with Link headers that Octokit follows', async () => {
    const where = newRepo();
    const client = octokit();
    for (let i = 1; i <= 5; i++) await client.issues.create({ ...where, title: `issue ${i}` });
    const all = await client.paginate(client.issues.listForRepo, { ...where, state: 'all', per_page: 2 });
    expect(all.map((item) => item.title)).toEqual(['issue 5', 'issue 4', 'issue 3', 'issue 2', 'issue 1']);
    expect(sim.requestLog.filter((entry) => entry.path.includes(`/${where.repo}/issues?`)).length).toBe(3);
  });
});

describe('workflow artifacts list', () => {
  it('lists seeded artifacts by name, newest first', async () => {
    const where = newRepo();
    sim.seedArtifact(where.full, { name: 'other', createdAt: '2026-11-02T00:00:00Z' });
    sim.seedArtifact(where.full, { name: 'state', createdAt: '2026-11-01T00:00:00Z' });
    const newest = sim.seedArtifact(where.full, { name: 'state', createdAt: '2026-11-03T00:00:00Z' });
    const { data } = await octokit().actions.listArtifactsForRepo({ ...where, name: 'state' });
    expect(data.total_count).toBe(2);
    expect(data.artifacts[0]?.id).toBe(newest);
  });
});

describe('authentication, permissions and faults', () => {
  it('answers 401 Bad credentials without a token or with an unknown one', async () => {
    const where = newRepo();
    expect(await statusOf(octokit(null).repos.get(where))).toMatchObject({
      status: 401,
      message: 'Bad credentials',
    });
    expect((await statusOf(octokit('ghp_unknown').repos.get(where))).status).toBe(401);
  });

  it('answers 403 Resource not accessible by integration for a missing permission', async () => {
    const where = newRepo();
    expect((await octokit(READ_TOKEN).git.getRef({ ...where, ref: 'heads/main' })).status).toBe(200);
    const denied = await statusOf(octokit(READ_TOKEN).git.createBlob({ ...where, content: 'x' }));
    expect(denied).toMatchObject({ status: 403, message: 'Resource not accessible by integration' });
    expect(denied.headers['x-accepted-github-permissions']).toBe('contents=write');
    expect((await statusOf(octokit(READ_TOKEN).issues.create({ ...where, title: 't' }))).status).toBe(403);
    expect((await statusOf(octokit(ISSUES_TOKEN).git.getRef({ ...where, ref: 'heads/main' }))).status).toBe(
      403,
    );
  });

  it('hides private repositories from tokens without a grant, and shows public ones read-only', async () => {
    const secret = newRepo();
    const open = newRepo({ visibility: 'public' });
    const stranger = `ghs_stranger_${randomUUID()}`;
    sim.addToken(stranger, {});
    expect((await statusOf(octokit(stranger).repos.get(secret))).status).toBe(404);
    expect((await octokit(stranger).repos.get(open)).data.visibility).toBe('public');
    expect((await statusOf(octokit(stranger).issues.create({ ...open, title: 'x' }))).status).toBe(403);
  });

  it.each([403, 429] as const)(
    'simulates a secondary rate limit with %s and retry-after on writes only',
    async (status) => {
      const where = newRepo();
      sim.secondaryRateLimit(1, { status, retryAfter: 7 });
      expect((await octokit().repos.get(where)).status).toBe(200);
      const limited = await statusOf(octokit().git.createBlob({ ...where, content: 'x' }));
      expect(limited.status).toBe(status);
      expect(limited.headers['retry-after']).toBe('7');
      expect(limited.message).toMatch(/secondary rate limit/);
      expect((await octokit().git.createBlob({ ...where, content: 'x' })).status).toBe(201);
    },
  );

  it('failNext answers matching requests with the given status, n times', async () => {
    const where = newRepo();
    sim.failNext('PATCH /repos/*/git/refs/*', 502, 2);
    await expect(commitFiles(octokit(), where, { a: Buffer.from('1') }, 'm')).rejects.toMatchObject({
      status: 502,
    });
    await expect(commitFiles(octokit(), where, { a: Buffer.from('1') }, 'm')).rejects.toMatchObject({
      status: 502,
    });
    await commitFiles(octokit(), where, { a: Buffer.from('1') }, 'm');
    expect(sim.files(where.full).get('a')?.toString()).toBe('1');
  });

  it('logs token fingerprints, never tokens, and keeps bodies for secret searches', async () => {
    const where = newRepo();
    const secret = `op-events-secret-${randomUUID()}`;
    await octokit().git.createBlob({
      ...where,
      content: Buffer.from(`leak ${secret}`).toString('base64'),
      encoding: 'base64',
    });
    const log = JSON.stringify(sim.requestLog);
    expect(log).not.toContain(WRITE_TOKEN);
    expect(sim.requestLog.at(-1)?.tokenHash).toMatch(/^[0-9a-f]{12}$/);
    expect(sim.requestLog.some((entry) => entry.decodedContent?.includes(secret))).toBe(true);
    expect(
      sim.requestLog.some((entry) => entry.body.includes(Buffer.from(`leak ${secret}`).toString('base64'))),
    ).toBe(true);
  });
});
