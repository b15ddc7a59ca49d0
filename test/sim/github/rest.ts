import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { parseJson, readBody, sendJson, startLoopbackServer, tokenFingerprint } from './http-util.ts';
import { TokenRegistry, tokenFromHeader } from './rest/auth.ts';
import type { Permissions } from './rest/auth.ts';
import { Renderer } from './rest/render.ts';
import { RepoState } from './rest/repo-state.ts';
import type { FileContent, Issue, ListedCacheEntry, Visibility } from './rest/repo-state.ts';
import { compile, fail, match } from './rest/router.ts';
import type { RestReply, RestRequest, SimServices } from './rest/router.ts';
import { contentsRoutes } from './rest/routes-contents.ts';
import { gitRoutes } from './rest/routes-git.ts';
import { issueRoutes } from './rest/routes-issues.ts';
import { SIGNED_ARTIFACT_BLOB, repoRoutes, signedArtifactBlob } from './rest/routes-repo.ts';

export type { Level, Permissions, Scope } from './rest/auth.ts';
export type { FileContent, Visibility } from './rest/repo-state.ts';

export interface RestRequestLogEntry {
  method: string;
  /** Path and query as requested. */
  path: string;
  status: number;
  /** A fingerprint of the token (never the token itself); null when none was sent. */
  tokenHash: string | null;
  /** The request body exactly as received, so a test can search it for secrets. */
  body: string;
  /** The base64 `content` of a blob or contents request, decoded, for the same searches. */
  decodedContent?: string;
  /** The route pattern that handled it; absent when no route matched. */
  route?: string;
}

export interface CreateRepoOptions {
  visibility?: Visibility;
  defaultBranch?: string;
  /** No commit at all: Git Data endpoints answer 409 until a Contents PUT makes the first one. */
  empty?: boolean;
  /** Files of the initial commit (a README.md when omitted and not empty). */
  files?: Record<string, FileContent>;
  /** Simulate GitHub dropping `labels` on issue creation when the token has no push access. */
  dropIssueLabelsWithoutPush?: boolean;
}

export interface CommitView {
  sha: string;
  message: string;
  parents: string[];
  tree: string;
  author: { name: string; email: string; date: string };
}

export interface IssueView {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  comments: { id: number; body: string; user: string; createdAt: string }[];
  user: string;
  createdAt: string;
  closedAt: string | null;
  isPullRequest: boolean;
}

export interface LabelView {
  name: string;
  color: string;
  description: string | null;
}

export interface SeedArtifact {
  name: string;
  sizeInBytes?: number;
  createdAt?: string;
  expiresAt?: string;
  expired?: boolean;
  workflowRunId?: number;
  digest?: string;
  /** Branch of the run that uploaded it; the default branch when absent. */
  headBranch?: string;
  /** Repository id of the run's head (a fork's for a fork pull request); this repository's when absent. */
  headRepositoryId?: number;
  /** The artifact's zip, served by GET /actions/artifacts/{id}/zip. */
  zip?: Buffer;
}

export interface SeedWorkflowRun {
  id: number;
  path: string;
  event?: string;
  headBranch?: string;
  headRepositoryId?: number;
}

