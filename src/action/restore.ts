/**
 * Phase 3: where does each feed resume? Restores the saved state from the destination's stores,
 * keeps it only if it belongs to this account and server, and tells a first run from lost state.
 */
import { ExportError, InputError } from '../errors.ts';
import { INPUT } from '../inputs.ts';
import { usableState, type Session } from '../pipeline.ts';
import type { StateDocument } from '../state/document.ts';
import { restoreAuthoritative, restoreFirstTrusted, type StateStore } from '../state/store.ts';
import { formatRepoName } from '../validate/repo-name.ts';
import { stateStores } from './destination.ts';
import { exportHistory } from './history.ts';
import type { ActionRun } from './run.ts';

export interface Restored {
  previous: StateDocument | undefined;
  /** Where the new state is saved once the files are delivered. */
  stores: StateStore[];
}

export async function restore(run: ActionRun, session: Session): Promise<Restored> {
  const { config, logger, report } = run;
  const {
    authority,
    others,
    saveTo: stores,
  } = await stateStores(config, run.context, run.github, session, logger);
  const restored = authority
    ? await restoreAuthoritative(authority, others, logger)
    : await restoreFirstTrusted(others, logger);
  report.outputs.stateSource = restored.source;
  if (restored.conflict) {
    // Starting over would commit on top of the only record of the position: stop, and say so.
    await run.alerts.stateConflict(restored.conflict);
    throw new ExportError('internal', `${restored.conflict.what} ${restored.conflict.todo}`);
  }
  if (authority) await run.alerts.resolve('state-conflict', 'The saved state can be used again.');
  const previous = usableState(restored.doc, session);
  if (restored.doc && !previous) {
    const owner = `${restored.doc.account} at ${restored.doc.server}`;
    const ours = `${session.account} at ${session.server}`;
    if (restored.source === 'repo') {
      // Committing would replace another export's position: refuse before pulling anything.
      throw new InputError(
        INPUT.storagePath,
        `${formatRepoName(config.storageRepo)}:${config.storagePath} holds the export of account ${owner}, not ${ours}; give each account its own storage-path`,
      );
    }
    if (restored.source === 's3') {
      throw new InputError(
        INPUT.s3Prefix,
        `s3://${config.s3?.bucket}/${config.s3?.prefix} holds the export of account ${owner}, not ${ours}; give each account its own s3-prefix`,
      );
    }
    logger.warning(`The saved state belongs to ${owner}, not ${ours}; starting from start-time.`);
  }

  const lostFeeds = session.feeds.filter((feed) => !previous?.feeds[feed]);
  if (lostFeeds.length === 0) {
    await run.alerts.resolve('lost-state', 'Saved state was found again for every feed.');
    return { previous, stores };
  }
  const start = config.startTime.toISOString();
  const history = previous
    ? { exportedBefore: false }
    : await exportHistory(config, run.context, run.github, logger);
  if (!history.exportedBefore) {
    logger.info(`No saved state for ${lostFeeds.join(', ')}: starting at start-time ${start}.`);
    return { previous, stores };
  }
  report.warn(
    `No saved state was found although this repository has exported before (the cache entry was probably evicted after 7 days without a run): ${lostFeeds.join(', ')} restart from start-time ${start}. Events between the last export and that time may be missing.`,
  );
  await run.alerts.lostState(lostFeeds, config.startTime, history.lastExportAt);
  return { previous, stores };
}
