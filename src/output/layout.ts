/**
 * Names of everything the run writes under the output directory (README.md, "Files and columns"):
 *
 *   <feed>/date=YYYY-MM-DD/part-<run_id>-<run_attempt>-<seq>.parquet
 *   ndjson/<feed>/date=YYYY-MM-DD/part-<run_id>-<run_attempt>-<seq>.ndjson.gz
 *   _manifests/<run_id>-<run_attempt>.json
 *
 * One tree per format, so a table location (a feed folder) never mixes Parquet with NDJSON.
 * Paths are relative, with `/` separators, the same in the artifact and the storage repository.
 */
import type { Feed } from '../onepassword/feeds.ts';
import { ExportError } from '../errors.ts';
import type { Format } from './files.ts';

export const FILE_EXTENSIONS: Record<Format, string> = { parquet: 'parquet', ndjson: 'ndjson.gz' };

/** Folder of each format's tree under the output root: Parquet at the root, NDJSON under `ndjson/`. */
export const FORMAT_ROOTS: Record<Format, string> = { parquet: '', ndjson: 'ndjson/' };

/** `<feed>/date=YYYY-MM-DD` (Parquet) or `ndjson/<feed>/date=YYYY-MM-DD`: a Hive partition per UTC day. */
export function partitionDir(feed: Feed, date: string, format: Format): string {
  return `${FORMAT_ROOTS[format]}${feed}/date=${date}`;
}

/** `part-<runId>-<runAttempt>-<seq>.<ext>`, the sequence zero-padded to 4 digits. */
export function partFileName(runId: string, runAttempt: string, seq: number, format: Format): string {
  return `part-${runId}-${runAttempt}-${String(seq).padStart(4, '0')}.${FILE_EXTENSIONS[format]}`;
}

/** Folder of the run manifests, beside the feed folders. */
export const MANIFESTS_DIR = '_manifests';

/** The state document, where a destination keeps it beside the data (repo mode, S3, the artifact). */
export const STATE_FILE = '_state/state.json';

export interface PartLocation {
  feed: Feed;
  format: Format;
  /** UTC date, YYYY-MM-DD. */
  date: string;
  /** The partition folder, as `partitionDir` names it. */
  dir: string;
  name: string;
}

const PART_PATH =
  /^(ndjson\/)?(signinattempts|itemusages|auditevents)\/date=(\d{4}-\d{2}-\d{2})\/(part-[A-Za-z0-9][A-Za-z0-9_.-]*\.(parquet|ndjson\.gz))$/;

/**
 * Where a data file sits in the layout, or null for anything else: manifests, state, temporary
 * dot-files, and files of the pre-0.2 layout (NDJSON beside Parquet under `<feed>/date=…/`).
 */
export function parsePartPath(relativePath: string): PartLocation | null {
  const match = PART_PATH.exec(relativePath);
  if (!match) return null;
  const [, ndjsonRoot, feed, date, name, extension] = match;
  const format: Format = extension === 'parquet' ? 'parquet' : 'ndjson';
  if ((format === 'ndjson') !== (ndjsonRoot !== undefined)) return null;
  return {
    feed: feed as Feed,
    format,
    date: date!,
    dir: partitionDir(feed as Feed, date!, format),
    name: name!,
  };
}

export function manifestPath(runId: string, runAttempt: string): string {
  return `${MANIFESTS_DIR}/${runId}-${runAttempt}.json`;
}

const SAFE_NAME_PART = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Run ids end up in file names: refuse anything that could leave the directory or confuse a glob. */
export function assertSafeNamePart(label: string, value: string): void {
  if (!SAFE_NAME_PART.test(value) || value.includes('..')) {
    throw new ExportError(
      'internal',
      `${label} must be letters, digits, '.', '_' or '-' (got ${JSON.stringify(value)})`,
    );
  }
}
