import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bar, StderrProgress } from '../src/cli/progress.ts';

function capture(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  return { stream, text: () => text };
}

describe('CLI progress', () => {
  it('draws one bar line per feed on a terminal and redraws them in place', () => {
    const { stream, text } = capture(true);
    const progress = new StderrProgress(stream);
    progress.update({ feed: 'signinattempts', pages: 1, events: 1000, elapsedMs: 500, covered: 0.25 });
    progress.update({ feed: 'itemusages', pages: 2, events: 2000, elapsedMs: 1000, covered: 0.5 });
    progress.logger().info('a log line');
    const out = text();
    expect(out).toContain('[#####---------------]  25% signinattempts: 1,000 events, 1 pages, 2,000/s');
    expect(out).toContain('[##########----------]  50% itemusages: 2,000 events, 2 pages, 2,000/s');
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

  it('clamps the bar', () => {
    expect(bar(1.7, 4)).toBe('[####] 100%');
    expect(bar(-1, 4)).toBe('[----]   0%');
  });
});
