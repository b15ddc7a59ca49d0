import type { Octokit } from '@octokit/rest';
import type { Logger } from '../logger.ts';
import { describeGitHubError, httpStatusOf } from '../github/request-error.ts';
import { isFeed } from '../onepassword/feeds.ts';
import type { StateDocument } from './document.ts';
import { MAX_STATE_BYTES, readStateDocument, serializeStateDocument, type StateReading } from './parse.ts';
import type { StateRead, StateStore } from './store.ts';
import { readZipMember, type RangeFetch } from './zip-member.ts';

/** A manifest lists every file of a run: far more than a state, still bounded. */
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
/** Artifacts whose state is downloaded at most per restore, however many match. */
const MAX_ARTIFACTS_TRIED = 5;
/** Events that run a workflow on code someone outside the default branch chose. */
const UNTRUSTED_EVENTS =
  /^(pull_request|pull_request_target|pull_request_review|pull_request_review_comment|workflow_run)$/;

export interface ArtifactStateStoreOptions {
  octokit: Octokit;
  owner: string;
  repo: string;
  account: string;
  /** Where the state sits inside every artifact (the output-dir layout's `_state/state.json`). */
  statePath: string;
  /** Whether an artifact name is one of this export's (src/action/history.ts artifactNameShape). */
  isExportArtifact: (name: string) => boolean;
  /**
   * The run an artifact must come from to be trusted: this workflow file on the default branch of
   * this repository (not a fork, not a pull request). Only code in the export's own workflow can
   * upload such an artifact, and that code can read the Events token anyway. Asked for only when an
   * artifact is found; without a workflow path no artifact can be trusted.
   */
  trusted: () => Promise<{ workflowPath: string | undefined; branch: string }>;
  logger: Logger;
  /** Range downloads of the zip (tests may pass their own transport; the default is fetch). */
  range?: RangeFetch;
}

interface ListedArtifact {
  id: number;
  name: string;
  expired: boolean;
  created_at: string | null;
  workflow_run?: {
    id?: number;
    repository_id?: number;
    head_repository_id?: number;
    head_branch?: string | null;
  } | null;
}

/**
 * The state carried by the newest artifact of this export (artifact mode, when the Actions cache has
 * nothing). Trust comes from provenance, not from a MAC: an artifact is used only when the REST API
 * says the run that uploaded it is this workflow on the default branch of this repository, so a
 * token rotation costs nothing. Saving happens in the artifact sink (the state travels with the data).
 *
 * Needs `actions: read`. Every failure is a warning and `absent`: the lost-state rules decide then.
 */
export class ArtifactStateStore implements StateStore {
  readonly name = 'artifact' as const;
  private readonly options: ArtifactStateStoreOptions;
  private trusted?: { workflowPath: string | undefined; branch: string };

  constructor(options: ArtifactStateStoreOptions) {
    this.options = options;
  }

  async read(): Promise<StateRead> {
    const { logger } = this.options;
    try {
      return await this.readNewestTrusted();
    } catch (error) {
      const status = httpStatusOf(error);
      logger.warning(
        `Could not read the state from this export's artifacts: ${status ? describeGitHubError(error) : (error as Error).message}` +
          (status === 403 || status === 404 ? ' (grant the workflow `actions: read`)' : ''),
      );
      return { status: 'absent' };
    }
  }

  save(): Promise<{ saved: boolean; detail: string }> {
    return Promise.resolve({ saved: true, detail: `carried by the artifact as ${this.options.statePath}` });
  }

