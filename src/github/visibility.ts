import { InputError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { RepoVisibility } from './repository.ts';

export interface PublicRepoCheck {
  repoFullName: string;
  visibility: RepoVisibility;
  allowPublic: boolean;
  /** What would be exposed: a workflow artifact of the repository, or commits to it. */
  purpose: 'artifact' | 'repo';
  logger?: Logger;
}

/**
 * Events hold personal data, so nothing goes to a public repository unless the user said so with
 * `allow-public-repo: true`. Private and internal repositories pass.
 */
export function assertNotPublic(check: PublicRepoCheck): void {
  if (check.visibility !== 'public') return;
  const exposure =
    check.purpose === 'artifact'
      ? 'artifacts of a public repository can be downloaded by anyone'
      : 'files committed to a public repository can be read by anyone';
  if (check.allowPublic) {
    check.logger?.warning(
      `${check.repoFullName} is public and allow-public-repo is true: ${exposure}, including these events.`,
    );
    return;
  }
  throw new InputError(
    'allow-public-repo',
    `${check.repoFullName} is public; 1Password events contain names, email addresses and IP addresses, ` +
      `and ${exposure}. Use a private repository, or set allow-public-repo: true to allow this.`,
  );
}
