import { rawItems } from './raw-items.ts';
import { RAW_JSON, type Introspection, type PageResponse, type RawEvent } from './types.ts';

/**
 * Shape checks for Events API response bodies. A body that fails them is treated like a truncated
 * one (retried), so a proxy's error page or a half-sent body never reaches the writers.
 */

/**
 * The `{cursor, has_more, items}` envelope, with every item an object holding string `uuid` and
 * `timestamp`. `items: null` is an empty page (a Go server marshals an empty nil slice that way).
 * With `body`, the text it was parsed from, each item also keeps its own text under RAW_JSON.
 */
export function parsePageResponse(json: unknown, body?: string): PageResponse | undefined {
  if (!isRecord(json)) return undefined;
  const { cursor, has_more: hasMore } = json;
  const items = json['items'] === null ? [] : json['items'];
  if (typeof cursor !== 'string' || typeof hasMore !== 'boolean' || !Array.isArray(items)) return undefined;
  if (!items.every(isRawEvent)) return undefined;
  if (body !== undefined && items.length > 0) {
    const texts = rawItems(body);
    // Both readings of the same text must agree; anything else is a body we do not understand.
    if (texts?.length !== items.length) return undefined;
    // Not enumerable: the text rides along with the event without being part of its value.
    items.forEach((item, index) =>
      Object.defineProperty(item, RAW_JSON, { value: texts[index], enumerable: false }),
    );
  }
  return { cursor, has_more: hasMore, items };
}

/** v2 introspection (snake_case); the deprecated v1 PascalCase body is accepted too. */
export function parseIntrospection(json: unknown): Introspection | undefined {
  if (!isRecord(json)) return undefined;
  const uuid = json['uuid'] ?? json['UUID'];
  const issuedAt = json['issued_at'] ?? json['IssuedAt'];
  const features = json['features'] ?? json['Features'];
  const accountUuid = json['account_uuid'];
  if (typeof uuid !== 'string') return undefined;
  if (!Array.isArray(features) || !features.every((feature) => typeof feature === 'string')) return undefined;
  const result: Introspection = { uuid, issuedAt: typeof issuedAt === 'string' ? issuedAt : '', features };
  if (typeof accountUuid === 'string' && accountUuid !== '') result.accountUuid = accountUuid;
  return result;
}

function isRawEvent(item: unknown): item is RawEvent {
  return isRecord(item) && typeof item['uuid'] === 'string' && typeof item['timestamp'] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
