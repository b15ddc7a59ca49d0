/**
 * The Events API simulator speaks the protocol of the reference: introspection, authentication,
 * request validation, cursor paging, late arrivals, cursor integrity, v1 shapes and retention.
 * Everything goes through real HTTP with plain fetch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import type { ApiVersion, Feed } from '../src/onepassword/feeds.ts';
import type { PageResponse, RawEvent } from '../src/onepassword/types.ts';
import { EventsApiSimulator, type EventsApiSimOptions } from './sim/events-api/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let sim: EventsApiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: EventsApiSimOptions = {}) {
  const clock = new SimulatedClock();
  sim = await EventsApiSimulator.start({ clock, ...options });
  return { sim, clock };
}

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

async function call(
  simulator: EventsApiSimulator,
  path: string,
  init: { token?: string; method?: string; body?: unknown; rawBody?: string; contentType?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] = init.contentType ?? 'application/json';
  const response = await fetch(simulator.url + path, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

async function page(
  simulator: EventsApiSimulator,
  token: string,
  feed: Feed,
  body: unknown,
  version: ApiVersion = 'v2',
): Promise<PageResponse> {
  const answer = await call(simulator, `/api/${version}/${feed}`, { token, body });
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  return answer.json as PageResponse;
}

/** Follows the cursor while has_more; returns every page. */
async function pageThrough(
  simulator: EventsApiSimulator,
  token: string,
  feed: Feed,
  reset: object,
  version: ApiVersion = 'v2',
): Promise<PageResponse[]> {
  const pages = [await page(simulator, token, feed, reset, version)];
  while (pages.at(-1)!.has_more) {
    pages.push(await page(simulator, token, feed, { cursor: pages.at(-1)!.cursor }, version));
  }
  return pages;
}

function event(uuid: string, timestamp: string): RawEvent {
  return { uuid, timestamp, action: 'fill' };
}

const LONG_AGO = '2020-01-01T00:00:00Z';

describe('introspection', () => {
  it('answers v2 in snake_case with the integration, features and account', async () => {
    const { sim, clock } = await start();
    const token = sim.issueToken({ features: ['itemusages', 'auditevents'] });
    const answer = await call(sim, '/api/v2/auth/introspect', { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(answer.json).toEqual({
      uuid: sim.integrationUuid,
      issued_at: new Date(clock.now()).toISOString().replace('.000Z', 'Z'),
      features: ['itemusages', 'auditevents'],
      account_uuid: sim.defaultAccount,
    });
  });

  it('answers the deprecated v1 path in PascalCase without the account', async () => {
    const { sim } = await start();
    const token = sim.issueToken({
      issuedAt: new Date('2026-09-01T12:00:00Z'),
      integrationUuid: 'INTEGRATION',
    });
    const answer = await call(sim, '/api/auth/introspect', { token });
    expect(answer.json).toEqual({
      UUID: 'INTEGRATION',
      IssuedAt: '2026-09-01T12:00:00Z',
      Features: ['signinattempts', 'itemusages', 'auditevents'],
    });
  });

  it('issues JWT-shaped tokens whose claims a client can read', async () => {
    const { sim } = await start();
    const token = sim.issueToken({ audHost: 'events.1password.eu', features: ['signinattempts'] });
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toMatchObject({
      alg: 'ES256',
      typ: 'JWT',
    });
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(claims.aud).toEqual(['events.1password.eu']);
    expect(claims['1password.com/fts']).toEqual(['signinattempts']);
    expect(claims['1password.com/auuid']).toBe(sim.defaultAccount);
    expect(Buffer.from(signature!, 'base64url')).toHaveLength(64);
  });
});

describe('authentication', () => {
  const UNAUTHORIZED = { Error: { Message: 'Unauthorized' } };

  it('refuses missing, malformed, unknown, revoked and expired tokens with 401', async () => {
    const { sim, clock } = await start();
    const other = await EventsApiSimulator.start();
    const foreign = other.issueToken();
    await other.close();
    const revoked = sim.issueToken();
    sim.revokeToken(revoked);
    const expiring = sim.issueToken({ expiresAt: new Date(clock.now() + 30 * DAY) });
    expect((await call(sim, '/api/v2/auth/introspect', { token: expiring })).status).toBe(200);
    clock.advance(30 * DAY);

    for (const token of [undefined, 'not-a-jwt', foreign, revoked, expiring]) {
      for (const path of ['/api/v2/auth/introspect', '/api/v2/signinattempts']) {
        const answer = await call(sim, path, {
          ...(token ? { token } : {}),
          ...(path.includes('auth') ? {} : { body: {} }),
        });
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual(UNAUTHORIZED);
      }
    }
  });

  it('refuses a feed the token does not carry with 401, and serves the others', async () => {
    const { sim } = await start();
    const token = sim.issueToken({ features: ['signinattempts'] });
    expect((await call(sim, '/api/v2/signinattempts', { token, body: {} })).status).toBe(200);
    for (const feed of ['itemusages', 'auditevents']) {
      for (const version of ['v1', 'v2']) {
        const answer = await call(sim, `/api/${version}/${feed}`, { token, body: {} });
        expect(answer.status).toBe(401);
        expect(answer.json).toEqual(UNAUTHORIZED);
      }
    }
  });

  it('uses the spec 1.4.1 error shape when asked', async () => {
    const { sim } = await start({ errorShape: 'status-message' });
    const answer = await call(sim, '/api/v2/auth/introspect', { token: 'x.y.z' });
    expect(answer.json).toEqual({ status: 401, message: 'Unauthorized' });
  });

  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    const { sim } = await start();
    const token = sim.issueToken();
    expect((await call(sim, '/api/v3/signinattempts', { token, body: {} })).status).toBe(404);
    expect((await call(sim, '/api/v2/signinattempt', { token, body: {} })).status).toBe(404);
    const get = await call(sim, '/api/v2/itemusages', { token });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await call(sim, '/api/v2/auth/introspect', { token, body: {} })).status).toBe(405);
  });
});

