/**
 * Reading Octokit's RequestError without importing it (it is a transitive dependency). Only the
 * status, the response headers and GitHub's own message are used: the request (headers, body) is
 * never copied into our errors.
 */

export function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

export function responseHeadersOf(error: unknown): Record<string, string | undefined> {
  const headers = (error as { response?: { headers?: unknown } } | undefined)?.response?.headers;
  if (typeof headers !== 'object' || headers === null) return {};
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
  }
  return result;
}

/** GitHub's message for a failed request, e.g. `Update is not a fast forward`, without doc links. */
export function gitHubMessageOf(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | undefined)?.response?.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
  ) {
    return (data as { message: string }).message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/ - https:\/\/docs\.github\.com\S*$/, '');
}

/** `HTTP 422: Update is not a fast forward`, or the plain message when no response came back. */
export function describeGitHubError(error: unknown): string {
  const status = httpStatusOf(error);
  const message = gitHubMessageOf(error);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}
