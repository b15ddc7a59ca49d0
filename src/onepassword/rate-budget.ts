import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';

export interface RateLimit {
  /** Requests allowed in any window of `windowMs`. */
  max: number;
  windowMs: number;
}

/** The Events API's published limits: 600 requests per minute and 30,000 per hour. */
export const EVENTS_API_LIMITS: readonly RateLimit[] = [
  { max: 600, windowMs: 60_000 },
  { max: 30_000, windowMs: 3_600_000 },
];

export interface RateBudgetOptions {
  limits?: readonly RateLimit[];
  clock?: Clock;
}

export interface RateBudgetCounters {
  /** Requests let through. */
  acquired: number;
  /** Acquires that had to wait (for a limit or a hold). */
  waits: number;
  /** Total time acquirers spent waiting, in clock milliseconds (overlapping waits add up). */
  waitedMs: number;
  /** Times `holdUntil` pushed the hold further out. */
  holds: number;
}

/**
 * One client-side budget shared by every feed, so together they never exceed the API's limits.
 *
 * Every limit is enforced as a sliding window: a request may go at time t only if fewer than `max`
 * requests went in (t - windowMs, t]. That is the strictest reading of a limit and also satisfies a
 * server counting fixed windows. The send times live in one ring buffer as large as the largest
 * `max`, so the k-th most recent send is an O(1) lookup and memory is bounded.
 *
 * Acquirers are served first come, first served, which keeps concurrent feeds progressing evenly.
 */
export class RateBudget {
  private readonly limits: readonly RateLimit[];
  private readonly clock: Clock;
  private readonly sendTimes: Float64Array;
  /** Index where the next send time is written. */
  private next = 0;
  /** Send times held in the ring (at most its capacity). */
  private stored = 0;
  private holdUntilMs = 0;
  /** Resolves when everyone queued so far has been served (or has given up). */
  private queueTail: Promise<void> = Promise.resolve();
  private readonly tally: RateBudgetCounters = { acquired: 0, waits: 0, waitedMs: 0, holds: 0 };

  constructor(options: RateBudgetOptions = {}) {
    const limits = options.limits ?? EVENTS_API_LIMITS;
    for (const limit of limits) {
      if (!Number.isInteger(limit.max) || limit.max < 1 || !(limit.windowMs > 0)) {
        throw new RangeError(`invalid rate limit: ${limit.max} per ${limit.windowMs} ms`);
      }
    }
    this.limits = limits;
    this.clock = options.clock ?? systemClock;
    this.sendTimes = new Float64Array(Math.max(1, ...limits.map((limit) => limit.max)));
  }

  get counters(): Readonly<RateBudgetCounters> {
    return { ...this.tally };
  }

  /** Epoch ms until which every acquirer waits (0 when no hold was set). */
  get heldUntil(): number {
    return this.holdUntilMs;
  }

  /** Waits until one more request fits under every limit and any hold, then counts it as sent. */
  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const ahead = this.queueTail;
    let leave!: () => void;
    const served = new Promise<void>((resolve) => (leave = resolve));
    this.queueTail = ahead.then(() => served);
    try {
      await untilAborted(ahead, signal);
      await this.waitForSlot(signal);
      this.record(this.clock.now());
      this.tally.acquired += 1;
    } finally {
      leave();
    }
  }

  /** Makes every acquirer wait until `epochMs` (the server asked us to back off). Never shortens a hold. */
  holdUntil(epochMs: number): void {
    if (epochMs > this.holdUntilMs) {
      this.holdUntilMs = epochMs;
      this.tally.holds += 1;
    }
  }

  /** Earliest time the next request may be sent, ignoring anyone queued. */
  nextSlotAt(): number {
    let earliest = this.holdUntilMs;
    for (const limit of this.limits) {
      if (this.stored < limit.max) continue;
      // The limit.max-th most recent send must have left the window.
      const index = (this.next - limit.max + this.sendTimes.length) % this.sendTimes.length;
      earliest = Math.max(earliest, (this.sendTimes[index] ?? 0) + limit.windowMs);
    }
    return earliest;
  }

  private async waitForSlot(signal: AbortSignal | undefined): Promise<void> {
    let waited = false;
    for (;;) {
      const now = this.clock.now();
      const slot = this.nextSlotAt();
      if (slot <= now) return;
      if (!waited) this.tally.waits += 1;
      waited = true;
      this.tally.waitedMs += slot - now;
      // A hold may be extended while we sleep, so look again after waking.
      await this.clock.sleep(slot - now, signal);
    }
  }

  private record(at: number): void {
    this.sendTimes[this.next] = at;
    this.next = (this.next + 1) % this.sendTimes.length;
    this.stored = Math.min(this.stored + 1, this.sendTimes.length);
  }
}

/** Waits for `promise`, but gives up (rejecting with the abort reason) if the signal fires first. */
function untilAborted(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
