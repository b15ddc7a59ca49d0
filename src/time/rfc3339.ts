/**
 * RFC 3339 timestamps as exact integers. The API sends nanoseconds with any UTC offset, and `Date`
 * would truncate to milliseconds, so the arithmetic here is done on the digits: calendar days, then
 * seconds, then microseconds as a BigInt. Digits beyond the microsecond are truncated (not rounded),
 * so a Parquet value never lies in the future of the original instant.
 */

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_DAY = 86_400n * MICROS_PER_SECOND;

/**
 * Microseconds since the Unix epoch (UTC) of an RFC 3339 date-time, or null when the string is
 * not one (bad shape or out-of-range fields such as month 13 or February 30). A leap second
 * (`:60`) is accepted and counts as the first second of the next minute, as POSIX time does.
 */
export function parseRfc3339Micros(text: string): bigint | null {
  // Read character codes instead of running a regular expression: this runs for every timestamp
  // of every event, and the regex with its capture strings was a few percent of an export's CPU.
  const length = text.length;
  if (length < 20) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  const t = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    (t !== UPPER_T && t !== LOWER_T && t !== SPACE)
  ) {
    return null;
  }
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return null;
  let i = 19;
  let micros = 0;
  if (text.charCodeAt(i) === DOT) {
    const first = ++i;
    while (i < length && isDigit(text.charCodeAt(i))) {
      if (i - first < 6) micros = micros * 10 + (text.charCodeAt(i) - ZERO);
      i++;
    }
    if (i === first) return null;
    for (let n = Math.min(i - first, 6); n < 6; n++) micros *= 10;
  }
  let offsetSeconds = 0;
  const zone = text.charCodeAt(i);
  if (zone === UPPER_Z || zone === LOWER_Z) {
    if (i + 1 !== length) return null;
  } else if (zone === PLUS || zone === DASH) {
    if (i + 6 !== length || text.charCodeAt(i + 3) !== COLON) return null;
    const offsetHours = digits(text, i + 1, 2);
    const offsetMinutes = digits(text, i + 4, 2);
    if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 23 || offsetMinutes > 59) return null;
    offsetSeconds = (zone === DASH ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  // Whole seconds stay well inside Number's exact range (year 9999 is about 2.5e11 s), and so do
  // microseconds up to about year 2255; past that the BigInt path is exact.
  const seconds =
    daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  const total = seconds * 1_000_000 + micros;
  return Number.isSafeInteger(total) ? BigInt(total) : BigInt(seconds) * MICROS_PER_SECOND + BigInt(micros);
}

const ZERO = 48;
const DASH = 45;
const PLUS = 43;
const DOT = 46;
const COLON = 58;
const SPACE = 32;
const UPPER_T = 84;
const LOWER_T = 116;
const UPPER_Z = 90;
const LOWER_Z = 122;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

/** The number written by `count` digits at `start`, or -1 when any of them is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - ZERO);
  }
  return value;
}

/** The UTC calendar date (YYYY-MM-DD) of an instant given in microseconds since the epoch. */
export function utcDateOfMicros(micros: bigint): string {
  const { year, month, day } = civilFromDays(Number(floorDiv(micros, MICROS_PER_DAY)));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ`: the canonical UTC form of a microsecond instant. */
export function formatMicrosUtc(micros: bigint): string {
  const days = floorDiv(micros, MICROS_PER_DAY);
  const inDay = micros - days * MICROS_PER_DAY;
  const secondOfDay = Number(inDay / MICROS_PER_SECOND);
  const fraction = Number(inDay % MICROS_PER_SECOND);
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  const ss = secondOfDay % 60;
  return `${utcDateOfMicros(micros)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}.${pad(fraction, 6)}Z`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Proleptic Gregorian calendar <-> days since 1970-01-01 (H. Hinnant's public-domain algorithms).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** An RFC 3339 date-time with an offset (`Z` or `±hh:mm`), as the Events API takes it, to the millisecond. */
export function parseRfc3339(text: string): Date | undefined {
  const micros = parseRfc3339Micros(text.trim());
  return micros === null ? undefined : new Date(Number(micros / 1000n));
}
