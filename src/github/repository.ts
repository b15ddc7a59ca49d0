import { ExportError } from '../errors.ts';
import { parseRepoName, type RepoName } from '../validate/repo-name.ts';
import type { Octokit } from './octokit.ts';
import { describeGitHubError, httpStatusOf } from './request-error.ts';

export type { RepoName };

export type RepoVisibility = 'public' | 'private' | 'internal';

export interface RepoInfo {
  visibility: RepoVisibility;
  defaultBranch: string;
  private: boolean;
}

/** Visibility and default branch of `owner/name` (needs only metadata read access). */
export async function getRepoVisibility(octokit: Octokit, fullName: string): Promise<RepoInfo> {
  const { owner, repo } = parseRepoName(fullName);
  try {
    const { data } = await octokit.rest.repos.get({ owner, repo });
    // GitHub Enterprise Server may omit `visibility`; `private` is always there.
    const visibility: RepoVisibility = isVisibility(data.visibility)
      ? data.visibility
      : data.private
        ? 'private'
        : 'public';
    return { visibility, defaultBranch: data.default_branch, private: data.private };
  } catch (error) {
    const hint =
      httpStatusOf(error) === 404
        ? ': it does not exist or the token cannot see it'
        : ` (${describeGitHubError(error)})`;
    throw new ExportError('delivery', `Could not read repository ${owner}/${repo}${hint}.`, {
      status: httpStatusOf(error),
    });
  }
}

function isVisibility(value: unknown): value is RepoVisibility {
  return value === 'public' || value === 'private' || value === 'internal';
}

/** The branch to use: the one asked for, else the repository's default branch. */
export async function resolveBranch(octokit: Octokit, name: RepoName, branch?: string): Promise<string> {
  if (branch !== undefined && branch !== '') return branch;
  return (await getRepoVisibility(octokit, `${name.owner}/${name.repo}`)).defaultBranch;
}
