/**
 * Injected failures, each consumed by one upcoming request to a known endpoint. A faulted request is
 * never counted by the rate limiter and moves no cursor (cursors are stateless, and the client never
 * sees the page). `slow` is the exception: it is a correct answer, only late, so it counts normally.
 */
import type { ServerResponse } from 'node:http';
import { errorResponse, type ErrorShape, type SimResponse } from './responses.ts';

export type Fault =
  | { kind: '429'; retryAfterSeconds?: number }
  | { kind: '500' }
  | { kind: '502' }
  | { kind: '503' }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'slow'; ms: number }
  | { kind: 'garbage' };

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
    default:
      return undefined;
  }
}

/** Sends the real response's status and headers (full Content-Length), half the body, then hangs up. */
export function writeTruncated(res: ServerResponse, response: SimResponse): void {
  const body = Buffer.from(response.body);
  res.writeHead(response.status, { ...response.headers, 'Content-Length': String(body.length) });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}
