/**
 * The roll-over rule shared by the Parquet and NDJSON writers.
 *
 * A writer buffers events (a row group, a block of lines) and compresses them in one go, so the
 * exact size of what is buffered is unknown until it is encoded. Each writer therefore keeps a hard
 * upper bound of the bytes its file would have if it were closed right now: the bytes already encoded
 * plus a worst-case bound for the buffer and for the footer/trailer. An event is accepted only while
 * that bound stays within `maxBytes`, which guarantees no file ever exceeds it.
 *
 * The bound is pessimistic by the compression ratio, so when it says "no" while events are buffered,
 * the writer first encodes the buffer (turning the bound into the smaller real size) and asks again.
 * That repeats only while at least 1/8 of the budget is left, which keeps files close to the bound
 * without a tail of tiny row groups. The margin left is what the bound's allowances cost: with the
 * default 25 MiB, Parquet files close at about 90% of it and NDJSON files above 95%; below a few
 * hundred KiB the fixed per-row-group allowances dominate and Parquet files close at 40-60%.
 *
 * One exception: the first event of a file is always accepted, so an event that alone exceeds the
 * bound still gets written (in a file of its own; the run writer warns about it).
 */
export type Fit = 'fits' | 'encode-buffer-first' | 'full';

export interface BudgetState {
  maxBytes: number;
  maxRows: number;
  /** Bytes already encoded into the file. */
  encodedBytes: number;
  /** Upper bound of the closed file's size if the candidate event were added now. */
  boundWithEvent: number;
  /** Events accepted into the file so far (encoded or buffered). */
  rows: number;
  /** Events accepted but not encoded yet. */
  bufferedRows: number;
}

export function decideFit(state: BudgetState): Fit {
  if (state.rows === 0) return 'fits';
  if (state.rows >= state.maxRows) return 'full';
  if (state.boundWithEvent <= state.maxBytes) return 'fits';
  const left = state.maxBytes - state.encodedBytes;
  if (state.bufferedRows > 0 && left >= state.maxBytes / 8) return 'encode-buffer-first';
  return 'full';
}
