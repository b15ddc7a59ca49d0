/**
 * Upper bounds for the bytes hyparquet-writer (0.17, pinned) writes for our flat OPTIONAL columns,
 * so a file can be rolled before it would exceed its size bound (see file-budget.ts). Each term
 * follows what the library emits; the tests check the sum against incompressible data. If the
 * library is upgraded, rerun test/output-size-bound.test.ts.
 */
import type { Column, RowValue } from './schema.ts';

/** Target page size passed to the library (its default). */
export const PAGE_SIZE = 1 << 20;

/** Bytes of a value in PLAIN encoding: a 4-byte length plus UTF-8 for strings, 8 for numbers. */
export function plainSize(value: RowValue): number {
  if (value === null) return 0;
  if (typeof value === 'string') return 4 + Buffer.byteLength(value, 'utf8');
  return 8;
}

// PLAIN is the largest encoding it picks (a dictionary is kept only when its
// values take at most half the PLAIN bytes, and its indexes fit in the other half up to 2^16
// distinct values; the level term covers the rest beyond that). ZSTD and GZIP (zlib's default
// window and memory level) expand incompressible input by under 1/256 plus 64 bytes per call.

/** Pages of a row group: per column a dictionary page, one data page per PAGE_SIZE, one partial. */
function pagesBound(plainBytes: number, rows: number, columns: number): number {
  return columns * 2 + 1 + (plainBytes + 4 * rows * columns) / PAGE_SIZE;
}

/**
 * Encoded row group: values + codec expansion, definition levels (RLE/bit-packed, stored
 * uncompressed: at most 1/8 byte per row plus run headers) and, per page, a header (under 64 bytes)
 * and codec framing (64 bytes).
 */
export function rowGroupBound(plainBytes: number, rows: number, columns: number): number {
  return (
    plainBytes + plainBytes / 64 + columns * (rows / 4 + 16) + pagesBound(plainBytes, rows, columns) * 128
  );
}

/**
 * Footer entries of one row group: per column chunk the metadata (thrift varints, under 192 bytes),
 * its path, min/max statistics (truncated to 16 bytes, or the whole value when truncation cannot
 * round it, hence `longest`), and offset index entries. Those exist only for chunks of several data
 * pages: at most 2 entries (under 40 bytes each) per PAGE_SIZE of values.
 */
export function rowGroupFooterBound(
  columns: readonly Column[],
  plainBytes: number,
  rows: number,
  longest: number,
): number {
  let names = 0;
  for (const column of columns) names += column.name.length;
  const offsetIndexEntries = (2 * (plainBytes + 4 * rows * columns.length)) / PAGE_SIZE;
  return 64 + columns.length * 192 + names + 2 * longest + offsetIndexEntries * 40;
}

/** Footer parts written once: schema, key/value metadata, created_by, length and magic. */
export function fixedFooterBound(columns: readonly Column[], createdBy: string, feed: string): number {
  let names = 0;
  for (const column of columns) names += column.name.length;
  return 256 + columns.length * 48 + names + createdBy.length + feed.length + 64;
}
