import { satisfies } from './auth.ts';
import { fail, json, pageOf } from './router.ts';
import type { RepoState } from './repo-state.ts';
import type { Route, RouteContext, RestReply } from './router.ts';

/** The repository itself, and the workflow artifacts list (docs.github.com/rest/actions/artifacts). */
export const repoRoutes: Route[] = [
  { method: 'GET', pattern: '/repos/:owner/:repo', scope: 'metadata', level: 'read', handle: getRepository },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/actions/artifacts',
    scope: 'actions',
    level: 'read',
    handle: listArtifacts,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/actions/artifacts/:id/zip',
    scope: 'actions',
    level: 'read',
    handle: downloadArtifact,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/actions/caches',
    scope: 'actions',
    level: 'read',
    handle: listCaches,
  },
  {
    method: 'GET',
    pattern: '/repos/:owner/:repo/actions/runs/:id',
    scope: 'actions',
    level: 'read',
    handle: getWorkflowRun,
  },
];

/** GitHub answers 302 to a short-lived signed URL of the zip; 410 once it expired. */
function downloadArtifact({ repo, params, sim }: RouteContext): RestReply {
  const artifact = repo.artifacts.find((candidate) => String(candidate.id) === params.id);
  if (!artifact) return fail(404, 'Not Found');
  if (artifact.expired || !artifact.zip) return fail(410, 'Artifact has expired');
  const location = `${sim.apiUrl}/repos/${repo.owner}/${repo.name}/actions/artifacts/${artifact.id}/blob?sig=simulated`;
  return { status: 302, headers: { location } };
}

/** Path of the signed zip URL the download redirects to; the signature stands in for a token. */
export const SIGNED_ARTIFACT_BLOB = /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)\/blob$/;

/** The signed blob URL (no token needed): Azure serves byte ranges (`bytes=a-b`, `bytes=-n`) with 206. */
export function signedArtifactBlob(repo: RepoState, id: string, rangeHeader: string | undefined): RestReply {
  const artifact = repo.artifacts.find((candidate) => String(candidate.id) === id);
  if (!artifact?.zip) return fail(404, 'Not Found');
  const zip = artifact.zip;
  const range = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader ?? '');
  if (!range || (range[1] === '' && range[2] === '')) {
    return { status: 200, raw: zip, headers: { 'content-type': 'application/zip' } };
  }
  const start = range[1] === '' ? Math.max(0, zip.length - Number(range[2])) : Number(range[1]);
  const end =
    range[1] === '' || range[2] === '' ? zip.length - 1 : Math.min(Number(range[2]), zip.length - 1);
  if (start > end || start >= zip.length) return fail(416, 'Range Not Satisfiable');
  return {
    status: 206,
    raw: zip.subarray(start, end + 1),
    headers: { 'content-type': 'application/zip', 'content-range': `bytes ${start}-${end}/${zip.length}` },
  };
}

/** docs.github.com/rest/actions/cache#list-github-actions-caches-for-a-repository (`key` is a prefix). */
function listCaches({ repo, req, sim }: RouteContext): RestReply {
  const key = req.query.get('key');
  const sort = req.query.get('sort') ?? 'last_accessed_at';
  const ascending = req.query.get('direction') === 'asc';
  const matching = repo
    .cacheEntries()
    .filter((entry) => key === null || entry.key.startsWith(key))
    .sort((a, b) => {
      const order =
        sort === 'size_in_bytes'
          ? a.size - b.size
          : a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
      return ascending ? order : -order;
    });
  const page = pageOf(req, matching, sim.apiUrl);
  return json(
    200,
    {
      total_count: matching.length,
      actions_caches: page.items.map((entry) => ({
        id: entry.id,
        ref: `refs/heads/${repo.defaultBranch}`,
        key: entry.key,
        version: entry.version,
        last_accessed_at: entry.createdAt.toISOString(),
        created_at: entry.createdAt.toISOString(),
        size_in_bytes: entry.size,
      })),
    },
    page.headers,
  );
}

function getWorkflowRun({ repo, params, render }: RouteContext): RestReply {
  const run = repo.runs.get(Number(params.id));
  return run ? json(200, render.workflowRun(run)) : fail(404, 'Not Found');
}

function getRepository({ render, permissions }: RouteContext): RestReply {
  const push = satisfies(permissions?.contents, 'write');
  const triage = satisfies(permissions?.issues, 'write') || push;
  return json(200, render.repository({ admin: false, maintain: false, push, triage, pull: true }));
}

function listArtifacts({ repo, req, render, sim }: RouteContext): RestReply {
  const name = req.query.get('name');
  const matching = repo.artifacts
    .filter((artifact) => name === null || artifact.name === name)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const page = pageOf(req, matching, sim.apiUrl);
  return json(
    200,
    { total_count: matching.length, artifacts: page.items.map((artifact) => render.artifact(artifact)) },
    page.headers,
  );
}
