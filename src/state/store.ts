import type { Logger } from '../logger.ts';
import type { StateDocument } from './document.ts';

export type StateStoreName = 'cache' | 'repo' | 's3' | 'file';

/**
 * Somewhere a state document is kept between runs.
 *
 * `load` returns undefined when there is no usable copy. Stores that are best-effort (the Actions
 * cache) turn their own failures into a warning and a miss; stores that are authoritative (the storage
 * repository, a local file) throw, because guessing would risk writing events twice.
 *
 * `save` never throws for a failed write: it reports `{ saved: false, detail }` and the caller warns.
 */
export interface StateStore<Name extends StateStoreName = StateStoreName> {
  readonly name: Name;
  load(): Promise<StateDocument | undefined>;
  save(doc: StateDocument): Promise<{ saved: boolean; detail: string }>;
}

export interface RestoredState<Name extends StateStoreName = StateStoreName> {
  doc?: StateDocument;
  source: Name | 'none';
}

/**
 * Loads every store and keeps the newest document by `updatedAt`. The repository or S3 copy wins a
 * tie (it is committed together with the data, so it is the exact one); otherwise the earlier store wins.
 */
export async function restoreState<Name extends StateStoreName>(
  stores: readonly StateStore<Name>[],
  logger: Logger,
): Promise<RestoredState<Name>> {
  let best: RestoredState<Name> = { source: 'none' };
  for (const store of stores) {
    const doc = await store.load();
    if (doc === undefined) {
      logger.info(`No state in the ${store.name} store.`);
      continue;
    }
    logger.info(
      `State from the ${store.name} store was written at ${doc.updatedAt} by run ${doc.writtenBy}.`,
    );
    if (best.doc === undefined || isBetter(doc, store.name, best.doc, best.source)) {
      best = { doc, source: store.name };
    }
  }
  if (best.doc !== undefined) logger.info(`Using the state from the ${best.source} store.`);
  return best;
}

function isBetter(
  candidate: StateDocument,
  candidateSource: StateStoreName,
  current: StateDocument,
  currentSource: StateStoreName | 'none',
): boolean {
  const difference = Date.parse(candidate.updatedAt) - Date.parse(current.updatedAt);
  if (difference !== 0) return difference > 0;
  const authoritative = (source: RestoredState['source']) => source === 'repo' || source === 's3';
  return authoritative(candidateSource) && !authoritative(currentSource);
}
