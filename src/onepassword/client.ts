import { STATUS_CODES } from 'node:http';
import got, { ReadError, TimeoutError, type Response } from 'got';
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
import { DeadlineReached, exhaustedError, RetryPolicy } from './retry.ts';
import { parseRetryAfter } from '../validate/retry-after.ts';
import { tokenShapeProblem } from '../validate/token.ts';
import {
  classifyNetworkError,
  describeNetworkProblem,
  errorCode,
  type NetworkProblem,
} from './network-errors.ts';
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
  /** Most bytes a response body may have once decompressed (see MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /**
   * How the user sets the server, for messages: `server-url` (action input) or `--server-url` (CLI).
   * Where the URL came from (resolveServerUrl's `source`) picks the advice.
   */
  serverSetting?: string;
  serverSource?: 'input' | 'token' | 'default';
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

const DEFAULT_TIMEOUT_MS = 60_000;
/**
 * Largest response body accepted, decompressed: 16 MiB. A full page is 1,000 events; the biggest
 * events in the reference's real samples and in the simulator weigh about 1 KB (audit events with
 * names, session and location), so a real page is 1-2 MB. 16 MiB leaves room for events 16 times
 * that size on average, while three feeds reading at once still fit the 256 MB memory target.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** Attempts in all for failures no retry is likely to fix (TLS, unknown host, refused at first). */
const PERMANENT_FAILURE_ATTEMPTS = 2;
const INTROSPECT_PATH = '/api/v2/auth/introspect';
const MAX_API_MESSAGE = 300;

