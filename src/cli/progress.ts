/**
 * Progress on stderr: where stderr is a terminal, one redrawn line per feed with a bar of the time
 * range covered; elsewhere (CI logs, pipes) a plain status line every few seconds.
 */
import type { FeedProgress } from '../export.ts';
import type { Logger } from '../logger.ts';
import { neutraliseLine } from '../text/log-line.ts';

const PLAIN_INTERVAL_MS = 5_000;

export class StderrProgress {
  private readonly feeds = new Map<string, FeedProgress>();
  private readonly tty: boolean;
  private lastPlain = 0;
  /** Lines of the live display currently on screen (TTY only). */
  private drawnLines = 0;

  constructor(private readonly stream: NodeJS.WritableStream & { isTTY?: boolean }) {
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
    const now = Date.now();
    if (now - this.lastPlain >= PLAIN_INTERVAL_MS) {
      this.lastPlain = now;
      this.stream.write(`${[...this.feeds.values()].map(describe).join(' | ')}\n`);
    }
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
    const lines = [...this.feeds.values()].map((p) =>
      p.covered === undefined ? describe(p) : `${bar(p.covered)} ${describe(p)}`,
    );
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
  return `${p.feed}: ${p.events.toLocaleString('en-US')} events, ${p.pages} pages, ${rate}/s`;
}

/** `[######----]  60%`: how much of its time range a feed has covered. */
export function bar(fraction: number, width = 20): string {
  const clamped = Math.max(0, Math.min(1, fraction));
  const filled = Math.round(clamped * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(clamped * 100)).padStart(3)}%`;
}
