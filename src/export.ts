/**
 * The core of one run, shared by the action and the CLI: pull every feed through its pager and
 * stream the pages into the run's files. It knows nothing about GitHub; state comes in, outcomes go out.
 */
import type { Clock } from './clock.ts';
import { formatDuration } from './time/duration.ts';
import { ExportError, isExportError } from './errors.ts';
import type { Logger } from './logger.ts';
import type { EventsClient } from './onepassword/client.ts';
import { FEEDS, type ApiVersion, type Feed } from './onepassword/feeds.ts';
import { FeedPager, type PagerStart } from './onepassword/pager.ts';
import type { RawEvent } from './onepassword/types.ts';
import type { Format, WrittenFile } from './output/files.ts';
import { buildManifest, writeManifest } from './output/manifest.ts';
import { RunWriter } from './output/run-writer.ts';
import { RECENT_UUIDS_LIMIT, type StateDocument } from './state/document.ts';
import { nextState, type StateUpdate } from './state/merge.ts';

export interface ExportOptions {
  client: EventsClient;
  clock: Clock;
  logger: Logger;
  feeds: Feed[];
  apiVersion: ApiVersion;
  /** Where a feed without a saved cursor starts. */
  startTime: Date;
  /** Clock time after which no new page is requested (max-duration). */
  deadline?: number;
  previous?: StateDocument;
  writer: RunWriter;
  /** Called after every page that was handed to the writer. */
  onPage?: (progress: FeedProgress) => void;
  /** Aborted to stop early (the CLI's Ctrl-C): no new page is requested, the one in flight is dropped. */
  signal?: AbortSignal;
}

export interface FeedProgress {
  feed: Feed;
  pages: number;
  events: number;
  elapsedMs: number;
  /**
   * How far the feed has come, 0..1: the newest event time so far between where it started and
   * now. Only a hint: the API does not say how many events remain, and a backlog is not spread
   * evenly over time, so this is not the share of the backlog done.
   */
  covered?: number;
  /** Timestamp of the newest event so far (as the API sent it). */
  newestEventTime?: string;
}

export interface FeedOutcome {
  feed: Feed;
  /**
   * `newest-event`: the saved position could not be used (cursor refused by the API, or saved for the
   * other api-version), so the feed restarted from its newest exported event time (see `restart`).
   */
  startedFrom: 'cursor' | 'start-time' | 'newest-event';
  /** Set when the feed could not continue from its saved cursor and restarted from a time instead. */
  restart?: FeedRestart;
  cursorBefore?: string;
  /** Cursor after the last page handed to the writer; the one to save once the files are delivered. */
  cursorAfter?: string;
  events: number;
  pages: number;
  /** Events dropped as repeats of already delivered ones. */
  dropped: number;
  /** True when the API said has_more: false. */
  caughtUp: boolean;
  stoppedByDeadline: boolean;
  /** Stopped by ExportOptions.signal before it caught up; like stoppedByDeadline, more is pending. */
  interrupted?: boolean;
  /** uuids of the newest events this run delivered, oldest first, bounded. */
  recentUuids: string[];
  newestEventTime?: string;
  /** Events per UTC hour (hours since the epoch -> count), for the summary chart; see eventsPerHour. */
  hourCounts: Map<number, number>;
  /** Sign-in attempts per category; empty for the other feeds. */
  categories: Map<string, number>;
  /** Set when the feed stopped on an error; pages before it are still written and count. */
  error?: ExportError;
  /** Why the feed stopped early at max-duration, when a wait would have run past it. */
  deadlineReason?: string;
}

export interface FeedRestart {
  /** `cursor-refused`: the API answered 400 to the saved cursor; `api-version`: the cursor was saved for the other version. */
  reason: 'cursor-refused' | 'api-version';
  /** RFC 3339 time the feed restarted from. */
  from: string;
  /** Whether that is the newest exported event time (else start-time: state kept no event time). */
  fromNewestEvent: boolean;
}

/** Pull every feed concurrently (one shared rate budget lives in the client) into the writer. */
export async function exportFeeds(options: ExportOptions): Promise<FeedOutcome[]> {
  // Pages of different feeds arrive concurrently; the writer takes them one at a time.
  let writeQueue: Promise<unknown> = Promise.resolve();
  const serialWrite = (feed: Feed, events: RawEvent[]) => {
    const next = writeQueue.then(() => options.writer.write(feed, events));
    writeQueue = next.catch(() => undefined);
    return next;
  };
  return Promise.all(options.feeds.map((feed) => exportFeed(feed, options, serialWrite)));
}