describe('request validation', () => {
  it.each([
    ['limit 0', { limit: 0 }],
    ['limit 1001', { limit: 1001 }],
    ['limit "x"', { limit: 'x' }],
    ['limit "100" (a string)', { limit: '100' }],
    ['limit 1.5', { limit: 1.5 }],
    ['unparseable start_time', { start_time: 'yesterday' }],
    ['start_time without offset', { start_time: '2026-10-01T00:00:00' }],
    ['impossible date', { start_time: '2026-02-30T00:00:00Z' }],
    ['unparseable end_time', { end_time: 1700000000 }],
    ['start after end', { start_time: '2026-10-02T00:00:00Z', end_time: '2026-10-01T00:00:00Z' }],
    ['cursor mixed with limit', { cursor: 'abc', limit: 10 }],
    ['cursor mixed with start_time', { cursor: 'abc', start_time: LONG_AGO }],
    ['an array', [1, 2]],
  ])('refuses %s with 400 and the error body', async (_name, body) => {
    const { sim } = await start();
    const answer = await call(sim, '/api/v2/itemusages', { token: sim.issueToken(), body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ Error: { Message: expect.stringMatching(/^Bad Request: /) } });
  });

  it('refuses a non-JSON body and a wrong Content-Type with 400', async () => {
    const { sim } = await start();
    const token = sim.issueToken();
    const notJson = await call(sim, '/api/v2/itemusages', { token, rawBody: '{limit: 10' });
    expect(notJson.status).toBe(400);
    const empty = await call(sim, '/api/v2/itemusages', { token, rawBody: '' });
    expect(empty.status).toBe(400);
    const wrongType = await call(sim, '/api/v2/itemusages', { token, body: {}, contentType: 'text/plain' });
    expect(wrongType.status).toBe(400);
    const withCharset = await call(sim, '/api/v2/itemusages', {
      token,
      body: {},
      contentType: 'application/json; charset=utf-8',
    });
    expect(withCharset.status).toBe(200);
  });

  it('accepts limits 1 and 1000, offsets other than Z, and nanosecond fractions', async () => {
    const { sim } = await start();
    const token = sim.issueToken();
    for (const body of [
      { limit: 1 },
      { limit: 1000 },
      { limit: 100, start_time: '2026-10-11T16:32:50-03:00' },
      { start_time: '2026-10-24T21:16:52.827288935Z', end_time: '2026-10-25T09:00:00+09:00' },
    ]) {
      expect((await call(sim, '/api/v2/auditevents', { token, body })).status).toBe(200);
    }
  });
});

