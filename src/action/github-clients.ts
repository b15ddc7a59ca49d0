/**
 * The run's GitHub clients, built once from the config: one for the storage repository (storage-token,
 * else github-token) and one for the workflow's own repository (github-token: alerts, artifacts list).
 */
import { storageTokenOf, type Config } from '../config.ts';
import { createOctokit, type Octokit } from '../github/octokit.ts';
import type { Logger } from '../logger.ts';
import type { ActionContext } from './context.ts';

export interface GitHubClients {
  /** For the storage repository; absent when no token can write there. */
  storage?: Octokit;
  /** For the workflow's repository (github-token); absent when github-token is empty. */
  workflow?: Octokit;
}

/** `logger` gets the clients' retry and rate-limit notes, so they show in the job log. */
export function githubClients(config: Config, context: ActionContext, logger: Logger): GitHubClients {
  const build = (token: string | undefined) =>
    token ? createOctokit({ token, baseUrl: context.apiUrl, logger }) : undefined;
  const storageToken = storageTokenOf(config);
  const workflow = build(config.githubToken);
  return {
    workflow,
    storage: storageToken === config.githubToken ? workflow : build(storageToken),
  };
}
