/**
 * RFC 3339 timestamps at full (nanosecond) precision. JavaScript dates stop at milliseconds, but
 * audit events carry nanoseconds, so an instant is kept as whole milliseconds plus the nanoseconds
 * inside that millisecond. That keeps `start_time <= timestamp` exact.
 */
export interface Instant {
  /** Milliseconds since the epoch (whole). */
  ms: number;
  /** Nanoseconds within that millisecond, 0..999999. */
  subNanos: number;
}

/** Go's RFC 3339 parser is strict about the `T` and `Z`; the simulator is as strict. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

export function parseRfc3339(text: string): Instant | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour);
  const mi = Number(minute);
  const s = Number(second);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 60) return undefined;
  let offset = 0;
  if (sign !== undefined) {
    const oh = Number(offsetHours);
    const om = Number(offsetMinutes);
    if (oh > 23 || om > 59) return undefined;
    offset = (sign === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const nanos = (fraction ?? '').slice(0, 9).padEnd(9, '0');
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const utc = new Date(0);
  utc.setUTCFullYear(y, mo - 1, d);
  utc.setUTCHours(h, mi, s, Number(nanos.slice(0, 3)));
  const ms = utc.getTime() - offset * 60_000;
  return { ms, subNanos: Number(nanos.slice(3)) };
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.ms - b.ms || a.subNanos - b.subNanos;
}

export type TimestampPrecision = 'seconds' | 'millis' | 'nanos';

/**
 * Formats an instant as RFC 3339 in the given UTC offset (minutes; 0 => `Z`), with the fraction the
 * feed uses: none, 3 or 9 digits. `goTrim` drops trailing zeros of a nanosecond fraction (and the dot
 * when nothing is left), as Go's RFC3339Nano layout does: real audit events have 8-digit fractions.
 */
export function formatRfc3339(
  instant: Instant,
  precision: TimestampPrecision,
  offsetMinutes = 0,
  goTrim = false,
): string {
  const local = new Date(instant.ms + offsetMinutes * 60_000);
  const base = local.toISOString().slice(0, 19);
  const millis = String(local.getUTCMilliseconds()).padStart(3, '0');
  const fraction =
    precision === 'seconds'
      ? ''
      : precision === 'millis'
        ? `.${millis}`
        : `.${millis}${String(instant.subNanos).padStart(6, '0')}`;
  const trimmed = goTrim && precision === 'nanos' ? fraction.replace(/\.?0+$/, '') : fraction;
  return base + trimmed + formatOffset(offsetMinutes);
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
