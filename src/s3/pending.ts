/**
 * The pending-run marker, `_state/pending/<run>.json`: how S3 mode stays exactly-once without a
 * transaction. The whole protocol is described in docs/s3.md; in short:
 *
 * 1. A run writes its marker BEFORE any other object. It names the state the run started from
 *    (`base`), every object the run will create (`writes`) and every object its compaction replaces
 *    (`replaces`).
 * 2. It writes its data objects and manifest, then the state object with a conditional write. That
 *    write is the commit; afterwards it deletes what it replaced, then its marker.
 * 3. Every run first classifies the markers it finds against the committed state it read:
 *    - the run that wrote that state: committed, so its `replaces` are deleted (finishing an
 *      interrupted compaction) and then its marker;
 *    - a run that started from that same state: it may still be running and may still commit, so it
 *      is left alone until this run has committed (then it can no longer commit);
 *    - any other run: it can never commit (its conditional write would fail), so its `writes` are
 *      deleted. Its marker is kept for a grace period in case the run is still alive and writes more.
 */
import { parsePartPath } from '../output/layout.ts';

export const PENDING_VERSION = 1;
/** A marker is small; anything bigger is not ours. */
export const MAX_PENDING_BYTES = 8 * 1024 * 1024;
/** How long an abandoned run's marker is kept (its writes deleted again each run): past any job's life. */
export const ABANDONED_GRACE_MS = 24 * 60 * 60 * 1000;

/** The committed state a run started from, by the fields every state document has. */
export interface StateIdentity {
  writtenBy: string;
  updatedAt: string;
}

export interface PendingRun {
  pendingVersion: typeof PENDING_VERSION;
  /** `<run_id>-<run_attempt>`, the `writtenBy` of the state this run writes. */
  run: string;
  createdAt: string;
  /** The committed state the run started from; null when there was none. */
  base: StateIdentity | null;
  /** Paths (relative to the prefix) the run creates: its data files and manifest. */
  writes: string[];
  /** Paths of earlier, committed data files its compaction replaces. */
  replaces: string[];
}

export function pendingPath(run: string): string {
  return `_state/pending/${run}.json`;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function isRunId(value: string): boolean {
  return RUN_ID.test(value) && !value.includes('..');
}

/** A data file of the export's layout (never `_state/` or `_manifests/`). */
export function isDataPath(path: string): boolean {
  return parsePartPath(path) !== null && !path.includes('..');
}

/** The run id a path created by a run carries: `part-<run>-<seq>.<ext>` or `_manifests/<run>.json`. */
export function isCreatedBy(path: string, run: string): boolean {
  if (path === `_manifests/${run}.json`) return true;
  if (!isDataPath(path)) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return new RegExp(`^part-${escapeRegExp(run)}-\\d+\\.`).test(name);
}

/**
 * Parses a marker strictly. A marker someone crafted can make a run delete nothing but files that
 * carry the marker's own run id (`writes`) or, for the committed run, data files (`replaces`).
 */
export function parsePending(text: string, expectedRun: string): PendingRun {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('it is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('it is not a JSON object');
  }
  const doc = value as Record<string, unknown>;
  if (doc.pendingVersion !== PENDING_VERSION)
    throw new Error(`unknown pendingVersion ${JSON.stringify(doc.pendingVersion)}`);
  if (doc.run !== expectedRun) throw new Error(`"run" does not match its name`);
  if (typeof doc.createdAt !== 'string' || Number.isNaN(Date.parse(doc.createdAt)))
    throw new Error('"createdAt" is not a time');
  const base = doc.base;
  if (base !== null) {
    const b = base as Record<string, unknown>;
    if (typeof b !== 'object' || typeof b.writtenBy !== 'string' || typeof b.updatedAt !== 'string') {
      throw new Error('"base" is not null or {writtenBy, updatedAt}');
    }
  }
  const writes = stringList(doc.writes, 'writes');
  const replaces = stringList(doc.replaces, 'replaces');
  const foreign = writes.find((path) => !isCreatedBy(path, expectedRun));
  if (foreign !== undefined)
    throw new Error(`"writes" lists ${JSON.stringify(foreign)}, which run ${expectedRun} did not create`);
  const notData = replaces.find((path) => !isDataPath(path));
  if (notData !== undefined)
    throw new Error(`"replaces" lists ${JSON.stringify(notData)}, which is not a data file`);
  return {
    pendingVersion: PENDING_VERSION,
    run: expectedRun,
    createdAt: doc.createdAt,
    base:
      base === null
        ? null
        : { writtenBy: (base as StateIdentity).writtenBy, updatedAt: (base as StateIdentity).updatedAt },
    writes,
    replaces,
  };
}

export function serializePending(pending: PendingRun): Buffer {
  return Buffer.from(`${JSON.stringify(pending, null, 2)}\n`, 'utf8');
}

export function sameState(a: StateIdentity | null | undefined, b: StateIdentity | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.writtenBy === b.writtenBy && a.updatedAt === b.updatedAt;
}

export type PendingClass = 'committed' | 'competitor' | 'abandoned';

/** What a marker means relative to the committed state `current` (see the protocol above). */
export function classifyPending(pending: PendingRun, current: StateIdentity | null): PendingClass {
  if (current && pending.run === current.writtenBy) return 'committed';
  if (sameState(pending.base, current)) return 'competitor';
  return 'abandoned';
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`"${field}" is not a list of strings`);
  }
  if (value.length > 100_000) throw new Error(`"${field}" has more than 100000 entries`);
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
