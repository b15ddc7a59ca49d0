import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import type { RateLimit } from '../src/onepassword/rate-budget.ts';
import { RateBudget } from '../src/onepassword/rate-budget.ts';

/** A request answered at once: the budget records it when it was sent. */
const instant = (budget: RateBudget, signal?: AbortSignal) => budget.withSlot(async () => {}, signal);

/** The largest number of send times that fall in any window (t - windowMs, t]. */
function busiestWindow(times: number[], windowMs: number): number {
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while ((times[first] ?? 0) <= (times[last] ?? 0) - windowMs) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

async function sendTimes(budget: RateBudget, clock: SimulatedClock, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    await instant(budget);
    times.push(clock.now());
  }
  return times;
}

describe('RateBudget', () => {
  it('lets a burst through up to the minute limit, then paces to the sliding window', async () => {
    const clock = new SimulatedClock();
    const start = clock.now();
    const budget = new RateBudget({ clock });
    const times = await sendTimes(budget, clock, 1500);

    expect(times.filter((t) => t === start)).toHaveLength(600);
    expect(times.filter((t) => t === start + 60_000)).toHaveLength(600);
    expect(times.filter((t) => t === start + 120_000)).toHaveLength(300);
    expect(busiestWindow(times, 60_000)).toBe(600);
    expect(budget.counters).toMatchObject({ acquired: 1500, waits: 2 });
  });

  it('keeps every configured window, the longer one included', async () => {
    const clock = new SimulatedClock();
    const start = clock.now();
    const limits: RateLimit[] = [
      { max: 50, windowMs: 60_000 },
      { max: 120, windowMs: 3_600_000 },
    ];
    const budget = new RateBudget({ clock, limits });
    const times = await sendTimes(budget, clock, 300);

    expect(busiestWindow(times, 60_000)).toBe(50);
    expect(busiestWindow(times, 3_600_000)).toBe(120);
    // 50, 50, 20 in the first three minutes, then nothing until the hour has moved.
    expect(times[119]).toBe(start + 120_000);
    expect(times[120]).toBe(start + 3_600_000);
    expect(times[240]).toBe(start + 7_200_000);
  });

  it('spaces requests when the window is narrow, as a sliding window must', async () => {
    const clock = new SimulatedClock();
    const budget = new RateBudget({ clock, limits: [{ max: 2, windowMs: 1000 }] });
    const start = clock.now();
    await instant(budget);
    clock.advance(400);
    await instant(budget);
    // The third must wait for the first to leave the window (t=1000), the fourth for the second (t=1400).
    const third = instant(budget).then(() => clock.now() - start);
    expect(await third).toBe(1000);
    await instant(budget);
    expect(clock.now() - start).toBe(1400);
  });

  it('holds every acquirer until the hold ends, and never shortens a hold', async () => {
    const clock = new SimulatedClock();
    const budget = new RateBudget({ clock });
    const start = clock.now();
    budget.holdUntil(start + 7_000);
    budget.holdUntil(start + 3_000);
    expect(budget.heldUntil).toBe(start + 7_000);
    await Promise.all([instant(budget), instant(budget), instant(budget)]);
    expect(clock.now()).toBe(start + 7_000);
    expect(budget.counters.holds).toBe(1);
    expect(budget.counters.waits).toBeGreaterThanOrEqual(1);
  });

  it('serves concurrent feeds evenly while they wait on the limit', async () => {
    const clock = new SimulatedClock();
    const budget = new RateBudget({ clock, limits: [{ max: 10, windowMs: 1_000 }] });
    const done = [0, 0, 0];
    const feed = async (index: number) => {
      for (let i = 0; i < 100; i += 1) {
        await instant(budget);
        done[index] = (done[index] ?? 0) + 1;
      }
    };
    const running = Promise.all([feed(0), feed(1), feed(2)]);
    // Sample progress while all three are still running: no feed may be starved.
    while (done.reduce((a, b) => a + b, 0) < 150) await new Promise((resolve) => setImmediate(resolve));
    const spread = Math.max(...done) - Math.min(...done);
    expect(spread).toBeLessThanOrEqual(2);
    await running;
    expect(done).toEqual([100, 100, 100]);
  });

  it('drops an aborted acquirer from the queue without blocking the ones behind it', async () => {
    const clock = new SimulatedClock();
    const budget = new RateBudget({ clock });
    budget.holdUntil(clock.now() + 10_000);
    const controller = new AbortController();
    const first = instant(budget);
    const aborted = instant(budget, controller.signal);
    const third = instant(budget);
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    await Promise.all([first, third]);
    expect(budget.counters.acquired).toBe(2);
  });

  it('counts requests in flight against every window and records them when their answer arrives', async () => {
    const clock = new SimulatedClock();
    const start = clock.now();
    const budget = new RateBudget({ clock, limits: [{ max: 2, windowMs: 1_000 }] });
    const answers: Array<() => void> = [];
    const sentAt: number[] = [];
    const request = () =>
      budget.withSlot(() => {
        sentAt.push(clock.now() - start);
        return new Promise<void>((resolve) => answers.push(resolve));
      });
    const first = request();
    const second = request();
    const third = request();
    while (answers.length < 2) await new Promise((resolve) => setImmediate(resolve));
    // Both slots are taken by requests still in flight: the third cannot go, however long it waits.
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(sentAt).toEqual([0, 0]);

    clock.advance(5_000); // the first answer takes 5 s to come back: the server may have counted it then
    answers[0]!();
    await first;
    while (answers.length < 3) await new Promise((resolve) => setImmediate(resolve));
    // One slot is now the first request, recorded at 5 s; the other is still in flight.
    expect(sentAt).toEqual([0, 0, 6_000]);
    answers[1]!();
    answers[2]!();
    await Promise.all([second, third]);
    // Both answered at 6 s: the next request waits until they leave the window at 7 s.
    await budget.withSlot(async () => sentAt.push(clock.now() - start));
    expect(sentAt.at(-1)).toBe(7_000);
  });

  it('rejects limits that make no sense', () => {
    expect(() => new RateBudget({ limits: [{ max: 0, windowMs: 1000 }] })).toThrow(RangeError);
    expect(() => new RateBudget({ limits: [{ max: 10, windowMs: 0 }] })).toThrow(RangeError);
  });
});
