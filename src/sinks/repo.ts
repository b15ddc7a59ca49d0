import { readFile } from 'node:fs/promises';
import { systemClock } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { ExportError } from '../errors.ts';
import { resolveBranch } from '../github/repository.ts';
import { describeGitHubError, httpStatusOf } from '../github/request-error.ts';
import { repoStatePath, storageFilePath, type StorageTarget } from '../github/storage-layout.ts';
import { belongsTo } from '../state/document.ts';
import { serializeStateDocument } from '../state/parse.ts';
import { RepoStateStore } from '../state/repo-store.ts';
import { GitData, isEmptyRepository, isRefRace } from './git-data.ts';
import type { BranchHead, TreeEntry } from './git-data.ts';
import { parsePartPath } from '../output/layout.ts';
import { checkFilesForRepo } from './repo-files.ts';
import type { StoredTree } from '../compaction/types.ts';
import { repoStoredTree } from './repo-tree.ts';
import type { Delivery, DeliveryResult, Sink } from './sink.ts';

export interface RepoSinkOptions extends StorageTarget {
  /** Commit attempts when the branch keeps moving under us. */
  maxAttempts?: number;
  /** Waits between attempts; a simulated clock in tests. */
  clock?: Clock;
}

/**
 * `destination: repo`: ONE commit on the storage branch holding every file of the run under
 * `storage-path` plus `_state/state.json`, made with the Git Data API. Data and state land together
 * or not at all, which is what makes repo mode exactly-once.
 *
 * The branch only ever moves by fast forward. If someone else committed in between (422), the tree is
 * rebuilt on the new head with the same blobs and committed again, a bounded number of times.
 */
export class RepoSink implements Sink {
  readonly name = 'repo' as const;
  private readonly options: RepoSinkOptions;
  private readonly git: GitData;
  private readonly target: string;

  constructor(options: RepoSinkOptions) {
    this.options = options;
    this.git = new GitData(options.octokit, options.owner, options.repo);
    this.target = `${options.owner}/${options.repo}`;
  }

  /** The files under storage-path at the branch head (for compaction); empty before the first commit. */
  async storedTree(): Promise<StoredTree> {
    const branch = await resolveBranch(
      this.options.octokit,
      { owner: this.options.owner, repo: this.options.repo },
      this.options.branch,
    );
    const head = await this.git.readHead(branch);
    if (head.state !== 'exists')
      return { files: [], reader: { read: () => Promise.reject(new Error('no files')) }, truncated: false };
    return repoStoredTree(this.git, head.treeSha, this.options.storagePath);
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const { storagePath, logger } = this.options;
    // Everything that can be refused is refused before the first write.
    const files = await checkFilesForRepo(delivery.outDir, delivery.files);
    const statePath = repoStatePath(storagePath);
    const branch = await this.step('reading the repository', () =>
      resolveBranch(
        this.options.octokit,
        { owner: this.options.owner, repo: this.options.repo },
        this.options.branch,
      ),
    );

    let head = await this.step('reading the branch head', () => this.git.readHead(branch), branch);
    if (head.state === 'empty') head = await this.seed(branch);
    await this.assertNoOtherWriter(head, delivery);

    const entries: TreeEntry[] = [];
    for (const file of files) {
      const path = storageFilePath(storagePath, file.relativePath);
      if (path === statePath) continue; // the state below is the one that counts
      const sha = await this.step(
        `uploading ${file.relativePath}`,
        async () => this.git.createBlob(await readFile(file.absolutePath)),
        branch,
      );
      entries.push({ path, sha });
    }
    const stateBlob = Buffer.from(serializeStateDocument(delivery.state), 'utf8');
    entries.push({
      path: statePath,
      sha: await this.step('uploading the state', () => this.git.createBlob(stateBlob), branch),
    });
    const added = entries.length - 1;
    // Parts a compaction replaced leave in the commit that adds the merged file.
    const removed = head.state === 'exists' ? removals(storagePath, delivery.remove ?? []) : [];
    entries.push(...removed);

    const commitSha = await this.commitWithRetries(branch, head, entries, delivery);
    const detail =
      `committed ${added} files${removed.length > 0 ? `, removed ${removed.length} they replace,` : ''} and the state ` +
      `to ${this.target}@${branch} (${commitSha.slice(0, 7)})`;
    logger.info(`Repository: ${detail}.`);
    return { commitSha, detail };
  }

  private async commitWithRetries(
    branch: string,
    firstHead: BranchHead,
    entries: readonly TreeEntry[],
    delivery: Delivery,
  ): Promise<string> {
    const { message } = delivery;
    const maxAttempts = Math.max(1, this.options.maxAttempts ?? 5);
    const clock = this.options.clock ?? systemClock;
    let head = firstHead;
    for (let attempt = 1; ; attempt++) {
      const commitSha = await this.commitOnHead(branch, head, entries, message);
      try {
        if (head.state === 'exists') await this.git.fastForward(branch, commitSha);
        else await this.git.createBranch(branch, commitSha);
        return commitSha;
      } catch (error) {
        if (!isRefRace(error)) throw this.failure(`moving ${branch}`, branch, error);
        if (attempt >= maxAttempts) {
          throw new ExportError(
            'delivery',
            `Could not commit to ${this.target}@${branch}: the branch moved during each of ${maxAttempts} attempts ` +
              `(${describeGitHubError(error)}). Nothing was committed; the next run delivers these events again.`,
            { status: httpStatusOf(error) },
          );
        }
        this.options.logger.info(
          `${this.target}@${branch} moved while committing (attempt ${attempt} of ${maxAttempts}); rebuilding on the new head.`,
        );
        await clock.sleep(backoffMs(attempt));
        head = await this.step('re-reading the branch head', () => this.git.readHead(branch), branch);
        await this.assertNoOtherWriter(head, delivery);
      }
    }
  }

