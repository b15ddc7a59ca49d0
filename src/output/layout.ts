/**
 * Names of everything the run writes under the output directory (README.md, "Files and columns"):
 *
 *   <feed>/date=YYYY-MM-DD/part-<run_id>-<run_attempt>-<seq>.parquet   (and/or .ndjson.gz)
 *   _manifests/<run_id>-<run_attempt>.json
 *
 * Paths are relative, with `/` separators, the same in the artifact and the storage repository.
 */
import type { Feed } from '../onepassword/feeds.ts';
import { ExportError } from '../errors.ts';
import type { Format } from './files.ts';

export const FILE_EXTENSIONS: Record<Format, string> = { parquet: 'parquet', ndjson: 'ndjson.gz' };

/** `<feed>/date=YYYY-MM-DD`: a Hive partition, so readers get `date` as a DATE column. */
export function partitionDir(feed: Feed, date: string): string {
  return `${feed}/date=${date}`;
}

/** `part-<runId>-<runAttempt>-<seq>.<ext>`, the sequence zero-padded to 4 digits. */
export function partFileName(runId: string, runAttempt: string, seq: number, format: Format): string {
  return `part-${runId}-${runAttempt}-${String(seq).padStart(4, '0')}.${FILE_EXTENSIONS[format]}`;
}

/** Folder of the run manifests, beside the feed folders. */
export const MANIFESTS_DIR = '_manifests';

/** The state document, where a destination keeps it beside the data (repo mode, S3, the artifact). */
export const STATE_FILE = '_state/state.json';

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