export interface GitHubRestSim {
  /** Base URL for Octokit `baseUrl` / GITHUB_API_URL (no trailing slash). */
  url: string;
  close(): Promise<void>;
  createRepo(fullName: string, options?: CreateRepoOptions): void;
  /** Registers a token with permissions per repository ("o/r" -> { contents: 'write', ... }). */
  addToken(token: string, repos: Record<string, Permissions>, options?: { login?: string }): void;
  revokeToken(token: string): void;
  /** Files at the head of `branch` (default branch when omitted); empty for an empty repository. */
  files(fullName: string, branch?: string): Map<string, Buffer>;
  /** First-parent history of `branch`, newest first. */
  commits(fullName: string, branch?: string): CommitView[];
  head(fullName: string, branch?: string): string | undefined;
  /** Someone else commits to the branch (or makes the first commit); null deletes a path. */
  commitFiles(
    fullName: string,
    change: { files: Record<string, FileContent | null>; message?: string; branch?: string },
  ): string;
  issues(fullName: string): IssueView[];
  labels(fullName: string): LabelView[];
  /** A pull request, which GET /issues lists with a `pull_request` key. Returns its number. */
  seedPullRequest(fullName: string, pr: { title: string; body?: string; labels?: string[] }): number;
  /** A workflow artifact for GET /actions/artifacts. Returns its id. */
  seedArtifact(fullName: string, artifact: SeedArtifact): number;
  /** A workflow run for GET /actions/runs/{id}: where an artifact came from. */
  seedWorkflowRun(fullName: string, run: SeedWorkflowRun): void;
  /** GET /actions/caches of this repository lists the entries of that cache service. */
  linkCacheEntries(fullName: string, entries: () => readonly ListedCacheEntry[]): void;
  /** The repository's database id (artifact and run payloads carry it). */
  repoId(fullName: string): number;
  /** Before each of the next `n` PATCH git/refs, another commit lands on the branch first. */
  nextRefUpdateConflicts(n: number): void;
  /**
   * The next `n` requests matching `pattern` get `status` (and `body`, default a GitHub message);
   * status 0 hangs up without an answer (a network error). A string pattern is "METHOD /path"
   * where `*` matches anything and METHOD may be `*`.
   */
  failNext(pattern: string | RegExp, status: number, n?: number, body?: unknown): void;
  /** The next `n` content-creating requests (POST/PUT/PATCH/DELETE) hit a secondary rate limit. */
  secondaryRateLimit(n: number, options?: { status?: 403 | 429; retryAfter?: number }): void;
  requestLog: RestRequestLogEntry[];
  /** Every `force: true` ref update (our code must never send one). */
  forcedRefUpdates: { repo: string; ref: string; sha: string }[];
  /** Exceptions that escaped a handler. A passing test expects none. */
  crashes: unknown[];
}

interface FaultRule {
  test(method: string, path: string): boolean;
  status: number;
  remaining: number;
  body?: unknown;
}

