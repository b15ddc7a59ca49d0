/**
 * Progress on stderr: a redrawn status line per feed where stderr is a terminal, plain lines every
 * few seconds where it is not (CI logs, pipes).
 */
import type { FeedProgress } from '../export.ts';
import type { Logger } from '../logger.ts';

const PLAIN_INTERVAL_MS = 5_000;

export class StderrProgress {
  private readonly feeds = new Map<string, FeedProgress>();
  private readonly tty: boolean;
  private lastPlain = 0;
  private drawn = false;

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
    if (this.tty) return this.redraw();
    const now = Date.now();
    if (now - this.lastPlain >= PLAIN_INTERVAL_MS) {
      this.lastPlain = now;
      this.stream.write(`${this.status()}\n`);
    }
  }

  done(): void {
    if (this.tty && this.drawn) this.stream.write('\n');
    this.drawn = false;
  }

  private line(message: string): void {
    if (this.tty && this.drawn) this.stream.write('\r\x1b[2K');
    this.stream.write(`${message}\n`);
    if (this.tty && this.drawn) this.redraw();
  }

  private redraw(): void {
    this.stream.write(`\r\x1b[2K${this.status()}`);
    this.drawn = true;
  }

  private status(): string {
    return [...this.feeds.values()]
      .map(
        (p) =>
          `${p.feed}: ${p.events.toLocaleString('en-US')} events, ${p.pages} pages, ${Math.round(p.events / Math.max(0.001, p.elapsedMs / 1000)).toLocaleString('en-US')}/s`,
      )
      .join(' | ');
  }
}
