/**
 * Phase 5: deliver the files, then (and only then) move the state forward in every store. A failed
 * delivery throws before any state is saved, so the next run fetches the same events again.
 */
import type { ExportResult } from '../pipeline.ts';
import type { StateDocument } from '../state/document.ts';
import type { StateStore } from '../state/store.ts';
import { compactStored } from './compact.ts';
import { commitMessage, makeSink } from './destination.ts';
import type { ActionRun } from './run.ts';
import * as log from './safe-log.ts';

/** Delivers and saves; returns what happened to the files, for the summary. */
export async function deliverAndSave(
  run: ActionRun,
  result: ExportResult,
  previous: StateDocument | undefined,
  stores: readonly StateStore[],
  account: string,
): Promise<string> {
  const { config, report } = run;
  const sink = await makeSink(config, run.context, run.github, run.logger);
  const stateChanged = result.outcomes.some((o) => o.cursorAfter !== o.cursorBefore);
  const compaction = await log.group('Compacting finished days', () =>
    compactStored(run, sink, result, account),
  );
  let detail = 'nothing new to deliver';
  // Repo mode commits a moved cursor even without events, so the committed state stays exact. S3
  // mode delivers on every run: it cleans up after runs that did not commit and compacts.
  if (
    result.written.length > 0 ||
    compaction ||
    (config.destination === 'repo' && stateChanged) ||
    config.destination === 's3'
  ) {
    const delivery = await log.group(`Delivering to ${config.destination}`, () =>
      sink.deliver({
        outDir: config.outputDir,
        files: [...result.files, ...(compaction?.files ?? [])],
        state: result.state,
        message: commitMessage(result.outcomes, run.context, compaction?.remove.length ?? 0),
        basedOn: previous ? { writtenBy: previous.writtenBy, updatedAt: previous.updatedAt } : undefined,
        remove: compaction?.remove,
      }),
    );
    detail = delivery.detail;
    report.outputs.compacted = compaction?.remove.length ?? 0;
    if (delivery.artifactId !== undefined) report.outputs.artifactId = String(delivery.artifactId);
    if (delivery.artifactUrl) report.outputs.artifactUrl = delivery.artifactUrl;
    if (delivery.commitSha) report.outputs.commitSha = delivery.commitSha;
    if (delivery.s3Uri) report.outputs.s3Uri = delivery.s3Uri;
    if (delivery.compacted !== undefined) report.outputs.compacted = delivery.compacted;
  }
  for (const store of stores) {
    const saved = await store.save(result.state);
    if (!saved.saved)
      report.warn(
        `The state was not saved to the ${store.name} (${saved.detail}). The next run resumes from the previous state and may export this run's events again; drop repeats on uuid.`,
      );
  }
  return detail;
}
