import { STATUS_CODES } from 'node:http';
import got, { ReadError, TimeoutError } from 'got';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import { ExportError, InputError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { silentLogger } from '../logger.ts';
import { USER_AGENT } from '../version.ts';
import type { ApiVersion, Feed } from './feeds.ts';
import { feedPath, FEEDS } from './feeds.ts';
import { RateBudget } from './rate-budget.ts';
import type { RetryableFailure, RetryOptions } from './retry.ts';
import { formatDuration } from '../time/duration.ts';
import { exhaustedError, RetryPolicy } from './retry.ts';
import { parseRetryAfter } from '../validate/retry-after.ts';
import { tokenShapeProblem } from '../validate/token.ts';
import { parseIntrospection, parsePageResponse } from './responses.ts';
import type { Introspection, PageRequest, PageResponse } from './types.ts';

export interface EventsClientOptions {
  /** Origin of the Events API, e.g. `https://events.1password.com` (see resolveServerUrl). */
  serverUrl: string;
  token: string;
  clock?: Clock;
  /** Shared by every client of the same account; a private one is made when omitted. */
  budget?: RateBudget;
  retry?: RetryOptions | RetryPolicy;
  userAgent?: string;
  logger?: Logger;
  /** Whole-request timeout (connect to last byte), real milliseconds. */
  timeoutMs?: number;
}

/** What happened to the requests of one feed (or of introspection). */
export interface RequestStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  retries: number;
  /** 429 responses seen. */
  rateLimited: number;
  /** 5xx responses seen. */
  serverErrors: number;
  /** Connection errors, resets and timeouts. */
  networkErrors: number;
  /** 2xx responses whose body was cut short or not the documented shape. */
  invalidBodies: number;
}

export type StatsKey = Feed | 'introspect';

export const DEFAULT_TIMEOUT_MS = 60_000;
const INTROSPECT_PATH = '/api/v2/auth/introspect';
const MAX_API_MESSAGE = 300;

type Attempt =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; body: string }
  | { kind: 'network'; description: string };

/**
 * HTTP client for the Events API. Every request (retries too) first takes a slot from the rate budget;
 * 429, 5xx, network failures and unreadable bodies are retried under the retry policy; anything else
 * becomes an ExportError at once. Messages are built here from status codes and error codes only, and
 * no library error is attached as a cause: got's errors carry the request headers, token included.
 */
export class EventsClient {
  readonly serverUrl: string;
  private readonly token: string;
  private readonly clock: Clock;
  private readonly budget: RateBudget;
  private readonly policy: RetryPolicy;
  private readonly userAgent: string;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  private readonly counts = new Map<StatsKey, RequestStats>();

  constructor(options: EventsClientOptions) {
    const problem = tokenShapeProblem(options.token);
    if (problem) throw new InputError('token', problem);
    this.serverUrl = options.serverUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.clock = options.clock ?? systemClock;
    this.budget = options.budget ?? new RateBudget({ clock: this.clock });
    this.policy = options.retry instanceof RetryPolicy ? options.retry : new RetryPolicy(options.retry);
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.logger = options.logger ?? silentLogger;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    for (const key of [...FEEDS, 'introspect'] as const) this.counts.set(key, emptyStats());
  }

  /** A snapshot of the request counters, per feed and for introspection. */
  get stats(): Record<StatsKey, RequestStats> {
    const snapshot = {} as Record<StatsKey, RequestStats>;
    for (const [key, value] of this.counts) snapshot[key] = { ...value };
    return snapshot;
  }

  /** `GET /api/v2/auth/introspect`: who issued the token and which features it grants. */
  introspect(signal?: AbortSignal): Promise<Introspection> {
    return this.send('introspect', 'GET', INTROSPECT_PATH, undefined, parseIntrospection, signal);
  }

  /** One page of a feed: a ResetCursor or a cursor request, answered by the `{cursor, has_more, items}` envelope. */
  fetchPage(feed: Feed, version: ApiVersion, body: PageRequest, signal?: AbortSignal): Promise<PageResponse> {
    return this.send(feed, 'POST', feedPath(feed, version), JSON.stringify(body), parsePageResponse, signal);
  }

