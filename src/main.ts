/**
 * One run of the action, in the contract's order: validate -> resolve server -> introspect -> restore
 * state -> pull and write -> deliver -> save state -> summary, outputs, alerts. Each step lives in its
 * own module; this file only decides what happens next.
 */
import * as core from '@actions/core';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { readActionContext } from './action/context.ts';
import { commitMessage, guardVisibility, makeSink, stateStores } from './action/destination.ts';
import { ActionAlerts } from './action/alerts.ts';
import { hasExportedBefore } from './action/history.ts';
import { actionLogger } from './action/logger.ts';
import { FeedGroupedLog } from './action/feed-log.ts';
import { setRunOutputs, type RunOutputs } from './action/outputs.ts';
import { systemClock, type Clock } from './clock.ts';
import { ConfigErrors, parseConfig, type Config } from './config.ts';
import { formatDuration } from './duration.ts';
import { ExportError, InputError, isExportError } from './errors.ts';
import { decideFeeds, exportToFiles, nextStateDocument, type FeedOutcome } from './export.ts';
import { EventsClient } from './onepassword/client.ts';
import { FEEDS, type Feed } from './onepassword/feeds.ts';
import { RateBudget } from './onepassword/rate-budget.ts';
import { resolveServerUrl } from './onepassword/server-url.ts';
import { decodeTokenClaims } from './onepassword/token.ts';
import { restoreState } from './state/store.ts';
import { renderSummary, type FeedRequestStats } from './summary.ts';
import { tokenExpiry } from './alerts/messages.ts';

