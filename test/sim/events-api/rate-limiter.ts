/**
 * The published limits: 600 requests per minute and 30,000 per hour (reference §5), as a sliding
 * window (a request at t is refused when the limit of accepted requests lies in (t - window, t]) or
 * as fixed clock-aligned windows. Only accepted requests are counted; refused ones are not.
 */

export interface RateLimitConfig {
  perMinute: number;
  perHour: number;
  window: 'sliding' | 'fixed';
  retryAfter: boolean;
  scope: 'account' | 'token';
}

export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until a request would pass. */
  retryAfterMs: number;
  /** For RateLimit-* headers: the window with the fewest requests left. */
  limit: number;
  remaining: number;
  resetMs: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

export class RateLimiter {
  private readonly sliding = new Map<string, SlidingLog>();
  private readonly fixed = new Map<string, FixedCounters>();

  constructor(private readonly config: RateLimitConfig) {}

  /** Decides on a request at `now`; an allowed request is counted when `count` is true. */
  check(key: string, now: number, count = true): RateDecision {
    return this.config.window === 'sliding'
      ? this.checkSliding(key, now, count)
      : this.checkFixed(key, now, count);
  }

  private checkSliding(key: string, now: number, count: boolean): RateDecision {
    let log = this.sliding.get(key);
    if (!log) this.sliding.set(key, (log = new SlidingLog()));
    log.dropUpTo(now - HOUR);
    const { perMinute, perHour } = this.config;
    const inMinute = log.countAfter(now - MINUTE);
    const inHour = log.size;
    let wait = 0;
    // The request passes once enough of the oldest accepted requests have left their window.
    if (inMinute >= perMinute) wait = Math.max(wait, log.at(log.size - perMinute) + MINUTE - now);
    if (inHour >= perHour) wait = Math.max(wait, log.at(log.size - perHour) + HOUR - now);
    const allowed = wait <= 0;
    if (allowed && count) log.push(now);
    const used = allowed && count ? 1 : 0;
    const minuteLeft = perMinute - inMinute - used;
    const hourLeft = perHour - inHour - used;
    const minuteWindow = minuteLeft <= hourLeft;
    const oldest = minuteWindow ? log.firstAfter(now - MINUTE) : log.firstAfter(now - HOUR);
    const span = minuteWindow ? MINUTE : HOUR;
    return {
      allowed,
      retryAfterMs: Math.max(0, wait),
      limit: minuteWindow ? perMinute : perHour,
      remaining: Math.max(0, minuteWindow ? minuteLeft : hourLeft),
      resetMs: oldest === undefined ? span : oldest + span - now,
    };
  }

  private checkFixed(key: string, now: number, count: boolean): RateDecision {
    let counters = this.fixed.get(key);
    if (!counters) this.fixed.set(key, (counters = { minute: -1, inMinute: 0, hour: -1, inHour: 0 }));
    const minute = Math.floor(now / MINUTE);
    const hour = Math.floor(now / HOUR);
    if (counters.minute !== minute) Object.assign(counters, { minute, inMinute: 0 });
    if (counters.hour !== hour) Object.assign(counters, { hour, inHour: 0 });
    const { perMinute, perHour } = this.config;
    const toNextMinute = (minute + 1) * MINUTE - now;
    const toNextHour = (hour + 1) * HOUR - now;
    let wait = 0;
    if (counters.inMinute >= perMinute) wait = Math.max(wait, toNextMinute);
    if (counters.inHour >= perHour) wait = Math.max(wait, toNextHour);
    const allowed = wait <= 0;
    if (allowed && count) {
      counters.inMinute++;
      counters.inHour++;
    }
    const minuteLeft = perMinute - counters.inMinute;
    const hourLeft = perHour - counters.inHour;
    const minuteWindow = minuteLeft <= hourLeft;
    return {
      allowed,
      retryAfterMs: wait,
      limit: minuteWindow ? perMinute : perHour,
      remaining: Math.max(0, minuteWindow ? minuteLeft : hourLeft),
      resetMs: minuteWindow ? toNextMinute : toNextHour,
    };
  }
}

interface FixedCounters {
  minute: number;
  inMinute: number;
  hour: number;
  inHour: number;
}

/** Ascending times of accepted requests within the last hour (a queue over a plain array). */
class SlidingLog {
  private times: number[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  /** The i-th oldest kept time. */
  at(i: number): number {
    return this.times[this.head + i] as number;
  }

  push(time: number): void {
    this.times.push(time);
  }

  dropUpTo(time: number): void {
    while (this.head < this.times.length && (this.times[this.head] as number) <= time) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  countAfter(time: number): number {
    return this.times.length - this.indexAfter(time);
  }

  firstAfter(time: number): number | undefined {
    return this.times[this.indexAfter(time)];
  }

  /** Index of the first kept time > `time` (binary search). */
  private indexAfter(time: number): number {
    let low = this.head;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.times[mid] as number) > time) high = mid;
      else low = mid + 1;
    }
    return low;
  }
}
