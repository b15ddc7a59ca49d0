import { satisfies } from './auth.ts';
import type { Issue, RepoState } from './repo-state.ts';
import {
  bodyObject,
  json,
  missingField,
  notFound,
  optionalString,
  pageOf,
  validationFailed,
} from './router.ts';
import type { Route, RouteContext, RestReply } from './router.ts';

/** Issues, issue comments and labels (docs.github.com/rest/issues). */
export const issueRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/issues',
    scope: 'issues',
    level: 'read',
    handle: listIssues,
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/issues',
    scope: 'issues',
    level: 'write',
    handle: createIssue,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/issues/:number',
    scope: 'issues',
    level: 'read',
    handle: getIssue,
  },
  {
    method: 'PATCH',
    pattern: '/repos/:owner/:repo/issues/:number',
    scope: 'issues',
    level: 'write',
    handle: updateIssue,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/issues/:number/comments',
    scope: 'issues',
    level: 'read',
    handle: listComments,
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/issues/:number/comments',
    scope: 'issues',
    level: 'write',
    handle: createComment,
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/issues/:number/labels',
    scope: 'issues',
    level: 'write',
    handle: addLabels,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/labels',
    scope: 'issues',
    level: 'read',
    handle: listLabels,
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/labels',
    scope: 'issues',
    level: 'write',
    handle: createLabel,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/labels/*',
    scope: 'issues',
    level: 'read',
    handle: getLabel,
  },
];

function listIssues({ repo, req, render, sim }: RouteContext): RestReply {
  const state = req.query.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) return validationFailed('Issue', 'state', 'invalid');
  const wanted = (req.query.get('labels') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const ascending = req.query.get('direction') === 'asc';
  const matching = repo.issues
    .filter((issue) => state === 'all' || issue.state === state)
    .filter((issue) => wanted.every((name) => issue.labels.some((label) => label.toLowerCase() === name)))
    .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
  const page = pageOf(req, matching, sim.apiUrl);
  return json(
    200,
    page.items.map((issue) => render.issue(issue)),
    page.headers,
  );
}

function createIssue({ repo, req, render, sim, grant, permissions }: RouteContext): RestReply {
  const body = bodyObject(req);
  const title = optionalString(body, 'title');
  if (!title) return missingField('title');
  const now = sim.now();
  const issue: Issue = {
    id: sim.nextId(),
    number: repo.takeIssueNumber(),
    title,
    body: optionalString(body, 'body') ?? null,
    state: 'open',
    stateReason: null,
    labels: [],
    comments: [],
    user: grant.login,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    isPullRequest: false,
  };
  const hasPush = satisfies(permissions?.contents, 'write');
  if (!repo.dropIssueLabelsWithoutPush || hasPush)
    attachLabels(repo, issue, labelNames(body.labels), sim.nextId);
  repo.issues.push(issue);
  return json(201, render.issue(issue));
}

function findIssue(repo: RepoState, number: string | undefined): Issue | undefined {
  return repo.issues.find((issue) => String(issue.number) === number);
}

function getIssue({ repo, params, render }: RouteContext): RestReply {
  const issue = findIssue(repo, params.number);
  return issue ? json(200, render.issue(issue)) : notFound();
}

function updateIssue({ repo, params, req, render, sim }: RouteContext): RestReply {
  const issue = findIssue(repo, params.number);
  if (!issue) return notFound();
  const body = bodyObject(req);
  const state = optionalString(body, 'state');
  const reason = optionalString(body, 'state_reason');
  if (state !== undefined && state !== 'open' && state !== 'closed')
    return validationFailed('Issue', 'state', 'invalid');
  if (reason !== undefined && !['completed', 'not_planned', 'reopened', 'duplicate'].includes(reason)) {
    return validationFailed('Issue', 'state_reason', 'invalid');
  }
  const now = sim.now();
  if (typeof body.title === 'string') issue.title = body.title;
  if (typeof body.body === 'string' || body.body === null) issue.body = body.body;
  if (state === 'closed' && issue.state === 'open') {
    issue.state = 'closed';
    issue.closedAt = now;
    issue.stateReason = reason ?? 'completed';
  } else if (state === 'open' && issue.state === 'closed') {
    issue.state = 'open';
    issue.closedAt = null;
    issue.stateReason = 'reopened';
  } else if (reason !== undefined) {
    issue.stateReason = reason;
  }
  if (Array.isArray(body.labels)) {
    issue.labels = [];
    attachLabels(repo, issue, labelNames(body.labels), sim.nextId);
  }
  issue.updatedAt = now;
  return json(200, render.issue(issue));
}

function listComments({ repo, params, req, render, sim }: RouteContext): RestReply {
  const issue = findIssue(repo, params.number);
  if (!issue) return notFound();
  const page = pageOf(req, issue.comments, sim.apiUrl);
  return json(
    200,
    page.items.map((comment) => render.comment(issue, comment)),
    page.headers,
  );
}

function createComment({ repo, params, req, render, sim, grant }: RouteContext): RestReply {
  const issue = findIssue(repo, params.number);
  if (!issue) return notFound();
  const text = optionalString(bodyObject(req), 'body');
  if (!text) return missingField('body');
  const now = sim.now();
  const comment = { id: sim.nextId(), body: text, user: grant.login, createdAt: now, updatedAt: now };
  issue.comments.push(comment);
  issue.updatedAt = now;
  return json(201, render.comment(issue, comment));
}

function addLabels({ repo, params, req, render, sim }: RouteContext): RestReply {
  const issue = findIssue(repo, params.number);
  if (!issue) return notFound();
  const names = labelNames(Array.isArray(req.body) ? req.body : bodyObject(req).labels);
  if (names.length === 0) return missingField('labels');
  attachLabels(repo, issue, names, sim.nextId);
  issue.updatedAt = sim.now();
  return json(
    200,
    issue.labels.map((name) =>
      render.label(repo.findLabel(name) ?? { id: 0, name, color: 'ededed', description: null }),
    ),
  );
}

function listLabels({ repo, req, render, sim }: RouteContext): RestReply {
  const page = pageOf(req, repo.labels, sim.apiUrl);
  return json(
    200,
    page.items.map((label) => render.label(label)),
    page.headers,
  );
}

function createLabel({ repo, req, render, sim }: RouteContext): RestReply {
  const body = bodyObject(req);
  const name = optionalString(body, 'name');
  if (!name) return missingField('name');
  const color = (optionalString(body, 'color') ?? 'ededed').replace(/^#/, '');
  if (!/^[0-9a-fA-F]{6}$/.test(color)) return validationFailed('Label', 'color', 'invalid');
  if (repo.findLabel(name)) return validationFailed('Label', 'name', 'already_exists');
  const label = {
    id: sim.nextId(),
    name,
    color: color.toLowerCase(),
    description: optionalString(body, 'description') ?? null,
  };
  repo.labels.push(label);
  return json(201, render.label(label));
}

function getLabel({ repo, params, render }: RouteContext): RestReply {
  const label = repo.findLabel(params.rest ?? '');
  return label ? json(200, render.label(label)) : notFound();
}

/** Labels may be given as names or as `{ name }` objects. */
function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item) => (typeof item === 'string' ? item : (item as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string' && name.length > 0);
}

/** Adds labels to an issue, creating any the repository does not have yet (as GitHub does). */
function attachLabels(repo: RepoState, issue: Issue, names: string[], nextId: () => number): void {
  for (const name of names) {
    const label = repo.findLabel(name) ?? { id: nextId(), name, color: 'ededed', description: null };
    if (!repo.labels.includes(label)) repo.labels.push(label);
    if (!issue.labels.some((existing) => existing.toLowerCase() === label.name.toLowerCase())) {
      issue.labels.push(label.name);
    }
  }
}
