import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import { formatDuration } from '../time/duration.ts';
import { DeadlineReached } from './retry.ts';

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
  /** Told each time a request starts waiting for the limits or a hold (ms to wait), e.g. for progress. */
  onWait?: (waitMs: number) => void;
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
 * requests fall in (t - windowMs, t]. That is the strictest reading of a limit and also satisfies a
 * server counting fixed windows. Send times live in one ring buffer as large as the largest `max`,
 * so the k-th most recent send is an O(1) lookup and memory is bounded.
 *
 * The server counts a request when it arrives, which is somewhere between our send and its answer.
 * `withSlot` therefore counts a request as happening "now" for as long as it is in flight and records
 * it at the time its answer came back, the latest moment the server can have counted it.
 *
 * Acquirers are served first come, first served, which keeps concurrent feeds progressing evenly.
 */
export class RateBudget {
  private readonly limits: readonly RateLimit[];
  private readonly clock: Clock;
  private readonly onWait: ((waitMs: number) => void) | undefined;
  private readonly sendTimes: Float64Array;
  /** Index where the next send time is written. */
  private next = 0;
  /** Send times held in the ring (at most its capacity). */
  private stored = 0;
  private holdUntilMs = 0;
  /** Requests sent through `withSlot` whose answer has not come back yet. */
  private inFlight = 0;
  /** Resolves the next time an in-flight request settles. */
  private settled = pendingSignal();
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
    this.onWait = options.onWait;
    this.sendTimes = new Float64Array(Math.max(1, ...limits.map((limit) => limit.max)));
  }

  get counters(): Readonly<RateBudgetCounters> {
    return { ...this.tally };
  }

  /** Epoch ms until which every acquirer waits (0 when no hold was set). */
  get heldUntil(): number {
    return this.holdUntilMs;
  }

  /** Joins the first-come-first-served queue; `take` claims the slot once it is this caller's turn. */
  private async enqueue(signal: AbortSignal | undefined, take: () => void, deadline?: number): Promise<void> {
    signal?.throwIfAborted();
    const ahead = this.queueTail;
    let leave!: () => void;
    const served = new Promise<void>((resolve) => (leave = resolve));
    this.queueTail = ahead.then(() => served);
    try {
      await untilAborted(ahead, signal);
      await this.waitForSlot(signal, deadline);
      take();
      this.tally.acquired += 1;
    } finally {
      leave();
    }
  }

  /**
   * Waits until one more request fits under every limit and any hold, runs `send`, and counts the request as in flight until it settles,
   * then records it at that time. This is what the Events API client uses for every request.
   * With `deadline` (clock epoch ms), a slot that only frees after it is not waited for: DeadlineReached.
   */
  async withSlot<T>(send: () => Promise<T>, signal?: AbortSignal, deadline?: number): Promise<T> {
    await this.enqueue(
      signal,
      () => {
        this.inFlight += 1;
      },
      deadline,
    );
    try {
      return await send();
    } finally {
      this.inFlight -= 1;
      this.record(this.clock.now());
      const { resolve } = this.settled;
      this.settled = pendingSignal();
      resolve();
    }
  }

  /** Makes every acquirer wait until `epochMs` (the server asked us to back off). Never shortens a hold. */
  holdUntil(epochMs: number): void {
    if (epochMs > this.holdUntilMs) {
      this.holdUntilMs = epochMs;
      this.tally.holds += 1;
    }
  }

  /**
   * Earliest time the next request may be sent, ignoring anyone queued; Infinity while some limit is
   * used up by requests still in flight (only an answer can free a slot then).
   */
  nextSlotAt(): number {
    let earliest = this.holdUntilMs;
    for (const limit of this.limits) {
      // In-flight requests may reach the server at any moment: they take a place in every window.
      const recordedAllowed = limit.max - this.inFlight;
      if (recordedAllowed <= 0) return Number.POSITIVE_INFINITY;
      if (this.stored < recordedAllowed) continue;
      // The recordedAllowed-th most recent recorded request must have left the window.
      const index = (this.next - recordedAllowed + this.sendTimes.length) % this.sendTimes.length;
      earliest = Math.max(earliest, (this.sendTimes[index] ?? 0) + limit.windowMs);
    }
    return earliest;
  }

  private async waitForSlot(signal: AbortSignal | undefined, deadline?: number): Promise<void> {
    let waited = false;
    for (;;) {
      const now = this.clock.now();
      const slot = this.nextSlotAt();
      if (slot <= now) return;
      // An in-flight request (Infinity) settles within its timeout, the one overrun max-duration allows.
      if (deadline !== undefined && slot !== Number.POSITIVE_INFINITY && slot > deadline) {
        throw new DeadlineReached(
          `the API's rate limit leaves no request before max-duration ends (next slot in ${formatDuration(slot - now)})`,
        );
      }
      if (!waited) this.tally.waits += 1;
      waited = true;
      if (slot === Number.POSITIVE_INFINITY) {
        await untilAborted(this.settled.promise, signal);
        continue;
      }
      this.tally.waitedMs += slot - now;
      this.onWait?.(slot - now);
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

/** A promise with its resolver (Promise.withResolvers needs Node 22; we support Node 20). */
function pendingSignal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}
