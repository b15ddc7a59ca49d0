import { Octokit } from '@octokit/rest';
import { systemClock } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { silentLogger } from '../logger.ts';
import type { Logger } from '../logger.ts';
import { USER_AGENT } from '../version.ts';
import { withRateLimitRetry } from './rate-limit.ts';
import { DEFAULT_TRANSIENT_RETRY, withTransientRetry } from './transient-retry.ts';

export type { Octokit };

export interface CreateOctokitOptions {
  token: string;
  /** REST API root; GITHUB_API_URL on a runner (GitHub Enterprise, or a simulator in tests). */
  baseUrl?: string;
  userAgent?: string;
  logger?: Logger;
  /** Waits of the rate-limit retry; a simulated clock in tests. */
  clock?: Clock;
  /** Rate-limit retries per request. */
  maxRateLimitRetries?: number;
  /** Longest rate-limit wait worth sitting out. */
  maxRateLimitWaitMs?: number;
  /** Retries of a repeatable request after a 5xx or network error (see transient-retry.ts). */
  maxTransientRetries?: number;
}

/**
 * An Octokit for the REST API whose every request sits out 403/429 rate limits (bounded), whose
 * repeatable requests survive a few 5xx and network errors, and whose own log lines go to our
 * logger. The token only travels in the Authorization header.
 */
export function createOctokit(options: CreateOctokitOptions): Octokit {
  const logger = options.logger ?? silentLogger;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? (process.env.GITHUB_API_URL || 'https://api.github.com')).replace(
      /\/+$/,
      '',
    ),
    userAgent: options.userAgent ?? USER_AGENT,
    log: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.debug(message),
      warn: (message: string) => logger.warning(message),
      error: (message: string) => logger.warning(message),
    },
  });
  const retry = {
    clock: options.clock ?? systemClock,
    logger,
    maxRetries: options.maxRateLimitRetries ?? 3,
    maxWaitMs: options.maxRateLimitWaitMs ?? 120_000,
  };
  const transient = {
    ...DEFAULT_TRANSIENT_RETRY,
    clock: retry.clock,
    logger,
    maxRetries: options.maxTransientRetries ?? DEFAULT_TRANSIENT_RETRY.maxRetries,
  };
  // Rate limits inside: each transient retry may itself wait out a rate limit.
  octokit.hook.wrap('request', (request, requestOptions) =>
    withTransientRetry(
      (attemptOptions) => withRateLimitRetry(request, attemptOptions, retry),
      requestOptions,
      transient,
    ),
  );
  return octokit;
}
