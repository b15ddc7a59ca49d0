/**
 * How an open alert issue keeps count during a long outage: a visible status table at the end of the
 * body (first and last failure, failed runs, the latest error) and a hidden tally the next run reads
 * back, so that at most one comment a day goes out however often the schedule fails.
 */
import { formatTime } from './messages.ts';

/** At most one "still failing" comment per issue in this long. */
export const COMMENT_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface Tally {
  firstAt: Date;
  lastAt: Date;
  /** Failed runs since the issue was opened, this one included. */
  runs: number;
  /** When the issue was opened or last commented on by us. */
  lastCommentAt: Date;
  /** Failed runs since lastCommentAt. */
  sinceComment: number;
}

const STATUS_START = '<!-- 1password-events-export status -->';
const TALLY_PREFIX = '<!-- 1password-events-export tally=';

/** The tally a newly opened issue starts with. */
export function firstTally(now: Date): Tally {
  return { firstAt: now, lastAt: now, runs: 1, lastCommentAt: now, sinceComment: 0 };
}

/**
 * The tally in an issue body, or undefined when there is none or it does not read back: anyone who
 * can edit the issue can change it, so every field is checked.
 */
export function readTally(body: string): Tally | undefined {
  const start = body.lastIndexOf(TALLY_PREFIX);
  if (start < 0) return undefined;
  const end = body.indexOf(' -->', start);
  if (end < 0) return undefined;
  try {
    const raw = JSON.parse(decodeURIComponent(body.slice(start + TALLY_PREFIX.length, end))) as Record<
      string,
      unknown
    >;
    const dates = ['firstAt', 'lastAt', 'lastCommentAt'].map((name) => new Date(String(raw[name])));
    const counts = [raw.runs, raw.sinceComment];
    if (dates.some((date) => Number.isNaN(date.getTime()))) return undefined;
    if (!counts.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) return undefined;
    const [firstAt, lastAt, lastCommentAt] = dates as [Date, Date, Date];
    return {
      firstAt,
      lastAt,
      lastCommentAt,
      runs: raw.runs as number,
      sinceComment: raw.sinceComment as number,
    };
  } catch {
    return undefined;
  }
}

/** One more failed run. A body without a readable tally counts from this run, and comments now. */
export function countFailure(previous: Tally | undefined, now: Date): { tally: Tally; comment: boolean } {
  const counted: Tally = previous
    ? { ...previous, lastAt: now, runs: previous.runs + 1, sinceComment: previous.sinceComment + 1 }
    : { firstAt: now, lastAt: now, runs: 1, lastCommentAt: new Date(0), sinceComment: 1 };
  const comment = now.getTime() - counted.lastCommentAt.getTime() >= COMMENT_INTERVAL_MS;
  return { tally: comment ? { ...counted, lastCommentAt: now, sinceComment: 0 } : counted, comment };
}

/**
 * `body` with its status section (re)written: Markdown `latest` is the newest failure's one-line
 * summary, already escaped by its builder (src/alerts/messages.ts).
 */
export function withStatus(body: string, tally: Tally, latest: string): string {
  const start = body.indexOf(STATUS_START);
  const base = (start < 0 ? body : body.slice(0, start)).replace(/\s+$/, '');
  const encoded = encodeURIComponent(
    JSON.stringify({
      firstAt: tally.firstAt.toISOString(),
      lastAt: tally.lastAt.toISOString(),
      runs: tally.runs,
      lastCommentAt: tally.lastCommentAt.toISOString(),
      sinceComment: tally.sinceComment,
    }),
  );
  return [
    base,
    '',
    STATUS_START,
    '### Status',
    '',
    '| | |',
    '|---|---|',
    `| First failure | ${formatTime(tally.firstAt)} |`,
    `| Last failure | ${formatTime(tally.lastAt)} |`,
    `| Failed runs | ${tally.runs} |`,
    '',
    // Not in the table: the summary is Markdown made for a paragraph (code spans may hold a pipe).
    `**Latest:** ${latest}`,
    '',
    'At most one comment a day is added while the problem lasts; this table is kept current by every run.',
    `${TALLY_PREFIX}${encoded} -->`,
  ].join('\n');
}
