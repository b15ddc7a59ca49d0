/**
 * Progress on stderr, saying only what is known: per feed the events and pages so far, their rate
 * and the newest event time reached. The API never says how many events remain, so there is no
 * percentage while a feed runs; each feed ends with one line saying whether it is done (100 %),
 * more is pending, it was interrupted, or it failed. Waits for the API's rate limit get their own
 * line. Where stderr is a terminal the per-feed lines are redrawn in place; elsewhere (CI logs,
 * pipes) a plain status line is written every few seconds.
 */
import type { FeedOutcome, FeedProgress } from '../export.ts';
import { feedFailureLine } from '../export.ts';
import type { Logger } from '../logger.ts';
import { neutraliseLine } from '../text/log-line.ts';

const PLAIN_INTERVAL_MS = 5_000;
/** Shorter waits are ordinary pacing and not worth a line. */
const WAIT_WORTH_SAYING_MS = 1_000;

export class StderrProgress {
  private readonly feeds = new Map<string, FeedProgress>();
  private readonly tty: boolean;
  private lastPlain = 0;
  /** Until when the last reported rate-limit wait runs (several feeds wait for the same slot). */
  private waitReportedUntil = 0;
  /** Lines of the live display currently on screen (TTY only). */
  private drawnLines = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly now: () => number = Date.now,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  logger(): Logger {
    return {
      info: (message) => this.line(message),
      warning: (message) => this.line(`warning: ${message}`),
      debug: () => {},
    };
  }

  update(progress: FeedProgress): void {
    this.feeds.set(progress.feed, progress);
    if (this.tty) {
      this.redraw();
      return;
    }
    const now = this.now();
    if (now - this.lastPlain >= PLAIN_INTERVAL_MS) {
      this.lastPlain = now;
      this.stream.write(`${[...this.feeds.values()].map(describe).join(' | ')}\n`);
    }
  }

  /** A request has to wait `waitMs` for the API's rate limit: say so once per wait. */
  waiting(waitMs: number): void {
    if (waitMs < WAIT_WORTH_SAYING_MS) return;
    const until = this.now() + waitMs;
    if (until <= this.waitReportedUntil + WAIT_WORTH_SAYING_MS) return;
    this.waitReportedUntil = until;
    this.line(`waiting for the API's rate limit (${Math.ceil(waitMs / 1000)} s)`);
  }

  /** The last word per feed, below the live display, which stops being redrawn. */
  finish(outcomes: readonly FeedOutcome[]): void {
    this.erase();
    this.feeds.clear();
    for (const outcome of outcomes) this.stream.write(`${finalLine(outcome)}\n`);
  }

  /** Leaves the last display on screen and stops redrawing over it. */
  done(): void {
    this.drawnLines = 0;
  }

  /**
   * A log line goes above the live display, which is drawn again below it. Neutralised: the CLI may
   * run in a workflow step, whose stderr the runner reads for commands, or on a terminal.
   */
  private line(message: string): void {
    this.erase();
    this.stream.write(`${neutraliseLine(message)}\n`);
    if (this.tty && this.feeds.size > 0) this.redraw();
  }

  private redraw(): void {
    this.erase();
    const lines = [...this.feeds.values()].map(describe);
    this.stream.write(lines.map((l) => `\x1b[2K${l}\n`).join(''));
    this.drawnLines = lines.length;
  }

  private erase(): void {
    if (!this.tty || this.drawnLines === 0) return;
    this.stream.write(`\x1b[${this.drawnLines}A\x1b[0J`);
    this.drawnLines = 0;
  }
}

function describe(p: FeedProgress): string {
  const rate = Math.round(p.events / Math.max(0.001, p.elapsedMs / 1000)).toLocaleString('en-US');
  const upTo = p.newestEventTime ? `, up to ${p.newestEventTime}` : '';
  return `${p.feed}: ${p.events.toLocaleString('en-US')} events, ${pages(p.pages)}, ${rate}/s${upTo}`;
}

function pages(count: number): string {
  return `${count.toLocaleString('en-US')} page${count === 1 ? '' : 's'}`;
}

/** One line per feed at the end: done (100 %), more pending, interrupted, or the failure. */
export function finalLine(o: FeedOutcome): string {
  const counted = `${o.events.toLocaleString('en-US')} events in ${pages(o.pages)}`;
  if (o.error)
    return `${o.feed}: FAILED after ${counted}: ${feedFailureLine(o)?.slice(o.feed.length + 2) ?? ''}`;
  if (o.interrupted) return `${o.feed}: interrupted after ${counted}; more is pending`;
  if (o.stoppedByDeadline) return `${o.feed}: stopped at --max-duration after ${counted}; more is pending`;
  return `${o.feed}: 100% done, ${counted}`;
}
