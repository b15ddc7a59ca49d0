/**
 * Where a run's files and state go, from the validated config: the visibility guard, the state
 * stores to restore from and save to, and the sink that delivers the files.
 */
import type { Config } from '../config.ts';
import type { FeedOutcome } from '../export.ts';
import type { Logger } from '../logger.ts';
import { getRepoVisibility, type RepoVisibility } from '../github/repository.ts';
import { assertNotPublic } from '../github/visibility.ts';
import type { StorageTarget } from '../github/storage-layout.ts';
import { ArtifactSink } from '../sinks/artifact.ts';
import { NoneSink } from '../sinks/none.ts';
import { RepoSink } from '../sinks/repo.ts';
import type { Sink } from '../sinks/sink.ts';
import { CacheStateStore } from '../state/cache-store.ts';
import { RepoStateStore } from '../state/repo-store.ts';
import type { StateStore } from '../state/store.ts';
import { formatRepoName } from '../validate/repo-name.ts';
import type { ActionContext } from './context.ts';
import type { GitHubClients } from './github-clients.ts';

/** Personal data must not land where everyone can read it: refuse public targets unless allowed. */
export async function guardVisibility(
  config: Config,
  context: ActionContext,
  github: GitHubClients,
  logger: Logger,
): Promise<void> {
  // A bucket's privacy is the bucket policy's (docs/s3.md); objects are never given an ACL.
  if (config.destination === 'none' || config.destination === 's3') return;
  const target = config.destination === 'repo' ? formatRepoName(config.storageRepo) : context.repository;
  let visibility: RepoVisibility | undefined;
  if (config.destination === 'artifact' && context.repositoryPrivate !== undefined) {
    visibility = context.repositoryPrivate ? 'private' : 'public';
  } else {
    const octokit = config.destination === 'repo' ? github.storage : github.workflow;
    if (!octokit) return; // without a token the visibility cannot be read
    visibility = (await getRepoVisibility(octokit, target)).visibility;
  }
  assertNotPublic({
    repoFullName: target,
    visibility,
    allowPublic: config.allowPublicRepo,
    purpose: config.destination,
    logger,
  });
}

/** Repo mode keeps its state in the storage repository (written with the data) and in the cache. */
function storageTarget(config: Config, github: GitHubClients, logger: Logger): StorageTarget {
  // config.ts refuses destination: repo without a token that can write there.
  if (!github.storage) throw new Error('destination: repo without a storage client');
  return {
    octokit: github.storage,
    ...config.storageRepo,
    branch: config.storageBranch,
    storagePath: config.storagePath,
    logger,
  };
}

/** The stores the action keeps state in. */
export type ActionStateSource = 'repo' | 's3' | 'cache';

/** S3 mode's store and sink, made once per run (the sink commits with the ETag the store read). */
const s3Destinations = new WeakMap<Config, import('./s3.ts').S3Destination>();

async function s3DestinationOf(config: Config, context: ActionContext, logger: Logger) {
  let destination = s3Destinations.get(config);
  if (!destination) {
    // config.ts requires the s3-* settings for destination: s3.
    if (!config.s3) throw new Error('destination: s3 without s3 settings');
    const { s3Destination } = await import('./s3.ts');
    destination = s3Destination(config.s3, context, logger);
    s3Destinations.set(config, destination);
  }
  return destination;
}

/**
 * Repo mode reads the committed state first; the Actions cache is always kept too, for speed. In S3
 * mode the state object in the bucket is the only store: it is authoritative, and a cache copy
 * could only ever disagree with it.
 */
export async function stateStores(
  config: Config,
  context: ActionContext,
  github: GitHubClients,
  account: string,
  logger: Logger,
): Promise<StateStore<ActionStateSource>[]> {
  if (config.destination === 's3') return [(await s3DestinationOf(config, context, logger)).store];
  const stores: StateStore<ActionStateSource>[] = [];
  if (config.destination === 'repo') stores.push(new RepoStateStore(storageTarget(config, github, logger)));
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

export async function makeSink(
  config: Config,
  context: ActionContext,
  github: GitHubClients,
  logger: Logger,
): Promise<Sink> {
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
    case 'repo':
      return new RepoSink(storageTarget(config, github, logger));
    case 's3':
      return (await s3DestinationOf(config, context, logger)).sink;
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
