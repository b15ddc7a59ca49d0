/**
 * Responses no retry can fix: bodies past the size bound (plain or a gzip bomb), a page with more
 * items than asked for, and the harmless `items: null`. Each against the simulator over real HTTP.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { ExportError } from '../src/errors.ts';
import { MemoryLogger } from '../src/logger.ts';
import { EventsClient, MAX_BODY_BYTES } from '../src/onepassword/client.ts';
import { FeedPager } from '../src/onepassword/pager.ts';
import { RunWriter } from '../src/output/run-writer.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { gzipBomb } from './sim/events-api/faults.ts';
import { DAY, drain, rejectionOf } from './onepassword-support.ts';

let sim: EventsApiSimulator | undefined;
let outDir: string | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  if (outDir) await rm(outDir, { recursive: true, force: true });
  outDir = undefined;
});

async function setup(options: { emptyItems?: '[]' | 'null' } = {}) {
  const clock = new SimulatedClock();
  sim = await EventsApiSimulator.start({ clock, ...options });
  const logger = new MemoryLogger();
  const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock, logger });
  return { sim, clock, client, logger };
}

async function exportErrorOf(promise: Promise<unknown>): Promise<ExportError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof ExportError)) throw error;
  return error;
}

describe('bounded responses', () => {
  it('cuts off a gzip bomb (0.5 MB inflating to 300 MB) at the bound, names feed and size, does not retry', async () => {
    const { sim, client } = await setup();
    expect(gzipBomb(300 * 1024 * 1024).length).toBeLessThan(1024 * 1024);
    sim.injectFaults({ kind: 'gzip-bomb', bytes: 300 * 1024 * 1024 });
    const error = await exportErrorOf(client.fetchPage('auditevents', 'v2', { limit: 1000 }));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(/^auditevents: /);
    expect(error.message).toContain('larger than 16.0 MiB once decompressed');
    expect(error.message).toContain('not retried');
    expect(sim.requests).toHaveLength(1);
    expect(client.stats.auditevents.requests).toBe(1);
  });

  it('cuts off a plain body past the bound while it streams and says what the server announced', async () => {
    const { sim, client } = await setup();
    sim.injectFaults({ kind: 'oversized', bytes: 40 * 1024 * 1024 });
    const error = await exportErrorOf(client.fetchPage('signinattempts', 'v2', { limit: 1000 }));
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(
      /^signinattempts: .*larger than 16\.0 MiB.*the server announced 4\d\.\d MiB/,
    );
    expect(sim.requests).toHaveLength(1);
  });

  it('accepts a body just under a smaller bound and refuses one over it', async () => {
    const { sim, clock } = await setup();
    sim.generate('itemusages', 50);
    const token = sim.issueToken();
    const roomy = new EventsClient({ serverUrl: sim.url, token, clock, maxBodyBytes: 1024 * 1024 });
    const request = { limit: 1000, start_time: new Date(clock.now() - DAY).toISOString() };
    expect((await roomy.fetchPage('itemusages', 'v2', request)).items).toHaveLength(50);
    const tight = new EventsClient({ serverUrl: sim.url, token, clock, maxBodyBytes: 4 * 1024 });
    expect((await exportErrorOf(tight.fetchPage('itemusages', 'v2', request))).kind).toBe('bad-response');
    expect(MAX_BODY_BYTES).toBe(16 * 1024 * 1024);
  });

  it('refuses a page with more items than the requested limit', async () => {
    const { sim, client, clock } = await setup();
    sim.injectFaults({ kind: 'extra-items', count: 1001 });
    const pager = new FeedPager({
      client,
      feed: 'itemusages',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
    });
    const error = await rejectionOf(drain(pager));
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).kind).toBe('bad-response');
    expect(error.message).toBe(
      'itemusages: the Events API sent a page of 1001 events, more than the 1000 asked for; refused',
    );
    expect(pager.committedCursor).toBeUndefined();

    sim.injectFaults({ kind: 'extra-items', count: 11 });
    const small = new FeedPager({
      client,
      feed: 'itemusages',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
      limit: 10,
    });
    expect((await rejectionOf(drain(small))).message).toContain(
      'page of 11 events, more than the 10 asked for',
    );
  });
});

describe('envelope tolerance', () => {
  it('reads items: null (a Go nil slice) as an empty page, with no retry', async () => {
    const { sim, client, clock } = await setup({ emptyItems: 'null' });
    const response = await client.fetchPage('auditevents', 'v2', { limit: 1000 });
    expect(response).toMatchObject({ has_more: false, items: [] });
    expect(client.stats.auditevents.requests).toBe(1);
    expect(client.stats.auditevents.invalidBodies).toBe(0);

    // A feed that catches up through null pages resumes later without trouble.
    const first = new FeedPager({
      client,
      feed: 'auditevents',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
    });
    expect((await drain(first)).events).toHaveLength(0);
    sim.generate('auditevents', 30);
    const next = new FeedPager({
      client,
      feed: 'auditevents',
      version: 'v2',
      start: { cursor: first.committedCursor! },
      clock,
    });
    expect((await drain(next)).events.map((e) => e.uuid)).toEqual(
      sim.groundTruth('auditevents').map((e) => e.uuid),
    );
  });
});

describe('NDJSON keeps the bytes the API sent', () => {
  it('writes each item of a spaced, \\u003c-escaped body verbatim, one per line', async () => {
    const { sim, client, clock } = await setup();
    const items = [
      '{ "uuid": "A1", "timestamp": "2026-10-31T10:00:00.12345678Z", "aux_info": "\\u003cb\\u003e \\u0026 \\u003e", "actor_details": { "name": "Zoë" } }',
      '{"uuid":"B2","timestamp":"2026-10-31T11:00:00Z","location":{"country":"Canada","latitude":43.6532,"longitude":-79.3832},"big":1.0e2}',
    ];
    const body = `{\n  "cursor": "c1",\n  "has_more": false,\n  "items": [\n    ${items[0]},\n    ${items[1]}\n  ]\n}\n`;
    sim.injectFaults({ kind: 'raw-page', body });
    const pager = new FeedPager({
      client,
      feed: 'auditevents',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
    });
    const { events } = await drain(pager);
    outDir = await mkdtemp(path.join(tmpdir(), 'ndjson-raw-'));
    const writer = new RunWriter({ outDir, runId: '1', runAttempt: '1', formats: ['ndjson'] });
    await writer.write('auditevents', events);
    const files = await writer.close();
    const text = files
      .map((file) => gunzipSync(readFileSync(path.join(outDir!, file.path))).toString('utf8'))
      .join('');
    expect(text).toBe(`${items[0]}\n${items[1]}\n`);
  });
});
