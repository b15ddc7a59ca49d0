import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { ExportError, InputError } from '../src/errors.ts';
import { EventsClient } from '../src/onepassword/client.ts';
import { USER_AGENT } from '../src/version.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { rejectionOf } from './onepassword-support.ts';

let sim: EventsApiSimulator | undefined;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  for (const close of closers.splice(0)) await close();
});

async function startSim(options: Parameters<typeof EventsApiSimulator.start>[0] = {}) {
  const clock = new SimulatedClock();
  sim = await EventsApiSimulator.start({ clock, ...options });
  return { sim, clock };
}

async function exportErrorOf(promise: Promise<unknown>): Promise<ExportError> {
  const error = await rejectionOf(promise);
  if (!(error instanceof ExportError)) throw error;
  return error;
}

describe('EventsClient.introspect', () => {
  it('normalises the v2 introspection body', async () => {
    const { sim, clock } = await startSim();
    const token = sim.issueToken({ features: ['signinattempts', 'auditevents'] });
    const client = new EventsClient({ serverUrl: sim.url, token, clock });
    expect(await client.introspect()).toEqual({
      uuid: sim.integrationUuid,
      issuedAt: new Date(clock.now()).toISOString().replace('.000Z', 'Z'),
      features: ['signinattempts', 'auditevents'],
      accountUuid: sim.defaultAccount,
    });
    expect(sim.requests.map((request) => [request.method, request.path, request.status])).toEqual([
      ['GET', '/api/v2/auth/introspect', 200],
    ]);
    expect(client.stats.introspect).toEqual({
      requests: 1,
      retries: 0,
      rateLimited: 0,
      serverErrors: 0,
      networkErrors: 0,
      invalidBodies: 0,
    });
  });

  it('fails with kind auth after exactly one request when the token is revoked', async () => {
    const { sim, clock } = await startSim();
    const token = sim.issueToken();
    sim.revokeToken(token);
    const client = new EventsClient({ serverUrl: sim.url, token, clock });
    const error = await exportErrorOf(client.introspect());
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toBe(`the Events API refused the token (401 Unauthorized) at ${sim.url}`);
    expect(sim.requests).toHaveLength(1);
  });
});

describe('EventsClient.fetchPage', () => {
  it('fails with kind auth, unretried, for a feed the token does not grant', async () => {
    const { sim, clock } = await startSim();
    const token = sim.issueToken({ features: ['auditevents'] });
    const client = new EventsClient({ serverUrl: sim.url, token, clock });
    const error = await exportErrorOf(client.fetchPage('itemusages', 'v2', { limit: 1000 }));
    expect(error.kind).toBe('auth');
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]).toMatchObject({ status: 401, feed: 'itemusages' });
    expect(client.stats.itemusages).toMatchObject({ requests: 1, retries: 0 });
  });

  it.each(['Error', 'status-message'] as const)(
    'fails with kind bad-request, unretried, for a forged cursor, quoting the API message (%s body)',
    async (errorShape) => {
      const { sim, clock } = await startSim({ errorShape });
      const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock });
      const forged = 'A'.repeat(64);
      const error = await exportErrorOf(client.fetchPage('signinattempts', 'v2', { cursor: forged }));
      expect(error.kind).toBe('bad-request');
      expect(error.status).toBe(400);
      expect(error.message).toBe(
        'signinattempts: the Events API rejected the request (400 Bad Request): Bad Request: invalid cursor',
      );
      expect(sim.requests).toHaveLength(1);
      expect(sim.requests[0]).toMatchObject({ status: 400, body: { cursor: forged } });
    },
  );

  it('refuses a cursor from another feed with bad-request', async () => {
    const { sim, clock } = await startSim();
    const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock });
    const { cursor } = await client.fetchPage('auditevents', 'v2', { limit: 1000 });
    const error = await exportErrorOf(client.fetchPage('itemusages', 'v2', { cursor }));
    expect(error.kind).toBe('bad-request');
    expect(sim.requests.map((request) => request.status)).toEqual([200, 400]);
  });

  it('returns the envelope as sent and counts requests per feed', async () => {
    const { sim, clock } = await startSim();
    const client = new EventsClient({ serverUrl: sim.url, token: sim.issueToken(), clock });
    sim.generate('auditevents', 5);
    const page = await client.fetchPage('auditevents', 'v2', {
      limit: 1000,
      start_time: new Date(clock.now() - 7 * 86_400_000).toISOString(),
    });
    expect(page.items).toEqual(sim.groundTruth('auditevents'));
    expect(page.has_more).toBe(false);
    expect(typeof page.cursor).toBe('string');
    expect(client.stats.auditevents.requests).toBe(1);
    expect(client.stats.signinattempts.requests).toBe(0);
  });
});

/** A bare HTTP server that records request headers and answers with a fixed response. */
async function captureServer(status: number, headers: Record<string, string>, body: string) {
  const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => res.writeHead(status, headers).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('EventsClient on the wire', () => {
  it('sends the bearer token, JSON content type and the product User-Agent', async () => {
    const server = await captureServer(
      200,
      { 'content-type': 'application/json' },
      '{"cursor":"c","has_more":false,"items":[]}',
    );
    const client = new EventsClient({ serverUrl: server.url, token: 'aaa.bbb.ccc' });
    await client.fetchPage('signinattempts', 'v2', { cursor: 'x' });
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/v2/signinattempts',
      headers: {
        authorization: 'Bearer aaa.bbb.ccc',
        'content-type': 'application/json',
        accept: 'application/json',
        'user-agent': USER_AGENT,
      },
    });
  });

  it('does not follow a redirect (it would carry the token elsewhere)', async () => {
    const target = await captureServer(200, {}, '{}');
    const server = await captureServer(302, { location: `${target.url}/api/v2/auth/introspect` }, '');
    const client = new EventsClient({ serverUrl: server.url, token: 'aaa.bbb.ccc' });
    const error = await exportErrorOf(client.introspect());
    expect(error.kind).toBe('bad-request');
    expect(error.status).toBe(302);
    expect(target.seen).toHaveLength(0);
  });

  it('reports a 404 as a bad server-url or api-version, without retrying', async () => {
    const server = await captureServer(404, {}, 'not here');
    const client = new EventsClient({ serverUrl: server.url, token: 'aaa.bbb.ccc' });
    const error = await exportErrorOf(client.fetchPage('itemusages', 'v1', { limit: 1000 }));
    expect(error.kind).toBe('bad-request');
    expect(error.message).toContain('/api/v1/itemusages not found (404)');
    expect(server.seen).toHaveLength(1);
  });

  it('refuses a token that cannot be sent in a header, without echoing it', () => {
    expect(() => new EventsClient({ serverUrl: 'http://127.0.0.1:1', token: 'abc\ndef' })).toThrow(
      InputError,
    );
    expect(() => new EventsClient({ serverUrl: 'http://127.0.0.1:1', token: ' ' })).toThrow(/missing/);
  });
});
