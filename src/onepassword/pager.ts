import type { Clock } from '../clock.ts';
import { formatDuration } from '../time/duration.ts';
import { ExportError } from '../errors.ts';
import type { EventsClient } from './client.ts';
import { DeadlineReached } from './retry.ts';
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

/**
 * A feed answering `has_more: true` without progress (no new event, and a cursor that did not move or
 * came back to one of the stretch) is stopped after this many such pages, backing off between them
 * (STALL_BACKOFF_MS, doubling): 5 requests over about 15 s, not hundreds spent from the shared budget.
 */
export const MAX_STALLED_PAGES = 5;
export const STALL_BACKOFF_MS = 1_000;
/**
 * Empty pages with `has_more: true` are legal ("could still be empty"), each with a new cursor. Past
 * this many in a row the server is treated as stuck too: a fresh cursor per page must not loop either.
 */
export const MAX_EMPTY_PAGES = 100;

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
  /** True when the walk stopped because `signal` was aborted (the pages before it were handed on). */
  interrupted = false;
  /** Why the walk stopped at the deadline, when a wait would have run past it. */
  deadlineReason: string | undefined;
  /** Requests answered so far (the feed loop tells a refused saved cursor by none). */
  pagesFetched = 0;

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
    try {
      yield* this.walk();
    } catch (error) {
      if (this.options.signal?.aborted) {
        // Stopped from outside (Ctrl-C): the request in flight is dropped, its cursor not committed.
        this.interrupted = true;
        return;
      }
      if (!(error instanceof DeadlineReached)) throw error;
      this.stoppedByDeadline = true;
      this.deadlineReason = error.message;
    }
  }

  private async *walk(): AsyncGenerator<FeedPage, void, undefined> {
    const { client, feed, version, start, clock, deadline, signal } = this.options;
    let request: PageRequest =
      'cursor' in start
        ? { cursor: start.cursor }
        : { limit: this.limit, start_time: start.startTime.toISOString() };
    let position = 'cursor' in start ? start.cursor : undefined;
    // A saved cursor keeps the page size it was made with, at most the API's largest page.
    const pageLimit = 'cursor' in start ? MAX_PAGE_LIMIT : this.limit;
    let stalled = 0;
    let empty = 0;
    const stallCursors = new Set<string>();

    for (;;) {
      if (signal?.aborted) {
        this.interrupted = true;
        return;
      }
      if (deadline !== undefined && clock.now() >= deadline) {
        this.stoppedByDeadline = true;
        return;
      }
      const response = await client.fetchPage(feed, version, request, signal, deadline);
      this.pagesFetched += 1;
      if (response.items.length > pageLimit) {
        throw new ExportError(
          'bad-response',
          `${feed}: the Events API sent a page of ${response.items.length} events, more than the ${pageLimit} asked for; refused`,
        );
      }

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

      // A page that neither carries events nor moves the cursor has nothing for the consumer.
      if (events.length > 0 || dropped > 0 || response.cursor !== position) {
        yield { feed, events, dropped, cursor: response.cursor, hasMore: response.has_more };
      }
      // Reaching here means the consumer asked for more: the page was handed on.
      this.committedCursor = response.cursor;

      if (!response.has_more) return;
      if (position !== undefined) stallCursors.add(position);
      const moved = !stallCursors.has(response.cursor);
      if (events.length > 0) {
        stalled = 0;
        empty = 0;
        stallCursors.clear();
      } else {
        empty += 1;
        if (!moved) stalled += 1;
        if (stalled >= MAX_STALLED_PAGES || empty >= MAX_EMPTY_PAGES) throw this.stuck(stalled, empty);
        if (!moved) await this.backOff(stalled);
      }
      position = response.cursor;
      request = { cursor: response.cursor };
    }
  }

  private stuck(stalled: number, empty: number): ExportError {
    const what =
      stalled >= MAX_STALLED_PAGES
        ? `answered has_more: true ${stalled} times in a row without moving the cursor or sending a new event`
        : `answered has_more: true with no new event ${empty} times in a row`;
    return new ExportError(
      'stuck-feed',
      `${this.options.feed}: the Events API ${what}; the feed was stopped so it cannot loop`,
    );
  }

  /** Waits before asking a stalled feed again, never past the deadline. */
  private async backOff(stalled: number): Promise<void> {
    const { clock, deadline, signal } = this.options;
    const delay = STALL_BACKOFF_MS * 2 ** (stalled - 1);
    if (deadline !== undefined && clock.now() + delay > deadline) {
      throw new DeadlineReached(
        `${this.options.feed}: waiting ${formatDuration(delay)} for a stalled cursor would run past max-duration`,
      );
    }
    await clock.sleep(delay, signal);
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
