import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../src/clock.ts';
import { SimulatedClock } from '../src/clock.ts';
import { ExportError } from '../src/errors.ts';
import { MemoryLogger } from '../src/logger.ts';
import { EventsClient } from '../src/onepassword/client.ts';
import { FeedPager } from '../src/onepassword/pager.ts';
import { RateBudget } from '../src/onepassword/rate-budget.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import { EventsApiSimulator, type Fault } from './sim/events-api/index.ts';
import { DAY, drain, rejectionOf } from './onepassword-support.ts';

let sim: EventsApiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function exportErrorOf(promise: Promise<unknown>): Promise<ExportError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof ExportError)) throw error;
  return error;
}

/** A clock whose sleepers wake only when the test moves time on. */
class ManualClock implements Clock {
  private current = Date.parse('2026-11-01T00:00:00Z');
  private sleepers: Array<{ wake: number; resolve: () => void }> = [];
  now(): number {
    return this.current;
  }
  get sleeping(): number {
    return this.sleepers.length;
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.sleepers.push({ wake: this.current + ms, resolve }));
  }
  advance(ms: number): void {
    this.current += ms;
    const due = this.sleepers.filter((sleeper) => sleeper.wake <= this.current);
    this.sleepers = this.sleepers.filter((sleeper) => sleeper.wake > this.current);
    for (const sleeper of due) sleeper.resolve();
  }
}