const ROUTES = [...repoRoutes, ...gitRoutes, ...contentsRoutes, ...issueRoutes].map(compile);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Starts the stateful GitHub REST simulator on 127.0.0.1. */
export async function startGitHubRestSim(
  options: { clock?: { now(): number } } = {},
): Promise<GitHubRestSim> {
  const repos = new Map<string, RepoState>();
  const tokens = new TokenRegistry();
  const requestLog: RestRequestLogEntry[] = [];
  const forcedRefUpdates: GitHubRestSim['forcedRefUpdates'] = [];
  const crashes: unknown[] = [];
  const faults: FaultRule[] = [];
  const rateLimits: { status: 403 | 429; retryAfter: number; remaining: number }[] = [];
  let refConflicts = 0;
  let lastId = 1000;
  let apiUrl = '';

  const services: SimServices = {
    get apiUrl() {
      return apiUrl;
    },
    now: () => new Date((options.clock ?? Date).now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    nextId: () => ++lastId,
    takeRefConflict: () => (refConflicts > 0 ? (refConflicts--, true) : false),
    recordForcedUpdate: (update) => forcedRefUpdates.push(update),
  };

  const repoOf = (fullName: string): RepoState => {
    const repo = repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`the simulator has no repository ${fullName}`);
    return repo;
  };

  const respond = (req: RestRequest, entry: RestRequestLogEntry): RestReply => {
    const fault = takeMatching(faults, req.method, req.path);
    if (fault?.status === HANG_UP) return { status: HANG_UP };
    if (fault)
      return fault.body === undefined
        ? fail(fault.status, 'Simulated failure')
        : { status: fault.status, body: fault.body };
    const signed = SIGNED_ARTIFACT_BLOB.exec(req.path);
    if (signed && req.method === 'GET' && req.query.get('sig') === 'simulated') {
      const repo = repos.get(`${signed[1]}/${signed[2]}`.toLowerCase());
      const range = req.headers.range;
      return repo
        ? signedArtifactBlob(repo, signed[3]!, typeof range === 'string' ? range : undefined)
        : fail(404, 'Not Found');
    }
    const token = tokenFromHeader(req.headers.authorization);
    const grant = tokens.lookup(token);
    if (!grant) return fail(401, 'Bad credentials');
    const { route, params } = match(ROUTES, req.method, req.path);
    if (!route) return fail(404, 'Not Found');
    entry.route = `${route.method} ${route.pattern}`;
    const repo = repos.get(`${params.owner}/${params.repo}`.toLowerCase());
    if (!repo) return fail(404, 'Not Found');
    const access = tokens.decide(grant, repo, route.scope, route.level);
    if (!access.ok) return fail(access.status, access.message, access.headers);
    if (WRITE_METHODS.has(req.method)) {
      const limit = rateLimits[0];
      if (limit) {
        if (--limit.remaining <= 0) rateLimits.shift();
        return secondaryLimitReply(limit.status, limit.retryAfter);
      }
    }
    if (route.gitData && repo.isEmpty) return fail(409, 'Git Repository is empty.');
    const render = new Renderer(apiUrl, repo);
    return route.handle({
      req,
      params,
      repo,
      render,
      grant,
      permissions: tokens.permissionsOn(grant, repo),
      sim: services,
    });
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const token = tokenFromHeader(req.headers.authorization);
    const entry: RestRequestLogEntry = {
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      status: 0,
      tokenHash: token ? tokenFingerprint(token) : null,
      body: raw.toString('utf8'),
    };
    requestLog.push(entry);
    let body: unknown;
    try {
      body = parseJson(raw);
    } catch {
      send(res, entry, fail(400, 'Problems parsing JSON'));
      return;
    }
    const decoded = decodedContentOf(body, url.pathname);
    if (decoded !== undefined) entry.decodedContent = decoded;
    const request: RestRequest = {
      method: entry.method,
      path: safeDecode(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    send(res, entry, respond(request, entry));
  };

  const server = await startLoopbackServer(handler, (error) => crashes.push(error));
  apiUrl = server.url;

  return {
    url: server.url,
    close: server.close,
    requestLog,
    forcedRefUpdates,
    crashes,
    createRepo(fullName, repoOptions = {}) {
      const [owner, name] = fullName.split('/');
      if (!owner || !name) throw new Error(`repository names look like owner/name, not ${fullName}`);
      const repo = new RepoState(
        services.nextId(),
        owner,
        name,
        repoOptions.visibility ?? 'private',
        repoOptions.defaultBranch ?? 'main',
        repoOptions.dropIssueLabelsWithoutPush ?? false,
      );
      repos.set(fullName.toLowerCase(), repo);
      if (!repoOptions.empty) {
        repo.commitChange({
          branch: repo.defaultBranch,
          message: 'Initial commit',
          files: repoOptions.files ?? { 'README.md': `# ${name}\n` },
          at: services.now(),
        });
      }
    },
    addToken: (token, grants, tokenOptions) => tokens.add(token, grants, tokenOptions?.login),
    revokeToken: (token) => tokens.revoke(token),
    files(fullName, branch) {
      const repo = repoOf(fullName);
      const files = new Map<string, Buffer>();
      for (const [path, file] of repo.filesAt(repo.head(branch ?? repo.defaultBranch))) {
        files.set(path, repo.git.blob(file.sha) ?? Buffer.alloc(0));
      }
      return files;
    },
    commits(fullName, branch) {
      const repo = repoOf(fullName);
      const history: CommitView[] = [];
      let sha = repo.head(branch ?? repo.defaultBranch);
      while (sha) {
        const commit = repo.git.commit(sha);
        if (!commit) break;
        history.push({
          sha,
          message: commit.message,
          parents: [...commit.parents],
          tree: commit.tree,
          author: { ...commit.author },
        });
        sha = commit.parents[0];
      }
      return history;
    },
    head: (fullName, branch) => {
      const repo = repoOf(fullName);
      return repo.head(branch ?? repo.defaultBranch);
    },
    commitFiles(fullName, change) {
      const repo = repoOf(fullName);
      return repo.commitChange({
        branch: change.branch ?? repo.defaultBranch,
        message: change.message ?? 'Commit by someone else',
        files: change.files,
        at: services.now(),
      });
    },
    issues: (fullName) => repoOf(fullName).issues.map(issueView),
    labels: (fullName) =>
      repoOf(fullName).labels.map((label) => ({
        name: label.name,
        color: label.color,
        description: label.description,
      })),
    seedPullRequest(fullName, pr) {
      const repo = repoOf(fullName);
      const now = services.now();
      const number = repo.takeIssueNumber();
      for (const name of pr.labels ?? []) {
        if (!repo.findLabel(name))
          repo.labels.push({ id: services.nextId(), name, color: 'ededed', description: null });
      }
      repo.issues.push({
        id: services.nextId(),
        number,
        title: pr.title,
        body: pr.body ?? null,
        state: 'open',
        stateReason: null,
        labels: [...(pr.labels ?? [])],
        comments: [],
        user: 'octocat',
        createdAt: now,
        updatedAt: now,
        closedAt: null,
        isPullRequest: true,
      });
      return number;
    },
    seedArtifact(fullName, artifact) {
      const repo = repoOf(fullName);
      const createdAt = artifact.createdAt ?? services.now();
      const id = services.nextId();
      repo.artifacts.push({
        id,
        name: artifact.name,
        sizeInBytes: artifact.sizeInBytes ?? 1024,
        createdAt,
        expiresAt: artifact.expiresAt ?? new Date(Date.parse(createdAt) + 90 * 86_400_000).toISOString(),
        expired: artifact.expired ?? false,
        workflowRunId: artifact.workflowRunId ?? id,
        headBranch: artifact.headBranch ?? repo.defaultBranch,
        headSha: repo.head(repo.defaultBranch) ?? randomBytes(20).toString('hex'),
        headRepositoryId: artifact.headRepositoryId ?? repo.id,
        ...(artifact.digest ? { digest: artifact.digest } : {}),
        ...(artifact.zip ? { zip: artifact.zip } : {}),
      });
      return id;
    },
    linkCacheEntries(fullName, entries) {
      repoOf(fullName).cacheEntries = entries;
    },
    seedWorkflowRun(fullName, run) {
      const repo = repoOf(fullName);
      repo.runs.set(run.id, {
        id: run.id,
        path: run.path,
        event: run.event ?? 'schedule',
        headBranch: run.headBranch ?? repo.defaultBranch,
        headRepositoryId: run.headRepositoryId ?? repo.id,
      });
    },
    repoId(fullName) {
      return repoOf(fullName).id;
    },
    nextRefUpdateConflicts(n) {
      refConflicts += Math.max(0, n);
    },
    failNext(pattern, status, n = 1, body) {
      if (n > 0)
        faults.push({
          test: compilePattern(pattern),
          status,
          remaining: n,
          ...(body === undefined ? {} : { body }),
        });
    },
    secondaryRateLimit(n, limitOptions = {}) {
      if (n > 0)
        rateLimits.push({
          status: limitOptions.status ?? 403,
          retryAfter: limitOptions.retryAfter ?? 60,
          remaining: n,
        });
    },
  };
}

/** A fault status that destroys the connection instead of answering. */
const HANG_UP = 0;

function send(res: ServerResponse, entry: RestRequestLogEntry, reply: RestReply): void {
  entry.status = reply.status;
  if (reply.status === HANG_UP) {
    res.destroy();
    return;
  }
  const headers = {
    'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-resource': 'core',
    ...reply.headers,
  };
  if (reply.raw) {
    res.writeHead(reply.status, { ...headers, 'content-length': String(reply.raw.length) });
    res.end(reply.raw);
  } else if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
  } else {
    sendJson(res, reply.status, reply.body, headers);
  }
}

function secondaryLimitReply(status: 403 | 429, retryAfter: number): RestReply {
  return {
    status,
    headers: { 'retry-after': String(retryAfter), 'x-ratelimit-remaining': '4998' },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
      documentation_url:
        'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(status),
    },
  };
}

