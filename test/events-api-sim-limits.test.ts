/**
 * The simulator's rate limits (600/min, 30,000/h, sliding or fixed windows) on a simulated clock, and
 * every injected fault, over real HTTP.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import type { PageResponse } from '../src/onepassword/types.ts';
import { EventsApiSimulator, type EventsApiSimOptions } from './sim/events-api/index.ts';
import { RateLimiter } from './sim/events-api/rate-limiter.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = Date.parse('2026-11-01T10:00:00Z');

let sim: EventsApiSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(options: EventsApiSimOptions = {}) {
  const clock = new SimulatedClock(START);
  sim = await EventsApiSimulator.start({ clock, ...options });
  return { sim, clock };
}

function introspect(simulator: EventsApiSimulator, token: string): Promise<Response> {
  return fetch(`${simulator.url}/api/v2/auth/introspect`, { headers: { Authorization: `Bearer ${token}` } });
}

function post(simulator: EventsApiSimulator, token: string, body: unknown, init: RequestInit = {}) {
  return fetch(`${simulator.url}/api/v2/itemusages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    ...init,
  });
}

/** Sends `count` introspections (in concurrent batches) and returns their statuses, sorted (arrival order varies). */
async function burst(simulator: EventsApiSimulator, token: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < count; sent += 100) {
    const batch = Array.from({ length: Math.min(100, count - sent) }, () =>
      introspect(simulator, token).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      }),
    );
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses.sort((a, b) => a - b);
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('rate limits', () => {
  it('refuses the 601st request within a sliding minute with 429 and Retry-After, until the window moves', async () => {
    const { sim, clock } = await start();
    const token = sim.issueToken();
    expect(count(await burst(sim, token, 300), 200)).toBe(300);
    clock.advance(30_000);
    expect(count(await burst(sim, token, 300), 200)).toBe(300);

    const refused = await introspect(sim, token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30'); // the first 300 leave the window at +60 s
    expect(await refused.json()).toEqual({ Error: { Message: 'Too Many Requests' } });

    clock.advance(29_500);
    const stillRefused = await introspect(sim, token);
    expect(stillRefused.status).toBe(429);
    expect(stillRefused.headers.get('retry-after')).toBe('1'); // 0.5 s, rounded up

    clock.advance(500);
    // A sliding window: only the first 300 left, so exactly 300 more pass.
    const statuses = await burst(sim, token, 301);
    expect([count(statuses, 200), count(statuses, 429)]).toEqual([300, 1]);
  });

  it('does not count refused requests, 401s or injected faults', async () => {
    const { sim, clock } = await start({
      rateLimit: { perMinute: 3, perHour: 100, window: 'sliding', retryAfter: true, scope: 'account' },
    });
    const token = sim.issueToken();
    await burst(sim, token, 3); // fills the minute
    clock.advance(30_000);
    expect(await burst(sim, token, 5)).toEqual([429, 429, 429, 429, 429]);
    await burst(sim, 'wrong.token.here', 5);
    clock.advance(30_000); // the first three leave the window; had the others counted, it would still be full
    sim.injectFaults(
      { kind: '500' },
      { kind: 'garbage' },
      { kind: '429' },
      { kind: 'reset' },
      { kind: 'truncate' },
    );
    for (let i = 0; i < 5; i++) {
      await introspect(sim, token)
        .then((r) => r.text())
        .catch(() => 'no answer');
    }
    expect(sim.requests.slice(-5).map((r) => r.fault)).toEqual([
      '500',
      'garbage',
      '429',
      'reset',
      'truncate',
    ]);
    expect(await burst(sim, token, 4)).toEqual([200, 200, 200, 429]);
  });

  it('enforces the hourly limit on top of the minute limit', async () => {
    const { sim, clock } = await start({
      rateLimit: { perMinute: 5, perHour: 12, window: 'sliding', retryAfter: true, scope: 'account' },
    });
    const token = sim.issueToken();
    for (let minute = 0; minute < 2; minute++) {
      expect(await burst(sim, token, 6)).toEqual([200, 200, 200, 200, 200, 429]);
      clock.advance(MINUTE);
    }
    expect(await burst(sim, token, 3)).toEqual([200, 200, 429]); // 12 in the hour
    const refused = await introspect(sim, token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String((HOUR - 2 * MINUTE) / 1000));
    clock.advance(HOUR - 2 * MINUTE);
    expect(await burst(sim, token, 6)).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('applies the published defaults, 600 per minute and 30,000 per hour', () => {
    const limiter = new RateLimiter({
      perMinute: 600,
      perHour: 30_000,
      window: 'sliding',
      retryAfter: true,
      scope: 'account',
    });
    let now = START;
    let accepted = 0;
    // 50 minutes at 600/min fill the hour exactly.
    for (let minute = 0; minute < 50; minute++, now += MINUTE) {
      for (let i = 0; i < 601; i++) if (limiter.check('a', now + i).allowed) accepted++;
    }
    expect(accepted).toBe(30_000);
    const refused = limiter.check('a', now);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(START + HOUR - now); // until the first minute's requests leave
    expect(limiter.check('a', START + HOUR).allowed).toBe(true);
    expect(limiter.check('b', now).allowed).toBe(true); // another key has its own budget
  });

  it('can use fixed clock-aligned windows instead', async () => {
    const { sim, clock } = await start({
      rateLimit: { perMinute: 4, perHour: 100, window: 'fixed', retryAfter: true, scope: 'account' },
    });
    const token = sim.issueToken();
    clock.advance(50_000); // 10:00:50
    expect(await burst(sim, token, 5)).toEqual([200, 200, 200, 200, 429]);
    const refused = await introspect(sim, token);
    expect(refused.headers.get('retry-after')).toBe('10');
    clock.advance(10_000); // 10:01:00, a new minute: the budget is whole again
    expect(await burst(sim, token, 5)).toEqual([200, 200, 200, 200, 429]);
  });

  it('shares the budget across the tokens of an account, or not with scope token', async () => {
    for (const scope of ['account', 'token'] as const) {
      const { sim } = await start({
        rateLimit: { perMinute: 2, perHour: 100, window: 'sliding', retryAfter: true, scope },
      });
      const first = sim.issueToken();
      const second = sim.issueToken();
      const otherAccount = sim.issueToken({ account: 'SOMEONEELSE' });
      await burst(sim, first, 2);
      expect(await burst(sim, second, 1)).toEqual([scope === 'account' ? 429 : 200]);
      expect(await burst(sim, otherAccount, 1)).toEqual([200]);
      await sim.close();
    }
  });

  it('omits Retry-After when configured, and sends RateLimit-* headers when asked', async () => {
    const { sim } = await start({
      rateLimit: { perMinute: 2, perHour: 100, window: 'sliding', retryAfter: false, scope: 'account' },
      rateLimitHeaders: true,
    });
    const token = sim.issueToken();
    const first = await introspect(sim, token);
    expect([first.headers.get('ratelimit-limit'), first.headers.get('ratelimit-remaining')]).toEqual([
      '2',
      '1',
    ]);
    expect(first.headers.get('ratelimit-reset')).toBe('60');
    await introspect(sim, token);
    const refused = await introspect(sim, token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('can be switched off', async () => {
    const { sim } = await start({ rateLimit: false });
    const token = sim.issueToken();
    expect(count(await burst(sim, token, 700), 200)).toBe(700);
  });
});

/** A raw HTTP POST that reports what arrived, even when the server hangs up mid-body. */
function rawPost(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; contentLength: number; received: number; error?: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = request(
      `${url}/api/v2/itemusages`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let received = 0;
        const result = () => ({
          status: res.statusCode ?? 0,
          contentLength: Number(res.headers['content-length']),
          received,
        });
        res.on('data', (chunk: Buffer) => (received += chunk.length));
        res.on('end', () => resolve(result()));
        res.on('error', (error) => resolve({ ...result(), error: error.message }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('injected faults', () => {
  async function withEvents() {
    const context = await start();
    context.sim.generate('itemusages', 30, { from: new Date(START - HOUR), to: new Date(START - MINUTE) });
    return { ...context, token: context.sim.issueToken() };
  }
  const RESET = { limit: 10, start_time: '2026-10-01T00:00:00Z' };

  it('answers 429 with and without Retry-After, 500 with the error body, 502/503 as gateway HTML', async () => {
    const { sim, token } = await withEvents();
    sim.injectFaults(
      { kind: '429', retryAfterSeconds: 7 },
      { kind: '429' },
      { kind: '500' },
      { kind: '502' },
      { kind: '503' },
    );
    const answers: Array<{ status: number; retryAfter: string | null; type: string | null; body: string }> =
      [];
    for (let i = 0; i < 5; i++) {
      const response = await post(sim, token, RESET);
      answers.push({
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        type: response.headers.get('content-type'),
        body: await response.text(),
      });
    }
    expect(answers.map((a) => [a.status, a.retryAfter])).toEqual([
      [429, '7'],
      [429, null],
      [500, null],
      [502, null],
      [503, null],
    ]);
    expect(JSON.parse(answers[0]!.body)).toEqual({ Error: { Message: 'Too Many Requests' } });
    expect(JSON.parse(answers[2]!.body)).toEqual({ Error: { Message: 'Internal Server Error' } });
    expect(answers[3]!.type).toBe('text/html');
    expect(() => JSON.parse(answers[4]!.body)).toThrow();
    // The queue is empty: the next request is served.
    expect((await post(sim, token, RESET)).status).toBe(200);
  });

  it('resets the connection without an answer', async () => {
    const { sim, token } = await withEvents();
    sim.injectFaults({ kind: 'reset' });
    await expect(post(sim, token, RESET)).rejects.toThrow();
    expect(sim.requests.at(-1)).toMatchObject({ status: 0, fault: 'reset', feed: 'itemusages' });
  });

  it('truncates a real page: full Content-Length, half the body, then hangs up', async () => {
    const { sim, token } = await withEvents();
    sim.injectFaults({ kind: 'truncate' });
    const cut = await rawPost(sim.url, token, RESET);
    expect(cut.status).toBe(200);
    expect(cut.received).toBe(Math.floor(cut.contentLength / 2));
    expect(cut.error).toBeDefined(); // the client saw the connection end before the body did
    const whole = await rawPost(sim.url, token, RESET);
    expect(whole.contentLength).toBe(cut.contentLength);
    expect(whole.received).toBe(whole.contentLength);
    sim.injectFaults({ kind: 'truncate' });
    await expect(post(sim, token, RESET).then((r) => r.json())).rejects.toThrow();
  });

  it('answers a slow request after the delay in real time, which a client timeout can cut', async () => {
    const { sim, token } = await withEvents();
    sim.injectFaults({ kind: 'slow', ms: 300 });
    const started = performance.now();
    const late = await post(sim, token, RESET);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(((await late.json()) as PageResponse).items).toHaveLength(10);

    sim.injectFaults({ kind: 'slow', ms: 2000 });
    await expect(post(sim, token, RESET, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });

  it('answers 200 with a body that is not JSON', async () => {
    const { sim, token } = await withEvents();
    sim.injectFaults({ kind: 'garbage' });
    const response = await post(sim, token, RESET);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it('applies faults to introspection too, in order', async () => {
    const { sim, token } = await withEvents();
    sim.injectFaults({ kind: '503' }, { kind: '500' });
    expect((await introspect(sim, token)).status).toBe(503);
    expect((await post(sim, token, RESET)).status).toBe(500);
    expect((await introspect(sim, token)).status).toBe(200);
    expect(sim.requests.map((r) => r.fault)).toEqual(['503', '500', undefined]);
  });

  it('never moves a cursor: the request after any fault gets the page the faulted one would have', async () => {
    const { sim, token } = await withEvents();
    const first = (await (await post(sim, token, RESET)).json()) as PageResponse;
    const expected = (await (await post(sim, token, { cursor: first.cursor })).json()) as PageResponse;
    for (const fault of [
      { kind: 'reset' },
      { kind: 'truncate' },
      { kind: '500' },
      { kind: 'garbage' },
    ] as const) {
      sim.injectFaults(fault);
      await post(sim, token, { cursor: first.cursor })
        .then((r) => r.text())
        .catch(() => undefined);
      const retried = (await (await post(sim, token, { cursor: first.cursor })).json()) as PageResponse;
      expect(retried).toEqual(expected);
    }
  });
});
