/**
 * Turns a failed GitHub request into one warning line that says what to change. Alert issues are a
 * side channel: their failure is reported, never thrown over the run's own outcome.
 */
export function alertFailureWarning(error: unknown, doing: string, repository: string): string {
  const status = httpStatus(error);
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
  return httpStatus(error) === 404;
}

/** True for 422 Unprocessable (for labels: it already exists, created meanwhile). */
export function isUnprocessable(error: unknown): boolean {
  return httpStatus(error) === 422;
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's own `message` field, else the error's message; one line, bounded. */
function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data;
  const fromBody = (data as { message?: unknown } | null | undefined)?.message;
  const text =
    typeof fromBody === 'string' ? fromBody : error instanceof Error ? error.message : String(error ?? '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 200);
}
