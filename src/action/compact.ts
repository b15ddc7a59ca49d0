/**
 * Phase 5a (repo mode, `compaction: auto`): merge finished days of the stored tree into new files in
 * output-dir, to be delivered in the same commit as this run's events and state, with the parts
 * removed (src/compaction decides what and how much). The run's manifest records both sides.
 * Compaction never fails a run: when it cannot be done, the run delivers its events without it.
 */
import { compact } from '../compaction/compact.ts';
import type { Sink } from '../sinks/sink.ts';
import type { ExportResult } from '../pipeline.ts';
import { recordCompaction } from '../output/manifest.ts';
import type { ActionRun } from './run.ts';

/** What the delivery adds for compaction. */
export interface CompactionDelivery {
  /** New files and the manifest, relative to output-dir. */
  files: string[];
  /** Stored parts they replace, relative to the storage root. */
  remove: string[];
}

export async function compactStored(
  run: ActionRun,
  sink: Sink,
  result: ExportResult,
  account: string,
): Promise<CompactionDelivery | undefined> {
  const { config, context, logger, clock } = run;
  if (config.compaction === 'off' || !sink.storedTree) return undefined;
  try {
    const tree = await sink.storedTree();
    if (tree.truncated) {
      logger.info('Compaction: the storage listing was truncated by GitHub; merging what it lists.');
    }
    const merged = await compact(tree.files, {
      now: clock.now(),
      reader: tree.reader,
      workDir: config.outputDir,
      runId: context.runId,
      runAttempt: context.runAttempt,
      existing: tree.files.map((file) => file.path),
      logger,
    });
    if (merged.deferred > 0) {
      logger.info(`Compaction: ${merged.deferred} more days of a feed are due; later runs merge them.`);
    }
    if (merged.merged.length === 0) return undefined;
    const replaced = merged.merged.flatMap((group) => group.replaced);
    const written = merged.merged.flatMap((group) => group.written);
    const manifest = await recordCompaction(
      config.outputDir,
      {
        runId: context.runId,
        runAttempt: context.runAttempt,
        startedAt: run.startedAt,
        finishedAt: new Date(clock.now()),
        server: run.server,
        account,
        apiVersion: config.apiVersion,
      },
      { replaced, written },
    );
    logger.info(`Compaction: ${replaced.length} stored files merged into ${written.length}.`);
    return {
      files: [...written.map((file) => file.path), ...(result.files.includes(manifest) ? [] : [manifest])],
      remove: replaced.map((file) => file.path),
    };
  } catch (error) {
    run.report.warn(
      `Compaction was skipped this run (${error instanceof Error ? error.message : String(error)}); the new events are delivered as usual.`,
    );
    return undefined;
  }
}