describe('paging', () => {
  it('defaults start_time to now - 1h, or end_time - 1h when end_time is given', async () => {
    const { sim, clock } = await start();
    const at = (ms: number) => new Date(clock.now() + ms).toISOString();
    sim.append('signinattempts', [
      event('OLD', at(-2 * HOUR)),
      event('EDGE', at(-HOUR)),
      event('RECENT', at(-60_000)),
    ]);
    const token = sim.issueToken();
    const uuids = (p: PageResponse) => p.items.map((item) => item.uuid);
    expect(uuids(await page(sim, token, 'signinattempts', {}))).toEqual(['EDGE', 'RECENT']);
    const windowed = await page(sim, token, 'signinattempts', { end_time: at(-HOUR + 1) });
    expect(uuids(windowed)).toEqual(['EDGE']);
    const explicit = await page(sim, token, 'signinattempts', { start_time: LONG_AGO, limit: 2 });
    expect(uuids(explicit)).toEqual(['OLD', 'EDGE']);
  });

  it('compares timestamps to the nanosecond and across offsets', async () => {
    const { sim } = await start();
    sim.append('auditevents', [
      event('BEFORE', '2026-10-31T21:16:52.827288934Z'),
      event('AT', '2026-10-31T21:16:52.827288935Z'),
      event('LOCAL', '2026-10-31T18:16:53-03:00'), // 21:16:53Z
      event('AFTER', '2026-10-31T21:16:53.000000001Z'),
    ]);
    const token = sim.issueToken();
    const served = await page(sim, token, 'auditevents', {
      start_time: '2026-10-31T21:16:52.827288935Z',
      end_time: '2026-11-01T06:16:53+09:00',
    });
    expect(served.items.map((item) => item.uuid)).toEqual(['AT', 'LOCAL']);
  });

  it('pages through more than ten pages in ingest order, equal to the ground truth', async () => {
    const { sim, clock } = await start();
    sim.generate('itemusages', 1500, { from: new Date(clock.now() - 10 * DAY) });
    sim.generate('itemusages', 845, { late: 0.2 }); // ingest order is no longer timestamp order
    const token = sim.issueToken();
    const pages = await pageThrough(sim, token, 'itemusages', { limit: 200, start_time: LONG_AGO });
    expect(pages).toHaveLength(12);
    expect(pages.slice(0, -1).every((p) => p.has_more && p.items.length === 200)).toBe(true);
    expect(pages.at(-1)!.has_more).toBe(false);
    expect(pages.flatMap((p) => p.items)).toEqual(sim.groundTruth('itemusages'));
    expect(new Set(pages.map((p) => p.cursor)).size).toBe(12);
  });

  it('has_more is false on a page that ends exactly at the last matching event', async () => {
    const { sim } = await start();
    sim.generate('auditevents', 10);
    sim.append('auditevents', [event('TOO-OLD', '2021-01-01T00:00:00Z')]);
    const token = sim.issueToken();
    const first = await page(sim, token, 'auditevents', { limit: 10, start_time: '2026-01-01T00:00:00Z' });
    expect(first.items).toHaveLength(10);
    expect(first.has_more).toBe(false);
  });

  it('hands back the same cursor with no items while nothing new arrives', async () => {
    const { sim, clock } = await start();
    sim.generate('signinattempts', 250);
    const token = sim.issueToken();
    const pages = await pageThrough(sim, token, 'signinattempts', { limit: 100, start_time: LONG_AGO });
    const last = pages.at(-1)!;
    for (let i = 0; i < 3; i++) {
      clock.advance(10_000);
      const idle = await page(sim, token, 'signinattempts', { cursor: last.cursor });
      expect(idle).toEqual({ cursor: last.cursor, has_more: false, items: [] });
    }
  });

  it('delivers events ingested after catch-up through the old cursor, late arrivals included', async () => {
    const { sim, clock } = await start();
    const start_time = new Date(clock.now() - 2 * DAY).toISOString();
    sim.generate('itemusages', 120);
    const token = sim.issueToken();
    const caughtUp = (await pageThrough(sim, token, 'itemusages', { limit: 50, start_time })).at(-1)!;

    clock.advance(HOUR);
    const late = event('LATE', new Date(clock.now() - 36 * HOUR).toISOString());
    const tooOld = event('BEFORE-START', new Date(clock.now() - 3 * DAY).toISOString());
    const fresh = sim.generate('itemusages', 3, { from: new Date(clock.now() - 60_000) });
    sim.append('itemusages', [late, tooOld]);

    const next = await page(sim, token, 'itemusages', { cursor: caughtUp.cursor });
    expect(next.items.map((item) => item.uuid)).toEqual([...fresh.map((e) => e.uuid), 'LATE']);
    expect(next.has_more).toBe(false);
    expect(next.cursor).not.toBe(caughtUp.cursor);
    // And the same request again (a retry after a lost answer) gives the same page: nothing moved.
    expect(await page(sim, token, 'itemusages', { cursor: caughtUp.cursor })).toEqual(next);
  });

  it('keeps the page size and end_time of the reset in the cursor', async () => {
    const { sim, clock } = await start();
    const events = sim.generate('auditevents', 30, { from: new Date(clock.now() - 30 * HOUR) });
    const end_time = events[19]!.timestamp;
    const token = sim.issueToken();
    const pages = await pageThrough(sim, token, 'auditevents', { limit: 7, start_time: LONG_AGO, end_time });
    expect(pages.map((p) => p.items.length)).toEqual([7, 7, 6]);
    sim.generate('auditevents', 5); // all after end_time: never served by this cursor
    const after = await page(sim, token, 'auditevents', { cursor: pages.at(-1)!.cursor });
    expect(after.items).toEqual([]);
    expect(after.has_more).toBe(false);
  });

  it('serves nothing older than the retention, as time moves on', async () => {
    const { sim, clock } = await start({ retentionDays: 120 });
    sim.append('signinattempts', [
      event('EXPIRED', new Date(clock.now() - 121 * DAY).toISOString()),
      event('KEPT', new Date(clock.now() - 119 * DAY).toISOString()),
      event('RECENT', new Date(clock.now() - DAY).toISOString()),
    ]);
    const token = sim.issueToken();
    const served = await page(sim, token, 'signinattempts', { start_time: LONG_AGO });
    expect(served.items.map((item) => item.uuid)).toEqual(['KEPT', 'RECENT']);
    clock.advance(2 * DAY);
    const later = await page(sim, token, 'signinattempts', { start_time: LONG_AGO });
    expect(later.items.map((item) => item.uuid)).toEqual(['RECENT']);
  });

  it('logs every request without the token', async () => {
    const { sim, clock } = await start();
    const token = sim.issueToken();
    sim.generate('itemusages', 3);
    await call(sim, '/api/v2/auth/introspect', { token });
    clock.advance(1000);
    await page(sim, token, 'itemusages', { limit: 5, start_time: LONG_AGO });
    await call(sim, '/api/v2/nothing', { token });
    expect(sim.requests).toEqual([
      {
        method: 'GET',
        path: '/api/v2/auth/introspect',
        body: null,
        status: 200,
        at: clock.now() - 1000,
        tokenHash: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
      {
        method: 'POST',
        path: '/api/v2/itemusages',
        body: { limit: 5, start_time: LONG_AGO },
        status: 200,
        at: clock.now(),
        feed: 'itemusages',
        tokenHash: sim.requests[0]!.tokenHash,
      },
      {
        method: 'GET',
        path: '/api/v2/nothing',
        body: null,
        status: 404,
        at: clock.now(),
        tokenHash: sim.requests[0]!.tokenHash,
      },
    ]);
    const [, payload, signature] = token.split('.');
    const logged = JSON.stringify(sim.requests);
    expect(logged).not.toContain(payload);
    expect(logged).not.toContain(signature);
    sim.clearRequests();
    expect(sim.requests).toEqual([]);
  });
});

describe('cursor integrity', () => {
  async function cursorFor(
    simulator: EventsApiSimulator,
    token: string,
    feed: Feed,
    version: ApiVersion = 'v2',
  ) {
    return (await page(simulator, token, feed, { limit: 2, start_time: LONG_AGO }, version)).cursor;
  }

  it('refuses forged and modified cursors with 400', async () => {
    const { sim } = await start();
    sim.generate('auditevents', 5);
    const token = sim.issueToken();
    const cursor = await cursorFor(sim, token, 'auditevents');
    const flipped = cursor.slice(0, 30) + (cursor[30] === 'A' ? 'B' : 'A') + cursor.slice(31);
    for (const forged of [flipped, cursor.slice(0, -2), `${cursor}AA`, 'not a cursor', 'A'.repeat(120)]) {
      const answer = await call(sim, '/api/v2/auditevents', { token, body: { cursor: forged } });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ Error: { Message: 'Bad Request: invalid cursor' } });
    }
  });

  it('refuses cursors of another feed, another account or another simulator', async () => {
    const { sim } = await start();
    sim.generate('auditevents', 5);
    sim.generate('itemusages', 5, { account: 'OTHERACCOUNT' });
    const token = sim.issueToken();
    const otherAccount = sim.issueToken({ account: 'OTHERACCOUNT' });
    const auditCursor = await cursorFor(sim, token, 'auditevents');
    const foreignAccountCursor = await cursorFor(sim, otherAccount, 'itemusages');
    const other = await EventsApiSimulator.start();
    other.generate('itemusages', 5);
    const otherSimCursor = await cursorFor(other, other.issueToken(), 'itemusages');
    await other.close();

    for (const cursor of [auditCursor, foreignAccountCursor, otherSimCursor]) {
      expect((await call(sim, '/api/v2/itemusages', { token, body: { cursor } })).status).toBe(400);
    }
    expect(
      (await call(sim, '/api/v2/itemusages', { token: otherAccount, body: { cursor: foreignAccountCursor } }))
        .status,
    ).toBe(200);
  });

  it('refuses a v1 cursor on v2 (and back) unless crossVersionCursors', async () => {
    for (const crossVersionCursors of [false, true]) {
      const { sim } = await start({ crossVersionCursors });
      sim.generate('signinattempts', 5);
      const token = sim.issueToken();
      const v1 = await cursorFor(sim, token, 'signinattempts', 'v1');
      const v2 = await cursorFor(sim, token, 'signinattempts', 'v2');
      const onV2 = await call(sim, '/api/v2/signinattempts', { token, body: { cursor: v1 } });
      const onV1 = await call(sim, '/api/v1/signinattempts', { token, body: { cursor: v2 } });
      expect([onV2.status, onV1.status]).toEqual(crossVersionCursors ? [200, 200] : [400, 400]);
      if (crossVersionCursors) expect((onV2.json as PageResponse).items).toHaveLength(2);
      await sim.close();
    }
  });

  it('expires cursors after cursorTtlMs when configured', async () => {
    const { sim, clock } = await start({ cursorTtlMs: 10 * 60_000 });
    sim.generate('itemusages', 5);
    const token = sim.issueToken();
    const cursor = await cursorFor(sim, token, 'itemusages');
    clock.advance(10 * 60_000);
    const fresh = await page(sim, token, 'itemusages', { cursor });
    clock.advance(10 * 60_000 + 1);
    const expired = await call(sim, '/api/v2/itemusages', { token, body: { cursor: fresh.cursor } });
    expect(expired.status).toBe(400);
    expect(expired.json).toEqual({ Error: { Message: 'Bad Request: cursor expired' } });
  });
});

