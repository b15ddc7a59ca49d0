/**
 * What compaction works on, whatever holds the files: a local folder (the CLI), the storage
 * repository (repo mode) or a bucket (S3 mode). The caller lists the tree and lends a reader; the
 * merged files are written to a local folder, and the caller delivers them and removes the parts.
 */
import type { Logger } from '../logger.ts';
import type { Feed } from '../onepassword/feeds.ts';
import type { Format, WrittenFile } from '../output/files.ts';

/** One file of the stored tree. */
export interface StoredFile {
  /** Path relative to the tree root (`storage-path`, `s3-prefix`, the folder), `/`-separated. */
  path: string;
  bytes: number;
}

/** Reads stored files. Parquet is read by ranges (footer, then one row group at a time). */
export interface StoredFileReader {
  /** Bytes `[start, end)` of the file at `path` (relative to the tree root); `end` is at most its size. */
  read(path: string, start: number, end: number): Promise<Uint8Array>;
}

/**
 * How much one run may merge, so a backlog is worked off over several runs. A group (the files of
 * one feed, format and day) is merged whole; the first group is always taken, however large, so
 * every run makes progress.
 */
export interface CompactionBudget {
  /** Files read (default 200: in repo mode each is one GitHub API request). */
  maxFiles: number;
  /** Bytes read (default 128 MiB). */
  maxBytes: number;
  /** Distinct UTC days touched (default: no limit). */
  maxDays: number;
}

/** The files of one feed, format and UTC day that are merged into one file (more past the bound). */
export interface CompactionGroup {
  feed: Feed;
  format: Format;
  /** UTC date, YYYY-MM-DD. */
  date: string;
  /** The partition folder, e.g. `ndjson/itemusages/date=2026-11-02`. */
  dir: string;
  /** The parts to merge, in the order their rows are kept (by name). */
  files: StoredFile[];
  bytes: number;
}

export interface CompactionPlan {
  /** Groups to merge in this run, oldest day first. */
  groups: CompactionGroup[];
  /** Groups that need merging but were left for later runs by the budget. */
  deferred: number;
}

export interface PlanOptions {
  /** Now, in ms since the epoch (from the run's clock). */
  now: number;
  /** The file size bound of fresh files; a file at half of it or more is left as it is. */
  maxFileBytes?: number;
  budget?: Partial<CompactionBudget>;
  /** How long after a UTC day ends it is merged (default one hour: late events settle first). */
  settleMs?: number;
}

/** A stored file that compaction replaced, listed like a written file (rows and SHA-256 as read). */
export type ReplacedFile = WrittenFile;

export interface MergeOptions {
  reader: StoredFileReader;
  /** Local folder the merged files are written to, at their paths relative to the tree root. */
  workDir: string;
  /** The compacting run's ids: merged files are named `part-<runId>-<runAttempt>-<seq>`. */
  runId: string;
  runAttempt: string;
  /**
   * Paths already in the stored tree (the listing): new names skip them, as they skip files
   * already in `workDir` (the run's own parts).
   */
  existing: Iterable<string>;
  /** As for fresh files: rows per Parquet row group (default 10,000), size bound (default 25 MiB). */
  rowGroupSize?: number;
  maxFileBytes?: number;
  maxFileRows?: number;
  ndjsonBlockBytes?: number;
  logger?: Logger;
  /** Stops between groups (a group already written is reported whole). */
  signal?: AbortSignal;
}

/** The outcome of merging one group. */
export interface GroupResult {
  group: CompactionGroup;
  /** The parts the new files replace (every file of the group), with rows and SHA-256. */
  replaced: ReplacedFile[];
  /** The new files, in `workDir` at `path`, with rows and SHA-256. */
  written: WrittenFile[];
}

export interface CompactionResult {
  /** Groups merged; the caller must deliver `written` and remove `replaced` together. */
  merged: GroupResult[];
  /** Groups that could not be merged (unreadable file, unknown columns...): left untouched. */
  skipped: { group: CompactionGroup; reason: string }[];
  /** Groups the budget left for later runs. */
  deferred: number;
}
