import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { httpStatusOf, responseHeadersOf } from './request-error.ts';

/**
 * One 502 from GitHub must not fail a run that already pulled its events. Requests whose repetition
 * cannot do anything twice are retried on 5xx and network errors (Octokit reports a failed fetch as
 * status 500), with bounded exponential backoff. Creating an issue, a comment, a branch or a
 * Contents commit is not retried: a 5xx may have hidden a success, and a second one would duplicate.
 */

export interface TransientRetryOptions {
  clock: Clock;
  logger: Logger;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First wait; each next one doubles, up to maxDelayMs (plus up to 25% jitter). */
  baseDelayMs: number;
  maxDelayMs: number;
  random?: () => number;
}

export const DEFAULT_TRANSIENT_RETRY = { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 8_000 } as const;

interface RequestShape {
  method?: string;
  url?: string;
  force?: unknown;
}

/**
 * Requests that have the same effect however often they are sent. Octokit passes the route
 * template (`/repos/{owner}/{repo}/git/blobs`), or a full URL for the next page of a listing.
 */
const REPEATABLE_WRITES: ReadonlyArray<readonly [method: string, route: RegExp]> = [
  // Git objects are content-addressed: the same content gives the same sha, visible to nobody
  // until a ref points at it.
  ['POST', /\/git\/(blobs|trees|commits)$/],
  // A fast-forward to the sha the branch already has is a no-op; one that lost a race is a 422,
  // which the repository sink rebuilds (src/sinks/repo.ts).
  ['PATCH', /\/git\/refs\/[^/]/],
  // Setting an issue's fields (body, state) and adding labels it may already have.
  ['PATCH', /\/issues\/\{issue_number\}$/],
  ['POST', /\/issues\/\{issue_number\}\/labels$/],
  // A label that exists already is a 422 its caller expects (src/alerts/labels.ts).
  ['POST', /\/repos\/\{owner\}\/\{repo\}\/labels$/],
];

export function isRepeatableRequest(options: RequestShape): boolean {
  const method = (options.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return true;
  const route = (options.url ?? '').split('?')[0] ?? '';
  if (method === 'PATCH' && /\/git\/refs\//.test(route) && options.force === true) return false;
  return REPEATABLE_WRITES.some(([m, pattern]) => m === method && pattern.test(route));
}

/** A server error or a request that got no answer (Octokit's 500 for a failed fetch). */
export function isTransientFailure(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status !== undefined && status >= 500 && status <= 599;
}

export async function withTransientRetry<T extends RequestShape, R>(
  request: (options: T) => R | Promise<R>,
  options: T,
  retry: TransientRetryOptions,
): Promise<R> {
  const repeatable = isRepeatableRequest(options);
  for (let attempt = 0; ; attempt++) {
    try {
      return await request(options);
    } catch (error) {
      if (!repeatable || !isTransientFailure(error) || attempt >= retry.maxRetries) throw error;
      const waitMs = delayMs(attempt, retry, error);
      retry.logger.info(
        `GitHub answered ${httpStatusOf(error)} on ${options.method ?? 'GET'} ${options.url ?? ''}; ` +
          `retrying in ${(waitMs / 1000).toFixed(1)} s (retry ${attempt + 1} of ${retry.maxRetries}).`,
      );
      await retry.clock.sleep(waitMs);
    }
  }
}

/** Backoff for retry `attempt` (0-based); a Retry-After within the bound is honoured. */
function delayMs(attempt: number, retry: TransientRetryOptions, error: unknown): number {
  const backoff = Math.min(retry.baseDelayMs * 2 ** attempt, retry.maxDelayMs);
  const jitter = Math.floor(backoff * 0.25 * (retry.random ?? Math.random)());
  const retryAfter = Number(responseHeadersOf(error)['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0)
    return Math.min(Math.max(retryAfter * 1000, backoff), retry.maxDelayMs);
  return backoff + jitter;
}