async function exportFeed(
  feed: Feed,
  options: ExportOptions,
  write: (feed: Feed, events: RawEvent[]) => Promise<void>,
): Promise<FeedOutcome> {
  const saved = options.previous?.feeds[feed];
  const usable = saved && saved.apiVersion === options.apiVersion ? saved : undefined;
  const delivered = new RecentUuids();
  const outcome: FeedOutcome = {
    feed,
    startedFrom: usable ? 'cursor' : 'start-time',
    events: 0,
    pages: 0,
    dropped: 0,
    caughtUp: false,
    stoppedByDeadline: false,
    recentUuids: [],
    hourCounts: new Map(),
    categories: new Map(),
  };
  if (usable) {
    outcome.cursorBefore = usable.cursor;
    outcome.cursorAfter = usable.cursor;
  }
  if (saved?.newestEventTime) outcome.newestEventTime = saved.newestEventTime;
  const started = options.clock.now();
  const newest = { ms: outcome.newestEventTime ? Date.parse(outcome.newestEventTime) : -Infinity };
  // Where the progress bar starts: the saved position's newest event, else start-time.
  const origin = Number.isFinite(newest.ms) ? newest.ms : options.startTime.getTime();

  /**
   * A saved position that cannot be used as a cursor continues from the newest event it exported
   * (deduplicated against the uuids state kept), never from start-time: that would repeat or skip
   * the whole backlog. Without an event time in state, start-time is all there is.
   */
  const restartFrom = (reason: FeedRestart['reason']): PagerStart => {
    const from = saved?.newestEventTime ? new Date(saved.newestEventTime) : options.startTime;
    const fromNewestEvent = saved?.newestEventTime !== undefined && !Number.isNaN(from.getTime());
    const point = fromNewestEvent ? from : options.startTime;
    outcome.restart = { reason, from: point.toISOString(), fromNewestEvent };
    outcome.startedFrom = fromNewestEvent ? 'newest-event' : 'start-time';
    const why =
      reason === 'cursor-refused'
        ? 'the Events API refused the saved cursor (400)'
        : `the saved cursor belongs to the ${saved?.apiVersion ?? 'other'} endpoints, not ${options.apiVersion}`;
    options.logger.warning(
      fromNewestEvent
        ? `${feed}: ${why}; continuing from the newest exported event (${point.toISOString()}), dropping events already exported. Events that reached the API late with an older time may be missing.`
        : `${feed}: ${why}, and the saved state has no event time; starting from start-time (${point.toISOString()})`,
    );
    return { startTime: point };
  };

  const newPager = (start: PagerStart) =>
    new FeedPager({
      client: options.client,
      feed,
      version: options.apiVersion,
      start,
      knownUuids: saved?.recentUuids ?? [],
      clock: options.clock,
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
      ...(options.signal !== undefined ? { signal: options.signal } : {}),
    });

  let pager: FeedPager;
  if (usable) {
    options.logger.info(`${feed}: resuming from the saved cursor (saved ${usable.savedAt})`);
    pager = newPager({ cursor: usable.cursor });
  } else if (saved) {
    pager = newPager(restartFrom('api-version'));
  } else {
    options.logger.info(`${feed}: no saved cursor, starting at ${options.startTime.toISOString()}`);
    pager = newPager({ startTime: options.startTime });
  }

  const pull = async (current: FeedPager) => {
    for await (const page of current.pages()) {
      if (page.events.length > 0) await write(feed, page.events);
      outcome.pages += 1;
      outcome.events += page.events.length;
      outcome.dropped += page.dropped;
      outcome.cursorAfter = page.cursor;
      for (const event of page.events) {
        delivered.add(event.uuid);
        tally(outcome, feed, event, newest);
      }
      const now = options.clock.now();
      options.onPage?.({
        feed,
        pages: outcome.pages,
        events: outcome.events,
        elapsedMs: now - started,
        ...(newest.ms > origin
          ? { covered: Math.min(1, (newest.ms - origin) / Math.max(1, now - origin)) }
          : {}),
        ...(outcome.newestEventTime ? { newestEventTime: outcome.newestEventTime } : {}),
      });
    }
  };

  try {
    try {
      await pull(pager);
    } catch (error) {
      // Only the saved cursor's own first request: a cursor this run was given is not second-guessed.
      const refused =
        usable !== undefined &&
        pager.pagesFetched === 0 &&
        isExportError(error, 'bad-request') &&
        error.status === 400;
      if (!refused) throw error;
      pager = newPager(restartFrom('cursor-refused'));
      await pull(pager);
    }
    outcome.caughtUp = !pager.stoppedByDeadline && !pager.interrupted;
    outcome.stoppedByDeadline = pager.stoppedByDeadline;
    if (pager.interrupted) outcome.interrupted = true;
    if (pager.deadlineReason !== undefined) {
      outcome.deadlineReason = pager.deadlineReason;
      options.logger.info(`${feed}: stopped at max-duration: ${pager.deadlineReason}`);
    }
  } catch (error) {
    outcome.error = isExportError(error)
      ? error
      : new ExportError('internal', `${feed}: ${error instanceof Error ? error.message : String(error)}`);
    options.logger.warning(
      `${feed}: stopped after ${outcome.pages} pages: ${withoutFeedPrefix(feed, outcome.error.message)}`,
    );
  }
  // Only pages whose events reached the writer move the cursor forward.
  if (pager.committedCursor !== undefined) outcome.cursorAfter = pager.committedCursor;
  outcome.recentUuids = delivered.values();
  options.logger.info(
    `${feed}: ${outcome.events} new events in ${outcome.pages} page${outcome.pages === 1 ? '' : 's'} (${outcome.dropped} repeats dropped) in ${formatDuration(options.clock.now() - started)}`,
  );
  return outcome;
}

