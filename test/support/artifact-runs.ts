/**
 * GitHub shows an artifact uploaded through the results service in the REST API, with the workflow
 * run that uploaded it. The simulators are separate servers: this carries each new upload of the
 * Actions services simulator over to the REST simulator, with the run it came from.
 */
import type { ActionsServices } from '../sim/github/actions-services.ts';
import type { GitHubRestSim } from '../sim/github/rest.ts';

/** The workflow file test/harness/run-action.ts runs the action in (GITHUB_WORKFLOW_REF). */
export const EXPORT_WORKFLOW = '.github/workflows/export.yml';

export interface UploadingRun {
  runId: number;
  /** The workflow file of the run; the export's own by default. */
  path?: string;
  event?: string;
  /** The run's branch; the default branch when absent. */
  headBranch?: string;
  /** A fork's repository id for a fork pull request. */
  headRepositoryId?: number;
}

export function publishNewArtifacts(
  actions: ActionsServices,
  rest: GitHubRestSim,
  repository: string,
  run: UploadingRun,
  published: Set<number>,
): number[] {
  const ids: number[] = [];
  rest.seedWorkflowRun(repository, {
    id: run.runId,
    path: run.path ?? EXPORT_WORKFLOW,
    ...(run.event ? { event: run.event } : {}),
    ...(run.headBranch ? { headBranch: run.headBranch } : {}),
    ...(run.headRepositoryId ? { headRepositoryId: run.headRepositoryId } : {}),
  });
  for (const artifact of actions.artifacts.list()) {
    if (published.has(artifact.id)) continue;
    published.add(artifact.id);
    ids.push(
      rest.seedArtifact(repository, {
        name: artifact.name,
        sizeInBytes: artifact.size,
        createdAt: artifact.createdAt.toISOString(),
        workflowRunId: run.runId,
        zip: artifact.zip,
        ...(run.headBranch ? { headBranch: run.headBranch } : {}),
        ...(run.headRepositoryId ? { headRepositoryId: run.headRepositoryId } : {}),
      }),
    );
  }
  return ids;
}
