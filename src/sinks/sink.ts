import type { StateDocument } from '../state/document.ts';
import type { StoredTree } from '../compaction/types.ts';

/** What a run hands to its destination once every file is written. */
export interface Delivery {
  /** Directory the files were written to. */
  outDir: string;
  /** Paths relative to `outDir`, `/`-separated, the manifest included. */
  files: string[];
  /** The state to save with the data (committed by the repo sink; the others ignore it). */
  state: StateDocument;
  /** One-line summary of the run, used as the commit message. */
  message: string;
  /**
   * The saved state this run resumed from (absent for a fresh start). The repo sink refuses to
   * commit over a state someone else committed in between, which would store events twice.
   */
  basedOn?: { writtenBy: string; updatedAt: string };
  /**
   * Stored data files (relative to the storage root) that the delivered files replace: compaction's
   * parts. The repo sink removes them in the same commit.
   */
  remove?: string[];
}

export interface DeliveryResult {
  artifactId?: number;
  artifactUrl?: string;
  commitSha?: string;
  /** S3 mode: `s3://bucket/prefix`. */
  s3Uri?: string;
  /** Files this run replaced by compaction (the `compacted` output). */
  compacted?: number;
  /** What happened, for the log and the summary. */
  detail: string;
}

/**
 * Where the files go. `deliver` either succeeds completely or throws ExportError('delivery'), whose
 * message says what failed and never contains a token; the state is only saved after a success.
 */
export interface Sink {
  readonly name: 'artifact' | 'repo' | 's3' | 'none';
  deliver(delivery: Delivery): Promise<DeliveryResult>;
  /** The files already stored, for compaction (src/compaction); only destinations that keep files. */
  storedTree?(): Promise<StoredTree>;
}
