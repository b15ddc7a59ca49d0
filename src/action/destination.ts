/**
 * Where a run's files and state go, from the validated config: the visibility guard, the state
 * stores to restore from and save to, and the sink that delivers the files.
 */
import type { Config } from '../config.ts';
import type { FeedOutcome } from '../export.ts';
import type { Logger } from '../logger.ts';
import { createOctokit } from '../github/octokit.ts';
import { getRepoVisibility, splitRepoFullName } from '../github/repository.ts';
import { assertNotPublic } from '../github/visibility.ts';
import { ArtifactSink } from '../sinks/artifact.ts';
import { NoneSink } from '../sinks/none.ts';
import { RepoSink } from '../sinks/repo.ts';
import type { Sink } from '../sinks/sink.ts';
import { CacheStateStore } from '../state/cache-store.ts';
import { RepoStateStore } from '../state/repo-store.ts';
import type { StateStore } from '../state/store.ts';
import type { ActionContext } from './context.ts';

/** Personal data must not land where everyone can read it: refuse public targets unless allowed. */
export async function guardVisibility(config: Config, context: ActionContext): Promise<void> {
  if (config.destination === 'none' || config.allowPublicRepo) return;
  const target = config.destination === 'repo' ? config.storageRepo : context.repository;
  let visibility: 'public' | 'private' | 'internal' | undefined;
  if (config.destination === 'artifact' && context.repositoryPrivate !== undefined) {
    visibility = context.repositoryPrivate ? 'private' : 'public';
  } else {
    const token =
      config.destination === 'repo' ? (config.storageToken ?? config.githubToken) : config.githubToken;
    if (!token) return;
    visibility = (await getRepoVisibility(createOctokit({ token, baseUrl: context.apiUrl }), target))
      .visibility;
  }
  assertNotPublic({
    repoFullName: target,
    visibility,
    allowPublic: config.allowPublicRepo,
    purpose: config.destination,
  });
}

/** Repo mode reads the committed state first; the Actions cache is always kept too, for speed. */
export function stateStores(
  config: Config,
  context: ActionContext,
  account: string,
  logger: Logger,
): StateStore[] {
  const stores: StateStore[] = [];
  if (config.destination === 'repo') {
    stores.push(
      new RepoStateStore({
        octokit: createOctokit({
          token: (config.storageToken ?? config.githubToken)!,
          baseUrl: context.apiUrl,
        }),
        ...splitRepoFullName(config.storageRepo),
        ...(config.storageBranch ? { branch: config.storageBranch } : {}),
        storagePath: config.storagePath,
        logger,
      }),
    );
  }
  stores.push(
    new CacheStateStore({
      stateKey: config.stateKey,
      account,
      runId: context.runId,
      runAttempt: context.runAttempt,
      workspace: context.workspace,
      logger,
    }),
  );
  return stores;
}

export function makeSink(config: Config, context: ActionContext, logger: Logger): Sink {
  switch (config.destination) {
    case 'artifact':
      return new ArtifactSink({
        name: config.artifactName,
        retentionDays: config.retentionDays,
        serverUrl: context.serverUrl,
        repository: context.repository,
        runId: context.runId,
        logger,
      });
    case 'repo': {
      return new RepoSink({
        octokit: createOctokit({
          token: (config.storageToken ?? config.githubToken)!,
          baseUrl: context.apiUrl,
        }),
        ...splitRepoFullName(config.storageRepo),
        branch: config.storageBranch,
        storagePath: config.storagePath,
        logger,
      });
    }
    case 'none':
      return new NoneSink();
  }
}

/** One line of counts, then the run that made the commit. */
export function commitMessage(outcomes: FeedOutcome[], context: ActionContext): string {
  const total = outcomes.reduce((sum, o) => sum + o.events, 0);
  const parts = outcomes.map((o) => `${o.feed} ${o.events}`).join(', ');
  return `1Password events: ${total} new (${parts})\n\nRun ${context.runUrl}`;
}
