import type { Octokit } from '@octokit/rest';
import { isNotFound, isUnprocessable } from './github-errors.ts';

const LABEL_COLOR = '0572ec';
const LABEL_DESCRIPTION = 'Problems reported by 1password-events-export';

/**
 * Makes sure each label exists before an issue uses it, since GitHub would create a missing label
 * without colour or description, or silently drop it for a token without push access.
 */
export async function ensureLabels(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  labels: readonly string[],
): Promise<void> {
  for (const name of labels) {
    try {
      await octokit.rest.issues.getLabel({ ...repo, name });
      continue;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      await octokit.rest.issues.createLabel({
        ...repo,
        name,
        color: LABEL_COLOR,
        description: LABEL_DESCRIPTION,
      });
    } catch (error) {
      // Another run created it between our read and our write: the label exists, which is all we need.
      if (!isUnprocessable(error)) throw error;
    }
  }
}