  /**
   * The state at the head must be the one this run resumed from (or none). Another account's state
   * means two exports share a storage-path; another run's state means it committed events this run
   * also holds. Either way committing would store events twice or move the other's position, so
   * nothing is committed and the next run starts from the state that is there.
   */
  private async assertNoOtherWriter(head: BranchHead, delivery: Delivery): Promise<void> {
    if (head.state !== 'exists') return;
    const statePath = repoStatePath(this.options.storagePath);
    const current = await this.step('reading the committed state', () =>
      new RepoStateStore({ ...this.options, branch: head.commitSha }).load(),
    );
    if (!current) return;
    const ours = delivery.state;
    if (!belongsTo(current, ours)) {
      throw new ExportError(
        'delivery',
        `${this.target}:${statePath} holds the export of account ${current.account} at ${current.server}, not ` +
          `${ours.account} at ${ours.server}. Give each account its own storage-path (and state-key). Nothing was committed.`,
      );
    }
    const base = delivery.basedOn;
    if (!base || current.writtenBy !== base.writtenBy || current.updatedAt !== base.updatedAt) {
      throw new ExportError(
        'delivery',
        `Run ${current.writtenBy} committed events to ${this.target} since this run read its state; committing ` +
          'too would store them twice, so nothing was committed. The next run continues from that state. ' +
          'Use a concurrency group so that exports of one account never overlap.',
      );
    }
  }

  /** A commit of `entries` on `head` (or a first commit of a new branch); the branch is not moved yet. */
  private async commitOnHead(
    branch: string,
    head: BranchHead,
    entries: readonly TreeEntry[],
    message: string,
  ): Promise<string> {
    const base = head.state === 'exists' ? head : undefined;
    const tree = await this.step(
      'creating the tree',
      () => this.git.createTree(base?.treeSha, entries),
      branch,
    );
    return this.step(
      'creating the commit',
      () => this.git.createCommit(message, tree, base ? [base.commitSha] : []),
      branch,
    );
  }

  /** Gives an empty repository its first commit (a README in the storage folder), then reads the head. */
  private async seed(branch: string): Promise<BranchHead> {
    const path = storageFilePath(this.options.storagePath, 'README.md');
    this.options.logger.info(`${this.target} is empty; creating its first commit (${path}).`);
    try {
      await this.git.seedEmptyRepository(branch, path, STORAGE_README, 'Start the 1Password events storage');
    } catch (error) {
      // Another run may have seeded it first (409/422): fine if the head now exists.
      const status = httpStatusOf(error);
      if (status !== 409 && status !== 422) throw this.failure('creating the first commit', branch, error);
    }
    const head = await this.step('reading the branch head', () => this.git.readHead(branch), branch);
    if (head.state === 'empty') {
      throw new ExportError(
        'delivery',
        `Could not commit to ${this.target}: the repository is still empty after seeding it.`,
      );
    }
    return head;
  }

  private async step<T>(what: string, action: () => Promise<T>, branch?: string): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof ExportError) throw error;
      throw this.failure(what, branch, error);
    }
  }

  private failure(what: string, branch: string | undefined, error: unknown): ExportError {
    const status = httpStatusOf(error);
    const where = branch === undefined ? this.target : `${this.target}@${branch}`;
    const hint =
      status === 401 || status === 403
        ? ` Check that the storage token has "contents: write" on ${this.target}.`
        : status === 404
          ? ` Check that ${this.target} exists and the storage token can see it.`
          : isEmptyRepository(error)
            ? ` ${this.target} is empty.`
            : '';
    return new ExportError(
      'delivery',
      `Could not commit to ${where}: ${what} failed (${describeGitHubError(error)}).${hint} Nothing was committed.`,
      status === undefined ? {} : { status },
    );
  }
}

/** Deletions of replaced data files; anything else (state, manifests, a typo) is never deleted. */
function removals(storagePath: string, paths: readonly string[]): TreeEntry[] {
  return [...new Set(paths)].map((relative) => {
    if (!parsePartPath(relative)) {
      throw new ExportError('internal', `refusing to remove ${JSON.stringify(relative)}: not a data file`);
    }
    return { path: storageFilePath(storagePath, relative), sha: null };
  });
}

/** 1 s, 2 s, 4 s, 8 s..., capped, with jitter so racing runs do not collide again in step. */
function backoffMs(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 15_000) + Math.floor(Math.random() * 500);
}

const STORAGE_README = `# 1Password events

This folder is written by 1password-events-export, a GitHub Action. Each run commits its files
in one commit:

- \`<feed>/date=YYYY-MM-DD/part-*.parquet\`: the events, by UTC date (one file per finished day
  once compacted).
- \`ndjson/<feed>/date=YYYY-MM-DD/part-*.ndjson.gz\` (with \`formats: parquet,ndjson\`): the events as
  the API sent them.
- \`_manifests/<run_id>-<run_attempt>.json\`: what each run wrote, with row counts and SHA-256.
- \`_state/state.json\`: where the next run resumes. Do not edit it by hand.

The events contain names, email addresses and IP addresses: keep this repository private.
`;
