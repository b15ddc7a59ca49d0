import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { ExportError } from '../src/errors.ts';
import { MemoryLogger } from '../src/logger.ts';
import { EventsClient } from '../src/onepassword/client.ts';
import { FeedPager } from '../src/onepassword/pager.ts';
import { EventsApiSimulator, type Fault } from './sim/events-api/index.ts';
import { DAY, drain, errorTexts, rejectionOf, tokenFragments } from './onepassword-support.ts';

let sim: EventsApiSimulator | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  for (const close of closers.splice(0)) await close();
});

async function setup() {
  const clock = new SimulatedClock();
  sim = await EventsApiSimulator.start({ clock });
  const token = sim.issueToken();
  const logger = new MemoryLogger();
  const client = new EventsClient({ serverUrl: sim.url, token, clock, logger });
  return { sim, clock, token, logger, client };
}

/** Fails the test if any fragment of the token shows in the error (whole chain) or a log line. */
function expectNoToken(token: string, error: unknown, logger: MemoryLogger): void {
  const texts = [...errorTexts(error), ...logger.lines];
  for (const fragment of tokenFragments(token)) {
    for (const text of texts) expect(text).not.toContain(fragment);
  }
}

async function failure(promise: Promise<unknown>): Promise<ExportError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ExportError);
  return error as ExportError;
}

describe('the token never leaks into errors or logs', () => {
  it('401 from introspection (revoked token)', async () => {
    const { sim, token, logger, client } = await setup();
    sim.revokeToken(token);
    const error = await failure(client.introspect());
    expect(error.kind).toBe('auth');
    expectNoToken(token, error, logger);
  });

  it('401 from a data endpoint, through the pager', async () => {
    const { sim, clock, token, logger, client } = await setup();
    sim.revokeToken(token);
    const pager = new FeedPager({
      client,
      feed: 'auditevents',
      version: 'v2',
      start: { startTime: new Date(clock.now() - DAY) },
      clock,
    });
    const error = await failure(drain(pager));
    expect(error.kind).toBe('auth');
    expectNoToken(token, error, logger);
  });

  it('400 for a forged cursor', async () => {
    const { token, logger, client } = await setup();
    const error = await failure(client.fetchPage('itemusages', 'v2', { cursor: 'Z'.repeat(60) }));
    expect(error.kind).toBe('bad-request');
    expectNoToken(token, error, logger);
  });

  it('429 until the retries run out', async () => {
    const { sim, token, logger, client } = await setup();
    sim.injectFaults(
      ...Array.from({ length: 8 }, (_, i): Fault =>
        i % 2 ? { kind: '429' } : { kind: '429', retryAfterSeconds: 2 },
      ),
    );
    const error = await failure(client.fetchPage('signinattempts', 'v2', { limit: 1000 }));
    expect(error.kind).toBe('rate-limited');
    expect(logger.lines).toHaveLength(7);
    expectNoToken(token, error, logger);
  });

  it('network failures, truncated and garbage bodies until the retries run out', async () => {
    const { sim, token, logger, client } = await setup();
    const kinds: Fault[] = [
      { kind: 'reset' },
      { kind: 'truncate' },
      { kind: 'garbage' },
      { kind: '500' },
      { kind: '502' },
      { kind: 'reset' },
      { kind: 'truncate' },
      { kind: 'reset' },
    ];
    sim.injectFaults(...kinds);
    const error = await failure(client.fetchPage('auditevents', 'v2', { limit: 1000 }));
    expect(error.kind).toBe('transient');
    expect(error.cause).toBeUndefined();
    expectNoToken(token, error, logger);
  });

  it('connection refused on the first request (fails fast, see onepassword-fail-fast.test.ts)', async () => {
    const { sim, token, logger, clock } = await setup();
    const url = sim.url;
    await sim.close();
    const client = new EventsClient({ serverUrl: url, token, clock, logger });
    const error = await failure(client.introspect());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain('connection refused');
    expectNoToken(token, error, logger);
  });

  it('an API error message that quotes the token is redacted', async () => {
    const token = 'eyJhbGciOiJFUzI1NiJ9.eyJhdWQiOlsiZXZlbnRzIl19.c2lnbmF0dXJlc2lnbmF0dXJl';
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 400, message: `token ${token} is not allowed here` })),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const logger = new MemoryLogger();
    const client = new EventsClient({
      serverUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token,
      logger,
    });
    const error = await failure(client.fetchPage('itemusages', 'v2', { limit: 1000 }));
    expect(error.message).toBe(
      'itemusages: the Events API rejected the request (400 Bad Request): token [token] is not allowed here',
    );
    expectNoToken(token, error, logger);
  });
});