/**
 * One line per failed feed that says only what is true for it: its error (without repeating the
 * feed's name), and whether events before the error were written (their position is saved once the
 * files are delivered) or nothing was (its saved position stays, the next run tries again).
 */
export function feedFailureLine(outcome: FeedOutcome): string | undefined {
  if (!outcome.error) return undefined;
  const reason = withoutFeedPrefix(outcome.feed, outcome.error.message);
  const written =
    outcome.events > 0
      ? `${outcome.events} events before the error were written; once they are delivered, the next run continues after them`
      : 'No new events were written for it; its saved position stays, and the next run tries again';
  return `${outcome.feed}: ${reason.replace(/\.$/, '')}. ${written}.`;
}

function withoutFeedPrefix(feed: Feed, message: string): string {
  return message.startsWith(`${feed}: `) ? message.slice(feed.length + 2) : message;
}

function tally(outcome: FeedOutcome, feed: Feed, event: RawEvent, newest: { ms: number }): void {
  const time = Date.parse(event.timestamp);
  if (!Number.isNaN(time)) {
    const hour = Math.floor(time / HOUR_MS);
    outcome.hourCounts.set(hour, (outcome.hourCounts.get(hour) ?? 0) + 1);
    if (time > newest.ms) {
      newest.ms = time;
      outcome.newestEventTime = event.timestamp;
    }
  }
  if (feed === 'signinattempts' && typeof event.category === 'string') {
    outcome.categories.set(event.category, (outcome.categories.get(event.category) ?? 0) + 1);
  }
}

const HOUR_MS = 3_600_000;

/** Events per UTC hour keyed `2026-11-02T14`, from the per-hour counts kept while pulling. */
export function eventsPerHour(outcome: FeedOutcome): Map<string, number> {
  const perHour = new Map<string, number>();
  for (const [hour, count] of outcome.hourCounts)
    perHour.set(new Date(hour * HOUR_MS).toISOString().slice(0, 13), count);
  return perHour;
}

/** The newest uuids a run delivered for a feed, oldest first, at most RECENT_UUIDS_LIMIT. */
class RecentUuids {
  private readonly order: string[] = [];
  add(uuid: string): void {
    this.order.push(uuid);
    // Trim in batches so adding stays O(1) amortised.
    if (this.order.length > RECENT_UUIDS_LIMIT * 2)
      this.order.splice(0, this.order.length - RECENT_UUIDS_LIMIT);
  }
  values(): string[] {
    return this.order.slice(-RECENT_UUIDS_LIMIT);
  }
}

