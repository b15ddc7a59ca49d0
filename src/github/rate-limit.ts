import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { parseRetryAfter } from '../validate/retry-after.ts';
import { httpStatusOf, responseHeadersOf } from './request-error.ts';

export interface RateLimitRetryOptions {
  clock: Clock;
  logger: Logger;
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Longer waits than this are not worth it inside one run: the error goes to the caller. */
  maxWaitMs: number;
}

type Request<T, R> = (options: T) => R | Promise<R>;

/**
 * Retries a GitHub request refused by a primary or secondary rate limit (403/429), waiting as long as
 * the response asks. Other failures, and waits beyond `maxWaitMs`, go straight to the caller.
 * Octokit's throttling plugin would do this too, but it is not a dependency of this project.
 */
export async function withRateLimitRetry<T extends { method?: string; url?: string }, R>(
  request: Request<T, R>,
  options: T,
  retry: RateLimitRetryOptions,
): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request(options);
    } catch (error) {
      const waitMs = rateLimitWaitMs(error, retry.clock.now());
      if (waitMs === undefined || attempt >= retry.maxRetries || waitMs > retry.maxWaitMs) throw error;
      retry.logger.warning(
        `GitHub rate limit (HTTP ${httpStatusOf(error)}) on ${options.method ?? 'GET'} ${options.url ?? ''}; ` +
          `retrying in ${Math.ceil(waitMs / 1000)} s (retry ${attempt + 1} of ${retry.maxRetries}).`,
      );
      await retry.clock.sleep(waitMs);
    }
  }
}

/** Secondary limits without a retry-after header: GitHub asks clients to wait at least a minute. */
const SECONDARY_LIMIT_DEFAULT_WAIT_MS = 60_000;

/** How long a rate-limited response asks us to wait, or undefined when it is not a rate limit. */
export function rateLimitWaitMs(error: unknown, nowMs: number): number | undefined {
  const status = httpStatusOf(error);
  if (status !== 403 && status !== 429) return undefined;
  const headers = responseHeadersOf(error);
  const retryAfter = parseRetryAfter(headers['retry-after'], nowMs);
  if (retryAfter !== undefined) return retryAfter;
  if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined) {
    const resetMs = Number(headers['x-ratelimit-reset']) * 1000;
    if (Number.isFinite(resetMs)) return Math.max(1000, resetMs - nowMs);
  }
  if (status === 429 || /secondary rate limit/i.test((error as Partial<Error>).message ?? '')) {
    return SECONDARY_LIMIT_DEFAULT_WAIT_MS;
  }
  return undefined; // a plain 403: missing permission, not worth waiting for
}
