import type { Octokit } from '../github/octokit.ts';
import { gitHubMessageOf, httpStatusOf } from '../github/request-error.ts';

/** Where a branch stands before we commit on it. */
export type BranchHead =
  | { state: 'exists'; commitSha: string; treeSha: string }
  /** The repository has commits but not this branch: we start it. */
  | { state: 'missing' }
  /** The repository has no commit at all: the Git Data API refuses to work until one exists. */
  | { state: 'empty' };

export interface TreeEntry {
  path: string;
  /** The blob, or null to delete the path. */
  sha: string | null;
}

/** A file of a tree as GET /git/trees lists it. */
export interface TreeFile {
  path: string;
  sha: string;
  size: number;
}

/**
 * The few Git Data API calls a multi-file commit needs, on one repository. Errors are Octokit's
 * own; the caller says which step failed.
 */
export class GitData {
  private readonly octokit: Octokit;
  private readonly owner: string;
  private readonly repo: string;

  constructor(octokit: Octokit, owner: string, repo: string) {
    this.octokit = octokit;
    this.owner = owner;
    this.repo = repo;
  }

  async readHead(branch: string): Promise<BranchHead> {
    let commitSha: string;
    try {
      const { data } = await this.octokit.rest.git.getRef({ ...this.repoParams(), ref: `heads/${branch}` });
      commitSha = data.object.sha;
    } catch (error) {
      if (isEmptyRepository(error)) return { state: 'empty' };
      if (httpStatusOf(error) === 404) return { state: 'missing' };
      throw error;
    }
    const { data: commit } = await this.octokit.rest.git.getCommit({
      ...this.repoParams(),
      commit_sha: commitSha,
    });
    return { state: 'exists', commitSha, treeSha: commit.tree.sha };
  }

  /**
   * The files of a tree (with `recursive`, at every depth), and the subtrees of this level. GitHub
   * truncates a recursive listing past 100,000 entries or 7 MB (`truncated`).
   */
  async getTree(
    treeSha: string,
    recursive: boolean,
  ): Promise<{ files: TreeFile[]; trees: Map<string, string>; truncated: boolean }> {
    const { data } = await this.octokit.rest.git.getTree({
      ...this.repoParams(),
      tree_sha: treeSha,
      ...(recursive ? { recursive: 'true' } : {}),
    });
    const files: TreeFile[] = [];
    const trees = new Map<string, string>();
    for (const entry of data.tree) {
      if (!entry.path || !entry.sha) continue;
      if (entry.type === 'blob') files.push({ path: entry.path, sha: entry.sha, size: entry.size ?? 0 });
      else if (entry.type === 'tree') trees.set(entry.path, entry.sha);
    }
    return { files, trees, truncated: data.truncated };
  }

  /** A blob's bytes (base64 in JSON: GitHub serves blobs up to 100 MB this way). */
  async getBlob(sha: string): Promise<Buffer> {
    const { data } = await this.octokit.rest.git.getBlob({ ...this.repoParams(), file_sha: sha });
    if (data.encoding !== 'base64') return Buffer.from(data.content, 'utf8');
    return Buffer.from(data.content, 'base64');
  }

  async createBlob(content: Buffer): Promise<string> {
    const { data } = await this.octokit.rest.git.createBlob({
      ...this.repoParams(),
      content: content.toString('base64'),
      encoding: 'base64',
    });
    return data.sha;
  }

  /** A tree of `entries` on top of `baseTree` (or on nothing, for the first commit of a branch). */
  async createTree(baseTree: string | undefined, entries: readonly TreeEntry[]): Promise<string> {
    const { data } = await this.octokit.rest.git.createTree({
      ...this.repoParams(),
      ...(baseTree === undefined ? {} : { base_tree: baseTree }),
      tree: entries.map((entry) => ({ path: entry.path, mode: '100644', type: 'blob', sha: entry.sha })),
    });
    return data.sha;
  }

  async createCommit(message: string, tree: string, parents: string[]): Promise<string> {
    const { data } = await this.octokit.rest.git.createCommit({
      ...this.repoParams(),
      message,
      tree,
      parents,
    });
    return data.sha;
  }

  /** Moves the branch to `sha` only if that is a fast forward: never overwrites someone else's commit. */
  async fastForward(branch: string, sha: string): Promise<void> {
    await this.octokit.rest.git.updateRef({
      ...this.repoParams(),
      ref: `heads/${branch}`,
      sha,
      force: false,
    });
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    await this.octokit.rest.git.createRef({ ...this.repoParams(), ref: `refs/heads/${branch}`, sha });
  }

  /** The first commit of an empty repository, through the Contents API (Git Data cannot make it). */
  async seedEmptyRepository(branch: string, path: string, content: string, message: string): Promise<void> {
    await this.octokit.rest.repos.createOrUpdateFileContents({
      ...this.repoParams(),
      path,
      message,
      content: Buffer.from(content, 'utf8').toString('base64'),
      branch,
    });
  }

  private repoParams(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo };
  }
}

/** GitHub answers 409 "Git Repository is empty." to Git Data calls on a repository without commits. */
export function isEmptyRepository(error: unknown): boolean {
  return httpStatusOf(error) === 409 && /empty/i.test(gitHubMessageOf(error));
}

/** The branch moved (or appeared) between reading its head and moving it: rebuild and try again. */
export function isRefRace(error: unknown): boolean {
  return httpStatusOf(error) === 422;
}
