/**
 * Injected failures, each consumed by one upcoming request to a known endpoint. A faulted request is
 * never counted by the rate limiter and moves no cursor (cursors are stateless, and the client never
 * sees the page). `slow` is the exception: it is a correct answer, only late, so it counts normally.
 *
 * Hostile bodies: `oversized` (a valid-looking page of `bytes` bytes, streamed), `gzip-bomb` (a small
 * gzip body inflating to `bytes`), `extra-items` (a page with more items than any limit allows),
 * `not-http` (bytes that are not HTTP, as a TLS server answering plain http would send), `raw-page`
 * (a 200 with exactly the given body, e.g. spaced or escaped JSON).
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { errorResponse, type ErrorShape, type SimResponse } from './responses.ts';

export type Fault =
  | { kind: '429'; retryAfterSeconds?: number }
  | { kind: '500' }
  | { kind: '502' }
  | { kind: '503' }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'slow'; ms: number }
  | { kind: 'garbage' }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'gzip-bomb'; bytes: number }
  | { kind: 'extra-items'; count: number }
  | { kind: 'not-http' }
  | { kind: 'raw-page'; body: string };

/** Status the request log records for a connection destroyed without an answer. */
export const NO_ANSWER = 0;

/** The answer of a fault that replaces the response entirely (everything but reset/truncate/slow). */
export function faultResponse(fault: Fault, errorShape: ErrorShape): SimResponse | undefined {
  switch (fault.kind) {
    case '429':
      return errorResponse(
        errorShape,
        429,
        'Too Many Requests',
        fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) },
      );
    case '500':
      return errorResponse(errorShape, 500, 'Internal Server Error');
    case '502':
    case '503':
      // Gateway errors come from the load balancer, not the API: HTML, not the API's error JSON.
      return {
        status: Number(fault.kind),
        headers: { 'Content-Type': 'text/html' },
        body: `<html><head><title>${fault.kind}</title></head><body><h1>${fault.kind === '502' ? '502 Bad Gateway' : '503 Service Temporarily Unavailable'}</h1></body></html>\n`,
      };
    case 'garbage':
      // Claims JSON, is not: a client must not trust the header alone.
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: '<html>\u0000\u00ff garbage',
      };
    case 'extra-items':
      return {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: `{"cursor":"${FAKE_CURSOR}","has_more":false,"items":[${tinyItems(fault.count)}]}`,
      };
    case 'raw-page':
      return { status: 200, headers: { 'Content-Type': 'application/json' }, body: fault.body };
    default:
      return undefined;
  }
}

/** A cursor-shaped string for hostile pages (the client must refuse them before using it). */
const FAKE_CURSOR = 'aG9zdGlsZS1wYWdlLWN1cnNvci1ub3QtaXNzdWVkLWJ5LXRoZS1zaW11bGF0b3I';
const ITEM =
  '{"uuid":"BOMBBOMBBOMBBOMBBOMBBOMBBO","timestamp":"2026-11-01T00:00:00Z","pad":"' +
  'x'.repeat(64 * 1024) +
  '"}';
const PAGE_HEAD = `{"cursor":"${FAKE_CURSOR}","has_more":false,"items":[`;
const PAGE_TAIL = `${ITEM}]}`;
/** About 1 MiB of whole items, each followed by a comma. */
const FILLER = `${ITEM},`.repeat(Math.floor((1 << 20) / (ITEM.length + 1)));

function tinyItems(count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) items.push(`{"uuid":"tiny${i}","timestamp":"2026-11-01T00:00:00Z"}`);
  return items.join(',');
}

/**
 * A gzip body inflating to about `bytes` of valid page JSON, made of concatenated gzip members (the
 * filler member is compressed once and repeated), so building even a 1 GB bomb costs nothing.
 */
export function gzipBomb(bytes: number): Buffer {
  const filler = gzipSync(FILLER, { level: 9 });
  const count = Math.max(1, Math.ceil(bytes / FILLER.length));
  return Buffer.concat([gzipSync(PAGE_HEAD), ...new Array<Buffer>(count).fill(filler), gzipSync(PAGE_TAIL)]);
}

export async function writeGzipBomb(res: ServerResponse, bytes: number): Promise<void> {
  const body = gzipBomb(bytes);
  res.on('error', () => {}); // the client hangs up once it has seen enough
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Encoding': 'gzip',
    'Content-Length': String(body.length),
  });
  res.end(body);
}

/** Streams a plain page of about `bytes` bytes with backpressure, stopping when the client leaves. */
export async function writeOversized(res: ServerResponse, bytes: number): Promise<void> {
  const count = Math.max(1, Math.ceil(bytes / FILLER.length));
  const length = PAGE_HEAD.length + count * FILLER.length + PAGE_TAIL.length;
  res.on('error', () => {});
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(length) });
  res.write(PAGE_HEAD);
  for (let i = 0; i < count; i++) {
    if (res.destroyed) return;
    if (!res.write(FILLER)) {
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  }
  if (!res.destroyed) res.end(PAGE_TAIL);
}

/** What a TLS server sends to a client speaking plain HTTP: a TLS alert record, then it hangs up. */
export function writeNotHttp(socket: Socket): void {
  socket.end(Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]));
}

/** Sends the real response's status and headers (full Content-Length), half the body, then hangs up. */
export function writeTruncated(res: ServerResponse, response: SimResponse): void {
  const body = Buffer.from(response.body);
  res.writeHead(response.status, { ...response.headers, 'Content-Length': String(body.length) });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}
