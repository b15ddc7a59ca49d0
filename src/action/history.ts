/**
 * Has this export run before, and when did it last deliver? Tells a first run (start at start-time,
 * all is well) from lost state (the saved position is gone: events between the last export and
 * start-time may be missing), and dates the last export for the lost-state issue. The evidence
 * outlives the 7-day cache eviction: earlier artifacts of this export (kept 90 days by default) in
 * artifact mode, the manifests in the storage repository in repo mode.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { httpStatusOf } from '../github/request-error.ts';
import { storageFilePath } from '../github/storage-layout.ts';
import type { Octokit } from '../github/octokit.ts';
import { MANIFESTS_DIR } from '../output/layout.ts';
import { parseRfc3339 } from '../time/rfc3339.ts';
import { parseRepoName } from '../validate/repo-name.ts';
import type { ActionContext } from './context.ts';
import type { GitHubClients } from './github-clients.ts';

export interface ExportHistory {
  exportedBefore: boolean;
  /** When the newest earlier export finished, when that can be told. */
  lastExportAt?: Date;
}

const NONE: ExportHistory = { exportedBefore: false };

export async function exportHistory(
  config: Config,
  context: ActionContext,
  github: GitHubClients,
  logger: Logger,
): Promise<ExportHistory> {
  try {
    if (config.destination === 'repo')
      return github.storage ? await repoHistory(config, github.storage) : NONE;
    return github.workflow ? await artifactHistory(config, context, github.workflow) : NONE;
  } catch (error) {
    const status = httpStatusOf(error);
    if (status === 404) return NONE;
    logger.warning(
      `Could not tell a first run from lost state (${status ? `HTTP ${status}` : 'request failed'}); ` +
        'grant the workflow `actions: read` (artifact mode) or check storage-token (repo mode) to get lost-state alerts.',
    );
    return NONE;
  }
}

/** Repo mode: the manifests folder; the newest manifest's `finishedAt` dates the last export. */
async function repoHistory(config: Config, octokit: Octokit): Promise<ExportHistory> {
  const where = { ...config.storageRepo, ref: config.storageBranch };
  const { data } = await octokit.rest.repos.getContent({
    ...where,
    path: storageFilePath(config.storagePath, MANIFESTS_DIR),
  });
  if (!Array.isArray(data) || data.length === 0) return NONE;
  let lastExportAt: Date | undefined;
  // Manifest names start with the run id, which grows: the newest run sorts last by number.
  const newest = [...data]
    .filter((entry) => entry.type === 'file' && entry.name.endsWith('.json'))
    .sort((a, b) => runNumber(a.name) - runNumber(b.name))
    .at(-1);
  if (newest) {
    const file = await octokit.rest.repos.getContent({ ...where, path: newest.path });
    const content = !Array.isArray(file.data) && 'content' in file.data ? file.data.content : undefined;
    if (content) lastExportAt = finishedAtOf(Buffer.from(content, 'base64').toString('utf8'));
  }
  return { exportedBefore: true, lastExportAt };
}

/** Artifact mode: artifacts whose names have this export's shape; the newest one's creation time. */
async function artifactHistory(
  config: Config,
  context: ActionContext,
  octokit: Octokit,
): Promise<ExportHistory> {
  const shape = artifactNameShape(config.artifactName);
  const { data } = await octokit.rest.actions.listArtifactsForRepo({
    ...parseRepoName(context.repository, 'GITHUB_REPOSITORY'),
    per_page: 100,
  });
  const ours = data.artifacts.filter((artifact) => artifactNameShape(artifact.name) === shape);
  if (ours.length === 0) return NONE;
  const times = ours
    .map((artifact) => (artifact.created_at ? parseRfc3339(artifact.created_at)?.getTime() : undefined))
    .filter((time): time is number => time !== undefined);
  return {
    exportedBefore: true,
    lastExportAt: times.length > 0 ? new Date(Math.max(...times)) : undefined,
  };
}

function runNumber(manifestName: string): number {
  return Number(/^(\d+)/.exec(manifestName)?.[1] ?? 0);
}

function finishedAtOf(manifestJson: string): Date | undefined {
  try {
    const manifest = JSON.parse(manifestJson) as { finishedAt?: unknown };
    return typeof manifest.finishedAt === 'string' ? parseRfc3339(manifest.finishedAt) : undefined;
  } catch {
    return undefined;
  }
}

/** `1password-events-123-1` and `1password-events-456-2` have the same shape: `1password-events-#-#`. */
export function artifactNameShape(name: string): string {
  return name.replace(/\d+/g, '#');
}
