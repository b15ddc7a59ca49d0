/**
 * Failures no retry fixes (refused connection on the first request, unknown host, TLS or protocol
 * mismatch) get one more attempt, not minutes of backoff, and the message names the host and the
 * setting that chose it. Real sockets on 127.0.0.1; a simulated clock, so the backoff itself is free
 * and the attempts are what is counted.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { ExportError } from '../src/errors.ts';
import { MemoryLogger } from '../src/logger.ts';
import { EventsClient } from '../src/onepassword/client.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { rejectionOf } from './onepassword-support.ts';

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

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJhdWQiOlsiZXZlbnRzIl19.c2lnbmF0dXJl';

describe('fail fast on what retries cannot fix', () => {
  it('a refused connection on the first request: 2 attempts, names host and the action input', async () => {
    const port = await closedPort();
    const client = new EventsClient({
      serverUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      clock: new SimulatedClock(),
    });
    const error = await exportErrorOf(client.introspect());
    expect(error.kind).toBe('unreachable');
    expect(client.stats.introspect.requests).toBe(2);
    expect(error.message.replace(/over [^)]+\)/, 'over T)')).toBe(
      `introspect: cannot reach the Events API at 127.0.0.1:${port}: connection refused (ECONNREFUSED) (2 attempts over T); check server-url (https://events.1password.com, .ca, .eu or events.ent.1password.com)`,
    );
  });

  it('uses the wording it is given (the CLI flag) and says when the server came from the token', async () => {
    const port = await closedPort();
    const client = new EventsClient({
      serverUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      clock: new SimulatedClock(),
      serverSetting: '--server-url',
      serverSource: 'token',
    });
    const error = await exportErrorOf(client.introspect());
    expect(error.message).toContain(
      "the server was taken from the token; set --server-url to your account's Events API URL",
    );
    const fallback = new EventsClient({
      serverUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      clock: new SimulatedClock(),
      serverSetting: '--server-url',
      serverSource: 'default',
    });
    expect((await exportErrorOf(fallback.introspect())).message).toContain(
      'no server was given, so the US server was used; set --server-url',
    );
  });

  it('an unknown host: 2 attempts, kind unreachable, names the host', async () => {
    const client = new EventsClient({
      serverUrl: 'https://events.1password.invalid',
      token: TOKEN,
      clock: new SimulatedClock(),
    });
    const error = await exportErrorOf(client.introspect());
    expect(error.kind).toBe('unreachable');
    expect(client.stats.introspect.requests).toBe(2);
    expect(error.message).toMatch(
      /^introspect: cannot reach the Events API at events\.1password\.invalid: unknown host \(ENOTFOUND\)/,
    );
  });

  it('https to the plain-http simulator (TLS mismatch): 2 attempts, a TLS error naming the host', async () => {
    sim = await EventsApiSimulator.start();
    const httpsUrl = sim.url.replace('http://', 'https://');
    const client = new EventsClient({
      serverUrl: httpsUrl,
      token: sim.issueToken(),
      clock: new SimulatedClock(),
    });
    const error = await exportErrorOf(client.fetchPage('auditevents', 'v2', { limit: 1000 }));
    expect(error.kind).toBe('unreachable');
    expect(client.stats.auditevents.requests).toBe(2);
    expect(error.message).toMatch(
      /^auditevents: cannot reach the Events API at 127\.0\.0\.1:\d+: TLS failed \(/,
    );
    expect(error.message).toContain('is it an http:// server given as https://');
    expect(sim.requests).toHaveLength(0);
  });

  it('a server that does not speak HTTP (a TLS server asked in plain http): 2 attempts, protocol error', async () => {
    sim = await EventsApiSimulator.start();
    sim.injectFaults({ kind: 'not-http' }, { kind: 'not-http' });
    const client = new EventsClient({
      serverUrl: sim.url,
      token: sim.issueToken(),
      clock: new SimulatedClock(),
    });
    const error = await exportErrorOf(client.fetchPage('auditevents', 'v2', { limit: 1000 }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toMatch(/did not answer in HTTP \(HPE_[A-Z_]+\)/);
    expect(sim.requests).toHaveLength(2);
  });

  it('one blip is ridden out: a refused-style failure that heals on the second attempt succeeds', async () => {
    sim = await EventsApiSimulator.start();
    sim.injectFaults({ kind: 'not-http' });
    const client = new EventsClient({
      serverUrl: sim.url,
      token: sim.issueToken(),
      clock: new SimulatedClock(),
    });
    await expect(client.introspect()).resolves.toMatchObject({ uuid: sim.integrationUuid });
    expect(client.stats.introspect.requests).toBe(2);
  });

  it('a refused connection after the server answered once is transient: full backoff, not fail-fast', async () => {
    sim = await EventsApiSimulator.start();
    const logger = new MemoryLogger();
    const client = new EventsClient({
      serverUrl: sim.url,
      token: sim.issueToken(),
      clock: new SimulatedClock(),
      logger,
    });
    await client.introspect();
    await sim.close();
    sim = undefined;
    const error = await exportErrorOf(client.fetchPage('auditevents', 'v2', { limit: 1000 }));
    expect(error.kind).toBe('transient');
    expect(client.stats.auditevents.requests).toBe(8);
    expect(error.message).toContain('connection refused (ECONNREFUSED)');
  });
});
