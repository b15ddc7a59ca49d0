import { setFile } from './git-store.ts';
import type { FlatFile, Signature } from './git-store.ts';
import { bodyObject, fail, json, missingField, notFound, optionalString } from './router.ts';
import type { Route, RouteContext, RestReply } from './router.ts';

/** Git Data API: refs, commits, blobs, trees (docs.github.com/rest/git). */
const FILE_MODES = new Set(['100644', '100755', '120000']);

export const gitRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/git/ref/*',
    scope: 'contents',
    level: 'read',
    gitData: true,
    handle: getRef,
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/git/refs',
    scope: 'contents',
    level: 'write',
    gitData: true,
    handle: createRef,
  },
  {
    method: 'PATCH',
    pattern: '/repos/:owner/:repo/git/refs/*',
    scope: 'contents',
    level: 'write',
    gitData: true,
    handle: updateRef,
  },
  {
    method: 'DELETE',
    pattern: '/repos/:owner/:repo/git/refs/*',
    scope: 'contents',
    level: 'write',
    gitData: true,
    handle: deleteRef,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/git/commits/:sha',
    scope: 'contents',
    level: 'read',
    gitData: true,
    handle: getCommit,
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/git/commits',
    scope: 'contents',
    level: 'write',
    gitData: true,
    handle: createCommit,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/git/blobs/:sha',
    scope: 'contents',
    level: 'read',
    gitData: true,
    handle: getBlob,
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/git/blobs',
    scope: 'contents',
    level: 'write',
    gitData: true,
    handle: createBlob,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/git/trees/:sha',
    scope: 'contents',
    level: 'read',
    gitData: true,
    handle: getTree,
  },
  {
    method: 'POST',
    pattern: '/repos/:owner/:repo/git/trees',
    scope: 'contents',
    level: 'write',
    gitData: true,
    handle: createTree,
  },
];

function getRef({ repo, params, render }: RouteContext): RestReply {
  const ref = `refs/${params.rest}`;
  const sha = repo.refs.get(ref);
  return sha ? json(200, render.ref(ref, sha)) : notFound();
}

function createRef({ repo, req, render }: RouteContext): RestReply {
  const body = bodyObject(req);
  const ref = optionalString(body, 'ref');
  const sha = optionalString(body, 'sha');
  if (!ref) return missingField('ref');
  if (!sha) return missingField('sha');
  if (!/^refs\/[^/]+\/.+/.test(ref))
    return fail(422, "ref must start with 'refs' and have at least two slashes.");
  if (!repo.git.commit(sha)) return fail(422, 'Object does not exist');
  if (repo.refs.has(ref)) return fail(422, 'Reference already exists');
  repo.refs.set(ref, sha);
  return json(201, render.ref(ref, sha));
}

function updateRef({ repo, req, params, render, sim }: RouteContext): RestReply {
  const ref = `refs/${params.rest}`;
  const body = bodyObject(req);
  const sha = optionalString(body, 'sha');
  if (!sha) return missingField('sha');
  if (!repo.refs.has(ref)) return fail(422, 'Reference does not exist');
  if (!repo.git.commit(sha)) return fail(422, 'Object does not exist');
  if (sim.takeRefConflict() && ref.startsWith('refs/heads/')) {
    // Someone else's commit lands first, so this update really stops being a fast forward.
    repo.commitChange({
      branch: ref.slice('refs/heads/'.length),
      message: 'Concurrent commit (simulated)',
      files: { [`concurrent/${sim.nextId()}.txt`]: 'a commit made by someone else\n' },
      at: sim.now(),
    });
  }
  const current = repo.refs.get(ref) as string;
  const force = body.force === true;
  if (force) sim.recordForcedUpdate({ repo: repo.fullName, ref, sha });
  else if (!repo.git.isAncestor(current, sha)) return fail(422, 'Update is not a fast forward');
  repo.refs.set(ref, sha);
  return json(200, render.ref(ref, sha));
}

function deleteRef({ repo, params }: RouteContext): RestReply {
  const ref = `refs/${params.rest}`;
  if (!repo.refs.delete(ref)) return fail(422, 'Reference does not exist');
  return { status: 204 };
}

function getCommit({ repo, params, render }: RouteContext): RestReply {
  const sha = params.sha ?? '';
  const commit = repo.git.commit(sha);
  return commit ? json(200, render.commit(sha, commit)) : notFound();
}

function createCommit({ repo, req, render, sim, grant }: RouteContext): RestReply {
  const body = bodyObject(req);
  const message = optionalString(body, 'message');
  const tree = optionalString(body, 'tree');
  if (message === undefined) return missingField('message');
  if (!tree) return missingField('tree');
  if (!repo.git.tree(tree)) return fail(422, 'Tree SHA does not exist');
  const parents = Array.isArray(body.parents) ? body.parents : [];
  for (const parent of parents) {
    if (typeof parent !== 'string' || !repo.git.commit(parent)) {
      return fail(422, 'Parent SHA does not exist or is not a commit object');
    }
  }
  const fallback: Signature = {
    name: grant.login,
    email: `${grant.login}@users.noreply.github.com`,
    date: sim.now(),
  };
  const author = signatureFrom(body.author, fallback);
  const committer = signatureFrom(body.committer, author);
  const commit = { tree, parents: parents as string[], message, author, committer };
  const sha = repo.git.putCommit(commit);
  return json(201, render.commit(sha, commit));
}

function signatureFrom(value: unknown, fallback: Signature): Signature {
  if (typeof value !== 'object' || value === null) return fallback;
  const given = value as Record<string, unknown>;
  return {
    name: typeof given.name === 'string' ? given.name : fallback.name,
    email: typeof given.email === 'string' ? given.email : fallback.email,
    date:
      typeof given.date === 'string'
        ? new Date(given.date).toISOString().replace(/\.\d{3}Z$/, 'Z')
        : fallback.date,
  };
}

function getBlob({ repo, params, render }: RouteContext): RestReply {
  const sha = params.sha ?? '';
  const content = repo.git.blob(sha);
  return content ? json(200, render.blob(sha, content)) : notFound();
}

function createBlob({ repo, req, render }: RouteContext): RestReply {
  const body = bodyObject(req);
  const content = optionalString(body, 'content');
  if (content === undefined) return missingField('content');
  const encoding = optionalString(body, 'encoding') ?? 'utf-8';
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(content, 'base64');
  else if (encoding === 'utf-8' || encoding === 'utf8') bytes = Buffer.from(content, 'utf8');
  else return fail(422, `encoding must be one of utf-8, base64 (got ${encoding})`);
  const sha = repo.git.putBlob(bytes);
  return json(201, render.blobCreated(sha));
}

function getTree({ repo, params, req, render }: RouteContext): RestReply {
  const sha = params.sha ?? '';
  // A commit sha or a branch name are accepted too, as on GitHub.
  const treeSha = repo.git.tree(sha) ? sha : (repo.git.commit(sha)?.tree ?? treeOfBranch(repo, sha));
  if (!treeSha || !repo.git.tree(treeSha)) return notFound();
  const recursive = ['1', 'true'].includes(req.query.get('recursive') ?? '');
  return json(200, render.tree(treeSha, repo.git.listTree(treeSha, recursive)));
}

function treeOfBranch(repo: RouteContext['repo'], branch: string): string | undefined {
  const head = repo.head(branch);
  return head ? repo.git.commit(head)?.tree : undefined;
}

function createTree({ repo, req, render }: RouteContext): RestReply {
  const body = bodyObject(req);
  if (!Array.isArray(body.tree)) return missingField('tree');
  const baseTree = optionalString(body, 'base_tree');
  if (baseTree !== undefined && !repo.git.tree(baseTree))
    return fail(422, 'base_tree is not a valid tree oid');
  const files: Map<string, FlatFile> = baseTree ? repo.git.flatten(baseTree) : new Map();
  for (const raw of body.tree as unknown[]) {
    const problem = applyTreeEntry(repo, files, raw);
    if (problem) return problem;
  }
  const sha = repo.git.buildTree(files);
  return json(201, render.tree(sha, repo.git.listTree(sha, false)));
}

/** Applies one `tree[]` entry of POST /git/trees to the flattened file map; a reply on bad input. */
function applyTreeEntry(
  repo: RouteContext['repo'],
  files: Map<string, FlatFile>,
  raw: unknown,
): RestReply | undefined {
  if (typeof raw !== 'object' || raw === null) return fail(422, 'Invalid tree info');
  const entry = raw as Record<string, unknown>;
  const path = typeof entry.path === 'string' ? entry.path : '';
  const mode = typeof entry.mode === 'string' ? entry.mode : '';
  const type = entry.type === 'tree' ? 'tree' : 'blob';
  if (
    !path ||
    path.startsWith('/') ||
    path.endsWith('/') ||
    path.split('/').some((part) => !part || part === '.' || part === '..')
  ) {
    return fail(422, 'tree.path contains a malformed path component');
  }
  if (type === 'blob' ? !FILE_MODES.has(mode) : mode !== '040000') {
    return fail(422, `tree.mode ${mode} is not valid for a ${type}`);
  }
  if (entry.sha === null) {
    // Deleting a path removes a file or a whole directory.
    files.delete(path);
    for (const existing of [...files.keys()]) if (existing.startsWith(`${path}/`)) files.delete(existing);
    return undefined;
  }
  if (typeof entry.content === 'string' && type === 'blob') {
    setFile(files, path, { mode, sha: repo.git.putBlob(Buffer.from(entry.content, 'utf8')) });
    return undefined;
  }
  if (typeof entry.sha !== 'string') return fail(422, 'Must supply either tree.sha or tree.content');
  if (type === 'tree') {
    if (!repo.git.tree(entry.sha)) return fail(422, `tree.sha ${entry.sha} is not a valid tree`);
    for (const [subpath, file] of repo.git.flatten(entry.sha)) setFile(files, `${path}/${subpath}`, file);
    return undefined;
  }
  if (!repo.git.blob(entry.sha)) return fail(422, `tree.sha ${entry.sha} is not a valid blob`);
  setFile(files, path, { mode, sha: entry.sha });
  return undefined;
}
