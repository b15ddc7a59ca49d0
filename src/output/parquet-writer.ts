/**
 * One Parquet file of one feed, written as events arrive: only the open row group is buffered
 * (as column arrays); each full row group is encoded, compressed and appended to the file.
 *
 * Types as every reader expects them without options: strings are BYTE_ARRAY/STRING (UTF8),
 * timestamps INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true) (plus the legacy TIMESTAMP_MICROS
 * annotation for older readers), integers INT64, coordinates DOUBLE; every column is OPTIONAL.
 * Column statistics (min/max, null count) are written; string bounds are truncated to 16 bytes.
 */
import { open, rm, type FileHandle } from 'node:fs/promises';
import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import type { Feed } from '../onepassword/feeds.ts';
import type { RawEvent } from '../onepassword/types.ts';
import { VERSION } from '../version.ts';
import { chooseParquetCompression, type ParquetCompression } from './compression.ts';
import type { EventFileWriter } from './event-file.ts';
import { decideFit } from './file-budget.ts';
import { flattenEventValues, SCHEMAS, type Column, type RowValue } from './schema.ts';

const PAGE_SIZE = 1 << 20;

export interface ParquetFileOptions {
  feed: Feed;
  rowGroupSize: number;
  maxFileBytes: number;
  maxFileRows: number;
  compression?: ParquetCompression;
}

export class ParquetFileWriter implements EventFileWriter {
  private readonly columns: readonly Column[];
  private readonly fixedFooterBound: number;
  private buffered: RowValue[][];
  private bufferedRows = 0;
  private bufferedPlainBytes = 0;
  /** Longest value (bytes) per column in the buffer: statistics in the footer can be that long. */
  private bufferedLongest: number[];
  private readonly candidateSizes: number[];
  private encodedRows = 0;
  private encodedFootersBound = 0;

  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly sink: FileHandleSink,
    private readonly parquet: ParquetWriter,
    private readonly options: ParquetFileOptions,
    createdBy: string,
  ) {
    this.columns = SCHEMAS[options.feed];
    this.buffered = this.columns.map(() => []);
    this.bufferedLongest = this.columns.map(() => 0);
    this.candidateSizes = this.columns.map(() => 0);
    this.fixedFooterBound = fixedFooterBound(this.columns, createdBy, options.feed);
  }

  static async create(path: string, options: ParquetFileOptions): Promise<ParquetFileWriter> {
    const handle = await open(path, 'w');
    const sink = new FileHandleSink(handle);
    const { codec, compress } = options.compression ?? chooseParquetCompression();
    // "<app> version <v>" is the form parquet-mr/Spark parse; other forms make them distrust statistics.
    const createdBy = `1password-events-export version ${VERSION}`;
    const parquet = new ParquetWriter({
      writer: sink,
      schema: parquetSchema(SCHEMAS[options.feed]),
      codec,
      compressors: { [codec]: compress },
      statistics: true,
      createdBy,
      kvMetadata: [{ key: '1password-events-export.feed', value: options.feed }],
    });
    return new ParquetFileWriter(path, handle, sink, parquet, options, createdBy);
  }

  get rows(): number {
    return this.encodedRows + this.bufferedRows;
  }

  async tryAppend(event: RawEvent): Promise<boolean> {
    const values = flattenEventValues(this.options.feed, event);
    let plainBytes = 0;
    for (let i = 0; i < values.length; i++) {
      const size = plainSize(values[i] ?? null);
      this.candidateSizes[i] = size;
      plainBytes += size;
    }
    for (;;) {
      const fit = decideFit({
        maxBytes: this.options.maxFileBytes,
        maxRows: this.options.maxFileRows,
        encodedBytes: this.sink.offset,
        boundWithEvent: this.bound(true, plainBytes),
        rows: this.rows,
        bufferedRows: this.bufferedRows,
      });
      if (fit === 'full') return false;
      if (fit === 'fits') break;
      await this.encodeBuffer();
    }
    for (let i = 0; i < values.length; i++) {
      this.buffered[i]!.push(values[i] ?? null);
      if (this.candidateSizes[i]! > this.bufferedLongest[i]!)
        this.bufferedLongest[i] = this.candidateSizes[i]!;
    }
    this.bufferedRows++;
    this.bufferedPlainBytes += plainBytes;
    if (this.bufferedRows >= this.options.rowGroupSize) await this.encodeBuffer();
    return true;
  }

  async close(): Promise<number> {
    try {
      await this.encodeBuffer();
      await this.parquet.finish();
    } finally {
      await this.handle.close();
    }
    return this.sink.offset;
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(this.path, { force: true }).catch(() => {});
  }

  /** Most bytes the file can have once closed, as things stand: what the roll-over relies on. */
  get sizeBound(): number {
    return this.bound(false, 0);
  }

  /** `sizeBound`, optionally with the measured candidate event added to the buffer. */
  private bound(withCandidate: boolean, candidatePlainBytes: number): number {
    const settled = this.sink.offset + this.encodedFootersBound + this.fixedFooterBound;
    const rows = this.bufferedRows + (withCandidate ? 1 : 0);
    if (rows === 0) return settled;
    let longest = 0;
    for (let i = 0; i < this.columns.length; i++) {
      longest += Math.max(this.bufferedLongest[i]!, withCandidate ? this.candidateSizes[i]! : 0);
    }
    const plain = this.bufferedPlainBytes + candidatePlainBytes;
    return (
      settled +
      rowGroupBound(plain, rows, this.columns.length) +
      rowGroupFooterBound(this.columns, plain, rows, longest)
    );
  }

  private async encodeBuffer(): Promise<void> {
    if (this.bufferedRows === 0) return;
    const longest = this.bufferedLongest.reduce((sum, n) => sum + n, 0);
    this.encodedFootersBound += rowGroupFooterBound(
      this.columns,
      this.bufferedPlainBytes,
      this.bufferedRows,
      longest,
    );
    const columnData = this.columns.map((column, i) => ({ name: column.name, data: this.buffered[i]! }));
    const rows = this.bufferedRows;
    this.buffered = this.columns.map(() => []);
    this.bufferedLongest = this.columns.map(() => 0);
    this.bufferedRows = 0;
    this.bufferedPlainBytes = 0;
    await this.parquet.write({ columnData, rowGroupSize: rows, pageSize: PAGE_SIZE });
    this.encodedRows += rows;
  }
}

