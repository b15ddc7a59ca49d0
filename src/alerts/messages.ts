import type { Feed } from '../onepassword/feeds.ts';
import { alertMarker, kindMarker } from './alert.ts';
import type { Alert, AlertKind } from './alert.ts';
import { escapeControlCharacters } from '../text/log-line.ts';
import { codeSpan, tableCode } from '../text/markdown.ts';

/**
 * Facts every alert may mention. Builders copy only the fields they know, and none of them takes
 * the token: an issue body cannot leak what it was never given.
 */
export interface AlertFacts {
  /** When the problem was seen. */
  at: Date;
  /** Link to the workflow run. */
  runUrl: string;
  /** Events API base URL. */
  server?: string;
  /** 1Password account (uuid or name), to tell several accounts in one repository apart. */
  account?: string;
  /** Same namespace as the AlertIssues instance; AlertIssues stamps its own marker either way. */
  namespace?: string;
}

const TITLE_PREFIX = '1Password events export';

/** Where the token is managed, as the 1Password admin console names it. */
const INTEGRATION_PATH = '**Integrations → Events Reporting**';

const FEED_NAMES: Record<Feed, string> = {
  signinattempts: 'sign-in attempts',
  itemusages: 'item usages',
  auditevents: 'audit events',
};

const REGION_SERVERS = [
  ['1password.com', 'https://events.1password.com'],
  ['1password.ca', 'https://events.1password.ca'],
  ['1password.eu', 'https://events.1password.eu'],
  ['ent.1password.com', 'https://events.ent.1password.com'],
] as const;

export function authFailedAlert(
  facts: AlertFacts & { server: string; reason?: 'expired' | 'unauthorized'; expiredAt?: Date },
): Alert {
  const expired = facts.reason === 'expired';
  const expiry = expired && facts.expiredAt ? ` (the token expired at ${formatTime(facts.expiredAt)})` : '';
  const summary = `The Events API answered 401 Unauthorized at ${codeSpan(facts.server)}${expiry}; no events were exported.`;
  const firstStep = expired
    ? `The token has expired${facts.expiredAt ? ` (at ${formatTime(facts.expiredAt)})` : ''}. In the 1Password admin console, open ${INTEGRATION_PATH}, issue a new token with the same event types, and revoke the old one.`
    : `Check that the \`token\` secret holds a token issued by the **Events Reporting** integration (not a service-account or Connect token), and that it has not expired and was not revoked or regenerated since.`;
  const body = [
    markerFor('auth-failed', facts),
    '## The 1Password Events API refused the token',
    '',
    `The Events API answered **401 Unauthorized** at ${codeSpan(facts.server)}, so this run exported no events.${expired ? ` The token expired${facts.expiredAt ? ` at ${formatTime(facts.expiredAt)}` : ''}.` : ''}`,
    '',
    factsTable(facts),
    '',
    '### What to do',
    '',
    `1. ${firstStep}`,
    `2. Check that the server matches the account's region: ${REGION_SERVERS.map(([region, url]) => `\`${url}\` for ${region}`).join(', ')}. Set the \`server-url\` input when the token does not name the right one.`,
    `3. In the 1Password admin console, open ${INTEGRATION_PATH} and check that the integration is still active.`,
    '4. Update the repository secret that the workflow passes as `token` (Settings → Secrets and variables → Actions).',
    '',
    FOOTER_RECOVERS,
  ].join('\n');
  return {
    kind: 'auth-failed',
    title: titleFor('the Events Reporting token was refused', facts),
    body,
    summary,
  };
}

export function missingScopeAlert(facts: AlertFacts & { missing: Feed[]; granted: Feed[] }): Alert {
  const missing = facts.missing.map(feedLabel).join(', ');
  const still =
    facts.granted.length > 0
      ? `The other feeds keep being exported: ${facts.granted.map((feed) => `\`${feed}\``).join(', ')}.`
      : 'The token grants none of the feeds, so nothing is exported until it is replaced.';
  const summary = `The token does not grant ${missing}; ${facts.missing.length === 1 ? 'that feed was' : 'those feeds were'} skipped.`;
  const body = [
    markerFor('missing-scope', facts),
    '## The token cannot read some of the requested event types',
    '',
    `The workflow asked for ${missing}, but the Events Reporting token does not grant ${facts.missing.length === 1 ? 'it' : 'them'}. ${still}`,
    '',
    factsTable(facts),
    '',
    '### What to do',
    '',
    `1. In the 1Password admin console, open ${INTEGRATION_PATH} and issue a new token with these event types selected: ${[...facts.granted, ...facts.missing].map((feed) => FEED_NAMES[feed]).join(', ')}. The event types of an existing token cannot be changed.`,
    '2. Update the repository secret that the workflow passes as `token`, then revoke the old token.',
    ...(facts.granted.length > 0
      ? [
          `3. Or, if you do not want those events, set the \`events\` input to the feeds the token grants: \`events: ${facts.granted.join(',')}\`.`,
        ]
      : []),
    '',
    FOOTER_RECOVERS,
  ].join('\n');
  return {
    kind: 'missing-scope',
    title: titleFor('the token lacks some event types', facts),
    body,
    summary,
  };
}

