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
import { STATE_FILE } from '../output/layout.ts';
import { ArtifactStateStore } from '../state/artifact-store.ts';
import { cacheKeyLister } from '../state/cache-listing.ts';
import { CacheStateStore } from '../state/cache-store.ts';
import { stateSealKey } from '../state/seal.ts';
import { RepoStateStore } from '../state/repo-store.ts';
import type { StateStore } from '../state/store.ts';
import { formatRepoName, parseRepoName } from '../validate/repo-name.ts';
import type { ActionContext } from './context.ts';
import type { GitHubClients } from './github-clients.ts';
import { artifactNameShape } from './history.ts';

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
export type ActionStateSource = 'repo' | 's3' | 'cache' | 'artifact';

/** Where this run restores its state from, by the rules of src/state/store.ts, and saves it to. */
export interface ActionStateStores {
  /** Repo and S3 mode: the stored state, authoritative; the others are only hints then. */
  authority?: StateStore<ActionStateSource>;
  /** Without an authority: read in order, the first trusted copy wins. */
  others: StateStore<ActionStateSource>[];
  /** Saved after delivery (the artifact carries its own copy, written by the sink). */
  saveTo: StateStore<ActionStateSource>[];
}

/** S3 mode's store and sink, made once per run (the sink commits with the ETag the store read). */
const s3Destinations = new WeakMap<Config, import('./s3.ts').S3Destination>();

async function s3DestinationOf(config: Config, context: ActionContext, logger: Logger) {
  let destination = s3Destinations.get(config);
  if (!destination) {
    // config.ts requires the s3-* settings for destination: s3.
    if (!config.s3) throw new Error('destination: s3 without s3 settings');
    const { s3Destination } = await import('./s3.ts');
    destination = s3Destination(config.s3, config.compaction, context, logger);
    s3Destinations.set(config, destination);
  }
  return destination;
}

/**
 * Repo mode: the storage repository decides, the cache is a hint. S3 mode: the state object in the
 * bucket decides, with no hints (no cache copy is kept: the bucket is written with the data, and a
 * cache copy could only ever lag behind it). Artifact mode: the cache, then the newest trusted
 * artifact. None: the cache. The cache copy is sealed with a key from the Events token
 * (SECURITY.md, "Threat model").
 */
export async function stateStores(
  config: Config,
  context: ActionContext,
  github: GitHubClients,
  session: { account: string; server: string },
  logger: Logger,
): Promise<ActionStateStores> {
  if (config.destination === 's3') {
    const { store } = await s3DestinationOf(config, context, logger);
    return { authority: store, others: [], saveTo: [store] };
  }
  const workflowRepo = github.workflow ? parseRepoName(context.repository, 'GITHUB_REPOSITORY') : undefined;
  const cache = new CacheStateStore({
    stateKey: config.stateKey,
    account: session.account,
    runId: context.runId,
    runAttempt: context.runAttempt,
    workspace: context.workspace,
    logger,
    seal: stateSealKey(config.token, session.account, session.server),
    ...(github.workflow && workflowRepo ? { listKeys: cacheKeyLister(github.workflow, workflowRepo) } : {}),
  });
  if (config.destination === 'repo') {
    const repo = new RepoStateStore(storageTarget(config, github, logger));
    return { authority: repo, others: [cache], saveTo: [repo, cache] };
  }
  const others: StateStore<ActionStateSource>[] = [cache];
  if (config.destination === 'artifact' && github.workflow && workflowRepo) {
    const octokit = github.workflow;
    const shape = artifactNameShape(config.artifactName);
    others.push(
      new ArtifactStateStore({
        octokit,
        ...workflowRepo,
        account: session.account,
        statePath: STATE_FILE,
        isExportArtifact: (name) => artifactNameShape(name) === shape,
        trusted: async () => ({
          workflowPath: context.workflowPath,
          branch:
            context.defaultBranch ?? (await getRepoVisibility(octokit, context.repository)).defaultBranch,
        }),
        logger,
      }),
    );
  }
  return { others, saveTo: [cache] };
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

/** One line of counts (and what compaction merged), then the run that made the commit. */
export function commitMessage(outcomes: FeedOutcome[], context: ActionContext, compacted = 0): string {
  const total = outcomes.reduce((sum, o) => sum + o.events, 0);
  const parts = outcomes.map((o) => `${o.feed} ${o.events}`).join(', ');
  const merged = compacted > 0 ? `; ${compacted} files compacted` : '';
  return `1Password events: ${total} new (${parts})${merged}\n\nRun ${context.runUrl}`;
}
