/** What the runner tells a JavaScript action about where it runs, read from its environment. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { RunContext } from '../config.ts';

export interface ActionContext extends RunContext {
  serverUrl: string;
  apiUrl: string;
  runUrl: string;
  workspace: string;
  /** `private` of the workflow repository from the event payload, when the payload carries it. */
  repositoryPrivate?: boolean;
  /** `default_branch` of the workflow repository from the event payload, when it carries it. */
  defaultBranch?: string;
  /** This workflow's file, e.g. `.github/workflows/export.yml` (from GITHUB_WORKFLOW_REF). */
  workflowPath?: string;
}

export function readActionContext(env: NodeJS.ProcessEnv = process.env): ActionContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const runId = env.GITHUB_RUN_ID ?? '0';
  const runAttempt = env.GITHUB_RUN_ATTEMPT ?? '1';
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const context: ActionContext = {
    repository,
    runId,
    runAttempt,
    runnerTemp: env.RUNNER_TEMP ?? os.tmpdir(),
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: `${serverUrl}/${repository}/actions/runs/${runId}/attempts/${runAttempt}`,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
  };
  const eventRepository = readEventRepository(env.GITHUB_EVENT_PATH);
  if (typeof eventRepository?.private === 'boolean') context.repositoryPrivate = eventRepository.private;
  if (typeof eventRepository?.default_branch === 'string')
    context.defaultBranch = eventRepository.default_branch;
  // `owner/repo/.github/workflows/export.yml@refs/heads/main` -> `.github/workflows/export.yml`
  const workflowPath = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
  if (workflowPath) context.workflowPath = workflowPath;
  return context;
}

function readEventRepository(
  eventPath: string | undefined,
): { private?: unknown; default_branch?: unknown } | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as {
      repository?: { private?: unknown; default_branch?: unknown };
    };
    return event.repository;
  } catch {
    return undefined;
  }
}
