/**
 * A stateful simulator of the 1Password Events API (v1/v2 data endpoints and introspection) on
 * 127.0.0.1, faithful to /work/shared/reference/onepassword-events-api.md. Used in-process by tests,
 * standalone by `npm run sim`, and by the benchmark.
 *
 * Decisions where the reference is silent (each configurable where the brief asks):
 * - Rate limits count every request that passed authentication (introspection and 400s included).
 *   401s, 404s, 405s, limiter refusals and injected faults (except `slow`) are not counted.
 * - Cursors are stateless HMAC-signed tokens: forged, foreign (account, feed, version) and expired
 *   cursors get 400. With `cursorTtlMs`, each answer mints a fresh cursor (so the same-string-when-
 *   idle property holds only without a TTL).
 * - `start_time` older than the retention is accepted; the data starts at the retention edge.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../../src/clock.ts';
import type { ApiVersion, Feed } from '../../../src/onepassword/feeds.ts';
import type { RawEvent } from '../../../src/onepassword/types.ts';
import { CursorCodec } from './cursor.ts';
import { EventStore } from './event-log.ts';
import {
  faultResponse,
  NO_ANSWER,
  writeGzipBomb,
  writeNotHttp,
  writeOversized,
  writeTruncated,
  type Fault,
} from './faults.ts';
import { buildIncident, type IncidentName, type PlantedIncident } from './incidents.ts';
import { defaultAccountUuid, generateEvents } from './generator.ts';
import { EventsApiHandler, routeOf, type HandledCall, type IncomingCall } from './handler.ts';
import { Random } from './random.ts';
import { RateLimiter, type RateLimitConfig } from './rate-limiter.ts';
import { resolveRealism, type Realism, type RealismOption } from './realism.ts';
import type { ErrorShape, SimResponse } from './responses.ts';
import { TokenRegistry, type IssueTokenOptions } from './tokens.ts';

export type { Fault } from './faults.ts';
export type { RateLimitConfig } from './rate-limiter.ts';
export type { IssueTokenOptions } from './tokens.ts';
export { generateEvents, type GenerateEventsOptions } from './generator.ts';
export type { Realism, RealismOption } from './realism.ts';
export { INCIDENTS, type IncidentName, type PlantedIncident } from './incidents.ts';
export { privilegedGroups } from './generator-world.ts';

export interface EventsApiSimOptions {
  /** Default 0 (ephemeral); the host is always 127.0.0.1. */
  port?: number;
  /** Used for limits, token expiry, default start_time and retention. Default systemClock. */
  clock?: Clock;
  /** Generator seed, default 1. */
  seed?: number;
  /** Default { perMinute: 600, perHour: 30000, window: 'sliding', retryAfter: true, scope: 'account' }. */
  rateLimit?: false | RateLimitConfig;
  /** Default 'Error' => {"Error":{"Message":"..."}}; other => {"status":N,"message":"..."}. */
  errorShape?: ErrorShape;
  /** Default 120: events older than now - 120 days are not served. */
  retentionDays?: number;
  /** Behaviour for a forged, foreign or expired cursor (only 400 for now). */
  invalidCursor?: 'status-400';
  /** Default undefined: cursors never expire (UNCONFIRMED in the reference). */
  cursorTtlMs?: number;
  /** Default false: a v1 cursor on a v2 endpoint (or vice versa) is refused with 400 (UNCONFIRMED). */
  crossVersionCursors?: boolean;
  /** Default false: send RateLimit-Limit/Remaining/Reset on v1/v2 responses (UNCONFIRMED). */
  rateLimitHeaders?: boolean;
  /** Default '[]'; 'null' answers an empty page with `items: null`, as a Go server marshals a nil slice. */
  emptyItems?: '[]' | 'null';
  /**
   * Default `real`: generated events and served bodies look like captured data (country names,
   * 8-digit fractions, spaced JSON with `\u003c` escapes, see realism.ts); `idealised` keeps the
   * tidier shapes of earlier versions for tests written against them.
   */
  realism?: RealismOption;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Parsed JSON body, or null. */
  body: unknown;
  /** Status answered; 0 when the connection was destroyed without an answer. */
  status: number;
  /** Clock time when the request arrived. */
  at: number;
  feed?: Feed;
  /** 16 hex digits of the SHA-256 of the bearer token; never the token. */
  tokenHash?: string;
  fault?: Fault['kind'];
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  perMinute: 600,
  perHour: 30_000,
  window: 'sliding',
  retryAfter: true,
  scope: 'account',
};

