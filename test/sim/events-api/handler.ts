/**
 * The Events API's behaviour, independent of sockets: route, authenticate, rate-limit, validate and
 * serve one request. The HTTP layer (server.ts) feeds it and applies injected faults around it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../../../src/clock.ts';
import { isFeed, type ApiVersion, type Feed } from '../../../src/onepassword/feeds.ts';
import type { CursorCodec, CursorState } from './cursor.ts';
import type { EventStore } from './event-log.ts';
import type { RateLimitConfig, RateLimiter } from './rate-limiter.ts';
import { parsePageRequest } from './request-body.ts';
import { errorResponse, jsonResponse, type ErrorShape, type SimResponse } from './responses.ts';
import { compareInstants, type Instant } from './timestamps.ts';
import { bearerToken, tokenHash, type TokenRecord, type TokenRegistry } from './tokens.ts';

export interface HandlerSettings {
  errorShape: ErrorShape;
  retentionDays: number;
  cursorTtlMs?: number;
  crossVersionCursors: boolean;
  rateLimit: false | RateLimitConfig;
  rateLimitHeaders: boolean;
  /** Answer an empty page with `items: null` (Go's nil slice) instead of `[]`. */
  emptyItemsNull?: boolean;
  /** Feeds whose stream stopped moving: has_more stays true, the cursor comes back unchanged. */
  stuckFeeds?: Set<Feed>;
}

export interface HandlerDeps {
  clock: Clock;
  store: EventStore;
  tokens: TokenRegistry;
  /** Replaced by replaceCursorCodec to model a server-side change that invalidates every cursor. */
  cursors: CursorCodec;
  limiter?: RateLimiter;
  settings: HandlerSettings;
}

export interface IncomingCall {
  method: string;
  /** Path without the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface HandledCall {
  response: SimResponse;
  /** The parsed JSON body, or null when there was none or it was not JSON. */
  body: unknown;
  feed?: Feed;
  tokenHash?: string;
}

export type Route =
  { kind: 'introspect'; version: ApiVersion } | { kind: 'data'; version: ApiVersion; feed: Feed };

const DAY = 86_400_000;

/** The endpoint a path names, or undefined (404). */
export function routeOf(path: string): Route | undefined {
  if (path === '/api/v2/auth/introspect') return { kind: 'introspect', version: 'v2' };
  if (path === '/api/auth/introspect') return { kind: 'introspect', version: 'v1' };
  const match = /^\/api\/(v1|v2)\/([a-z]+)$/.exec(path);
  if (match && isFeed(match[2] as string)) {
    return { kind: 'data', version: match[1] as ApiVersion, feed: match[2] as Feed };
  }
  return undefined;
}

export class EventsApiHandler {
  constructor(private readonly deps: HandlerDeps) {}

  stickFeed(feed: Feed, stuck: boolean): void {
    this.deps.settings.stuckFeeds ??= new Set();
    if (stuck) this.deps.settings.stuckFeeds.add(feed);
    else this.deps.settings.stuckFeeds.delete(feed);
  }

  replaceCursorCodec(codec: CursorCodec): void {
    this.deps.cursors = codec;
  }

  /**
   * Answers one request. `countTowardsLimit: false` evaluates the rate limit without consuming it
   * (used when an injected fault replaces the answer).
   */
  handle(call: IncomingCall, countTowardsLimit = true): HandledCall {
    const { settings, clock } = this.deps;
    const now = clock.now();
    const body = parseJson(call.rawBody);
    const bearer = /^Bearer +(.+)$/i.exec(call.headers.authorization ?? '')?.[1]?.trim();
    const logged = { body, ...(bearer ? { tokenHash: tokenHash(bearer) } : {}) };
    const error = (status: number, message: string, headers?: Record<string, string>) =>
      errorResponse(settings.errorShape, status, message, headers);

    const route = routeOf(call.path);
    if (!route) return { ...logged, response: error(404, 'Not Found') };
    const feed = route.kind === 'data' ? { feed: route.feed } : {};
    const method = route.kind === 'data' ? 'POST' : 'GET';
    if (call.method !== method) {
      return { ...logged, ...feed, response: error(405, 'Method Not Allowed', { Allow: method }) };
    }

    // Missing scope is documented as 401 too, with the same body as any authentication failure.
    const token = this.deps.tokens.authenticate(bearerToken(call.headers.authorization), now);
    if (!token || (route.kind === 'data' && !token.features.includes(route.feed))) {
      return { ...logged, ...feed, response: error(401, 'Unauthorized') };
    }

    const limit = this.rateLimit(token, now, countTowardsLimit);
    if (limit && !limit.allowed) {
      return { ...logged, ...feed, response: error(429, 'Too Many Requests', limit.headers) };
    }
    const extraHeaders = limit?.headers ?? {};

    if (route.kind === 'introspect') {
      return { ...logged, response: jsonResponse(200, introspection(route.version, token), extraHeaders) };
    }
    const page = this.page(route, token, call, body, now);
    const response =
      'error' in page
        ? error(400, `Bad Request: ${page.error}`, extraHeaders)
        : jsonResponse(200, page.body, extraHeaders);
    return { ...logged, ...feed, response };
  }

