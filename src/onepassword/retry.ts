import { formatDuration } from '../time/duration.ts';
import { ExportError } from '../errors.ts';

/**
 * The retry policy for Events API requests: which failures are worth another attempt, how long to
 * wait before it, and when to give up.
 */

/** A failure that another attempt may cure. */
export type RetryableFailure =
  | { reason: 'rate-limited'; status: 429; retryAfterMs?: number; description: string }
  | { reason: 'server-error'; status: number; description: string }
  | { reason: 'network'; description: string }
  | { reason: 'invalid-body'; status?: number; description: string };

export interface RetryOptions {
  /** Attempts in all, the first one included. */
  maxAttempts?: number;
  /** Give up rather than wait past this long after the first attempt started. */
  maxElapsedMs?: number;
  /** Backoff grows from this ... */
  baseDelayMs?: number;
  /** ... up to this, before jitter. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1). Injectable so tests can pin delays. */
  random?: () => number;
}

export const DEFAULT_RETRY = {
  maxAttempts: 8,
  maxElapsedMs: 5 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
} as const;

export class RetryPolicy {
  readonly maxAttempts: number;
  readonly maxElapsedMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: RetryOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
    this.maxElapsedMs = options.maxElapsedMs ?? DEFAULT_RETRY.maxElapsedMs;
    this.baseDelayMs = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
    this.random = options.random ?? Math.random;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) {
      throw new RangeError(`maxAttempts must be a positive integer (got ${this.maxAttempts})`);
    }
  }

  /**
   * How long to wait after attempt number `attempt` (1-based) failed: the server's `Retry-After` when
   * it gave one, else exponential backoff with full jitter (uniform in [0, min(cap, base * 2^(n-1)))).
   */
  delayAfter(failure: RetryableFailure, attempt: number): number {
    if (failure.reason === 'rate-limited' && failure.retryAfterMs !== undefined) return failure.retryAfterMs;
    const ceiling = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(this.random() * ceiling);
  }

  /** Whether another attempt may start after waiting `delayMs`, given what was spent so far. */
  allowsAnother(attemptsMade: number, elapsedMs: number, delayMs: number): boolean {
    return attemptsMade < this.maxAttempts && elapsedMs + delayMs <= this.maxElapsedMs;
  }
}

/** The error for a request that failed every attempt: `rate-limited` if the last failure was a 429. */
export function exhaustedError(
  label: string,
  failure: RetryableFailure,
  attempts: number,
  elapsedMs: number,
): ExportError {
  const kind = failure.reason === 'rate-limited' ? 'rate-limited' : 'transient';
  const status = 'status' in failure ? failure.status : undefined;
  return new ExportError(
    kind,
    `${label}: gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} over ${formatDuration(elapsedMs)}; last error: ${failure.description}`,
    status === undefined ? {} : { status },
  );
}

/**
 * Not a failure: the run's max-duration would pass before the next attempt (or the next free slot
 * of the rate budget). The pager ends the feed as stopped by the deadline; the next run resumes.
 */
export class DeadlineReached extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineReached';
  }
}