describe('v1 endpoints', () => {
  it('serve the same events without the v2-only fields', async () => {
    const { sim } = await start();
    const token = sim.issueToken();
    const V2_ONLY = ['account_uuid', 'actor_type', 'actor_account_uuid', 'user_type', 'user_account_uuid'];
    for (const feed of ['auditevents', 'itemusages', 'signinattempts'] as const) {
      const generated = sim.generate(feed, 400);
      expect(V2_ONLY.some((field) => JSON.stringify(generated).includes(`"${field}"`))).toBe(true);
      const v1 = (await pageThrough(sim, token, feed, { limit: 1000, start_time: LONG_AGO }, 'v1')).flatMap(
        (p) => p.items,
      );
      expect(v1).toEqual(sim.groundTruth(feed, { version: 'v1' }));
      expect(v1.map((e) => e.uuid)).toEqual(generated.map((e) => e.uuid));
      const text = JSON.stringify(v1);
      for (const field of V2_ONLY) expect(text).not.toContain(`"${field}"`);
      // Everything else is untouched.
      const withoutV2 = (value: unknown): unknown =>
        JSON.parse(JSON.stringify(value, (key, v: unknown) => (V2_ONLY.includes(key) ? undefined : v)));
      expect(v1).toEqual(withoutV2(generated));
    }
  });
});