export function lostStateAlert(
  facts: AlertFacts & { feeds: Feed[]; startTime: Date; lastExportAt?: Date },
): Alert {
  const feeds = facts.feeds.map(feedLabel).join(', ');
  const start = formatTime(facts.startTime);
  const last = facts.lastExportAt ? formatTime(facts.lastExportAt) : undefined;
  const noGap = facts.lastExportAt !== undefined && facts.startTime.getTime() <= facts.lastExportAt.getTime();
  const consequence = noGap
    ? `The restart point is before the last export (${last}), so no events should be missing, but events after ${start} are exported a second time: drop duplicates on \`uuid\`.`
    : `Events between ${last ? `the last export (${last})` : 'the last export'} and ${start} may be missing from the export.`;
  const summary = `The saved position of ${feeds} was lost; restarted from ${start}.`;
  const body = [
    markerFor('lost-state', facts),
    '## The saved export position was lost: events may be missing',
    '',
    `No saved position (cursor) was found for ${feeds}, although this repository exported events before. ${facts.feeds.length === 1 ? 'It' : 'They'} restarted from \`start-time\` (${start}). ${consequence}`,
    '',
    factsTable({ ...facts, extra: last ? [['Last export', last]] : [] }),
    '',
    '### How to backfill',
    '',
    `1. Run the workflow by hand (\`workflow_dispatch\`) with ${last ? `\`start-time: ${last}\`` : "`start-time` set to the time of the last successful export (see the workflow's run history)"} (RFC 3339, at most 120 days ago: the Events API keeps nothing older), a \`state-key\` that was never used (for example \`1password-events-backfill\`) and \`destination: artifact\`, so the run starts at that time and leaves the regular runs' saved position alone.`,
    `2. The backfill overlaps what was already exported. Drop duplicates on \`uuid\` when reading, for example in DuckDB: \`SELECT * FROM read_parquet('${facts.feeds[0] ?? 'signinattempts'}/date=*/*.parquet', hive_partitioning = true) QUALIFY row_number() OVER (PARTITION BY uuid ORDER BY timestamp) = 1\`.`,
    '',
    '### Why this happens',
    '',
    'Actions cache entries are evicted when not used for 7 days or when the repository goes over its cache quota; the state is also not found when `state-key`, the account or the server changed. Running at least once a week keeps the cache entry; with `destination: repo` the state is committed with the data and cannot be evicted.',
    '',
    'The next run that finds its saved position again closes this issue; a gap stays until it is backfilled. A new loss adds a comment here.',
  ].join('\n');
  return {
    kind: 'lost-state',
    title: titleFor('saved state was lost, events may be missing', facts),
    body,
    summary,
  };
}

/**
 * The saved copies of the position disagree in a way the run cannot settle by itself (see
 * src/state/store.ts restoreAuthoritative): nothing was pulled or committed.
 */
export function stateConflictAlert(facts: AlertFacts & { what: string; todo: string }): Alert {
  const summary = `State conflict: ${facts.what}`;
  const body = [
    markerFor('state-conflict', facts),
    '## The saved export position cannot be used: the export is paused',
    '',
    facts.what,
    '',
    factsTable(facts),
    '',
    '### What to do',
    '',
    facts.todo,
    '',
    'Every run checks again and exports nothing until the conflict is resolved; the first run that can use the saved position again closes this issue.',
  ].join('\n');
  return {
    kind: 'state-conflict',
    title: titleFor('the saved state is in conflict, export paused', facts),
    body,
    summary,
  };
}

export function tokenExpiringAlert(facts: AlertFacts & { expiresAt: Date; daysLeft: number }): Alert {
  const expires = formatTime(facts.expiresAt);
  const when =
    facts.daysLeft < 1 ? 'in less than a day' : `in ${facts.daysLeft} day${facts.daysLeft === 1 ? '' : 's'}`;
  const summary = `The Events Reporting token expires at ${expires} (${when}).`;
  const body = [
    markerFor('token-expiring', facts),
    '## The Events Reporting token expires soon',
    '',
    `The token expires at **${expires}** (${when}). After that the Events API refuses it (401 Unauthorized) and the export stops.`,
    '',
    factsTable({ ...facts, extra: [['Expires', expires]] }),
    '',
    '### What to do',
    '',
    `1. In the 1Password admin console, open ${INTEGRATION_PATH} and issue a new token with the same event types.`,
    '2. Update the repository secret that the workflow passes as `token`.',
    '3. Revoke the old token once a run with the new one succeeded.',
    '',
    'The first run with a token that is not about to expire closes this issue.',
  ].join('\n');
  return {
    kind: 'token-expiring',
    title: titleFor('the Events Reporting token expires soon', facts),
    body,
    summary,
  };
}

