import { gitHubMessageOf, httpStatusOf } from '../github/request-error.ts';

/**
 * Turns a failed GitHub request into one warning line that says what to change. Alert issues are a
 * side channel: their failure is reported, never thrown over the run's own outcome.
 */
export function alertFailureWarning(error: unknown, doing: string, repository: string): string {
  const status = httpStatusOf(error);
  const said = githubMessage(error);
  const answered = status === undefined ? said : `GitHub answered ${status}${said ? ` ${said}` : ''}`;
  const prefix = `could not ${doing}`;
  if (status === 403 && !/rate limit/i.test(said)) {
    return `${prefix}: the workflow needs \`permissions: issues: write\` (${answered}). Add it to the job, or set \`alert-issues: false\`.`;
  }
  if (status === 401) {
    return `${prefix}: the GitHub token was refused (${answered}). Check the \`github-token\` input; it needs \`issues: write\` on ${repository}.`;
  }
  if (status === 404) {
    return `${prefix}: ${repository} was not found with the \`github-token\` (${answered}). The token must be able to read and write issues of that repository.`;
  }
  if (status === 410) {
    return `${prefix}: issues are disabled in ${repository} (${answered}). Enable them, or set \`alert-issues: false\`.`;
  }
  return `${prefix}: ${answered || 'unknown error'}.`;
}

/** True when GitHub said the resource does not exist (labels, issues). */
export function isNotFound(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}

/** True for 422 Unprocessable (for labels: it already exists, created meanwhile). */
export function isUnprocessable(error: unknown): boolean {
  return httpStatusOf(error) === 422;
}

/** GitHub's own message (or the error's), on one line and bounded for a warning. */
function githubMessage(error: unknown): string {
  return gitHubMessageOf(error).replace(/\s+/g, ' ').trim().slice(0, 200);
}