export class EventsApiSimulator {
  readonly url: string;
  /** The account tokens and events belong to unless another is named. */
  readonly defaultAccount: string;
  /** The Events Reporting integration introspection reports unless a token names another. */
  readonly integrationUuid: string;
  readonly requests: RequestLogEntry[] = [];

  private readonly store: EventStore;
  private readonly realism: Realism;
  private readonly tokens: TokenRegistry;
  private readonly handler: EventsApiHandler;
  private readonly faults: Fault[] = [];
  private readonly pendingDelays = new Set<() => void>();
  private generateCalls = 0;

  private constructor(
    private readonly server: Server,
    private readonly clock: Clock,
    private readonly seed: number,
    private readonly errorShape: ErrorShape,
    options: EventsApiSimOptions,
  ) {
    const { port } = server.address() as AddressInfo;
    this.realism = resolveRealism(options.realism);
    this.store = new EventStore(this.realism.spacedJson ? 'spaced' : 'compact');
    this.url = `http://127.0.0.1:${port}`;
    this.defaultAccount = defaultAccountUuid(seed);
    this.integrationUuid = new Random(seed, 'integration').base32(26);
    this.tokens = new TokenRegistry({
      account: this.defaultAccount,
      integrationUuid: this.integrationUuid,
      now: () => clock.now(),
    });
    const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
    this.handler = new EventsApiHandler({
      clock,
      store: this.store,
      tokens: this.tokens,
      cursors: new CursorCodec(randomBytes(32)),
      ...(rateLimit ? { limiter: new RateLimiter(rateLimit) } : {}),
      settings: {
        errorShape,
        retentionDays: options.retentionDays ?? 120,
        ...(options.cursorTtlMs === undefined ? {} : { cursorTtlMs: options.cursorTtlMs }),
        crossVersionCursors: options.crossVersionCursors ?? false,
        rateLimit,
        rateLimitHeaders: options.rateLimitHeaders ?? false,
        emptyItemsNull: options.emptyItems === 'null',
        stuckFeeds: new Set(),
      },
    });
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.onRequest(req, res).catch((error: unknown) => {
        if (req.socket.destroyed) return; // the client went away mid-request: nobody to answer
        // A bug in the simulator: answer 500 rather than hang the client, and keep it visible.
        console.error('events-api simulator:', error);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
  }

  static async start(options: EventsApiSimOptions = {}): Promise<EventsApiSimulator> {
    const server = createServer();
    // Longer than clients' idle keep-alive, so the server does not close a socket a client is reusing.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new EventsApiSimulator(
      server,
      options.clock ?? systemClock,
      options.seed ?? 1,
      options.errorShape ?? 'Error',
      options,
    );
  }

  async close(): Promise<void> {
    for (const release of this.pendingDelays) release();
    this.pendingDelays.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** A JWT-shaped bearer token (see tokens.ts). Default: all three features, the default account. */
  issueToken(options: IssueTokenOptions = {}): string {
    return this.tokens.issue(options);
  }

  revokeToken(token: string): void {
    this.tokens.revoke(token);
  }

  /**
   * Generates `count` realistic v2 events over [from, to] (default the last 24h of the clock),
   * ingests them now in array order, and returns them (they are not shared with the store).
   */
  generate(
    feed: Feed,
    count: number,
    options: { from?: Date; to?: Date; late?: number; account?: string } = {},
  ): RawEvent[] {
    const to = options.to ?? new Date(this.clock.now());
    const from = options.from ?? new Date(to.getTime() - 86_400_000);
    const events = generateEvents(feed, count, {
      seed: this.seed,
      stream: this.generateCalls++,
      from,
      to,
      late: options.late ?? 0,
      accountUuid: options.account ?? this.defaultAccount,
      realism: this.realism,
    });
    this.append(feed, events, options.account === undefined ? {} : { account: options.account });
    return events;
  }

  /**
   * Plants a named incident (incidents.ts) at `at` (default an hour before the clock's now) in the
   * account's traffic, ingested now, and returns what was planted so a test knows what to look for.
   */
  plantIncident(name: IncidentName, options: { at?: Date; account?: string } = {}): PlantedIncident {
    const account = options.account ?? this.defaultAccount;
    const incident = buildIncident(name, {
      seed: this.seed,
      accountUuid: account,
      at: options.at ?? new Date(this.clock.now() - 3_600_000),
      realism: this.realism,
    });
    for (const [feed, events] of Object.entries(incident.events) as Array<[Feed, RawEvent[]]>) {
      this.append(feed, events, { account });
    }
    return incident;
  }

  /** Ingests events as they are, in array order. */
  append(feed: Feed, events: RawEvent[], options: { account?: string } = {}): void {
    const log = this.store.log(options.account ?? this.defaultAccount, feed);
    for (const event of events) log.append(event);
  }

  /** Every ingested event of the feed, in ingest order, as the given version serves it (fresh copies). */
  groundTruth(feed: Feed, options: { version?: ApiVersion; account?: string } = {}): RawEvent[] {
    const log = this.store.log(options.account ?? this.defaultAccount, feed);
    const events: RawEvent[] = new Array(log.length);
    for (let i = 0; i < log.length; i++) events[i] = log.event(i, options.version ?? 'v2');
    return events;
  }

  /** How many events of the feed were ingested (cheap, unlike groundTruth). */
  eventCount(feed: Feed, options: { account?: string } = {}): number {
    return this.store.log(options.account ?? this.defaultAccount, feed).length;
  }

  /**
   * A stuck feed: from now on every page of `feed` answers `has_more: true` with the cursor it was
   * asked with (a reset gets a fresh one) and no items, as a server whose stream stopped moving.
   */
  stickFeed(feed: Feed, stuck = true): void {
    this.handler.stickFeed(feed, stuck);
  }

  /** A server-side change (new cursor key): every cursor handed out so far is refused with 400. */
  invalidateCursors(): void {
    this.handler.replaceCursorCodec(new CursorCodec(randomBytes(32)));
  }

  /** Queues faults; each applies to one upcoming request to a known endpoint, in order. */
  injectFaults(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = this.clock.now();
    const call: IncomingCall = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://simulator').pathname,
      headers: req.headers,
      rawBody: await readBody(req),
    };
    const fault = routeOf(call.path) ? this.faults.shift() : undefined;
    const log = (handled: HandledCall, status: number) => {
      const { body, feed, tokenHash } = handled;
      this.requests.push({
        method: call.method,
        path: call.path,
        body,
        status,
        at,
        ...(feed ? { feed } : {}),
        ...(tokenHash ? { tokenHash } : {}),
        ...(fault ? { fault: fault.kind } : {}),
      });
    };

    if (!fault || fault.kind === 'slow') {
      if (fault?.kind === 'slow') await this.realDelay(fault.ms);
      const handled = this.handler.handle(call);
      // A slow answer may find the client gone (its timeout) or the simulator closing.
      const gone = res.destroyed || req.socket.destroyed;
      log(handled, gone ? NO_ANSWER : handled.response.status);
      if (!gone) writeResponse(res, handled.response);
      return;
    }
    // The real answer is worked out (for the log, and for truncate) without touching the limiter.
    const handled = this.handler.handle(call, false);
    if (fault.kind === 'reset') {
      log(handled, NO_ANSWER);
      req.socket.destroy();
    } else if (fault.kind === 'not-http') {
      log(handled, NO_ANSWER);
      writeNotHttp(req.socket);
    } else if (fault.kind === 'gzip-bomb') {
      log(handled, 200);
      await writeGzipBomb(res, fault.bytes);
    } else if (fault.kind === 'oversized') {
      log(handled, 200);
      await writeOversized(res, fault.bytes);
    } else if (fault.kind === 'truncate') {
      log(handled, handled.response.status);
      writeTruncated(res, handled.response);
    } else {
      const response = faultResponse(fault, this.errorShape) as SimResponse;
      log(handled, response.status);
      writeResponse(res, response);
    }
  }

  /** Waits real time (not the injected clock), cut short when the simulator closes. */
  private realDelay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.pendingDelays.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.pendingDelays.add(release);
    });
  }
}

function writeResponse(res: ServerResponse, response: SimResponse): void {
  const body = Buffer.from(response.body);
  res.writeHead(response.status, { ...response.headers, 'Content-Length': String(body.length) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
