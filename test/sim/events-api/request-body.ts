/**
 * Validation of a data endpoint's JSON body: either a ResetCursor `{limit?, start_time?, end_time?}`
 * or a Cursor `{cursor}` (reference §3.1). JSON `null` counts as absent, as a Go server would read it.
 */
import { parseRfc3339, type Instant } from './timestamps.ts';

export type PageQuery =
  { kind: 'reset'; limit: number; start: Instant; end?: Instant } | { kind: 'cursor'; cursor: string };

export type ParsedBody = PageQuery | { error: string };

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
const HOUR = 3_600_000;
const RESET_FIELDS = ['limit', 'start_time', 'end_time'] as const;

export function parsePageRequest(body: unknown, now: number): ParsedBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'request body must be a JSON object' };
  }
  const fields = body as Record<string, unknown>;
  const present = (key: string) => fields[key] !== undefined && fields[key] !== null;

  if (present('cursor')) {
    if (RESET_FIELDS.some(present))
      return { error: 'cursor cannot be combined with limit, start_time or end_time' };
    if (typeof fields.cursor !== 'string' || fields.cursor === '')
      return { error: 'cursor must be a string' };
    return { kind: 'cursor', cursor: fields.cursor };
  }

  let limit = DEFAULT_LIMIT;
  if (present('limit')) {
    const value = fields.limit;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
      return { error: `limit must be an integer between 1 and ${MAX_LIMIT}` };
    }
    limit = value;
  }
  const end = present('end_time') ? parseTime(fields.end_time) : undefined;
  if (end === null) return { error: 'end_time must be an RFC 3339 date-time' };
  const start = present('start_time')
    ? parseTime(fields.start_time)
    : { ms: (end?.ms ?? now) - HOUR, subNanos: end?.subNanos ?? 0 };
  if (start === null) return { error: 'start_time must be an RFC 3339 date-time' };
  if (end && (start.ms > end.ms || (start.ms === end.ms && start.subNanos > end.subNanos))) {
    return { error: 'start_time must not be after end_time' };
  }
  return { kind: 'reset', limit, start, ...(end ? { end } : {}) };
}

function parseTime(value: unknown): Instant | null {
  return (typeof value === 'string' && parseRfc3339(value)) || null;
}