function compilePattern(pattern: string | RegExp): (method: string, path: string) => boolean {
  if (pattern instanceof RegExp) return (method, path) => pattern.test(`${method} ${path}`);
  const [method = '*', path = ''] = pattern.trim().split(/\s+/, 2);
  const regex = new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (m, p) => (method === '*' || method.toUpperCase() === m) && regex.test(p);
}

function takeMatching(faults: FaultRule[], method: string, path: string): FaultRule | undefined {
  const index = faults.findIndex((fault) => fault.test(method, path));
  const fault = faults[index];
  if (!fault) return undefined;
  if (--fault.remaining <= 0) faults.splice(index, 1);
  return fault;
}

function decodedContentOf(body: unknown, path: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { content, encoding } = body as { content?: unknown; encoding?: unknown };
  if (typeof content !== 'string') return undefined;
  // Contents PUT is always base64; a blob says so in `encoding` (its default is utf-8).
  const base64 = path.includes('/contents/') || encoding === 'base64';
  return base64 ? Buffer.from(content, 'base64').toString('utf8') : undefined;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function issueView(issue: Issue): IssueView {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    stateReason: issue.stateReason,
    labels: [...issue.labels],
    comments: issue.comments.map(({ id, body, user, createdAt }) => ({ id, body, user, createdAt })),
    user: issue.user,
    createdAt: issue.createdAt,
    closedAt: issue.closedAt,
    isPullRequest: issue.isPullRequest,
  };
}