  private rateLimit(token: TokenRecord, now: number, count: boolean) {
    const { limiter, settings } = this.deps;
    if (!limiter || !settings.rateLimit) return undefined;
    const key = settings.rateLimit.scope === 'account' ? `account:${token.account}` : `token:${token.hash}`;
    const decision = limiter.check(key, now, count);
    const headers: Record<string, string> = {};
    if (!decision.allowed && settings.rateLimit.retryAfter) {
      headers['Retry-After'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
    }
    if (settings.rateLimitHeaders) {
      headers['RateLimit-Limit'] = String(decision.limit);
      headers['RateLimit-Remaining'] = String(decision.remaining);
      headers['RateLimit-Reset'] = String(Math.max(0, Math.ceil(decision.resetMs / 1000)));
    }
    return { allowed: decision.allowed, headers };
  }

  private page(
    route: { version: ApiVersion; feed: Feed },
    token: TokenRecord,
    call: IncomingCall,
    body: unknown,
    now: number,
  ): { body: string } | { error: string } {
    const { settings, cursors } = this.deps;
    const contentType = call.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType))
      return { error: 'Content-Type must be application/json' };
    if (body === null) return { error: 'request body must be JSON' };
    const query = parsePageRequest(body, now);
    if ('error' in query) return query;

    let state: CursorState;
    if (query.kind === 'reset') {
      state = {
        account: token.account,
        feed: route.feed,
        version: route.version,
        position: 0,
        limit: query.limit,
        start: query.start,
        ...(query.end ? { end: query.end } : {}),
      };
    } else {
      const decoded = cursors.decode(query.cursor);
      const problem = this.cursorProblem(decoded, route, token, now);
      if (problem || !decoded) return { error: problem ?? 'invalid cursor' };
      state = decoded;
    }

    if (settings.stuckFeeds?.has(route.feed)) {
      const same = query.kind === 'cursor' ? query.cursor : cursors.encode(state);
      return { body: `{"cursor":${JSON.stringify(same)},"has_more":true,"items":[]}` };
    }

    const log = this.deps.store.log(token.account, route.feed);
    const retentionEdge: Instant = { ms: now - settings.retentionDays * DAY, subNanos: 0 };
    const lower = compareInstants(state.start, retentionEdge) >= 0 ? state.start : retentionEdge;
    const slice = log.readPage(
      state.position,
      state.limit,
      { lower, ...(state.end ? { upper: state.end } : {}) },
      route.version,
    );
    const next: CursorState = { ...state, version: route.version, position: slice.next };
    if (settings.cursorTtlMs !== undefined) next.mintedAt = now;
    else delete next.mintedAt;
    const cursor = cursors.encode(next);
    const nullItems = slice.items.length === 0 && settings.emptyItemsNull;
    if (this.deps.store.style === 'spaced') {
      const items = nullItems ? 'null' : slice.items.length === 0 ? '[]' : `[${slice.items.join(', ')}]`;
      return {
        body: `{"cursor": ${JSON.stringify(cursor)}, "has_more": ${slice.hasMore}, "items": ${items}}`,
      };
    }
    const items = nullItems ? 'null' : `[${slice.items.join(',')}]`;
    return {
      body: `{"cursor":${JSON.stringify(cursor)},"has_more":${slice.hasMore},"items":${items}}`,
    };
  }

  /** Why a cursor cannot be used here (forged, foreign, expired), or undefined when it can. */
  private cursorProblem(
    state: CursorState | undefined,
    route: { version: ApiVersion; feed: Feed },
    token: TokenRecord,
    now: number,
  ): string | undefined {
    const { settings } = this.deps;
    if (!state) return 'invalid cursor';
    if (state.account !== token.account || state.feed !== route.feed) return 'invalid cursor';
    if (state.version !== route.version && !settings.crossVersionCursors) return 'invalid cursor';
    if (
      settings.cursorTtlMs !== undefined &&
      state.mintedAt !== undefined &&
      now - state.mintedAt > settings.cursorTtlMs
    ) {
      return 'cursor expired';
    }
    return undefined;
  }
}

function introspection(version: ApiVersion, token: TokenRecord): string {
  const issuedAt = new Date(token.issuedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return JSON.stringify(
    version === 'v2'
      ? {
          uuid: token.integrationUuid,
          issued_at: issuedAt,
          features: token.features,
          account_uuid: token.account,
        }
      : { UUID: token.integrationUuid, IssuedAt: issuedAt, Features: token.features },
  );
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
