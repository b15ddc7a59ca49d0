/**
 * The job summary: one Markdown document a security engineer can read at a glance. Pure: it takes
 * what the run measured and returns text; the action writes it to GITHUB_STEP_SUMMARY.
 */
import { formatDuration } from './time/duration.ts';
import { eventsPerHour, type FeedOutcome } from './export.ts';
import type { Feed } from './onepassword/feeds.ts';
import { codeSpan, markdownText } from './text/markdown.ts';

export interface FeedRequestStats {
  requests: number;
  retries: number;
  rateLimited: number;
}

export interface SummaryInput {
  server: string;
  account: string;
  destination: string;
  stateSource: string;
  outcomes: FeedOutcome[];
  requestStats: Partial<Record<Feed, FeedRequestStats>>;
  now: Date;
  morePending: boolean;
  delivery?: string;
  /** Sentences that need the reader's attention (failed cache save, missing scope, lost state...). */
  notes: string[];
  failure?: string;
}

const SUCCESSFUL_SIGN_INS = new Set(['success', 'firewall_reported_success']);

export function renderSummary(input: SummaryInput): string {
  const lines: string[] = ['## 1Password events export', ''];
  // Failures, notes, names and categories carry outside text (API errors, state, inputs): escaped.
  if (input.failure) lines.push(`> [!CAUTION]`, `> ${markdownText(input.failure)}`, '');
  for (const note of input.notes) lines.push(`> [!WARNING]`, `> ${markdownText(note)}`, '');
  const total = input.outcomes.reduce((sum, o) => sum + o.events, 0);
  lines.push(
    `**${total.toLocaleString('en-US')}** new events from ${codeSpan(input.server)} (account ${codeSpan(input.account)}), ` +
      `delivered to **${markdownText(input.destination)}**${input.delivery ? ` (${markdownText(input.delivery)})` : ''}. ` +
      `State came from **${markdownText(input.stateSource)}**.${input.morePending ? ' **More events are pending**: max-duration stopped the run; the next run continues.' : ''}`,
    '',
  );
  if (input.outcomes.length > 0) {
    lines.push(
      '| feed | new events | pages | requests | retries | 429s | events from | events to | lag | started from |',
      '|---|--:|--:|--:|--:|--:|---|---|---|---|',
    );
    for (const o of input.outcomes) {
      const stats = input.requestStats[o.feed] ?? { requests: 0, retries: 0, rateLimited: 0 };
      const range = timeRange(o);
      const lag = o.newestEventTime
        ? formatDuration(Math.max(0, input.now.getTime() - Date.parse(o.newestEventTime)))
        : '–';
      const from =
        o.startedFrom === 'cursor'
          ? 'saved cursor'
          : o.startedFrom === 'newest-event'
            ? 'newest exported event'
            : 'start-time';
      const status = o.error ? ` ⚠️ ${o.error.kind}` : o.stoppedByDeadline ? ' (more pending)' : '';
      lines.push(
        `| ${o.feed}${status} | ${o.events.toLocaleString('en-US')} | ${o.pages} | ${stats.requests} | ${stats.retries} | ${stats.rateLimited} | ${range.from} | ${range.to} | ${lag} | ${from} |`,
      );
    }
    lines.push('');
  }
  const signIns = input.outcomes.find((o) => o.feed === 'signinattempts');
  if (signIns && signIns.categories.size > 0) {
    lines.push('### Sign-in attempts by outcome', '', '| category | attempts | |', '|---|--:|---|');
    const sorted = [...signIns.categories.entries()].sort((a, b) => b[1] - a[1]);
    for (const [category, count] of sorted) {
      lines.push(
        `| ${markdownText(category)} | ${count.toLocaleString('en-US')} | ${SUCCESSFUL_SIGN_INS.has(category) ? 'succeeded' : 'failed'} |`,
      );
    }
    lines.push('');
  }
  const chart = hourlyChart(input.outcomes);
  if (chart) lines.push('### Events per hour (UTC)', '', chart, '');
  return lines.join('\n');
}

function timeRange(outcome: FeedOutcome): { from: string; to: string } {
  const hours = [...eventsPerHour(outcome).keys()].sort();
  if (hours.length === 0) return { from: '–', to: '–' };
  return { from: `${hours[0]}:00Z`, to: `${hours[hours.length - 1]}:59Z` };
}

/** A Mermaid xychart, one line per feed, over the hours this run covered (at most the last 48). */
export function hourlyChart(outcomes: FeedOutcome[]): string | undefined {
  const withData = outcomes
    .filter((o) => o.hourCounts.size > 0)
    .map((o) => ({ feed: o.feed, perHour: eventsPerHour(o) }));
  if (withData.length === 0) return undefined;
  const allHours = [...new Set(withData.flatMap((o) => [...o.perHour.keys()]))].sort();
  const last = Date.parse(`${allHours[allHours.length - 1]}:00:00Z`);
  const first = Math.max(Date.parse(`${allHours[0]}:00:00Z`), last - 47 * 3_600_000);
  const hours: string[] = [];
  for (let t = first; t <= last; t += 3_600_000) hours.push(new Date(t).toISOString().slice(0, 13));
  const labels = hours.map((h) => `"${h.slice(5, 10)} ${h.slice(11)}h"`);
  const max = Math.max(1, ...withData.flatMap((o) => hours.map((h) => o.perHour.get(h) ?? 0)));
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "Events per hour: ${withData.map((o, i) => `${o.feed} (line ${i + 1})`).join(', ')}"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "events" 0 --> ${max}`,
    ...withData.map((o) => `  line [${hours.map((h) => o.perHour.get(h) ?? 0).join(', ')}]`),
    '```',
  ];
  return lines.join('\n');
}
