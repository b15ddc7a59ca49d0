/**
 * Phase 4: pull every feed into a clean copy of our own layout in output-dir (never the whole folder:
 * it may be a folder the user keeps other things in), with progress in the log.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { FEEDS } from '../onepassword/feeds.ts';
import { MANIFESTS_DIR, NDJSON_DIR, STATE_FILE } from '../output/layout.ts';
import { runExport, type ExportResult, type Session } from '../pipeline.ts';
import type { StateDocument } from '../state/document.ts';
import type { FeedGroupedLog } from './feed-log.ts';
import type { ActionRun } from './run.ts';

/** A progress line every this many pages of a feed. */
const PROGRESS_EVERY_PAGES = 10;

export async function pull(
  run: ActionRun,
  session: Session,
  previous: StateDocument | undefined,
  feedLog: FeedGroupedLog,
): Promise<ExportResult> {
  const { config, context, logger, report } = run;
  await clearOwnLayout(config.outputDir);
  logger.info(`Pulling ${session.feeds.join(', ')} from ${session.server}`);
  const result = await runExport(session, config, {
    previous,
    outDir: config.outputDir,
    runId: context.runId,
    runAttempt: context.runAttempt,
    startedAt: run.startedAt,
    clock: run.clock,
    logger: feedLog.logger(),
    onPage: (p) => {
      if (p.pages % PROGRESS_EVERY_PAGES === 0)
        logger.info(
          `Progress: ${p.feed} ${p.pages} pages, ${p.events} events, ${Math.round(p.events / Math.max(1, p.elapsedMs / 1000))} events/s`,
        );
    },
  }).finally(() => feedLog.flush());
  Object.assign(report.outputs, {
    events: result.total,
    counts: Object.fromEntries(result.outcomes.map((o) => [o.feed, o.events])),
    morePending: result.morePending,
    files: result.files,
  });
  return result;
}

/** Removes what an earlier run of ours left in output-dir: the feed folders, NDJSON tree, manifests and state. */
async function clearOwnLayout(outputDir: string): Promise<void> {
  const stateDir = path.posix.dirname(STATE_FILE);
  for (const folder of [...FEEDS, NDJSON_DIR, MANIFESTS_DIR, stateDir]) {
    await rm(path.join(outputDir, folder), { recursive: true, force: true });
  }
}
