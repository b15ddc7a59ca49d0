/**
 * The per-feed loop of one run (src/export.ts) against the simulator: a stuck feed does not stop the
 * others, a refused saved cursor restarts from the newest exported event without duplicates, a
 * changed api-version continues the same way, and failure lines say only what is true per feed.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { exportToFiles, feedFailureLine, nextStateDocument, type ExportedFiles } from '../src/export.ts';
import { MemoryLogger } from '../src/logger.ts';
import type { ApiVersion, Feed } from '../src/onepassword/feeds.ts';
import { EventsClient } from '../src/onepassword/client.ts';
import { MAX_STALLED_PAGES } from '../src/onepassword/pager.ts';
import type { StateDocument } from '../src/state/document.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { DAY } from './onepassword-support.ts';

let sim: EventsApiSimulator | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

interface Harness {
  sim: EventsApiSimulator;
  clock: SimulatedClock;
  token: string;
  logger: MemoryLogger;
  run: (options: {
    feeds: Feed[];
    previous?: StateDocument;
    apiVersion?: ApiVersion;
    runId: string;
  }) => Promise<{
    result: ExportedFiles;
    state: StateDocument;
    uuids: Map<Feed, string[]>;
  }>;
}

async function harness(): Promise<Harness> {
  const clock = new SimulatedClock();
  sim = await EventsApiSimulator.start({ clock, seed: 5 });
  const token = sim.issueToken();
  const logger = new MemoryLogger();
  const started = clock.now();
  const server = sim.url;
  return {
    sim,
    clock,
    token,
    logger,
    run: async ({ feeds, previous, apiVersion = 'v2', runId }) => {
      const outDir = await mkdtemp(path.join(tmpdir(), 'export-feeds-'));
      dirs.push(outDir);
      const client = new EventsClient({ serverUrl: server, token, clock, logger });
      const result = await exportToFiles({
        client,
        clock,
        logger,
        feeds,
        apiVersion,
        startTime: new Date(started - 2 * DAY),
        ...(previous ? { previous } : {}),
        outDir,
        runId,
        runAttempt: '1',
        formats: ['ndjson'],
        server,
        account: 'acct',
        startedAt: new Date(clock.now()),
      });
      const state = nextStateDocument(previous, result.outcomes, {
        account: 'acct',
        server,
        runLabel: `${runId}-1`,
        apiVersion,
        now: new Date(clock.now()),
      });
      const uuids = new Map<Feed, string[]>();
      for (const file of result.written) {
        const feed = file.feed;
        const text = gunzipSync(readFileSync(path.join(outDir, file.path))).toString('utf8');
        const list = uuids.get(feed) ?? [];
        for (const line of text.split('\n').filter(Boolean))
          list.push((JSON.parse(line) as { uuid: string }).uuid);
        uuids.set(feed, list);
      }
      return { result, state, uuids };
    },
  };
}

describe('a stuck feed', () => {
  it('is stopped with stuck-feed while the other feeds are delivered and keep their state; the next run retries it', async () => {
    const h = await harness();
    h.sim.generate('signinattempts', 1500);
    h.sim.generate('auditevents', 2500);
    h.sim.stickFeed('signinattempts');
    const first = await h.run({ feeds: ['signinattempts', 'auditevents'], runId: '1' });
    const [signin, audit] = first.result.outcomes;
    expect(signin!.error?.kind).toBe('stuck-feed');
    expect(h.sim.requests.filter((r) => r.feed === 'signinattempts')).toHaveLength(1 + MAX_STALLED_PAGES);
    expect(audit!.error).toBeUndefined();
    expect(first.uuids.get('auditevents')).toEqual(h.sim.groundTruth('auditevents').map((e) => e.uuid));
    expect(first.state.feeds.auditevents?.cursor).toBe(audit!.cursorAfter);
    expect(feedFailureLine(signin!)).toBe(
      `signinattempts: the Events API answered has_more: true ${MAX_STALLED_PAGES} times in a row without moving the cursor or sending a new event; the feed was stopped so it cannot loop. No new events were written for it; its saved position stays, and the next run tries again.`,
    );
    expect(feedFailureLine(audit!)).toBeUndefined();

    h.sim.stickFeed('signinattempts', false);
    const second = await h.run({
      feeds: ['signinattempts', 'auditevents'],
      previous: first.state,
      runId: '2',
    });
    expect(second.result.outcomes.every((o) => o.error === undefined)).toBe(true);
    expect(second.uuids.get('signinattempts')).toEqual(
      h.sim.groundTruth('signinattempts').map((e) => e.uuid),
    );
    expect(second.uuids.get('auditevents')).toBeUndefined();
  });
});

describe('a refused saved cursor', () => {
  it('restarts from the newest exported event, without duplicates, and says so', async () => {
    const h = await harness();
    h.sim.generate('signinattempts', 2300);
    h.sim.generate('itemusages', 800);
    const first = await h.run({ feeds: ['signinattempts', 'itemusages'], runId: '1' });
    const newest = first.state.feeds.signinattempts!.newestEventTime!;
    expect(newest).toBeDefined();

    // A server-side change invalidates every cursor; new events arrive after the last export.
    h.clock.advance(3_600_000);
    h.sim.invalidateCursors();
    h.sim.generate('signinattempts', 1200, {
      from: new Date(h.clock.now() - 1_800_000),
      to: new Date(h.clock.now()),
    });
    const second = await h.run({
      feeds: ['signinattempts', 'itemusages'],
      previous: first.state,
      runId: '2',
    });
    const signin = second.result.outcomes[0]!;
    expect(signin.error).toBeUndefined();
    expect(signin.startedFrom).toBe('newest-event');
    expect(signin.restart).toEqual({
      reason: 'cursor-refused',
      from: new Date(newest).toISOString(),
      fromNewestEvent: true,
    });
    const all = h.sim.groundTruth('signinattempts').map((e) => e.uuid);
    expect(second.uuids.get('signinattempts')).toEqual(all.slice(2300));
    // The newest exported event is served again at the restart point and dropped by its uuid.
    expect(signin.dropped).toBeGreaterThanOrEqual(1);
    expect(
      h.logger.lines.some((l) =>
        l.includes(
          'signinattempts: the Events API refused the saved cursor (400); continuing from the newest exported event',
        ),
      ),
    ).toBe(true);
    // itemusages was refused too and had nothing new: restarted, nothing written twice.
    expect(second.result.outcomes[1]!.restart?.reason).toBe('cursor-refused');
    expect(second.uuids.get('itemusages')).toBeUndefined();

    // The run after continues from the new cursor as usual.
    h.sim.generate('signinattempts', 10, {
      from: new Date(h.clock.now() - 60_000),
      to: new Date(h.clock.now()),
    });
    const third = await h.run({ feeds: ['signinattempts'], previous: second.state, runId: '3' });
    expect(third.result.outcomes[0]!.startedFrom).toBe('cursor');
    expect(third.uuids.get('signinattempts')).toEqual(
      h.sim
        .groundTruth('signinattempts')
        .map((e) => e.uuid)
        .slice(3500),
    );
  });

  it('a 400 on a cursor this run was given is a failure, not a restart loop', async () => {
    const h = await harness();
    h.sim.generate('auditevents', 2500);
    const first = await h.run({ feeds: ['auditevents'], runId: '1' });
    h.sim.generate('auditevents', 2500);
    // Cursors die after the first page of the next run.
    const logger = h.logger;
    const outcomePromise = h.run({ feeds: ['auditevents'], previous: first.state, runId: '2' });
    // The first request of run 2 uses the saved cursor; invalidate once it has been answered.
    const wait = async () => {
      while (h.sim.requests.filter((r) => r.feed === 'auditevents').length < 4)
        await new Promise((r) => setImmediate(r));
      h.sim.invalidateCursors();
    };
    await wait();
    const second = await outcomePromise;
    const outcome = second.result.outcomes[0]!;
    expect(outcome.restart).toBeUndefined();
    expect(outcome.error?.kind).toBe('bad-request');
    expect(outcome.events).toBeGreaterThan(0);
    expect(feedFailureLine(outcome)).toMatch(
      /^auditevents: the Events API rejected the request \(400 Bad Request\): Bad Request: invalid cursor\. \d+ events before the error were written; once they are delivered, the next run continues after them\.$/,
    );
    expect(logger.lines.some((l) => /auditevents: auditevents:/.test(l))).toBe(false);
  });
});

describe('a changed api-version', () => {
  it('continues from the newest exported event time, not from start-time', async () => {
    const h = await harness();
    h.sim.generate('itemusages', 1800);
    const first = await h.run({ feeds: ['itemusages'], runId: '1' });
    h.clock.advance(3_600_000);
    h.sim.generate('itemusages', 300, {
      from: new Date(h.clock.now() - 1_800_000),
      to: new Date(h.clock.now()),
    });
    const second = await h.run({
      feeds: ['itemusages'],
      previous: first.state,
      apiVersion: 'v1',
      runId: '2',
    });
    const outcome = second.result.outcomes[0]!;
    expect(outcome.restart).toMatchObject({ reason: 'api-version', fromNewestEvent: true });
    expect(outcome.startedFrom).toBe('newest-event');
    expect(second.uuids.get('itemusages')).toEqual(
      h.sim
        .groundTruth('itemusages')
        .map((e) => e.uuid)
        .slice(1800),
    );
    expect(second.state.feeds.itemusages?.apiVersion).toBe('v1');
  });
});