type Attempt =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; body: string }
  | { kind: 'network'; description: string; problem?: NetworkProblem }
  | { kind: 'too-large'; status: number; readBytes: number; announcedBytes?: number };

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
  private readonly maxBodyBytes: number;
  private readonly serverSetting: string;
  private readonly serverSource: 'input' | 'token' | 'default';
  private readonly counts = new Map<StatsKey, RequestStats>();
  /** Whether any request of this client got an HTTP answer: a refused connection after that is transient. */
  private answered = false;

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
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    this.serverSetting = options.serverSetting ?? 'server-url';
    this.serverSource = options.serverSource ?? 'input';
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

  /**
   * One page of a feed: a ResetCursor or a cursor request, answered by the `{cursor, has_more, items}`
   * envelope. With `deadline` (clock epoch ms), no wait (rate budget, Retry-After, backoff) runs past
   * it: the request gives up with DeadlineReached instead.
   */
  fetchPage(
    feed: Feed,
    version: ApiVersion,
    body: PageRequest,
    signal?: AbortSignal,
    deadline?: number,
  ): Promise<PageResponse> {
    return this.send(
      feed,
      'POST',
      feedPath(feed, version),
      JSON.stringify(body),
      parsePageResponse,
      signal,
      deadline,
    );
  }

  private async send<T>(
    label: StatsKey,
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    parse: (json: unknown, text: string) => T | undefined,
    signal: AbortSignal | undefined,
    deadline?: number,
  ): Promise<T> {
    const stats = this.counts.get(label) ?? emptyStats();
    const started = this.clock.now();
    // Time spent queueing for the rate budget is pacing, not failure: it does not count towards
    // maxElapsedMs, except the holds this request's own 429s asked for.
    let pacedMs = 0;
    let heldMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      const queuedAt = this.clock.now();
      const result = await this.budget.withSlot(
        () => {
          pacedMs += this.clock.now() - queuedAt;
          stats.requests += 1;
          return this.attempt(method, path, body, signal);
        },
        signal,
        deadline,
      );

      let failure: RetryableFailure;
      if (result.kind === 'too-large') {
        this.answered = true;
        stats.invalidBodies += 1;
        throw this.tooLarge(label, result);
      } else if (result.kind === 'network') {
        stats.networkErrors += 1;
        failure = { reason: 'network', description: result.description };
        const permanent = result.problem !== undefined && (result.problem !== 'refused' || !this.answered);
        if (permanent && attempt >= PERMANENT_FAILURE_ATTEMPTS) {
          throw this.unreachable(label, result.description, attempt, this.clock.now() - started);
        }
      } else if (result.status >= 200 && result.status < 300) {
        this.answered = true;
        const parsed = parse(parseJson(result.body), result.body);
        if (parsed !== undefined) return parsed;
        stats.invalidBodies += 1;
        failure = {
          reason: 'invalid-body',
          status: result.status,
          description: describeBadBody(result.body),
        };
      } else if (result.status === 429) {
        this.answered = true;
        stats.rateLimited += 1;
        const retryAfterMs = parseRetryAfter(result.headers['retry-after'], this.clock.now());
        failure = { reason: 'rate-limited', status: 429, description: statusLine(429) };
        if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
      } else if (result.status >= 500) {
        this.answered = true;
        stats.serverErrors += 1;
        failure = { reason: 'server-error', status: result.status, description: statusLine(result.status) };
      } else {
        this.answered = true;
        throw this.refusal(label, path, result.status, result.body);
      }

      const delay = this.policy.delayAfter(failure, attempt);
      const elapsed = this.clock.now() - started;
      // max-duration is a hard bound: a wait that would end past it is not started. The run is out of
      // time either way, so this is a stop at the deadline (more pending), not the feed's failure.
      if (
        attempt < this.policy.maxAttempts &&
        deadline !== undefined &&
        this.clock.now() + delay > deadline
      ) {
        throw new DeadlineReached(
          `${label}: ${failure.description}; the retry in ${formatDuration(delay)} would run past max-duration`,
        );
      }
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
    signal?.throwIfAborted();
    // A stream, so the body is counted (after decompression) while it arrives and never buffered past
    // the bound: a gzip bomb or an endless body is cut off, not inflated into memory.
    const stream = got.stream(`${this.serverUrl}${path}`, {
      method,
      headers,
      body,
      timeout: { request: this.timeoutMs },
      retry: { limit: 0 },
      throwHttpErrors: false,
      // A redirect could carry the token to another host; the API never redirects.
      followRedirect: false,
    });
    // got's own `signal` option keeps its listener after the request ended, and aborting then destroys
    // a finished stream with nobody listening: an uncaught error. So the abort is wired here, per request.
    stream.on('error', () => {}); // errors are read through the iterator below
    const abort = () => stream.destroy(new Error('aborted'));
    signal?.addEventListener('abort', abort, { once: true });
    let response: Response | undefined;
    stream.once('response', (answer: Response) => (response = answer));
    const chunks: Buffer[] = [];
    let readBytes = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        readBytes += chunk.length;
        if (readBytes > this.maxBodyBytes) {
          stream.destroy();
          const announced = Number(response?.headers['content-length']);
          const encoded = response?.headers['content-encoding'] !== undefined;
          return {
            kind: 'too-large',
            status: response?.statusCode ?? 0,
            readBytes,
            ...(Number.isFinite(announced) && !encoded ? { announcedBytes: announced } : {}),
          };
        }
        chunks.push(chunk);
      }
      if (response === undefined) return { kind: 'network', description: 'no response' };
      return {
        kind: 'response',
        status: response.statusCode,
        headers: response.headers,
        body: Buffer.concat(chunks, readBytes).toString('utf8'),
      };
    } catch (error) {
      stream.destroy();
      if (signal?.aborted) throw signal.reason;
      const problem = classifyNetworkError(error);
      return {
        kind: 'network',
        description: this.describeNetworkError(error),
        ...(problem === undefined ? {} : { problem }),
      };
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  private describeNetworkError(error: unknown): string {
    if (error instanceof TimeoutError) return `request timed out after ${formatDuration(this.timeoutMs)}`;
    const safeCode = errorCode(error);
    // The status line arrived but the body did not: a truncated response.
    if (error instanceof ReadError) return `response body cut short${safeCode ? ` (${safeCode})` : ''}`;
    const problem = classifyNetworkError(error);
    if (problem !== undefined && safeCode !== undefined) return describeNetworkProblem(problem, safeCode);
    switch (safeCode) {
      case 'ECONNRESET':
        return 'connection reset (ECONNRESET)';
      case 'ERR_STREAM_PREMATURE_CLOSE':
        return 'response cut short (ERR_STREAM_PREMATURE_CLOSE)';
      case undefined:
        return 'network error';
      default:
        return `network error (${safeCode})`;
    }
  }

  /** The error for a body past maxBodyBytes: hostile or broken, and another attempt would get the same. */
  private tooLarge(
    label: StatsKey,
    result: { status: number; readBytes: number; announcedBytes?: number },
  ): ExportError {
    const announced =
      result.announcedBytes !== undefined
        ? ` (the server announced ${formatBytes(result.announcedBytes)})`
        : '';
    return new ExportError(
      'bad-response',
      `${label}: the Events API at ${this.serverUrl} sent a response body larger than ${formatBytes(this.maxBodyBytes)} once decompressed${announced}; the request was cut off after ${formatBytes(result.readBytes)} and not retried. A real page of 1,000 events is about 1-2 MB.`,
      result.status === 0 ? {} : { status: result.status },
    );
  }

  /** The error for a host that cannot be reached in a way no retry fixes: names the host and the setting. */
  private unreachable(
    label: StatsKey,
    description: string,
    attempts: number,
    elapsedMs: number,
  ): ExportError {
    const host = new URL(this.serverUrl).host;
    const advice =
      this.serverSource === 'input'
        ? `check ${this.serverSetting}`
        : this.serverSource === 'token'
          ? `the server was taken from the token; set ${this.serverSetting} to your account's Events API URL`
          : `no server was given, so the US server was used; set ${this.serverSetting} to your account's Events API URL`;
    return new ExportError(
      'unreachable',
      `${label}: cannot reach the Events API at ${host}: ${description} (${attempts} attempts over ${formatDuration(elapsedMs)}); ${advice} (https://events.1password.com, .ca, .eu or events.ent.1password.com)`,
    );
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

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
    : `${Math.ceil(bytes / 1024)} KiB`;
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
