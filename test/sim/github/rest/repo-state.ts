import { GitStore, setFile } from './git-store.ts';
import type { FlatFile, Signature } from './git-store.ts';

/** The state of one simulated repository: git data and refs, issues, labels, workflow artifacts. */
export type Visibility = 'private' | 'public' | 'internal';

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Comment {
  id: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface Issue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  /** Label names, in the order they were added. */
  labels: string[];
  comments: Comment[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  isPullRequest: boolean;
}

export interface WorkflowArtifact {
  id: number;
  name: string;
  sizeInBytes: number;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  workflowRunId: number;
  headBranch: string;
  headSha: string;
  /** The repository the run's head commit came from (a fork's id for a fork pull request). */
  headRepositoryId: number;
  digest?: string;
  /** The zip GET /actions/artifacts/{id}/zip serves; absent: the download answers 410 (expired/gone). */
  zip?: Buffer;
}

/** A cache entry as GET /actions/caches lists it. */
export interface ListedCacheEntry {
  id: number;
  key: string;
  version: string;
  size: number;
  createdAt: Date;
}

/** A workflow run as GET /actions/runs/{id} shows it. */
export interface WorkflowRun {
  id: number;
  /** `.github/workflows/<file>.yml` */
  path: string;
  event: string;
  headBranch: string;
  headRepositoryId: number;
}

/** File content given to the simulator: text is stored as UTF-8; `null` deletes the path. */
export type FileContent = string | Buffer;

export const BOT_SIGNATURE = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

export class RepoState {
  readonly git = new GitStore();
  /** Full ref name (refs/heads/main) -> commit sha. */
  readonly refs = new Map<string, string>();
  readonly issues: Issue[] = [];
  readonly labels: Label[] = [];
  readonly artifacts: WorkflowArtifact[] = [];
  readonly runs = new Map<number, WorkflowRun>();
  /** The Actions cache entries of this repository, when a cache service is linked to it. */
  cacheEntries: () => readonly ListedCacheEntry[] = () => [];
  private nextNumber = 1;

  constructor(
    readonly id: number,
    readonly owner: string,
    readonly name: string,
    readonly visibility: Visibility,
    readonly defaultBranch: string,
    /** GitHub drops labels on issue creation for users without push access; opt-in to simulate it. */
    readonly dropIssueLabelsWithoutPush: boolean,
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  /** A repository with no commit at all: git data endpoints answer 409 until the first one. */
  get isEmpty(): boolean {
    return this.refs.size === 0;
  }

  head(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`);
  }

  takeIssueNumber(): number {
    return this.nextNumber++;
  }

  findLabel(name: string): Label | undefined {
    const wanted = name.toLowerCase();
    return this.labels.find((label) => label.name.toLowerCase() === wanted);
  }

  /** Files of a commit's tree (empty for an unknown commit). */
  filesAt(commitSha: string | undefined): Map<string, FlatFile> {
    const commit = commitSha ? this.git.commit(commitSha) : undefined;
    return commit ? this.git.flatten(commit.tree) : new Map();
  }

  /**
   * Commits a change on top of `branch` (creating the branch, or the repository's first commit) and
   * moves the branch. `null` content deletes a path. Returns the new commit sha.
   */
  commitChange(options: {
    branch: string;
    message: string;
    files: Record<string, FileContent | null>;
    at: string;
    author?: Signature;
  }): string {
    const parent = this.head(options.branch);
    const files = this.filesAt(parent);
    for (const [path, content] of Object.entries(options.files)) {
      if (content === null) files.delete(path);
      else setFile(files, path, { mode: '100644', sha: this.git.putBlob(Buffer.from(content)) });
    }
    const signature = options.author ?? { ...BOT_SIGNATURE, date: options.at };
    const sha = this.git.putCommit({
      tree: this.git.buildTree(files),
      parents: parent ? [parent] : [],
      message: options.message,
      author: signature,
      committer: signature,
    });
    this.refs.set(`refs/heads/${options.branch}`, sha);
    return sha;
  }
}