export function stuckFeedAlert(facts: AlertFacts & { feeds: Feed[]; detail: string }): Alert {
  const feeds = facts.feeds.map(feedLabel).join(', ');
  const summary = `${feeds}: the Events API kept answering has_more: true without moving; the feed was stopped.`;
  const body = [
    markerFor('stuck-feed', facts),
    '## The Events API stopped moving a feed forward',
    '',
    `For ${feeds} the Events API kept answering \`has_more: true\` while the cursor did not move and no new events came. The export stopped ${facts.feeds.length === 1 ? 'that feed' : 'those feeds'} after a few pages so it could not loop and use up the account's shared rate limit (other integrations of the account use it too). The other feeds were exported and their position saved. Nothing is lost: the saved position of ${facts.feeds.length === 1 ? 'this feed' : 'these feeds'} did not move, and every run tries again.`,
    '',
    factsTable({ ...facts, extra: [['What the server did', facts.detail]] }),
    '',
    '### What to do',
    '',
    '1. Nothing, if the next run gets through: this is a server-side problem and this issue closes itself.',
    `2. If it lasts, check [1Password's status page](https://status.1password.com) and contact 1Password support with the time above and the server; say that the cursor of ${facts.feeds.map((feed) => `\`/api/v2/${feed}\``).join(', ')} returns itself with \`has_more: true\`.`,
    '3. Events older than 120 days are deleted by the API: if this lasts for weeks, events are lost at the API.',
    '',
    FOOTER_RECOVERS,
  ].join('\n');
  return {
    kind: 'stuck-feed',
    title: titleFor('a feed stopped moving forward', facts),
    body,
    summary,
  };
}

export function cursorRefusedAlert(
  facts: AlertFacts & { feeds: Feed[]; restartFrom: Date; fromNewestEvent: boolean },
): Alert {
  const feeds = facts.feeds.map(feedLabel).join(', ');
  const from = formatTime(facts.restartFrom);
  const point = facts.fromNewestEvent
    ? `the newest event it had exported (${from})`
    : `\`start-time\` (${from}), because the saved state held no event time`;
  const summary = `The Events API refused the saved cursor of ${feeds}; restarted from ${from}.`;
  const consequence = facts.fromNewestEvent
    ? `Events already exported were dropped by their \`uuid\`, so nothing is written twice. Events that reached the API late, with a time older than ${from}, may be missing: a restart by time only asks for events at or after it.`
    : `Events between the last export and ${from} may be missing, and events after it may be exported twice: drop duplicates on \`uuid\` when reading.`;
  const body = [
    markerFor('cursor-refused', facts),
    '## The Events API refused the saved position of a feed',
    '',
    `The Events API answered **400 Bad Request** to the saved cursor of ${feeds} (it may have expired or been invalidated by a change on the server). Instead of failing run after run, the export restarted ${facts.feeds.length === 1 ? 'that feed' : 'those feeds'} from ${point}. ${consequence}`,
    '',
    factsTable({ ...facts, extra: [['Restarted from', from]] }),
    '',
    '### What to do',
    '',
    `1. To be sure nothing is missing, backfill by hand (\`workflow_dispatch\`) with \`start-time\` a little before ${from} (for example an hour), a \`state-key\` that was never used and \`destination: artifact\`, so the regular runs' position stays as it is.`,
    `2. Drop duplicates on \`uuid\` when reading the backfill together with the regular export, for example in DuckDB: \`SELECT * FROM read_parquet('${facts.feeds[0] ?? 'signinattempts'}/date=*/*.parquet', hive_partitioning = true) QUALIFY row_number() OVER (PARTITION BY uuid ORDER BY timestamp) = 1\`.`,
    '',
    'The next run that continues from its saved cursor closes this issue. If a cursor is refused again, a comment is added here.',
  ].join('\n');
  return {
    kind: 'cursor-refused',
    title: titleFor('a saved cursor was refused, the feed restarted', facts),
    body,
    summary,
  };
}

const FOOTER_RECOVERS =
  'The next run that succeeds closes this issue. If the problem happens again, a comment is added here instead of a new issue.';

function markerFor(kind: AlertKind, facts: AlertFacts): string {
  return facts.namespace === undefined ? kindMarker(kind) : alertMarker(kind, facts.namespace);
}

/** GitHub refuses titles over 256 characters; an account name from outside must not make it fail. */
const TITLE_MAX = 256;

function titleFor(problem: string, facts: AlertFacts): string {
  const title = `${TITLE_PREFIX}: ${problem}${facts.account ? ` (${escapeControlCharacters(facts.account)})` : ''}`;
  return title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;
}

function feedLabel(feed: Feed): string {
  return `\`${feed}\` (${FEED_NAMES[feed]})`;
}

/**
 * The facts as a two-column table. Server and account come from outside and are escaped here;
 * `extra` values are Markdown already (escape outside text in them with src/text/markdown.ts).
 */
function factsTable(facts: AlertFacts & { extra?: ReadonlyArray<readonly [string, string]> }): string {
  const rows: Array<readonly [string, string]> = [['When', formatTime(facts.at)]];
  if (facts.server) rows.push(['Server', tableCode(facts.server)]);
  if (facts.account) rows.push(['Account', tableCode(facts.account)]);
  rows.push(...(facts.extra ?? []));
  rows.push(['Run', facts.runUrl]);
  return ['| | |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
}

/** RFC 3339 to the second: what people read and what `start-time` accepts. */
export function formatTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
