/**
 * Merges the Parquet parts of one group: each part is read with hyparquet one row group at a time
 * (so memory holds one row group, whatever the day holds) and its rows are written through the
 * exporter's own Parquet writer: the same schema, row-group size, compression and size bound as a
 * fresh file. A part whose columns are not the feed's (another feed's file, a future schema) is
 * refused, which leaves the group as it is.
 */
import zlib from 'node:zlib';
import { parquetMetadataAsync, parquetRead, type FileMetaData, type SchemaElement } from 'hyparquet';
import type { Feed } from '../onepassword/feeds.ts';
import { ParquetFileWriter } from '../output/parquet-writer.ts';
import { SCHEMAS, type Column, type RowValue } from '../output/schema.ts';
import type { ReplacedFile, StoredFile, StoredFileReader } from './types.ts';
import { openRangeBuffer, type RangeBuffer } from './stored-read.ts';
import type { MergedOutput } from './merged-output.ts';

const FEED_KEY = '1password-events-export.feed';

/** Timestamps come back as microseconds (BigInt), whatever unit the file stores. */
const PARSERS = {
  timestampFromMilliseconds: (millis: bigint) => BigInt(millis) * 1000n,
  timestampFromMicroseconds: (micros: bigint) => BigInt(micros),
  timestampFromNanoseconds: (nanos: bigint) => BigInt(nanos) / 1000n,
};

/** Node's own codecs: ZSTD needs Node >= 22.15 (files written on Node 20 use GZIP). */
const DECOMPRESSORS = {
  GZIP: (input: Uint8Array) => new Uint8Array(zlib.gunzipSync(input)),
  ...(typeof zlib.zstdDecompressSync === 'function'
    ? { ZSTD: (input: Uint8Array) => new Uint8Array(zlib.zstdDecompressSync(input)) }
    : {}),
};

/** Appends every row of `file` to `output`; returns the file as replaced (rows, SHA-256). */
export async function copyParquetRows(
  feed: Feed,
  reader: StoredFileReader,
  file: StoredFile,
  output: MergedOutput<ParquetFileWriter>,
): Promise<Omit<ReplacedFile, 'feed' | 'format' | 'date'>> {
  const { buffer, sha256 } = await openRangeBuffer(reader, file);
  const metadata = await parquetMetadataAsync(buffer, { parsers: PARSERS });
  const columns = SCHEMAS[feed];
  const present = matchColumns(feed, file.path, metadata, columns);
  const targets = [...present.values()];
  let rowStart = 0;
  for (const rowGroup of metadata.row_groups) {
    const rowEnd = rowStart + Number(rowGroup.num_rows);
    const rows = await readRows(buffer, metadata, present, rowStart, rowEnd);
    for (const row of rows) {
      const values: RowValue[] = new Array<RowValue>(columns.length).fill(null);
      for (let i = 0; i < targets.length; i++) values[targets[i]!] = (row[i] ?? null) as RowValue;
      await output.append((writer) => writer.tryAppendValues(values));
    }
    rowStart = rowEnd;
  }
  if (rowStart !== Number(metadata.num_rows)) {
    throw new Error(
      `${file.path}: its row groups hold ${rowStart} rows, its footer says ${metadata.num_rows}`,
    );
  }
  return { path: file.path, rows: rowStart, bytes: file.bytes, sha256 };
}

function readRows(
  file: RangeBuffer,
  metadata: FileMetaData,
  present: Map<string, number>,
  rowStart: number,
  rowEnd: number,
): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    parquetRead({
      file,
      metadata,
      columns: [...present.keys()],
      rowStart,
      rowEnd,
      rowFormat: 'array',
      parsers: PARSERS,
      compressors: DECOMPRESSORS,
      onComplete: (rows: unknown[][]) => resolve(rows),
    }).catch(reject);
  });
}

/**
 * The file's columns by name -> index in the feed's schema. Every column must be one of the
 * feed's, with the same type; a column of the feed the file lacks reads as null.
 */
function matchColumns(
  feed: Feed,
  path: string,
  metadata: FileMetaData,
  columns: readonly Column[],
): Map<string, number> {
  const fileFeed = metadata.key_value_metadata?.find((entry) => entry.key === FEED_KEY)?.value;
  if (fileFeed !== undefined && fileFeed !== feed) {
    throw new Error(`${path} holds ${fileFeed} events, not ${feed}`);
  }
  const [root, ...elements] = metadata.schema;
  if (!root || elements.length !== root.num_children) {
    throw new Error(`${path}: nested columns, not a file of this exporter`);
  }
  const present = new Map<string, number>();
  for (const element of elements) {
    const index = columns.findIndex((column) => column.name === element.name);
    const column = columns[index];
    if (!column)
      throw new Error(`${path}: column ${JSON.stringify(element.name)} is not in the ${feed} schema`);
    if (!sameType(column, element)) {
      throw new Error(`${path}: column ${element.name} is not of the ${feed} schema's type (${column.type})`);
    }
    present.set(element.name, index);
  }
  return present;
}

function sameType(column: Column, element: SchemaElement): boolean {
  switch (column.type) {
    case 'string':
      return (
        element.type === 'BYTE_ARRAY' &&
        (element.converted_type === 'UTF8' || element.logical_type?.type === 'STRING')
      );
    case 'timestamp':
      return (
        element.type === 'INT64' &&
        (element.logical_type?.type === 'TIMESTAMP' ||
          element.converted_type === 'TIMESTAMP_MICROS' ||
          element.converted_type === 'TIMESTAMP_MILLIS')
      );
    case 'int64':
      return (
        element.type === 'INT64' && element.logical_type === undefined && element.converted_type === undefined
      );
    case 'double':
      return element.type === 'DOUBLE';
  }
}
