/**
 * `Retry-After` as milliseconds from `nowMs`: either delay-seconds or an HTTP-date. Undefined when
 * absent or unreadable; never negative. Both the Events API client and the GitHub client read it.
 */
export function parseRetryAfter(header: string | string[] | undefined, nowMs: number): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP-date always names a day and month; this keeps Date.parse from reading `-5` as a year.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
