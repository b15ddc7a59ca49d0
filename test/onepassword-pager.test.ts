import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { EventsClient } from '../src/onepassword/client.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import { FeedPager } from '../src/onepassword/pager.ts';
import { RateBudget } from '../src/onepassword/rate-budget.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { DAY, drain } from './onepassword-support.ts';

let sim: EventsApiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup() {
  const clock = new SimulatedClock();
  sim = await EventsApiSimulator.start({ clock, seed: 7 });
  const budget = new RateBudget({ clock });
  const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock, budget });
  const startTime = new Date(clock.now() - 10 * DAY);
  return { sim, clock, client, startTime };
}

const uuids = (events: RawEvent[]) => events.map((event) => event.uuid);

describe('FeedPager against the simulator', () => {
  it('pages 10,500 events of every feed completely, in order, equal to the ground truth', async () => {
    const { sim, clock, client, startTime } = await setup();
    for (const feed of FEEDS) sim.generate(feed, 10_500);

    const pagers = FEEDS.map(
      (feed) => new FeedPager({ client, feed, version: 'v2', start: { startTime }, clock }),
    );
    const results = await Promise.all(pagers.map(drain));

    FEEDS.forEach((feed, index) => {
      const { events, pages } = results[index]!;
      const truth = sim.groundTruth(feed);
      expect(events).toHaveLength(10_500);
      expect(new Set(uuids(events)).size).toBe(10_500);
      expect(events).toEqual(truth);
      expect(pages.map((page) => page.events.length)).toEqual([...Array<number>(10).fill(1000), 500]);
      expect(pages.map((page) => page.hasMore)).toEqual([...Array<boolean>(10).fill(true), false]);
      const pager = pagers[index]!;
      expect(pager).toMatchObject({
        pagesFetched: 11,
        stoppedByDeadline: false,
      });
      expect(pager.committedCursor).toBe(pages.at(-1)!.cursor);
    });

    // The first request of each feed is a reset with the largest page; every later one a bare cursor.
    const data = sim.requests.filter((request) => request.feed !== undefined);
    expect(data).toHaveLength(33);
    for (const feed of FEEDS) {
      const [first, ...rest] = data.filter((request) => request.feed === feed);
      expect(first!.body).toEqual({ limit: 1000, start_time: startTime.toISOString() });
      for (const request of rest) expect(Object.keys(request.body as object)).toEqual(['cursor']);
    }
    expect(data.every((request) => request.status === 200)).toBe(true);
    expect(clock.now()).toBe(new SimulatedClock().now());
  });

  it('resumes from a committed cursor and returns exactly the events ingested since, late ones included', async () => {
    const { sim, clock, client, startTime } = await setup();
    const feed: Feed = 'itemusages';
    sim.generate(feed, 2_345);
    const first = new FeedPager({ client, feed, version: 'v2', start: { startTime }, clock });
    const firstRun = await drain(first);
    expect(firstRun.events).toEqual(sim.groundTruth(feed));

    clock.advance(3_600_000);
    const added = sim.generate(feed, 1_700, { from: new Date(clock.now() - 3_600_000), late: 0.25 });
    const lateOnes = added.filter(
      (event) => Date.parse(event.timestamp) < Date.parse(firstRun.events.at(-1)!.timestamp),
    );
    expect(lateOnes.length).toBeGreaterThan(100);

    const second = new FeedPager({
      client,
      feed,
      version: 'v2',
      start: { cursor: first.committedCursor! },
      clock,
    });
    const secondRun = await drain(second);
    expect(secondRun.events).toEqual(sim.groundTruth(feed).slice(2_345));
    expect(uuids(secondRun.events)).toEqual(uuids(added));
    expect(secondRun.pages.every((page) => page.dropped === 0)).toBe(true);

    // Caught up: the same cursor hands back nothing, and nothing is yielded for it.
    sim.clearRequests();
    const third = new FeedPager({
      client,
      feed,
      version: 'v2',
      start: { cursor: second.committedCursor! },
      clock,
    });
    const thirdRun = await drain(third);
    expect(thirdRun.pages).toEqual([]);
    expect(sim.requests).toHaveLength(1);
    expect(third.committedCursor).toBe(second.committedCursor);
  });

  it('drops events already delivered when an older cursor is sent again (crash before checkpoint)', async () => {
    const { sim, clock, client, startTime } = await setup();
    const feed: Feed = 'signinattempts';
    sim.generate(feed, 2_500);
    const { pages } = await drain(
      new FeedPager({ client, feed, version: 'v2', start: { startTime }, clock }),
    );
    // The run delivered all three pages but state only kept the cursor after page 1 and the newest uuids.
    const staleCursor = pages[0]!.cursor;
    const delivered = [...pages[1]!.events, ...pages[2]!.events];
    const added = sim.generate(feed, 300);

    const pager = new FeedPager({
      client,
      feed,
      version: 'v2',
      start: { cursor: staleCursor },
      knownUuids: uuids(delivered),
      clock,
    });
    const resumed = await drain(pager);
    expect(resumed.events).toEqual(sim.groundTruth(feed).slice(2_500));
    expect(uuids(resumed.events)).toEqual(uuids(added));
    expect(resumed.pages.reduce((sum, page) => sum + page.dropped, 0)).toBe(1_500);
  });

  it('stops at the deadline, commits only pages the consumer took, and the next run resumes without loss', async () => {
    const { sim, clock, client, startTime } = await setup();
    const feed: Feed = 'auditevents';
    sim.generate(feed, 5_200);
    const deadline = clock.now() + 30_000;
    const pager = new FeedPager({ client, feed, version: 'v2', start: { startTime }, clock, deadline });
    const taken: RawEvent[] = [];
    for await (const page of pager.pages()) {
      taken.push(...page.events);
      clock.advance(12_000); // writing a page takes simulated time: the deadline passes after page 3
    }
    expect(pager.stoppedByDeadline).toBe(true);
    expect(pager.pagesFetched).toBe(3);
    expect(taken).toHaveLength(3_000);

    const rest = new FeedPager({
      client,
      feed,
      version: 'v2',
      start: { cursor: pager.committedCursor! },
      clock,
    });
    const { events } = await drain(rest);
    expect([...taken, ...events]).toEqual(sim.groundTruth(feed));
    expect(rest.stoppedByDeadline).toBe(false);
  });

  it('does not commit a page the consumer abandoned', async () => {
    const { sim, clock, client, startTime } = await setup();
    sim.generate('itemusages', 3_000);
    const pager = new FeedPager({ client, feed: 'itemusages', version: 'v2', start: { startTime }, clock });
    const seen: string[] = [];
    for await (const page of pager.pages()) {
      seen.push(page.cursor);
      if (seen.length === 2) break; // e.g. the writer failed on page 2
    }
    expect(pager.committedCursor).toBe(seen[0]);
    expect(pager.pagesFetched).toBe(2);
  });

  it('issues no request when the deadline has already passed', async () => {
    const { sim, clock, client, startTime } = await setup();
    sim.generate('signinattempts', 10);
    const pager = new FeedPager({
      client,
      feed: 'signinattempts',
      version: 'v2',
      start: { startTime },
      clock,
      deadline: clock.now(),
    });
    expect((await drain(pager)).pages).toEqual([]);
    expect(pager.stoppedByDeadline).toBe(true);
    expect(pager.committedCursor).toBeUndefined();
    expect(sim.requests).toHaveLength(0);
  });

  it('pages the v1 endpoints the same way, serving the v1 shape', async () => {
    const { sim, clock, client, startTime } = await setup();
    sim.generate('auditevents', 1_234);
    const pager = new FeedPager({ client, feed: 'auditevents', version: 'v1', start: { startTime }, clock });
    const { events } = await drain(pager);
    expect(events).toEqual(sim.groundTruth('auditevents', { version: 'v1' }));
    expect(sim.requests.every((request) => request.path === '/api/v1/auditevents')).toBe(true);
  });

  it('refuses a page limit the API would reject', async () => {
    const { clock, client, startTime } = await setup();
    const options = {
      client,
      feed: 'auditevents' as const,
      version: 'v2' as const,
      start: { startTime },
      clock,
    };
    expect(() => new FeedPager({ ...options, limit: 1001 })).toThrow(RangeError);
    expect(() => new FeedPager({ ...options, limit: 0 })).toThrow(RangeError);
  });
});
