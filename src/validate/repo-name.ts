import { InputError } from '../errors.ts';

export interface RepoName {
  owner: string;
  repo: string;
}

/** GitHub's rules: an owner is 1-39 letters, digits or hyphens; a repository name 1-100 of [A-Za-z0-9._-]. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

/** `owner/name` into its parts; `input` names the option it came from for the error message. */
export function parseRepoName(fullName: string, input = 'storage-repo'): RepoName {
  const [owner = '', repo = '', ...rest] = fullName.trim().split('/');
  if (rest.length > 0 || !OWNER.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') {
    throw new InputError(input, `"${fullName}" is not of the form owner/name`);
  }
  return { owner, repo };
}

export function formatRepoName(name: RepoName): string {
  return `${name.owner}/${name.repo}`;
}
