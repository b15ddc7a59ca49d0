import type { Logger } from '../logger.ts';
import { parseRfc3339Micros } from '../time/rfc3339.ts';
import type { StateDocument } from './document.ts';

export type StateStoreName = 'cache' | 'repo' | 'file' | 'artifact' | 's3';

/** What a store holds. `refused`: a copy exists but failed validation or could not be trusted. */
export type StateRead =
  | { status: 'found'; doc: StateDocument; origin: string }
  | { status: 'absent' }
  | { status: 'refused'; origin: string; reason: string };

/**
 * Somewhere a state document is kept between runs.
 *
 * `read` never half-uses a copy: it returns a document that passed every check (src/state/parse.ts,
 * and the seal or provenance check where others can write the store), nothing, or a refusal with the
 * reason. Stores that are best-effort (the Actions cache, artifacts) turn their own failures into a
 * warning and `absent`; stores that are authoritative (the storage repository, S3, a local file) throw
 * when they cannot be read, because guessing would risk writing events twice.
 *
 * `save` never throws for a failed write: it reports `{ saved: false, detail }` and the caller warns.
 */
export interface StateStore<Name extends StateStoreName = StateStoreName> {
  readonly name: Name;
  read(): Promise<StateRead>;
  save(doc: StateDocument): Promise<{ saved: boolean; detail: string }>;
}

/** A conflict between copies that the run cannot resolve by itself: it must stop and alert. */
export interface StateConflict {
  /** What happened, for the alert issue and the error. */
  what: string;
  /** What the user should do. */
  todo: string;
}

export interface RestoredState<Name extends StateStoreName = StateStoreName> {
  doc?: StateDocument;
  source: Name | 'none';
  /** Set when the run must not continue: nothing may be pulled or committed. */
  conflict?: StateConflict;
}

/**
 * Repo and S3 mode: the authoritative copy decides. The hints (the Actions cache) are read only to
 * tell the user when they disagree; they never replace the authority, so a reverted or rewritten
 * committed state is followed, never fought (which kept repo mode failing for good).
 *
 * - authority has a valid document: it is used, whatever the hints say.
 * - authority has none: no state (the lost-state rules apply to a new storage path or a deleted file).
 * - authority holds a copy that fails validation: a conflict. Starting over would commit a new
 *   position over the only record of where the export stands and write the window again, so the run
 *   stops and alerts instead.
 */
export async function restoreAuthoritative<Name extends StateStoreName>(
  authority: StateStore<Name>,
  hints: readonly StateStore<Name>[],
  logger: Logger,
): Promise<RestoredState<Name>> {
  const read = await authority.read();
  if (read.status === 'refused') {
    logger.warning(`The state in ${read.origin} cannot be used: ${read.reason}.`);
    return {
      source: 'none',
      conflict: {
        what: `The committed state ${read.origin} cannot be used: ${read.reason}. The ${authority.name} copy is the authoritative record of where the export stands, so this run exported nothing rather than start over on top of it.`,
        todo: `${restoreAdvice(authority.name, read.origin)}, or delete it to restart the export from start-time (events already stored will then be exported again).`,
      },
    };
  }
  if (read.status === 'absent') {
    logger.info(`No state in the ${authority.name} store.`);
    return { source: 'none' };
  }
  logger.info(
    `State from the ${authority.name} store was written at ${read.doc.updatedAt} by run ${read.doc.writtenBy}.`,
  );
  for (const hint of hints) await compareHint(hint, read.doc, authority.name, logger);
  return { doc: read.doc, source: authority.name };
}

/**
 * Artifact mode (and destination none): the first store in order that holds a trusted copy; a store
 * whose copy is refused is passed over with a warning, so the next one gets its chance.
 */
export async function restoreFirstTrusted<Name extends StateStoreName>(
  stores: readonly StateStore<Name>[],
  logger: Logger,
): Promise<RestoredState<Name>> {
  for (const store of stores) {
    const read = await store.read();
    if (read.status === 'found') {
      logger.info(
        `State from the ${store.name} store (${read.origin}) was written at ${read.doc.updatedAt} by run ${read.doc.writtenBy}.`,
      );
      return { doc: read.doc, source: store.name };
    }
    if (read.status === 'refused') logger.warning(`Ignoring the state in ${read.origin}: ${read.reason}.`);
    else logger.info(`No state in the ${store.name} store.`);
  }
  return { source: 'none' };
}

async function compareHint(
  hint: StateStore,
  authoritative: StateDocument,
  authorityName: StateStoreName,
  logger: Logger,
): Promise<void> {
  const read = await hint.read();
  if (read.status !== 'found') return;
  const copy = read.doc;
  if (copy.writtenBy === authoritative.writtenBy && copy.updatedAt === authoritative.updatedAt) return;
  if (isLater(copy.updatedAt, authoritative.updatedAt)) {
    logger.warning(
      `The ${hint.name} copy of the state (run ${copy.writtenBy}, ${copy.updatedAt}) is newer than the ${authorityName} copy ` +
        `(run ${authoritative.writtenBy}, ${authoritative.updatedAt}): the ${authorityName} copy was reverted or rewritten. ` +
        `Following the ${authorityName} copy, which is authoritative: events after ${authoritative.updatedAt} are exported again.`,
    );
  }
}

function isLater(a: string, b: string): boolean {
  return (parseRfc3339Micros(a) ?? 0n) > (parseRfc3339Micros(b) ?? 0n);
}

/** How to get a working copy of the authoritative state back: from git history, or S3 object versions. */
function restoreAdvice(name: StateStoreName, origin: string): string {
  if (name === 's3') {
    return `Restore an earlier version of ${origin} (with bucket versioning: \`aws s3api list-object-versions\` on that key) or fix it`;
  }
  return `Restore the file from its history (for example \`git log -- ${stateFileOf(origin)}\` and revert the change that broke it)`;
}

/** `owner/repo@branch:path` -> `path`, for the git command in the advice. */
function stateFileOf(origin: string): string {
  const colon = origin.lastIndexOf(':');
  return colon === -1 ? origin : origin.slice(colon + 1);
}