  private async send<T>(
    label: StatsKey,
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    parse: (json: unknown) => T | undefined,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const stats = this.counts.get(label) ?? emptyStats();
    const started = this.clock.now();
    // Time spent queueing for the rate budget is pacing, not failure: it does not count towards
    // maxElapsedMs, except the holds this request's own 429s asked for.
    let pacedMs = 0;
    let heldMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      const queuedAt = this.clock.now();
      const result = await this.budget.withSlot(() => {
        pacedMs += this.clock.now() - queuedAt;
        stats.requests += 1;
        return this.attempt(method, path, body, signal);
      }, signal);

      let failure: RetryableFailure;
      if (result.kind === 'network') {
        stats.networkErrors += 1;
        failure = { reason: 'network', description: result.description };
      } else if (result.status >= 200 && result.status < 300) {
        const parsed = parse(parseJson(result.body));
        if (parsed !== undefined) return parsed;
        stats.invalidBodies += 1;
        failure = {
          reason: 'invalid-body',
          status: result.status,
          description: describeBadBody(result.body),
        };
      } else if (result.status === 429) {
        stats.rateLimited += 1;
        const retryAfterMs = parseRetryAfter(result.headers['retry-after'], this.clock.now());
        failure = { reason: 'rate-limited', status: 429, description: statusLine(429) };
        if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
      } else if (result.status >= 500) {
        stats.serverErrors += 1;
        failure = { reason: 'server-error', status: result.status, description: statusLine(result.status) };
      } else {
        throw this.refusal(label, path, result.status, result.body);
      }

      const delay = this.policy.delayAfter(failure, attempt);
      const elapsed = this.clock.now() - started;
      if (!this.policy.allowsAnother(attempt, elapsed - pacedMs + heldMs, delay)) {
        throw exhaustedError(label, failure, attempt, elapsed);
      }
      stats.retries += 1;
      this.logger.info(
        `${label}: ${failure.description}, retrying in ${formatDuration(delay)} (attempt ${attempt + 1}/${this.policy.maxAttempts})`,
      );
      // A 429 is about the shared budget, so every feed backs off; other failures only delay this request.
      if (failure.reason === 'rate-limited') {
        this.budget.holdUntil(this.clock.now() + delay);
        heldMs += delay;
      } else {
        await this.clock.sleep(delay, signal);
      }
    }
  }

  private async attempt(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Attempt> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.token}`,
      accept: 'application/json',
      'user-agent': this.userAgent,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await got(`${this.serverUrl}${path}`, {
        method,
        headers,
        body,
        signal,
        responseType: 'text',
        timeout: { request: this.timeoutMs },
        retry: { limit: 0 },
        throwHttpErrors: false,
        // A redirect could carry the token to another host; the API never redirects.
        followRedirect: false,
      });
      return {
        kind: 'response',
        status: response.statusCode,
        headers: response.headers,
        body: response.body,
      };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      return { kind: 'network', description: this.describeNetworkError(error) };
    }
  }

  private describeNetworkError(error: unknown): string {
    if (error instanceof TimeoutError) return `request timed out after ${formatDuration(this.timeoutMs)}`;
    const code = (error as { code?: unknown } | null)?.code;
    const safeCode = typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : undefined;
    // The status line arrived but the body did not: a truncated response.
    if (error instanceof ReadError) return `response body cut short${safeCode ? ` (${safeCode})` : ''}`;
    switch (safeCode) {
      case 'ECONNRESET':
        return 'connection reset (ECONNRESET)';
      case 'ECONNREFUSED':
        return 'connection refused (ECONNREFUSED)';
      case 'ERR_STREAM_PREMATURE_CLOSE':
        return 'response cut short (ERR_STREAM_PREMATURE_CLOSE)';
      case undefined:
        return 'network error';
      default:
        return `network error (${safeCode})`;
    }
  }

  /** The error for a response no retry can fix (400, 401, 403, 404, other 4xx, 3xx). */
  private refusal(label: StatsKey, path: string, status: number, body: string): ExportError {
    if (status === 401) {
      return new ExportError(
        'auth',
        `the Events API refused the token (401 Unauthorized) at ${this.serverUrl}`,
        {
          status,
        },
      );
    }
    if (status === 403) {
      return new ExportError(
        'auth',
        `${label}: the Events API denied access (403 Forbidden) at ${this.serverUrl}`,
        {
          status,
        },
      );
    }
    const apiMessage = this.apiMessage(body) ?? STATUS_CODES[status] ?? 'no message';
    if (status === 404) {
      return new ExportError(
        'bad-request',
        `${label}: ${path} not found (404) at ${this.serverUrl}; check server-url and api-version`,
        { status },
      );
    }
    if (status === 400) {
      return new ExportError(
        'bad-request',
        `${label}: the Events API rejected the request (400 Bad Request): ${apiMessage}`,
        {
          status,
        },
      );
    }
    return new ExportError(
      'bad-request',
      `${label}: unexpected ${statusLine(status)} from ${this.serverUrl}: ${apiMessage}`,
      {
        status,
      },
    );
  }

  /** The API's own error text, from either documented shape, cleaned up for one log line. */
  private apiMessage(body: string): string | undefined {
    const json = parseJson(body);
    let message: unknown;
    if (typeof json === 'object' && json !== null) {
      const record = json as Record<string, unknown>;
      const nested = record['Error'];
      message =
        typeof nested === 'object' && nested !== null
          ? (nested as Record<string, unknown>)['Message']
          : undefined;
      message ??= record['message'];
    }
    if (typeof message !== 'string' || message.trim() === '') return undefined;
    const oneLine = message.replaceAll(this.token, '[token]').replace(/\s+/g, ' ').trim();
    return oneLine.length > MAX_API_MESSAGE ? `${oneLine.slice(0, MAX_API_MESSAGE)}…` : oneLine;
  }
}

function emptyStats(): RequestStats {
  return { requests: 0, retries: 0, rateLimited: 0, serverErrors: 0, networkErrors: 0, invalidBodies: 0 };
}

function statusLine(status: number): string {
  const text = STATUS_CODES[status];
  return text === undefined ? `HTTP ${status}` : `${status} ${text}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeBadBody(body: string): string {
  if (body.trim() === '') return 'empty response body';
  return parseJson(body) === undefined
    ? `unparseable response body (${body.length} bytes)`
    : 'response body is not the documented shape';
}
