import type { Clock } from '../clock.ts';
import type { EventsClient } from './client.ts';
import type { ApiVersion, Feed } from './feeds.ts';
import type { PageRequest, RawEvent } from './types.ts';

/** The API's largest page; smaller pages only spend more of the rate budget. */
export const MAX_PAGE_LIMIT = 1000;
/**
 * How many uuids of this run's events the pager remembers to drop repeats (10 full pages).
 *
 * Trade-off: remembering every uuid of a run is exact but unbounded (measured on Node 24: about 69 MB
 * per million uuids; this window holds about 0.7 MB per feed, and a larger one showed up as tens of
 * MB of peak RSS because V8 lets the heap grow to a multiple of what is live). Repeats from the API come from overlaps at an edge of the stream: a
 * re-sent cursor, a reset at a boundary timestamp, the same event twice in one page. Those sit
 * within a page or two of the current position, so a window of the most recent uuids catches them
 * while memory stays flat. A repeat delivered more than this many events later would pass through.
 */
export const DEFAULT_SEEN_WINDOW = 10 * MAX_PAGE_LIMIT;

export type PagerStart = { cursor: string } | { startTime: Date };

export interface FeedPagerOptions {
  client: EventsClient;
  feed: Feed;
  version: ApiVersion;
  /** A saved cursor to resume from, or where a feed without one begins. */
  start: PagerStart;
  /** uuids delivered by earlier runs (from state); events carrying them are dropped. */
  knownUuids?: Iterable<string>;
  /** Clock epoch ms after which no new request is started. */
  deadline?: number;
  clock: Clock;
  /** Page size of the first (reset) request; the cursor keeps it for the pages after. */
  limit?: number;
  /** How many of this run's uuids to remember for de-duplication (see DEFAULT_SEEN_WINDOW). */
  seenWindow?: number;
  signal?: AbortSignal;
}

export interface FeedPage {
  feed: Feed;
  /** New events, in API order, without repeats. */
  events: RawEvent[];
  /** Events of this page dropped as repeats. */
  dropped: number;
  /** Position after this page: where to resume once its events are handed on. */
  cursor: string;
  hasMore: boolean;
}

/**
 * Walks one feed: a reset (or the saved cursor) first, then the returned cursor while `has_more` is
 * true, stopping when caught up or when the deadline has passed. Each page is handed to the consumer
 * before the next request; `committedCursor` only moves once the consumer has asked for the next page
 * (or the walk finished), i.e. once the page's events were taken.
 */
export class FeedPager {
  private readonly options: FeedPagerOptions;
  private readonly limit: number;
  private readonly known: Set<string>;
  private readonly seen: BoundedSet;

  /** Cursor of the last page the consumer fully took; undefined until one was. */
  committedCursor: string | undefined;
  stoppedByDeadline = false;
  pagesFetched = 0;
  eventsYielded = 0;
  dropped = 0;

  constructor(options: FeedPagerOptions) {
    const limit = options.limit ?? MAX_PAGE_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
      throw new RangeError(`page limit must be an integer from 1 to ${MAX_PAGE_LIMIT} (got ${limit})`);
    }
    if ('startTime' in options.start && Number.isNaN(options.start.startTime.getTime())) {
      throw new RangeError('start time is not a valid date');
    }
    this.options = options;
    this.limit = limit;
    this.known = new Set(options.knownUuids ?? []);
    this.seen = new BoundedSet(options.seenWindow ?? DEFAULT_SEEN_WINDOW);
  }

  async *pages(): AsyncGenerator<FeedPage, void, undefined> {
    const { client, feed, version, start, clock, deadline, signal } = this.options;
    let request: PageRequest =
      'cursor' in start
        ? { cursor: start.cursor }
        : { limit: this.limit, start_time: start.startTime.toISOString() };
    let position = 'cursor' in start ? start.cursor : undefined;

    for (;;) {
      if (deadline !== undefined && clock.now() >= deadline) {
        this.stoppedByDeadline = true;
        return;
      }
      const response = await client.fetchPage(feed, version, request, signal);
      this.pagesFetched += 1;

      const events: RawEvent[] = [];
      let dropped = 0;
      for (const event of response.items) {
        if (this.known.has(event.uuid) || this.seen.has(event.uuid)) {
          dropped += 1;
          continue;
        }
        this.seen.add(event.uuid);
        events.push(event);
      }
      this.dropped += dropped;

      // A page that neither carries events nor moves the cursor has nothing for the consumer.
      if (events.length > 0 || dropped > 0 || response.cursor !== position) {
        this.eventsYielded += events.length;
        yield { feed, events, dropped, cursor: response.cursor, hasMore: response.has_more };
      }
      // Reaching here means the consumer asked for more: the page was handed on.
      this.committedCursor = response.cursor;
      position = response.cursor;

      if (!response.has_more) return;
      request = { cursor: response.cursor };
    }
  }
}

/**
 * A set that forgets its oldest entries beyond `capacity` (insertion order). The order lives in a
 * ring buffer: asking a Set for its first entry after many deletions walks over their tombstones,
 * which made this the pager's hottest line on a 100k-event feed.
 */
class BoundedSet {
  private readonly entries = new Set<string>();
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(capacity: number) {
    this.ring = new Array<string | undefined>(Math.max(1, capacity));
  }

  has(value: string): boolean {
    return this.entries.has(value);
  }

  add(value: string): void {
    if (this.entries.has(value)) return;
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.entries.delete(evicted);
    this.ring[this.next] = value;
    this.next = (this.next + 1) % this.ring.length;
    this.entries.add(value);
  }
}