/** hyparquet-writer's in-memory writer, emptied to the file after every row group. */
class FileHandleSink extends ByteWriter {
  constructor(private readonly handle: FileHandle) {
    super(1 << 16);
  }

  /** Called by ParquetWriter after each row group (and by finish). */
  async flush(): Promise<void> {
    let start = 0;
    while (start < this.index) {
      const { bytesWritten } = await this.handle.write(
        new Uint8Array(this.buffer, start, this.index - start),
      );
      start += bytesWritten;
    }
    this.index = 0;
  }

  override async finish(): Promise<void> {
    await this.flush();
  }
}

function parquetSchema(columns: readonly Column[]): SchemaElement[] {
  return [{ name: 'schema', num_children: columns.length }, ...columns.map(parquetElement)];
}

function parquetElement(column: Column): SchemaElement {
  const base = { name: column.name, repetition_type: 'OPTIONAL' } as const;
  switch (column.type) {
    case 'string':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } };
    case 'timestamp':
      return {
        ...base,
        type: 'INT64',
        converted_type: 'TIMESTAMP_MICROS',
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' },
      };
    case 'int64':
      return { ...base, type: 'INT64' };
    case 'double':
      return { ...base, type: 'DOUBLE' };
  }
}

/** Bytes of a value in PLAIN encoding: a 4-byte length plus UTF-8 for strings, 8 for numbers. */
function plainSize(value: RowValue): number {
  if (value === null) return 0;
  if (typeof value === 'string') return 4 + Buffer.byteLength(value, 'utf8');
  return 8;
}

// Worst-case sizes of what hyparquet-writer 0.17 emits, term by term; the tests check them against
// incompressible data. PLAIN is the largest encoding it picks (a dictionary is kept only when its
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
function rowGroupBound(plainBytes: number, rows: number, columns: number): number {
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
function rowGroupFooterBound(
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
function fixedFooterBound(columns: readonly Column[], createdBy: string, feed: string): number {
  let names = 0;
  for (const column of columns) names += column.name.length;
  return 256 + columns.length * 48 + names + createdBy.length + feed.length + 64;
}
