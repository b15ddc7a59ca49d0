/**
 * After delivery: feeds that stopped on an error or had to restart. Pages before an error were
 * delivered and saved; the run still fails so that somebody looks. Authentication failures, stuck
 * feeds and refused cursors open their alerts; a run without them closes those alerts.
 */
import { feedFailureLine, type FeedOutcome } from '../export.ts';
import type { ActionRun } from './run.ts';

/** The failed step's message (one truthful sentence per failed feed), or undefined when every feed finished. */
export function failureOfFeeds(outcomes: readonly FeedOutcome[]): string | undefined {
  const lines = outcomes.map(feedFailureLine).filter((line) => line !== undefined);
  return lines.length > 0 ? lines.join(' ') : undefined;
}

export async function raiseFeedAlerts(run: ActionRun, outcomes: readonly FeedOutcome[]): Promise<void> {
  if (outcomes.some((o) => o.error?.kind === 'auth')) {
    run.report.outputs.authFailed = true;
    await run.alerts.authFailed({ server: run.server });
  }

  const stuck = outcomes.filter((o) => o.error?.kind === 'stuck-feed');
  if (stuck.length > 0) {
    const detail = stuck.map((o) => o.error!.message).join(' ');
    await run.alerts.stuckFeed(
      stuck.map((o) => o.feed),
      detail,
    );
  } else if (outcomes.every((o) => o.error === undefined)) {
    await run.alerts.resolve('stuck-feed', 'Every feed moved forward again.');
  }

  const refused = outcomes.filter((o) => o.restart?.reason === 'cursor-refused');
  if (refused.length > 0) {
    // One issue for the run: the earliest restart point bounds what may be missing.
    const points = refused.map((o) => Date.parse(o.restart!.from));
    await run.alerts.cursorRefused(
      refused.map((o) => o.feed),
      new Date(Math.min(...points)),
      refused.every((o) => o.restart!.fromNewestEvent),
    );
  } else if (outcomes.every((o) => o.startedFrom === 'cursor' && o.error === undefined)) {
    await run.alerts.resolve('cursor-refused', 'Every feed continued from its saved cursor again.');
  }
}
