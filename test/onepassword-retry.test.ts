import { formatDuration } from '../src/time/duration.ts';
import { describe, expect, it } from 'vitest';
import { exhaustedError, RetryPolicy } from '../src/onepassword/retry.ts';
import { parseRetryAfter } from '../src/validate/retry-after.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-01T00:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(['2.5'], now)).toBe(2500);
  });
  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Sun, 01 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 31 Oct 2026 23:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('RetryPolicy', () => {
  it('backs off exponentially from 1 s to a 30 s cap with full jitter', () => {
    const top = new RetryPolicy({ random: () => 0.999_999 });
    const failure = { reason: 'server-error', status: 500, description: '500' } as const;
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((attempt) =>
      Math.round(top.delayAfter(failure, attempt) / 1000),
    );
    expect(ceilings).toEqual([1, 2, 4, 8, 16, 30, 30]);
    const bottom = new RetryPolicy({ random: () => 0 });
    expect(bottom.delayAfter(failure, 5)).toBe(0);
  });

  it('waits exactly as long as Retry-After says, and backs off on a 429 without it', () => {
    const policy = new RetryPolicy({ random: () => 0.5 });
    expect(
      policy.delayAfter({ reason: 'rate-limited', status: 429, retryAfterMs: 12_000, description: '' }, 1),
    ).toBe(12_000);
    expect(policy.delayAfter({ reason: 'rate-limited', status: 429, description: '' }, 3)).toBe(2_000);
  });

  it('stops at maxAttempts or when the next wait would pass maxElapsedMs', () => {
    const policy = new RetryPolicy({ maxAttempts: 3, maxElapsedMs: 10_000 });
    expect(policy.allowsAnother(2, 0, 0)).toBe(true);
    expect(policy.allowsAnother(3, 0, 0)).toBe(false);
    expect(policy.allowsAnother(1, 6_000, 4_000)).toBe(true);
    expect(policy.allowsAnother(1, 6_000, 4_001)).toBe(false);
  });

  it('refuses a non-positive attempt count', () => {
    expect(() => new RetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
  });
});

describe('exhaustedError', () => {
  it('is rate-limited when the last failure was a 429, transient otherwise', () => {
    const limited = exhaustedError(
      'itemusages',
      { reason: 'rate-limited', status: 429, description: '429 Too Many Requests' },
      8,
      95_000,
    );
    expect(limited.kind).toBe('rate-limited');
    expect(limited.status).toBe(429);
    expect(limited.message).toBe(
      'itemusages: gave up after 8 attempts over 1m 35s; last error: 429 Too Many Requests',
    );
    const transient = exhaustedError(
      'auditevents',
      { reason: 'network', description: 'connection reset (ECONNRESET)' },
      1,
      200,
    );
    expect(transient.kind).toBe('transient');
    expect(transient.status).toBeUndefined();
    expect(transient.message).toContain('1 attempt over 200 ms');
  });

  it('formats durations for log lines (the shared formatter)', () => {
    expect([formatDuration(850), formatDuration(4_200), formatDuration(210_000)]).toEqual([
      '850 ms',
      '4.2 s',
      '3m 30s',
    ]);
  });
});
