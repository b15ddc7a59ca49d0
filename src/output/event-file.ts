import type { RawEvent } from '../onepassword/types.ts';

/** One output file being written, in either format. The run writer routes events to these. */
export interface EventFileWriter {
  /** Events accepted so far. */
  readonly rows: number;
  /** Most bytes the file can have once closed, as things stand (the bound behind `maxFileBytes`). */
  readonly sizeBound: number;
  /**
   * Adds the event when the file's row and byte bounds allow it (see `decideFit`); returns false,
   * without adding it, when the file is full and the event belongs in the next file.
   */
  tryAppend(event: RawEvent): Promise<boolean>;
  /**
   * Encodes what is buffered in memory into the file now (a Parquet row group), keeping the file
   * open: called for partitions that went idle, so their rows stop holding memory.
   */
  flushBuffered(): Promise<void>;
  /** Writes everything still buffered and the footer/trailer, closes the file; returns its size in bytes. */
  close(): Promise<number>;
  /** Closes and deletes the file (after a failure). Never throws. */
  abort(): Promise<void>;
}
