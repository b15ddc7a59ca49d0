/**
 * A feed cannot loop (a cursor that does not move is stopped after a few pages) and max-duration is a
 * hard bound: no wait for the rate budget, a Retry-After or a backoff runs past it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { ExportError } from '../src/errors.ts';
import { EventsClient } from '../src/onepassword/client.ts';
import { FeedPager, MAX_EMPTY_PAGES, MAX_STALLED_PAGES } from '../src/onepassword/pager.ts';
import { RateBudget } from '../src/onepassword/rate-budget.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { DAY, drain, rejectionOf } from './onepassword-support.ts';

let sim: EventsApiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup(options: { budget?: RateBudget; clock?: SimulatedClock } = {}) {
  const clock = options.clock ?? new SimulatedClock();
  sim = await EventsApiSimulator.start({ clock });
  const client = new EventsClient({
    serverUrl: sim.url,
    token: sim.issueToken(),
    clock,
    ...(options.budget ? { budget: options.budget } : {}),
  });
  return { sim, clock, client };
}

const feedRequests = (s: EventsApiSimulator, feed: string) =>
  s.requests.filter((r) => r.feed === feed).length;

describe('a feed whose cursor does not move', () => {
  it('is stopped after a bounded number of pages, backing off between them', async () => {
    const { sim, clock, client } = await setup();
    sim.generate('signinattempts', 50);
    sim.stickFeed('signinattempts');
    const started = clock.now();
    const pager = new FeedPager({
      client,
      feed: 'signinattempts',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
    });
    const error = await rejectionOf(drain(pager));
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).kind).toBe('stuck-feed');
    expect(error.message).toBe(
      `signinattempts: the Events API answered has_more: true ${MAX_STALLED_PAGES} times in a row without moving the cursor or sending a new event; the feed was stopped so it cannot loop`,
    );
    // The reset, then MAX_STALLED_PAGES answers with the same cursor; 1 + 2 + 4 + 8 s of backoff.
    expect(feedRequests(sim, 'signinattempts')).toBe(1 + MAX_STALLED_PAGES);
    expect(clock.now() - started).toBeGreaterThanOrEqual(15_000);
    expect(clock.now() - started).toBeLessThan(20_000);
    // The position did not move: the next run starts from the same cursor and gets everything.
    const cursor = pager.committedCursor!;
    sim.stickFeed('signinattempts', false);
    const next = new FeedPager({ client, feed: 'signinattempts', version: 'v2', start: { cursor }, clock });
    expect((await drain(next)).events).toHaveLength(50);
  });

  it('is stopped when the cursor cycles between values with no events', async () => {
    const { sim, clock, client } = await setup();
    sim.generate('auditevents', 10);
    const first = await client.fetchPage('auditevents', 'v2', {
      limit: 5,
      start_time: new Date(clock.now() - DAY).toISOString(),
    });
    const second = await client.fetchPage('auditevents', 'v2', { cursor: first.cursor });
    // A server that bounces between two cursors, never sending an event: A -> B -> A -> B ...
    const bounce = (cursor: string) => `{"cursor":${JSON.stringify(cursor)},"has_more":true,"items":[]}`;
    const faults = [];
    for (let i = 0; i < 10; i++)
      faults.push({ kind: 'raw-page' as const, body: bounce(i % 2 === 0 ? second.cursor : first.cursor) });
    sim.injectFaults(...faults);
    sim.clearRequests();
    const pager = new FeedPager({
      client,
      feed: 'auditevents',
      version: 'v2',
      start: { cursor: first.cursor },
      clock,
    });
    const error = await rejectionOf(drain(pager));
    expect((error as ExportError).kind).toBe('stuck-feed');
    expect(sim.requests.length).toBeLessThanOrEqual(MAX_STALLED_PAGES + 1);
  });

  it('is stopped after MAX_EMPTY_PAGES empty pages even when every page brings a fresh cursor', async () => {
    const { sim, clock, client } = await setup();
    const faults = [];
    for (let i = 0; i < MAX_EMPTY_PAGES + 5; i++) {
      faults.push({
        kind: 'raw-page' as const,
        body: `{"cursor":"fresh-${i}","has_more":true,"items":null}`,
      });
    }
    sim.injectFaults(...faults);
    const pager = new FeedPager({
      client,
      feed: 'itemusages',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
    });
    const error = await rejectionOf(drain(pager));
    expect((error as ExportError).kind).toBe('stuck-feed');
    expect(error.message).toContain(`with no new event ${MAX_EMPTY_PAGES} times in a row`);
    expect(sim.requests).toHaveLength(MAX_EMPTY_PAGES);
  });

  it('with max-duration, stops at the deadline instead of backing off past it', async () => {
    const { sim, clock, client } = await setup();
    sim.stickFeed('itemusages');
    const deadline = clock.now() + 5_000;
    const pager = new FeedPager({
      client,
      feed: 'itemusages',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
      deadline,
    });
    await drain(pager);
    expect(pager.stoppedByDeadline).toBe(true);
    expect(pager.deadlineReason).toContain('would run past max-duration');
    expect(clock.now()).toBeLessThanOrEqual(deadline);
  });
});

describe('max-duration is a hard bound', () => {
  it('a Retry-After longer than what is left stops the feed at once, not after the wait', async () => {
    const { sim, clock, client } = await setup();
    sim.generate('auditevents', 20);
    sim.injectFaults({ kind: '429', retryAfterSeconds: 600 });
    const deadline = clock.now() + 10_000;
    const pager = new FeedPager({
      client,
      feed: 'auditevents',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
      deadline,
    });
    const { events } = await drain(pager);
    expect(events).toHaveLength(0);
    expect(pager.stoppedByDeadline).toBe(true);
    expect(pager.deadlineReason).toContain(
      '429 Too Many Requests; the retry in 10m 00s would run past max-duration',
    );
    expect(clock.now()).toBeLessThanOrEqual(deadline);
    expect(sim.requests).toHaveLength(1);
  });

  it('a rate budget with no slot before the deadline stops the feed instead of waiting', async () => {
    const clock = new SimulatedClock();
    const budget = new RateBudget({ clock, limits: [{ max: 2, windowMs: 60_000 }] });
    const { sim, client } = await setup({ budget, clock });
    sim.generate('itemusages', 50);
    const deadline = clock.now() + 30_000;
    const pager = new FeedPager({
      client,
      feed: 'itemusages',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
      deadline,
      limit: 10,
    });
    const { events } = await drain(pager);
    expect(events).toHaveLength(20);
    expect(pager.stoppedByDeadline).toBe(true);
    expect(pager.deadlineReason).toMatch(/rate limit leaves no request before max-duration ends/);
    expect(clock.now()).toBeLessThanOrEqual(deadline);
    // Resuming later from the committed cursor loses nothing.
    clock.advance(60_000);
    const more = await drain(
      new FeedPager({
        client: new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock }),
        feed: 'itemusages',
        version: 'v2',
        start: { cursor: pager.committedCursor! },
        clock,
      }),
    );
    expect([...events, ...more.events].map((e) => e.uuid)).toEqual(
      sim.groundTruth('itemusages').map((e) => e.uuid),
    );
  });
});
