import { wrappedBase64 } from './render.ts';
import type { RepoState } from './repo-state.ts';
import { bodyObject, fail, json, missingField, notFound, optionalString } from './router.ts';
import type { Route, RouteContext, RestReply } from './router.ts';

/**
 * Contents API (docs.github.com/rest/repos/contents). Unlike the Git Data API it works on an empty
 * repository: the first PUT creates the first commit.
 */
export const contentsRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/contents',
    scope: 'contents',
    level: 'read',
    handle: getContents,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/contents/*',
    scope: 'contents',
    level: 'read',
    handle: getContents,
  },
  {
    method: 'PUT',
    pattern: '/repos/:owner/:repo/contents/*',
    scope: 'contents',
    level: 'write',
    handle: putContents,
  },
];

/** A branch name, a full `refs/heads/x`, or a commit sha; the default branch when absent. */
function resolveRef(repo: RepoState, ref: string | null): { sha: string; name: string } | undefined {
  const name = ref ?? repo.defaultBranch;
  const branch = name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : name;
  const head = repo.head(branch);
  if (head) return { sha: head, name: branch };
  if (repo.git.commit(name)) return { sha: name, name };
  return undefined;
}

function getContents({ repo, req, params, render }: RouteContext): RestReply {
  if (repo.isEmpty) return fail(404, 'This repository is empty.');
  const ref = resolveRef(repo, req.query.get('ref'));
  if (!ref) return fail(404, `No commit found for the ref ${req.query.get('ref') ?? ''}`);
  const path = (params.rest ?? '').replace(/\/+$/, '');
  const files = repo.filesAt(ref.sha);
  const file = files.get(path);
  if (file) {
    const content = repo.git.blob(file.sha) ?? Buffer.alloc(0);
    if (/raw/.test(String(req.headers.accept ?? ''))) {
      return { status: 200, raw: content, headers: { 'content-type': 'application/vnd.github.raw' } };
    }
    // GitHub leaves the content out of the JSON form above 1 MB (the raw media type gives it).
    const inline = content.length <= 1024 * 1024;
    return json(200, {
      ...render.contentEntry(path, 'file', file.sha, content.length, ref.name),
      content: inline ? wrappedBase64(content) : '',
      encoding: inline ? 'base64' : 'none',
    });
  }
  const listing = directoryListing(repo, ref.sha, path);
  if (!listing) return notFound();
  return json(
    200,
    listing.map((entry) =>
      render.contentEntry(
        entry.path,
        entry.type === 'tree' ? 'dir' : 'file',
        entry.sha,
        entry.size ?? 0,
        ref.name,
      ),
    ),
  );
}

function directoryListing(repo: RepoState, commitSha: string, path: string) {
  let treeSha = repo.git.commit(commitSha)?.tree;
  for (const part of path ? path.split('/') : []) {
    const entry = repo.git.tree(treeSha ?? '')?.find((candidate) => candidate.name === part);
    if (entry?.type !== 'tree') return undefined;
    treeSha = entry.sha;
  }
  return treeSha ? repo.git.listTree(treeSha, false, path ? `${path}/` : '') : undefined;
}

function putContents({ repo, req, params, render, sim, grant }: RouteContext): RestReply {
  const body = bodyObject(req);
  const message = optionalString(body, 'message');
  const content = optionalString(body, 'content');
  if (message === undefined) return missingField('message');
  if (content === undefined) return missingField('content');
  const path = params.rest ?? '';
  const branch = optionalString(body, 'branch') ?? repo.defaultBranch;
  const head = repo.head(branch);
  if (!head && !repo.isEmpty) return fail(404, `Branch ${branch} not found`);
  const existing = repo.filesAt(head).get(path);
  const sha = optionalString(body, 'sha');
  if (existing && sha === undefined) return fail(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (sha !== undefined && sha !== existing?.sha) return fail(409, `${path} does not match ${sha}`);
  const committer = signature(body.committer) ?? signature(body.author);
  const commitSha = repo.commitChange({
    branch,
    message,
    files: { [path]: Buffer.from(content, 'base64') },
    at: sim.now(),
    author: {
      ...(committer ?? { name: grant.login, email: `${grant.login}@users.noreply.github.com` }),
      date: sim.now(),
    },
  });
  const file = repo.filesAt(commitSha).get(path);
  const bytes = repo.git.blob(file?.sha ?? '') ?? Buffer.alloc(0);
  const commit = repo.git.commit(commitSha);
  return json(existing ? 200 : 201, {
    content: render.contentEntry(path, 'file', file?.sha ?? '', bytes.length, branch),
    commit: commit ? render.commit(commitSha, commit) : { sha: commitSha },
  });
}

function signature(value: unknown): { name: string; email: string } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const given = value as Record<string, unknown>;
  return typeof given.name === 'string' && typeof given.email === 'string'
    ? { name: given.name, email: given.email }
    : undefined;
}
