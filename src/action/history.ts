/**
 * Has this repository exported before? Tells a first run (start at start-time, all is well) from lost
 * state (the cache entry was evicted: events between the last export and start-time may be missing).
 * The evidence outlives the 7-day cache eviction: earlier artifacts of this export (kept 90 days by
 * default) in artifact mode, the manifests folder in the storage repository in repo mode.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createOctokit } from '../github/octokit.ts';
import type { ActionContext } from './context.ts';

export async function hasExportedBefore(
  config: Config,
  context: ActionContext,
  logger: Logger,
): Promise<boolean> {
  try {
    if (config.destination === 'repo') {
      const token = config.storageToken ?? config.githubToken;
      if (!token) return false;
      const octokit = createOctokit({ token, baseUrl: context.apiUrl });
      const [owner, repo] = config.storageRepo.split('/') as [string, string];
      const response = await octokit.rest.repos.getContent({
        owner,
        repo,
        path: `${config.storagePath}/_manifests`,
        ...(config.storageBranch ? { ref: config.storageBranch } : {}),
      });
      return Array.isArray(response.data) && response.data.length > 0;
    }
    if (!config.githubToken) return false;
    const octokit = createOctokit({ token: config.githubToken, baseUrl: context.apiUrl });
    const [owner, repo] = context.repository.split('/') as [string, string];
    // Names usually carry the run id and attempt (the default does): compare them without digits.
    const shape = artifactNameShape(config.artifactName);
    const { data } = await octokit.rest.actions.listArtifactsForRepo({ owner, repo, per_page: 100 });
    return data.artifacts.some((artifact) => artifactNameShape(artifact.name) === shape);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404) return false;
    logger.warning(
      `Could not tell a first run from lost state (${status ? `HTTP ${status}` : 'request failed'}); ` +
        'grant the workflow `actions: read` (artifact mode) or check storage-token (repo mode) to get lost-state alerts.',
    );
    return false;
  }
}

/** `1password-events-123-1` and `1password-events-456-2` have the same shape: `1password-events-#-#`. */
export function artifactNameShape(name: string): string {
  return name.replace(/\d+/g, '#');
}
