import { satisfies } from './auth.ts';
import { json, pageOf } from './router.ts';
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
];

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