const settle = async (condition: () => boolean) => {
  for (let i = 0; i < 1000 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
};

describe('retries against injected faults', () => {
  it('loses and duplicates nothing through 429 bursts, 5xx, resets, truncated bodies and garbage', async () => {
    const clock = new SimulatedClock();
    sim = await EventsApiSimulator.start({ clock, seed: 3 });
    const logger = new MemoryLogger();
    const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock, logger });
    sim.generate('itemusages', 10_500);
    const bursts: Fault[][] = [
      [{ kind: '429', retryAfterSeconds: 3 }, { kind: '429', retryAfterSeconds: 3 }, { kind: '429' }],
      [{ kind: '429' }, { kind: '429' }, { kind: '429' }, { kind: '429' }],
      [{ kind: '500' }, { kind: '502' }, { kind: '503' }],
      [{ kind: 'reset' }, { kind: 'reset' }],
      [{ kind: 'truncate' }],
      [{ kind: 'garbage' }, { kind: 'truncate' }],
      [
        { kind: '429', retryAfterSeconds: 1 },
        { kind: '500' },
        { kind: 'reset' },
        { kind: 'garbage' },
        { kind: 'truncate' },
      ],
      [],
      [{ kind: 'garbage' }],
      [{ kind: 'reset' }],
    ];
    const start = clock.now();
    const pager = new FeedPager({
      client,
      feed: 'itemusages',
      version: 'v2',
      start: { startTime: new Date(start - 10 * DAY) },
      clock,
    });
    const events: RawEvent[] = [];
    let page = 0;
    for await (const { events: batch } of pager.pages()) {
      events.push(...batch);
      sim.injectFaults(...(bursts[page] ?? []));
      page += 1;
    }

    expect(events).toEqual(sim.groundTruth('itemusages'));
    expect(new Set(events.map((event) => event.uuid)).size).toBe(10_500);
    const faults = bursts.flat();
    const count = (kind: Fault['kind']) => faults.filter((fault) => fault.kind === kind).length;
    expect(client.stats.itemusages).toEqual({
      requests: 11 + faults.length,
      retries: faults.length,
      rateLimited: count('429'),
      serverErrors: count('500') + count('502') + count('503'),
      networkErrors: count('reset') + count('truncate'),
      invalidBodies: count('garbage'),
    });
    expect(sim.requests.filter((request) => request.fault !== undefined)).toHaveLength(faults.length);
    expect(sim.requests.filter((request) => request.status === 200 && !request.fault)).toHaveLength(11);
    // Retry-After is honoured: three 3 s holds and one 1 s hold at least.
    expect(clock.now() - start).toBeGreaterThanOrEqual(10_000);
    expect(logger.lines).toContain(
      'info: itemusages: 429 Too Many Requests, retrying in 3.0 s (attempt 2/8)',
    );
    expect(logger.lines.filter((line) => line.includes('retrying in'))).toHaveLength(faults.length);
    expect(logger.lines.some((line) => line.includes('connection reset'))).toBe(true);
    expect(logger.lines.some((line) => line.includes('response body cut short'))).toBe(true);
    expect(logger.lines.some((line) => line.includes('unparseable response body'))).toBe(true);
  });

  it('makes every feed wait out a Retry-After, not only the one that drew the 429', async () => {
    const clock = new ManualClock();
    sim = await EventsApiSimulator.start({ clock });
    const budget = new RateBudget({ clock });
    const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock, budget });
    const t0 = clock.now();
    sim.injectFaults({ kind: '429', retryAfterSeconds: 30 });
    const first = client.fetchPage('signinattempts', 'v2', { limit: 1000 });
    await settle(() => budget.heldUntil === t0 + 30_000 && clock.sleeping === 1);
    const second = client.fetchPage('auditevents', 'v2', { limit: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.requests).toHaveLength(1); // auditevents is held back too

    clock.advance(29_999);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sim.requests).toHaveLength(1);
    clock.advance(1);
    await Promise.all([first, second]);
    expect(sim.requests.map((request) => [request.feed, request.status, request.at - t0])).toEqual([
      ['signinattempts', 429, 0],
      ['signinattempts', 200, 30_000],
      ['auditevents', 200, 30_000],
    ]);
  });

  it('backs off exponentially on a 429 without Retry-After', async () => {
    const clock = new SimulatedClock();
    sim = await EventsApiSimulator.start({ clock });
    const client = new EventsClient({
      serverUrl: sim.url,
      token: sim.issueToken(),
      clock,
      retry: { random: () => 0.5 },
    });
    sim.injectFaults({ kind: '429' }, { kind: '429' }, { kind: '429' });
    await client.fetchPage('auditevents', 'v2', { limit: 1000 });
    const times = sim.requests.map((request) => request.at);
    expect(times.slice(1).map((at, index) => at - times[index]!)).toEqual([500, 1_000, 2_000]);
  });

  it("rides out the server's own limiter, with and without Retry-After", async () => {
    for (const retryAfter of [true, false]) {
      const clock = new SimulatedClock();
      sim = await EventsApiSimulator.start({
        clock,
        rateLimit: { perMinute: 4, perHour: 1000, window: 'sliding', retryAfter, scope: 'account' },
      });
      // The client believes the published limits, so the server's tighter ones draw 429s.
      const client = new EventsClient({
        serverUrl: sim.url,
        token: sim.issueToken(),
        clock,
        retry: { random: () => 0.99 },
      });
      sim.generate('signinattempts', 10);
      const pager = new FeedPager({
        client,
        feed: 'signinattempts',
        version: 'v2',
        start: { startTime: new Date(clock.now() - DAY) },
        clock,
        limit: 1,
      });
      const { events } = await drain(pager);
      expect(events).toEqual(sim.groundTruth('signinattempts'));
      expect(client.stats.signinattempts.rateLimited).toBeGreaterThan(0);
      await sim.close();
      sim = undefined;
    }
  });

  it('gives up after maxAttempts with kind transient, or rate-limited when the last answer was 429', async () => {
    const clock = new SimulatedClock();
    sim = await EventsApiSimulator.start({ clock });
    const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock });

    sim.injectFaults(...Array.from({ length: 8 }, (): Fault => ({ kind: '500' })));
    const transient = await exportErrorOf(client.fetchPage('itemusages', 'v2', { limit: 1000 }));
    expect(transient.kind).toBe('transient');
    expect(transient.message).toMatch(
      /^itemusages: gave up after 8 attempts over .+; last error: 500 Internal Server Error$/,
    );
    expect(sim.requests).toHaveLength(8);

    sim.clearRequests();
    sim.injectFaults(...Array.from({ length: 7 }, (): Fault => ({ kind: 'reset' })), { kind: '429' });
    const limited = await exportErrorOf(client.fetchPage('itemusages', 'v2', { limit: 1000 }));
    expect(limited.kind).toBe('rate-limited');
    expect(limited.status).toBe(429);
    expect(sim.requests).toHaveLength(8);

    // Nothing left queued: the next request goes through.
    await expect(client.fetchPage('itemusages', 'v2', { limit: 1000 })).resolves.toMatchObject({
      has_more: false,
    });
  });

  it('honours a configured maxAttempts and gives up early when a Retry-After would outlast maxElapsedMs', async () => {
    const clock = new SimulatedClock();
    sim = await EventsApiSimulator.start({ clock });
    const token = sim.issueToken();
    const short = new EventsClient({ serverUrl: sim.url, token, clock, retry: { maxAttempts: 3 } });
    sim.injectFaults({ kind: 'garbage' }, { kind: 'garbage' }, { kind: 'garbage' }, { kind: 'garbage' });
    expect((await exportErrorOf(short.fetchPage('auditevents', 'v2', {}))).kind).toBe('transient');
    expect(sim.requests).toHaveLength(3);

    sim = await restart(sim, clock);
    const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock });
    sim.injectFaults({ kind: '429', retryAfterSeconds: 400 });
    const started = clock.now();
    const error = await exportErrorOf(client.fetchPage('auditevents', 'v2', {}));
    expect(error.kind).toBe('rate-limited');
    expect(sim.requests).toHaveLength(1);
    expect(clock.now()).toBe(started); // it did not wait 400 s only to give up
  });

  it('does not count waiting for the rate budget as time spent retrying', async () => {
    const clock = new SimulatedClock();
    sim = await EventsApiSimulator.start({ clock });
    // A budget so tight that every retry waits 10 minutes for its slot, twice the default maxElapsedMs.
    const budget = new RateBudget({ clock, limits: [{ max: 1, windowMs: 600_000 }] });
    const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock, budget });
    sim.injectFaults({ kind: '500' }, { kind: 'reset' });
    const t0 = clock.now();
    await expect(client.fetchPage('itemusages', 'v2', { limit: 1000 })).resolves.toMatchObject({
      has_more: false,
    });
    expect(sim.requests.map((request) => request.at - t0)).toEqual([0, 600_000, 1_200_000]);
  });

  it('times out a request that hangs and retries it (real time)', async () => {
    sim = await EventsApiSimulator.start();
    const logger = new MemoryLogger();
    const client = new EventsClient({
      serverUrl: sim.url,
      token: sim.issueToken(),
      timeoutMs: 200,
      logger,
      retry: { baseDelayMs: 10 },
    });
    sim.injectFaults({ kind: 'slow', ms: 5_000 });
    const started = Date.now();
    const page = await client.fetchPage('signinattempts', 'v2', { limit: 1000 });
    expect(page.has_more).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(client.stats.signinattempts).toMatchObject({ requests: 2, networkErrors: 1, retries: 1 });
    expect(logger.lines[0]).toMatch(
      /^info: signinattempts: request timed out after 200 ms, retrying in \d+ ms \(attempt 2\/8\)$/,
    );
  });
});

async function restart(old: EventsApiSimulator, clock: Clock): Promise<EventsApiSimulator> {
  await old.close();
  return EventsApiSimulator.start({ clock });
}