/** The state to save once this run's files are delivered. Feeds not pulled keep their saved state. */
export function nextStateDocument(
  previous: StateDocument | undefined,
  outcomes: FeedOutcome[],
  meta: { account: string; server: string; runLabel: string; apiVersion: ApiVersion; now: Date },
): StateDocument {
  const feeds: StateUpdate['feeds'] = {};
  for (const outcome of outcomes) {
    if (outcome.cursorAfter === undefined) continue; // failed before its first page: keep what was there
    feeds[outcome.feed] = {
      cursor: outcome.cursorAfter,
      apiVersion: meta.apiVersion,
      deliveredUuids: outcome.recentUuids,
      ...(outcome.newestEventTime ? { newestEventTime: outcome.newestEventTime } : {}),
    };
  }
  return nextState(previous, {
    account: meta.account,
    server: meta.server,
    updatedAt: meta.now.toISOString(),
    writtenBy: meta.runLabel,
    feeds,
  });
}

/** Which feeds to pull: the requested ones (or every granted one for `auto`) that the token grants. */
export function decideFeeds(
  requested: readonly Feed[] | 'auto',
  grantedFeatures: readonly string[],
): { feeds: Feed[]; missing: Feed[]; granted: Feed[] } {
  const granted = FEEDS.filter((feed) => grantedFeatures.includes(feed));
  const wanted = requested === 'auto' ? granted : [...requested];
  return {
    feeds: wanted.filter((feed) => granted.includes(feed)),
    missing: wanted.filter((feed) => !granted.includes(feed)),
    granted,
  };
}

/** Per-feed manifest entries from what the pull measured and what the writer saw. */
export function manifestFeeds(
  outcomes: FeedOutcome[],
  writerStats: (feed: Feed) => { firstEventTime?: string; lastEventTime?: string },
): Partial<Record<Feed, ManifestFeed>> {
  const feeds: Partial<Record<Feed, ManifestFeed>> = {};
  for (const outcome of outcomes) {
    const stats = writerStats(outcome.feed);
    feeds[outcome.feed] = {
      count: outcome.events,
      ...(stats.firstEventTime ? { firstEventTime: stats.firstEventTime } : {}),
      ...(stats.lastEventTime ? { lastEventTime: stats.lastEventTime } : {}),
      ...(outcome.cursorBefore ? { cursorBefore: outcome.cursorBefore } : {}),
      ...(outcome.cursorAfter ? { cursorAfter: outcome.cursorAfter } : {}),
    };
  }
  return feeds;
}

export interface ManifestFeed {
  count: number;
  firstEventTime?: string;
  lastEventTime?: string;
  cursorBefore?: string;
  cursorAfter?: string;
}

export interface ExportToFilesOptions extends Omit<ExportOptions, 'writer'> {
  outDir: string;
  runId: string;
  runAttempt: string;
  formats: Format[];
  server: string;
  account: string;
  startedAt: Date;
}

export interface ExportedFiles {
  outcomes: FeedOutcome[];
  /** Data files, as the writer reports them. */
  written: WrittenFile[];
  /** Every file of the run relative to outDir, the manifest included (none when nothing was new). */
  files: string[];
}

/** Pull every feed into the run's files and write the manifest: the part the action and CLI share. */
export async function exportToFiles(options: ExportToFilesOptions): Promise<ExportedFiles> {
  const writer = new RunWriter({
    outDir: options.outDir,
    runId: options.runId,
    runAttempt: options.runAttempt,
    formats: options.formats,
    logger: options.logger,
  });
  let outcomes: FeedOutcome[];
  try {
    outcomes = await exportFeeds({ ...options, writer });
  } catch (error) {
    await writer.abort();
    throw error;
  }
  let written: WrittenFile[];
  try {
    written = await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const files = written.map((file) => file.path);
  if (written.length > 0) {
    const manifest = buildManifest({
      runId: options.runId,
      runAttempt: options.runAttempt,
      startedAt: options.startedAt,
      finishedAt: new Date(options.clock.now()),
      server: options.server,
      account: options.account,
      apiVersion: options.apiVersion,
      files: written,
      feeds: manifestFeeds(outcomes, (feed) => writer.stats(feed)),
    });
    files.push(await writeManifest(options.outDir, manifest));
  }
  return { outcomes, written, files };
}
