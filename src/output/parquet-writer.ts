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
import {
  fixedFooterBound,
  PAGE_SIZE,
  plainSize,
  rowGroupBound,
  rowGroupFooterBound,
} from './parquet-bounds.ts';
import { flattenEventValues, SCHEMAS, type Column, type RowValue } from './schema.ts';

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

  tryAppend(event: RawEvent): Promise<boolean> {
    return this.tryAppendValues(flattenEventValues(this.options.feed, event));
  }

  /**
   * Adds one row given as column values in `SCHEMAS[feed]` order (what compaction reads back from
   * a Parquet file), under the same bounds as `tryAppend`.
   */
  async tryAppendValues(values: readonly RowValue[]): Promise<boolean> {
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

  flushBuffered(): Promise<void> {
    return this.encodeBuffer();
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
    const columnData = this.columns.map((column, i) => ({
      name: column.name,
      data: this.buffered[i]!,
      ...columnEncoding(column),
    }));
    const rows = this.bufferedRows;
    this.buffered = this.columns.map(() => []);
    this.bufferedLongest = this.columns.map(() => 0);
    this.bufferedRows = 0;
    this.bufferedPlainBytes = 0;
    await this.parquet.write({ columnData, rowGroupSize: rows, pageSize: PAGE_SIZE });
    this.encodedRows += rows;
  }
}

const RETAINED_SINK_BYTES = 1 << 16;

/** hyparquet-writer's in-memory writer, emptied to the file after every row group. */
class FileHandleSink extends ByteWriter {
  constructor(private readonly handle: FileHandle) {
    super(RETAINED_SINK_BYTES);
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
    // The buffer grew to hold the largest row group; an open file that waits for late arrivals
    // need not keep that much memory.
    if (this.buffer.byteLength > RETAINED_SINK_BYTES) {
      this.buffer = new ArrayBuffer(RETAINED_SINK_BYTES);
      this.view = new DataView(this.buffer);
    }
  }

  // ByteWriter declares finish(): void, but ParquetWriter.finish() returns what this returns
  // (node_modules/hyparquet-writer/src/parquet-writer.js) and close() awaits it.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  override async finish(): Promise<void> {
    await this.flush();
  }
}

/**
 * Encoding hints where the writer's own choice costs time for nothing. Event uuids are unique and
 * random: a dictionary never pays off, so they are written PLAIN. Event times arrive nearly in
 * order: delta encoding stores the small differences. Min/max statistics are kept where a reader
 * can prune on them (times, numbers, and the enum-like strings people filter on) and skipped for
 * free text, names and uuids, whose string comparisons were a tenth of the export's CPU.
 */
function columnEncoding(column: Column): {
  encoding?: 'PLAIN' | 'DELTA_BINARY_PACKED';
  statistics: boolean;
} {
  const statistics = column.type !== 'string' || FILTERED_STRINGS.has(column.name);
  if (column.name === 'uuid' || column.name === 'session_uuid') return { encoding: 'PLAIN', statistics };
  if (column.name === 'timestamp') return { encoding: 'DELTA_BINARY_PACKED', statistics };
  return { statistics };
}

/** Enum-like string columns that queries filter on. */
const FILTERED_STRINGS = new Set([
  'action',
  'category',
  'type',
  'object_type',
  'actor_type',
  'country',
  'location_country',
]);

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
