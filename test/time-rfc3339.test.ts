import { describe, expect, it } from 'vitest';
import { formatMicrosUtc, parseRfc3339Micros, utcDateOfMicros } from '../src/time/rfc3339.ts';
import { isoWithOffset, random } from './fixtures/output/events.ts';
import { expectedMicros } from './fixtures/output/readback.ts';

describe('parseRfc3339Micros', () => {
  it.each([
    ['2026-10-14T09:21:37.418263905Z', 1_791_969_697_418_263n],
    ['2026-10-14T09:25:02.551Z', 1_791_969_902_551_000n],
    ['2026-10-14T09:30:45Z', 1_791_970_245_000_000n],
    ['1970-01-01T00:00:00Z', 0n],
    ['1970-01-01T00:00:00.000001Z', 1n],
    ['1969-12-31T23:59:59.999999Z', -1n],
    ['1970-01-01T09:00:00+09:00', 0n],
    ['1969-12-31T21:00:00-03:00', 0n],
  ])('%s is %d µs after the epoch', (text, micros) => {
    expect(parseRfc3339Micros(text)).toBe(micros);
  });

  it('keeps microseconds that Date would drop, and truncates (never rounds) below them', () => {
    expect(parseRfc3339Micros('2026-10-14T08:02:11.007341226Z')! % 1_000_000n).toBe(7341n);
    expect(parseRfc3339Micros('2026-10-14T08:02:11.999999999Z')! % 1_000_000n).toBe(999_999n);
    expect(parseRfc3339Micros('2026-10-14T08:02:11.5Z')! % 1_000_000n).toBe(500_000n);
  });

  it('applies offsets: the same instant written three ways', () => {
    const utc = parseRfc3339Micros('2026-10-15T02:30:00.123456Z');
    expect(parseRfc3339Micros('2026-10-14T23:30:00.123456-03:00')).toBe(utc);
    expect(parseRfc3339Micros('2026-10-15T11:30:00.123456+09:00')).toBe(utc);
    expect(parseRfc3339Micros('2026-10-15T02:30:00.123456-00:00')).toBe(utc);
  });

  it('accepts the lower-case and space forms RFC 3339 allows', () => {
    const utc = parseRfc3339Micros('2026-10-14T09:30:45Z');
    expect(parseRfc3339Micros('2026-10-14t09:30:45z')).toBe(utc);
    expect(parseRfc3339Micros('2026-10-14 09:30:45Z')).toBe(utc);
  });

  it('handles calendar edges: leap days, year ends, a leap second', () => {
    expect(parseRfc3339Micros('2024-02-29T00:00:00Z')).toBe(expectedMicros('2024-02-29T00:00:00Z'));
    expect(parseRfc3339Micros('2000-02-29T12:00:00Z')).toBe(expectedMicros('2000-02-29T12:00:00Z'));
    expect(parseRfc3339Micros('9999-12-31T23:59:59.999999999Z')).toBe(
      expectedMicros('9999-12-31T23:59:59.999999Z'),
    );
    expect(parseRfc3339Micros('1900-03-01T00:00:00Z')).toBe(expectedMicros('1900-03-01T00:00:00Z'));
    expect(parseRfc3339Micros('2016-12-31T23:59:60Z')).toBe(expectedMicros('2017-01-01T00:00:00Z'));
  });

  it.each([
    'yesterday',
    '',
    '2026-10-14',
    '2026-10-14T09:30:45', // no offset
    '2026-10-14T09:30Z',
    '2026-10-14T09:30:45.Z',
    '2026-10-14T09:30:45+0900',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-02-29T00:00:00Z', // not a leap year
    '2026-04-31T00:00:00Z',
    '2026-10-14T24:00:00Z',
    '2026-10-14T23:60:00Z',
    '2026-10-14T23:59:61Z',
    '2026-10-14T23:59:59+24:00',
    '2026-10-14T23:59:59+10:60',
    ' 2026-10-14T09:30:45Z',
    '2026-10-14T09:30:45Z\n',
    '２０２６-10-14T09:30:45Z',
  ])('rejects %j', (text) => {
    expect(parseRfc3339Micros(text)).toBeNull();
  });

  it('agrees with an independent computation on 2,000 random instants, offsets and precisions', () => {
    const next = random(7);
    const offsets = ['Z', '-03:00', '+09:00', '+05:30', '-12:00', '+14:00', '-00:00'];
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor((next() * 2 - 0.5) * 4e12); // about 1906..2096
      const text = isoWithOffset(ms, offsets[i % offsets.length]!, i % 10, next);
      expect(parseRfc3339Micros(text), text).toBe(expectedMicros(text));
    }
  });
});

describe('utcDateOfMicros and formatMicrosUtc', () => {
  it('dates an instant by UTC, around midnight and before the epoch', () => {
    expect(utcDateOfMicros(expectedMicros('2026-10-14T23:30:00-03:00'))).toBe('2026-10-15');
    expect(utcDateOfMicros(expectedMicros('2026-10-15T08:30:00+09:00'))).toBe('2026-10-14');
    expect(utcDateOfMicros(expectedMicros('2026-10-14T23:59:59.999999Z'))).toBe('2026-10-14');
    expect(utcDateOfMicros(expectedMicros('2026-10-15T00:00:00Z'))).toBe('2026-10-15');
    expect(utcDateOfMicros(-1n)).toBe('1969-12-31');
    expect(utcDateOfMicros(0n)).toBe('1970-01-01');
  });

  it('formats the canonical UTC form, which parses back to the same instant', () => {
    expect(formatMicrosUtc(expectedMicros('2026-10-14T23:30:00.000007-03:00'))).toBe(
      '2026-10-15T02:30:00.000007Z',
    );
    expect(formatMicrosUtc(-1n)).toBe('1969-12-31T23:59:59.999999Z');
    const next = random(11);
    for (let i = 0; i < 1000; i++) {
      const micros = BigInt(Math.floor((next() * 2 - 0.5) * 4e15));
      expect(parseRfc3339Micros(formatMicrosUtc(micros))).toBe(micros);
      expect(utcDateOfMicros(micros)).toBe(new Date(Number(micros / 1000n)).toISOString().slice(0, 10));
    }
  });
});

describe('parseRfc3339Micros against an independent parser', () => {
  it('agrees on 5,000 random timestamps of every shape and refuses mangled ones', async () => {
    const { rfc3339Micros } = await import('./support/parquet-expect.ts');
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    for (let i = 0; i < 5_000; i++) {
      const date = `${pad(1971 + next(80), 4)}-${pad(1 + next(12), 2)}-${pad(1 + next(28), 2)}`;
      const time = `${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}`;
      const fraction = ['', `.${pad(next(1000), 3)}`, `.${pad(next(1e9), 9)}`, `.${next(10)}`][next(4)];
      const zone = ['Z', 'z', `+${pad(next(14), 2)}:${pad(next(60), 2)}`, `-${pad(next(12), 2)}:30`][next(4)];
      const text = `${date}${['T', 't', ' '][next(3)]}${time}${fraction}${zone}`;
      expect(parseRfc3339Micros(text), text).toBe(rfc3339Micros(text));
      const cut = text.slice(0, next(text.length));
      expect(parseRfc3339Micros(cut), cut).toBeNull();
      expect(parseRfc3339Micros(`${text}x`)).toBeNull();
    }
  });
});
