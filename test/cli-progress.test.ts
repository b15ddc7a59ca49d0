import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StderrProgress } from '../src/cli/progress.ts';
import { ExportError } from '../src/errors.ts';
import type { FeedOutcome } from '../src/export.ts';

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

function outcome(feed: FeedOutcome['feed'], fields: Partial<FeedOutcome>): FeedOutcome {
  return {
    feed,
    startedFrom: 'start-time',
    events: 0,
    pages: 0,
    dropped: 0,
    caughtUp: false,
    stoppedByDeadline: false,
    recentUuids: [],
    hourCounts: new Map(),
    categories: new Map(),
    ...fields,
  };
}

describe('CLI progress', () => {
  it('draws one line per feed on a terminal, redrawn in place, with no percentage while running', () => {
    const { stream, text } = capture(true);
    const progress = new StderrProgress(stream);
    progress.update({ feed: 'signinattempts', pages: 1, events: 1000, elapsedMs: 500, covered: 0.25 });
    progress.update({
      feed: 'itemusages',
      pages: 2,
      events: 2000,
      elapsedMs: 1000,
      covered: 0.5,
      newestEventTime: '2026-11-20T14:03:00Z',
    });
    progress.logger().info('a log line');
    const out = text();
    expect(out).toContain('signinattempts: 1,000 events, 1 page, 2,000/s');
    expect(out).toContain('itemusages: 2,000 events, 2 pages, 2,000/s, up to 2026-11-20T14:03:00Z');
    expect(out).not.toMatch(/\d+%/);
    // Before the second draw the first one (1 line) is erased; the log line goes above 2 lines.
    expect(out).toContain('\x1b[1A\x1b[0J');
    expect(out).toContain('\x1b[2A\x1b[0Ja log line\n');
  });

  it('writes plain lines without escape codes elsewhere', () => {
    const { stream, text } = capture(false);
    const progress = new StderrProgress(stream);
    progress.update({ feed: 'auditevents', pages: 3, events: 3000, elapsedMs: 1000, covered: 0.9 });
    progress.logger().warning('careful');
    expect(text()).toBe('auditevents: 3,000 events, 3 pages, 3,000/s\nwarning: careful\n');
  });

  it("says when it waits for the API's rate limit, once per wait", () => {
    const { stream, text } = capture(false);
    let now = 0;
    const progress = new StderrProgress(stream, () => now);
    progress.waiting(400); // ordinary pacing
    progress.waiting(40_000);
    progress.waiting(39_900); // another feed queued for the same slot
    now = 41_000;
    progress.waiting(20_000);
    expect(text()).toBe("waiting for the API's rate limit (40 s)\nwaiting for the API's rate limit (20 s)\n");
  });

  it('ends with one line per feed: done at 100 %, more pending, interrupted, or the failure', () => {
    const { stream, text } = capture(false);
    const progress = new StderrProgress(stream);
    progress.finish([
      outcome('signinattempts', { events: 52_000, pages: 52, caughtUp: true }),
      outcome('itemusages', { events: 1000, pages: 1, stoppedByDeadline: true }),
      outcome('auditevents', { events: 0, pages: 0, interrupted: true }),
    ]);
    progress.finish([
      outcome('auditevents', {
        error: new ExportError('stuck-feed', 'auditevents: the Events API answered has_more: true 5 times'),
      }),
    ]);
    expect(text().split('\n')).toEqual([
      'signinattempts: 100% done, 52,000 events in 52 pages',
      'itemusages: stopped at --max-duration after 1,000 events in 1 page; more is pending',
      'auditevents: interrupted after 0 events in 0 pages; more is pending',
      'auditevents: FAILED after 0 events in 0 pages: the Events API answered has_more: true 5 times. No new events were written for it; its saved position stays, and the next run tries again.',
      '',
    ]);
  });
});