  private async readNewestTrusted(): Promise<StateRead> {
    const { octokit, owner, repo, logger } = this.options;
    const { data } = await octokit.rest.actions.listArtifactsForRepo({ owner, repo, per_page: 100 });
    const candidates = (data.artifacts as ListedArtifact[])
      .filter((artifact) => !artifact.expired && this.options.isExportArtifact(artifact.name))
      .sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b.id - a.id)
      .slice(0, MAX_ARTIFACTS_TRIED);
    let firstRefusal: StateRead | undefined;
    for (const artifact of candidates) {
      const origin = `artifact "${artifact.name}" (id ${artifact.id})`;
      const distrust = await this.provenanceProblem(artifact);
      const read: StateRead =
        distrust !== undefined
          ? { status: 'refused', origin, reason: distrust }
          : await this.stateOf(artifact, origin);
      if (read.status === 'found') return read;
      if (read.status === 'refused') {
        if (firstRefusal === undefined) firstRefusal = read;
        else logger.warning(`Ignoring the state in ${read.origin}: ${read.reason}.`);
      }
    }
    return firstRefusal ?? { status: 'absent' };
  }

  /** Why the artifact's run is not one we trust, or undefined when it is. */
  private async provenanceProblem(artifact: ListedArtifact): Promise<string | undefined> {
    const { octokit, owner, repo } = this.options;
    this.trusted ??= await this.options.trusted();
    const trusted = this.trusted;
    if (trusted.workflowPath === undefined)
      return 'the runner did not say which workflow this run is (GITHUB_WORKFLOW_REF)';
    const run = artifact.workflow_run;
    if (!run?.id) return 'the API does not say which run uploaded it';
    if (run.head_repository_id !== run.repository_id) return 'it was uploaded by a run on a fork';
    if (run.head_branch !== trusted.branch) {
      return `it was uploaded by a run on another branch than ${trusted.branch}`;
    }
    const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: run.id });
    if (data.path !== trusted.workflowPath) return 'it was uploaded by another workflow';
    if (UNTRUSTED_EVENTS.test(data.event)) return `it was uploaded by a run triggered by ${data.event}`;
    return undefined;
  }

  private async stateOf(artifact: ListedArtifact, origin: string): Promise<StateRead> {
    const { octokit, owner, repo } = this.options;
    const url = await signedZipUrl(octokit, owner, repo, artifact.id);
    if (url === undefined) return { status: 'refused', origin, reason: 'the API gave no download location' };
    const member = await readZipMember(url, this.options.statePath, MAX_STATE_BYTES, this.options.range);
    if (!member.ok && member.reason === `the artifact holds no ${this.options.statePath}`) {
      return this.stateOfManifest(url, `${origin}, manifest`);
    }
    if (!member.ok) return { status: 'refused', origin, reason: member.reason };
    return this.accepted(readStateDocument(member.bytes), origin);
  }

  /**
   * Artifacts of releases before the state travelled with the data carry only the run's manifest:
   * per feed the cursor after the run's last delivered page. That is where the next run resumes, so
   * the first run after an upgrade whose cache copy cannot be verified (it was not sealed) continues
   * from it instead of restarting. No recent uuids are known; the cursor alone is exact.
   */
  private async stateOfManifest(url: string, origin: string): Promise<StateRead> {
    const member = await readZipMember(
      url,
      (name) => /^_manifests\/\d+-\d+\.json$/.test(name),
      MAX_MANIFEST_BYTES,
      this.options.range,
    );
    if (!member.ok) {
      return member.reason.startsWith('the artifact holds no ')
        ? { status: 'absent' }
        : { status: 'refused', origin, reason: member.reason };
    }
    const doc = stateFromManifest(member.bytes);
    if (doc === undefined)
      return { status: 'refused', origin, reason: 'its manifest is not one this export writes' };
    this.options.logger.info(
      `The newest artifact predates the state in artifacts: resuming from its manifest's cursors.`,
    );
    return this.accepted(readStateDocument(serializeStateDocument(doc)), origin);
  }

  private accepted(reading: StateReading, origin: string): StateRead {
    if (!reading.ok) return { status: 'refused', origin, reason: reading.reason };
    if (!sameAccount(reading.doc, this.options.account)) {
      return { status: 'refused', origin, reason: 'it holds the state of another account' };
    }
    return { status: 'found', doc: reading.doc, origin };
  }
}

/** The short-lived signed URL GitHub redirects the zip download to, without following it. */
async function signedZipUrl(
  octokit: Octokit,
  owner: string,
  repo: string,
  artifactId: number,
): Promise<string | undefined> {
  const response = await octokit.request(
    'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
    {
      owner,
      repo,
      artifact_id: artifactId,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    },
  );
  const location = (response.headers as Record<string, string | undefined>).location;
  return typeof location === 'string' && /^https?:\/\//.test(location) ? location : undefined;
}

function sameAccount(doc: StateDocument, account: string): boolean {
  return doc.account === account;
}

/** The state a run's manifest implies (src/output/manifest.ts), or undefined when it is not one. */
function stateFromManifest(bytes: Buffer): StateDocument | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const m = manifest as Partial<Record<string, unknown>> | null;
  if (m === null || typeof m !== 'object' || m.manifestVersion !== 1) return undefined;
  const { account, server, finishedAt, runId, runAttempt, apiVersion, feeds } = m;
  if (
    typeof account !== 'string' ||
    typeof server !== 'string' ||
    typeof finishedAt !== 'string' ||
    typeof runId !== 'string' ||
    typeof runAttempt !== 'string' ||
    (apiVersion !== 'v1' && apiVersion !== 'v2') ||
    typeof feeds !== 'object' ||
    feeds === null
  ) {
    return undefined;
  }
  const state: StateDocument['feeds'] = {};
  for (const [feed, value] of Object.entries(feeds as Record<string, unknown>)) {
    const entry = value as { cursorAfter?: unknown; lastEventTime?: unknown } | null;
    if (!isFeed(feed) || typeof entry?.cursorAfter !== 'string') continue;
    state[feed] = {
      cursor: entry.cursorAfter,
      apiVersion,
      savedAt: finishedAt,
      recentUuids: [],
      ...(typeof entry.lastEventTime === 'string' ? { newestEventTime: entry.lastEventTime } : {}),
    };
  }
  return {
    schema: 1,
    account,
    server,
    updatedAt: finishedAt,
    writtenBy: `${runId}-${runAttempt}`,
    feeds: state,
  };
}
