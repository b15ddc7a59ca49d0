/**
 * One run of the action, as a list of named phases: read inputs -> check visibility -> authorise ->
 * restore state -> pull -> deliver and save -> report. Each phase is a function of its own in this
 * folder; this file only decides what happens next and turns failures into a failed step.
 */
import { systemClock, type Clock } from '../clock.ts';
import { isExportError } from '../errors.ts';
import { formatDuration } from '../time/duration.ts';
import { ActionAlerts } from './alerts.ts';
import { authorise } from './authorise.ts';
import { readActionContext } from './context.ts';
import { deliverAndSave } from './deliver.ts';
import { guardVisibility } from './destination.ts';
import { FeedGroupedLog } from './feed-log.ts';
import { githubClients } from './github-clients.ts';
import { actionLogger } from './logger.ts';
import { pull } from './pull.ts';
import { maskSecrets, readInputs } from './read-inputs.ts';
import { RunReport } from './report.ts';
import { restore } from './restore.ts';
import type { ActionRun } from './run.ts';
import { failureOfFeeds, raiseFeedAlerts } from './feed-failures.ts';

export async function run(clock: Clock = systemClock): Promise<void> {
  maskSecrets();
  const context = readActionContext();
  const startedAt = new Date(clock.now());
  const logger = actionLogger();
  const report = new RunReport(logger);
  const inputs = readInputs(context, startedAt);
  if (!inputs) {
    report.setOutputs('');
    return;
  }
  const { config, server, serverSource } = inputs;
  report.outputs.outputDir = config.outputDir;
  const github = githubClients(config, context, logger);
  const now = () => new Date(clock.now());
  const alerts = new ActionAlerts({ config, context, github, logger, now });
  const actionRun: ActionRun = {
    config,
    server,
    serverSource,
    context,
    clock,
    startedAt,
    logger,
    github,
    alerts,
    report,
  };

  try {
    await guardVisibility(config, context, github, logger);
    const feedLog = new FeedGroupedLog();
    const session = await authorise(actionRun, feedLog.logger());
    const { previous, stores } = await restore(actionRun, session);
    const result = await pull(actionRun, session, previous, feedLog);
    const deliveryDetail = await deliverAndSave(actionRun, result, previous, stores, session.account);
    await raiseFeedAlerts(actionRun, result.outcomes);
    // Delivered and saved: from here on nothing may turn the run into "nothing was delivered".
    const failure = failureOfFeeds(result.outcomes);
    await report.success({
      config,
      server,
      account: session.account,
      outcomes: result.outcomes,
      stats: session.client.stats,
      deliveryDetail,
      failure,
      now: now(),
    });
    if (!failure)
      logger.info(
        `Done: ${result.total} new events in ${formatDuration(clock.now() - startedAt.getTime())}.`,
      );
  } catch (error) {
    const message = isExportError(error)
      ? error.message
      : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    await report.failure({ config, server, message, now: now() });
  }
}
