/**
 * What the run tells its reader: outputs (every one set on every run), warnings collected for the job
 * summary, and the summary itself, for a success and for a failure.
 */
import * as core from '@actions/core';
import type { Config } from '../config.ts';
import type { FeedOutcome } from '../export.ts';
import type { Logger } from '../logger.ts';
import { FEEDS, type Feed } from '../onepassword/feeds.ts';
import { renderSummary, type FeedRequestStats } from '../summary.ts';
import { setRunOutputs, type RunOutputs } from './outputs.ts';
import * as log from './safe-log.ts';

export class RunReport {
  readonly outputs: RunOutputs = {
    events: 0,
    counts: {},
    files: [],
    authFailed: false,
    morePending: false,
    stateSource: 'none',
    compacted: 0,
  };
  /** Sentences that need the reader's attention, repeated in the summary. */
  readonly notes: string[] = [];
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  /** Sets every output; output-dir falls back to `outputDir` when the config never got that far. */
  setOutputs(outputDir: string): void {
    setRunOutputs(this.outputs, outputDir);
  }

  /** A warning annotation now, and a line in the summary later. */
  warn(message: string): void {
    this.logger.warning(message);
    this.notes.push(message);
  }

  /** Delivered and saved: outputs, summary, and a failed step when a feed stopped on an error. */
  async success(input: {
    config: Config;
    server: string;
    account: string;
    outcomes: FeedOutcome[];
    stats: Record<string, FeedRequestStats>;
    deliveryDetail: string;
    failure: string | undefined;
    now: Date;
  }): Promise<void> {
    setRunOutputs(this.outputs, input.config.outputDir);
    const requestStats: Partial<Record<Feed, FeedRequestStats>> = {};
    for (const feed of FEEDS) if (input.stats[feed]) requestStats[feed] = input.stats[feed];
    await this.writeSummary(
      renderSummary({
        server: input.server,
        account: input.account,
        destination: input.config.destination,
        stateSource: this.outputs.stateSource,
        outcomes: input.outcomes,
        requestStats,
        now: input.now,
        morePending: this.outputs.morePending,
        delivery: input.deliveryDetail,
        notes: this.notes,
        failure: input.failure,
      }),
    );
    if (input.failure) log.setFailed(input.failure);
  }

  /** Nothing reached its destination: the outputs must not claim new events or files. */
  async failure(input: { config: Config; server: string; message: string; now: Date }): Promise<void> {
    Object.assign(this.outputs, { events: 0, counts: {}, files: [], morePending: false, compacted: 0 });
    setRunOutputs(this.outputs, input.config.outputDir);
    await this.writeSummary(
      renderSummary({
        server: input.server,
        account: '–',
        destination: input.config.destination,
        stateSource: this.outputs.stateSource,
        outcomes: [],
        requestStats: {},
        now: input.now,
        morePending: false,
        notes: this.notes,
        failure: input.message,
      }),
    );
    log.setFailed(input.message);
  }

  private async writeSummary(markdown: string): Promise<void> {
    await core.summary
      .addRaw(markdown)
      .write()
      .catch((error: unknown) =>
        this.logger.warning(
          `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }
}
