/**
 * After delivery: feeds that stopped on an error. Their pages before the error were delivered and
 * saved; the run still fails so that somebody looks, and an authentication failure opens its alert.
 */
import type { FeedOutcome } from '../export.ts';
import type { ActionRun } from './run.ts';

/** The failed step's message, or undefined when every feed finished. */
export function failureOfFeeds(outcomes: readonly FeedOutcome[]): string | undefined {
  const failures = outcomes.filter((o) => o.error);
  if (failures.length === 0) return undefined;
  return `${failures.map((o) => `${o.feed}: ${o.error?.message}`).join('; ')}. Events written before the error were delivered and the state moved up to them.`;
}

export async function raiseFeedAlerts(run: ActionRun, outcomes: readonly FeedOutcome[]): Promise<void> {
  if (outcomes.some((o) => o.error?.kind === 'auth')) {
    run.report.outputs.authFailed = true;
    await run.alerts.authFailed({ server: run.server });
  }
}
