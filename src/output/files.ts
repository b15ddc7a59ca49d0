import { access } from 'node:fs/promises';
import type { Feed } from '../onepassword/feeds.ts';

export const FORMATS = ['parquet', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];

/** One file the run wrote, as listed in the manifest and handed to the sink. */
export interface WrittenFile {
  /** Path relative to the output directory, with `/` separators, e.g. `itemusages/date=2026-11-02/part-1-1-0001.parquet`. */
  path: string;
  feed: Feed;
  format: Format;
  /** UTC date partition, YYYY-MM-DD. */
  date: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** True when something exists at `file` (a part name already taken, say). */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