export async function run(clock: Clock = systemClock): Promise<void> {
  // Mask secrets before anything can print them.
  for (const name of ['token', 'storage-token']) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
  }
  const outputs: RunOutputs = {
    events: 0,
    counts: {},
    files: [],
    authFailed: false,
    morePending: false,
    stateSource: 'none',
  };
  const context = readActionContext();
  const logger = actionLogger();
  const startedAt = new Date(clock.now());

  let config: Config;
  let server: string;
  try {
    config = parseConfig((name) => core.getInput(name), context, startedAt);
    server = resolveServerUrl(config.serverUrl, config.token).url;
  } catch (error) {
    const errors =
      error instanceof ConfigErrors ? error.errors : error instanceof InputError ? [error] : undefined;
    if (!errors) throw error;
    for (const e of errors) core.error(e.message);
    core.setFailed(
      `${errors.length === 1 ? 'One input is' : `${errors.length} inputs are`} invalid; nothing was requested.`,
    );
    setRunOutputs(outputs, '');
    return;
  }
  outputs.outputDir = config.outputDir;

  const alerts = new ActionAlerts({ config, context, logger, now: () => new Date(clock.now()) });
  const notes: string[] = [];

  try {
    // Personal data must not land where everyone can read it.
    await guardVisibility(config, context);

    // A token whose expiry has passed would only earn a 401: say why without asking.
    const claims = decodeTokenClaims(config.token);
    const expiry = tokenExpiry(
      claims.expiresAt ? { exp: claims.expiresAt.getTime() / 1000 } : undefined,
      startedAt,
    );
    if (expiry.expired) {
      outputs.authFailed = true;
      await alerts.authFailed({
        server,
        reason: 'expired',
        ...(expiry.expiresAt ? { expiredAt: expiry.expiresAt } : {}),
      });
      throw new ExportError(
        'auth',
        `The token expired at ${expiry.expiresAt?.toISOString()}; issue a new one in the Events Reporting integration and update the secret.`,
      );
    }

    const budget = new RateBudget({ clock });
    const feedLog = new FeedGroupedLog();
    const client = new EventsClient({
      serverUrl: server,
      token: config.token,
      clock,
      budget,
      logger: feedLog.logger(),
    });
    let introspection;
    try {
      introspection = await client.introspect();
    } catch (error) {
      if (isExportError(error, 'auth')) {
        outputs.authFailed = true;
        await alerts.authFailed({ server });
      }
      throw error;
    }
    await alerts.resolve('auth-failed', 'The Events API accepted the token again.');
    if (expiry.expiringSoon && expiry.expiresAt) {
      const message = `The Events Reporting token expires on ${expiry.expiresAt.toISOString()} (in ${expiry.daysLeft} days); issue a new one and update the secret.`;
      core.warning(message);
      notes.push(message);
      await alerts.tokenExpiring(expiry.expiresAt, expiry.daysLeft ?? 0);
    } else {
      await alerts.resolve('token-expiring', 'The token no longer expires within 14 days.');
    }

    const { feeds, missing, granted } = decideFeeds(config.events, introspection.features);
    const requested = [...feeds, ...missing];
    if (missing.length > 0) {
      const message = `The token does not grant ${missing.join(', ')}; exporting ${feeds.join(', ') || 'nothing'}. Issue a token with those event types in the Events Reporting integration.`;
      core.warning(message);
      notes.push(message);
      await alerts.missingScope(missing, granted);
    } else {
      await alerts.resolve(
        'missing-scope',
        `The token now grants every requested feed (${requested.join(', ')}).`,
      );
    }
    if (feeds.length === 0)
      throw new ExportError('scope', 'The token grants none of the requested feeds; nothing to export.');

    const account = introspection.accountUuid ?? claims.account ?? introspection.uuid;
    alerts.setAccount(account);
    const stores = stateStores(config, context, account, logger);
    const restored = await restoreState(stores, logger);
    outputs.stateSource = restored.source === 'file' ? 'none' : restored.source;
    // Cursors only mean something to the server and account that issued them.
    const previous =
      restored.doc && restored.doc.server === server && restored.doc.account === account
        ? restored.doc
        : undefined;
    if (restored.source === 'repo' && restored.doc && !previous) {
      // Committing would replace another export's position: refuse before pulling anything.
      throw new InputError(
        'storage-path',
        `${config.storageRepo}:${config.storagePath} holds the export of account ${restored.doc.account} at ${restored.doc.server}, ` +
          `not ${account} at ${server}; give each account its own storage-path`,
      );
    }
    if (restored.doc && !previous) {
      logger.warning(
        `The saved state belongs to ${restored.doc.account} at ${restored.doc.server}, not ${account} at ${server}; starting from start-time.`,
      );
    }

    const lostFeeds = feeds.filter((feed) => !previous?.feeds[feed]);
    if (lostFeeds.length > 0) {
      const exportedBefore = !previous && (await hasExportedBefore(config, context, logger));
      const message = exportedBefore
        ? `No saved state was found although this repository has exported before (the cache entry was probably evicted after 7 days without a run): ${lostFeeds.join(', ')} restart from start-time ${config.startTime.toISOString()}. Events between the last export and that time may be missing.`
        : `No saved state for ${lostFeeds.join(', ')}: starting at start-time ${config.startTime.toISOString()}.`;
      logger.info(message);
      if (exportedBefore) {
        core.warning(message);
        notes.push(message);
        await alerts.lostState(lostFeeds, config.startTime);
      }
    } else {
      await alerts.resolve('lost-state', 'Saved state was found again for every feed.');
    }

    // Pull and write, into a clean copy of our own layout (never the whole folder: output-dir may be
    // a folder the user keeps other things in).
    await clearOwnLayout(config.outputDir);
    const deadline = config.maxDurationMs > 0 ? startedAt.getTime() + config.maxDurationMs : undefined;
    logger.info(`Pulling ${feeds.join(', ')} from ${server}`);
    const exported = await exportToFiles({
      client,
      clock,
      logger: feedLog.logger(),
      feeds,
      apiVersion: config.apiVersion,
      startTime: config.startTime,
      previous,
      outDir: config.outputDir,
      runId: context.runId,
      runAttempt: context.runAttempt,
      formats: config.formats,
      server,
      account,
      startedAt,
      ...(deadline !== undefined ? { deadline } : {}),
      onPage: (p) => {
        if (p.pages % 10 === 0)
          logger.info(
            `Progress: ${p.feed} ${p.pages} pages, ${p.events} events, ${Math.round(p.events / Math.max(1, p.elapsedMs / 1000))} events/s`,
          );
      },
    }).finally(() => feedLog.flush());
    const { outcomes, written, files } = exported;
    const total = outcomes.reduce((sum, o) => sum + o.events, 0);
    outputs.events = total;
    outputs.counts = Object.fromEntries(outcomes.map((o) => [o.feed, o.events]));
    outputs.morePending = outcomes.some((o) => o.stoppedByDeadline);
    outputs.files = files;

    // Deliver, then (and only then) move the state forward.
    const state = nextStateDocument(previous, outcomes, {
      account,
      server,
      runLabel: `${context.runId}-${context.runAttempt}`,
      apiVersion: config.apiVersion,
      now: new Date(clock.now()),
    });
    const sink = makeSink(config, context, logger);
    const stateChanged = outcomes.some((o) => o.cursorAfter !== o.cursorBefore);
    let deliveryDetail = 'nothing new to deliver';
    if (written.length > 0 || (config.destination === 'repo' && stateChanged)) {
      const delivery = await core.group(`Delivering to ${config.destination}`, () =>
        sink.deliver({
          outDir: config.outputDir,
          files,
          state,
          message: commitMessage(outcomes, context),
          ...(previous ? { basedOn: { writtenBy: previous.writtenBy, updatedAt: previous.updatedAt } } : {}),
        }),
      );
      deliveryDetail = delivery.detail;
      if (delivery.artifactId !== undefined) outputs.artifactId = String(delivery.artifactId);
      if (delivery.artifactUrl) outputs.artifactUrl = delivery.artifactUrl;
      if (delivery.commitSha) outputs.commitSha = delivery.commitSha;
    }
    for (const store of stores) {
      const saved = await store.save(state);
      if (!saved.saved) {
        const message = `The state was not saved to the ${store.name} (${saved.detail}). The next run resumes from the previous state and may export this run's events again; drop repeats on uuid.`;
        core.warning(message);
        notes.push(message);
      }
    }

    const failures = outcomes.filter((o) => o.error);
    const failure =
      failures.length > 0
        ? `${failures.map((o) => `${o.feed}: ${o.error?.message}`).join('; ')}. Events written before the error were delivered and the state moved up to them.`
        : undefined;
    if (failures.some((o) => o.error?.kind === 'auth')) {
      outputs.authFailed = true;
      await alerts.authFailed({ server });
    }
    // Delivered and saved: from here on nothing may turn the run into "nothing was delivered".
    setRunOutputs(outputs, config.outputDir);
    await writeSummary({
      server,
      account,
      config,
      outcomes,
      stats: client.stats,
      outputs,
      deliveryDetail,
      notes,
      failure,
      now: new Date(clock.now()),
    }).catch((error: unknown) =>
      core.warning(
        `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    if (failure) core.setFailed(failure);
    else logger.info(`Done: ${total} new events in ${formatDuration(clock.now() - startedAt.getTime())}.`);
  } catch (error) {
    const message = isExportError(error)
      ? error.message
      : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    // Nothing reached its destination: the outputs must not claim new events or files.
    Object.assign(outputs, { events: 0, counts: {}, files: [], morePending: false });
    setRunOutputs(outputs, config.outputDir);
    await core.summary
      .addRaw(
        renderSummary({
          server,
          account: '–',
          destination: config.destination,
          stateSource: outputs.stateSource,
          outcomes: [],
          requestStats: {},
          now: new Date(clock.now()),
          morePending: false,
          notes,
          failure: message,
        }),
      )
      .write()
      .catch(() => undefined);
    core.setFailed(message);
  }
}

/** Removes what an earlier run of ours left in output-dir: the feed folders and the manifests. */
async function clearOwnLayout(outputDir: string): Promise<void> {
  for (const folder of [...FEEDS, '_manifests', '_state']) {
    await rm(path.join(outputDir, folder), { recursive: true, force: true });
  }
}

async function writeSummary(input: {
  server: string;
  account: string;
  config: Config;
  outcomes: FeedOutcome[];
  stats: Record<string, { requests: number; retries: number; rateLimited: number }>;
  outputs: RunOutputs;
  deliveryDetail: string;
  notes: string[];
  failure: string | undefined;
  now: Date;
}): Promise<void> {
  const requestStats: Partial<Record<Feed, FeedRequestStats>> = {};
  for (const feed of FEEDS) if (input.stats[feed]) requestStats[feed] = input.stats[feed];
  const markdown = renderSummary({
    server: input.server,
    account: input.account,
    destination: input.config.destination,
    stateSource: input.outputs.stateSource,
    outcomes: input.outcomes,
    requestStats,
    now: input.now,
    morePending: input.outputs.morePending,
    delivery: input.deliveryDetail,
    notes: input.notes,
    ...(input.failure ? { failure: input.failure } : {}),
  });
  await core.summary.addRaw(markdown).write();
}
