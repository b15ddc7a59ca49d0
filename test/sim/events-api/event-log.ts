/**
 * The simulator's storage: per account and feed, an append-only log of events in ingest order.
 * Each event is kept as its serialised JSON (pages are built by joining strings) plus its timestamp
 * as two typed-array numbers, which is all a page scan looks at.
 */
import type { ApiVersion, Feed } from '../../../src/onepassword/feeds.ts';
import type { RawEvent } from '../../../src/onepassword/types.ts';
import { parseRfc3339, type Instant } from './timestamps.ts';
import { toV1 } from './v1-shape.ts';
import { serialise, type WireStyle } from './wire-json.ts';

/** Served events satisfy `lower <= timestamp` and, when given, `timestamp <= upper`. */
export interface TimeFilter {
  lower: Instant;
  upper?: Instant;
}

export interface PageSlice {
  /** Serialised events of the page. */
  items: string[];
  /** Where the next page starts: after the page, skipping events that can never match. */
  next: number;
  /** Whether an event matching the filter exists at `next`. */
  hasMore: boolean;
}

export class FeedLog {
  private ms = new Float64Array(1024);
  private subNanos = new Uint32Array(1024);
  private readonly v2Json: string[] = [];
  /** v1 renderings, made on first use: most runs never ask for v1. */
  private readonly v1Json: Array<string | undefined> = [];

  constructor(
    private readonly feed: Feed,
    private readonly style: WireStyle = 'compact',
  ) {}

  get length(): number {
    return this.v2Json.length;
  }

  append(event: RawEvent): void {
    const instant = typeof event.timestamp === 'string' ? parseRfc3339(event.timestamp) : undefined;
    if (!instant) throw new Error(`Simulator: event ${String(event.uuid)} has no RFC 3339 timestamp`);
    const index = this.v2Json.length;
    if (index === this.ms.length) this.grow();
    this.ms[index] = instant.ms;
    this.subNanos[index] = instant.subNanos;
    this.v2Json.push(serialise(event, this.style));
  }

  json(index: number, version: ApiVersion): string {
    const v2 = this.v2Json[index];
    if (v2 === undefined) throw new RangeError(`No event at ${index}`);
    if (version === 'v2') return v2;
    let v1 = this.v1Json[index];
    if (v1 === undefined) {
      v1 = serialise(toV1(this.feed, JSON.parse(v2) as RawEvent), this.style);
      this.v1Json[index] = v1;
    }
    return v1;
  }

  /** A fresh copy of the event as the given version serves it. */
  event(index: number, version: ApiVersion): RawEvent {
    return JSON.parse(this.json(index, version)) as RawEvent;
  }

  /** Up to `limit` matching events from `position` on, in ingest order. */
  readPage(position: number, limit: number, filter: TimeFilter, version: ApiVersion): PageSlice {
    const end = this.v2Json.length;
    const matches = matcher(this.ms, this.subNanos, filter);
    const items: string[] = [];
    let index = position;
    for (; index < end && items.length < limit; index++) {
      if (matches(index)) items.push(this.json(index, version));
    }
    // Skip what can never match (filters are fixed, retention only grows), so has_more is exact.
    while (index < end && !matches(index)) index++;
    return { items, next: index, hasMore: index < end };
  }

  private grow(): void {
    const ms = new Float64Array(this.ms.length * 2);
    ms.set(this.ms);
    this.ms = ms;
    const subNanos = new Uint32Array(this.subNanos.length * 2);
    subNanos.set(this.subNanos);
    this.subNanos = subNanos;
  }
}

function matcher(ms: Float64Array, subNanos: Uint32Array, { lower, upper }: TimeFilter) {
  return (i: number): boolean => {
    const t = ms[i] as number;
    if (t < lower.ms || (t === lower.ms && (subNanos[i] as number) < lower.subNanos)) return false;
    if (upper && (t > upper.ms || (t === upper.ms && (subNanos[i] as number) > upper.subNanos))) return false;
    return true;
  };
}

/** All logs, created on first use. */
export class EventStore {
  private readonly logs = new Map<string, FeedLog>();

  /** `spaced`: events are stored (and served) as captures show them, see wire-json.ts. */
  constructor(readonly style: WireStyle = 'compact') {}

  log(account: string, feed: Feed): FeedLog {
    const key = `${account}/${feed}`;
    let log = this.logs.get(key);
    if (!log) {
      log = new FeedLog(feed, this.style);
      this.logs.set(key, log);
    }
    return log;
  }
}
