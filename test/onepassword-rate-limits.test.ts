import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { EventsClient } from '../src/onepassword/client.ts';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { FeedPager } from '../src/onepassword/pager.ts';
import type { RateLimit } from '../src/onepassword/rate-budget.ts';
import { RateBudget } from '../src/onepassword/rate-budget.ts';
import { EventsApiSimulator, type RateLimitConfig } from './sim/events-api/index.ts';
import { DAY, drain } from './onepassword-support.ts';

let sim: EventsApiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/**
 * Three feeds paged concurrently with one event per page, so that `eventsPerFeed` events make as
 * many requests per feed. Client and simulator share one simulated clock.
 */
async function burst(
  eventsPerFeed: readonly number[],
  serverLimits: Omit<RateLimitConfig, 'retryAfter' | 'scope'>,
  clientLimits: RateLimit[],
  clock = new SimulatedClock(),
) {
  sim = await EventsApiSimulator.start({
    clock,
    rateLimit: { ...serverLimits, retryAfter: true, scope: 'account' },
  });
  const budget = new RateBudget({ clock, limits: clientLimits });
  const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock, budget });
  const startTime = new Date(clock.now() - 2 * DAY);
  FEEDS.forEach((feed, index) => sim!.generate(feed, eventsPerFeed[index]!));
  const started = clock.now();
  const results = await Promise.all(
    FEEDS.map((feed) =>
      drain(new FeedPager({ client, feed, version: 'v2', start: { startTime }, clock, limit: 1 })),
    ),
  );
  FEEDS.forEach((feed, index) => expect(results[index]!.events).toEqual(sim!.groundTruth(feed)));
  return { sim, client, budget, elapsed: clock.now() - started };
}

/** The largest number of times in any window (t - windowMs, t]; `times` ascending. */
function busiestWindow(times: number[], windowMs: number): number {
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[first]! <= times[last]! - windowMs) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

describe('the shared rate budget against the simulator', () => {
  it('sends 700 page requests across three feeds with no 429, in the least time 600/min allows', async () => {
    const { sim, elapsed, budget } = await burst(
      [234, 233, 233],
      { perMinute: 600, perHour: 30_000, window: 'sliding' },
      [
        { max: 600, windowMs: 60_000 },
        { max: 30_000, windowMs: 3_600_000 },
      ],
    );
    expect(sim.requests).toHaveLength(700);
    expect(sim.requests.filter((request) => request.status === 429)).toEqual([]);
    // 600 go at once, the other 100 as soon as the first minute's requests leave the window.
    expect(elapsed).toBe(60_000);
    // On the server's clock: never over the limit, short of it only by requests that were in flight
    // when the simulated clock jumped.
    const busiest = busiestWindow(
      sim.requests.map((request) => request.at),
      60_000,
    );
    expect(busiest).toBeLessThanOrEqual(600);
    expect(busiest).toBeGreaterThanOrEqual(597);
    expect(budget.counters.acquired).toBe(700);
  });

  it('satisfies a server counting fixed clock-aligned windows, starting mid-minute', async () => {
    const clock = new SimulatedClock(Date.parse('2026-11-01T00:00:40Z'));
    const { sim, elapsed } = await burst(
      [234, 233, 233],
      { perMinute: 600, perHour: 30_000, window: 'fixed' },
      [{ max: 600, windowMs: 60_000 }],
      clock,
    );
    expect(sim.requests.filter((request) => request.status === 429)).toEqual([]);
    expect(elapsed).toBe(60_000);
  });

  it('keeps to the hourly limit too (50/min, 120/h): no 429, and the two hours that takes', async () => {
    const limits = { perMinute: 50, perHour: 120, window: 'sliding' } as const;
    const { sim, elapsed } = await burst([100, 100, 100], limits, [
      { max: 50, windowMs: 60_000 },
      { max: 120, windowMs: 3_600_000 },
    ]);
    expect(sim.requests).toHaveLength(300);
    expect(sim.requests.filter((request) => request.status === 429)).toEqual([]);
    // Per hour: 50 + 50 + 20 in its first three minutes; the last 60 go at 2:00 and 2:01.
    expect(elapsed).toBe(2 * 3_600_000 + 60_000);
    // Checked on the server's arrival times, independently of the simulator's own limiter.
    const arrivals = sim.requests.map((request) => request.at);
    expect(busiestWindow(arrivals, 60_000)).toBeLessThanOrEqual(50);
    expect(busiestWindow(arrivals, 3_600_000)).toBeLessThanOrEqual(120);
    expect(busiestWindow(arrivals, 3_600_000)).toBeGreaterThanOrEqual(117);
  });

  it('all three feeds progress evenly while the budget is the bottleneck', async () => {
    const { sim } = await burst([150, 150, 150], { perMinute: 60, perHour: 30_000, window: 'sliding' }, [
      { max: 60, windowMs: 60_000 },
    ]);
    // In each minute's batch of 60 requests, every feed got its share.
    const firstBatch = sim.requests.slice(0, 60);
    for (const feed of FEEDS) {
      expect(firstBatch.filter((request) => request.feed === feed).length).toBeGreaterThanOrEqual(18);
    }
    expect(sim.requests.filter((request) => request.status === 429)).toEqual([]);
  });
});
