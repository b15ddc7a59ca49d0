/**
 * Reading stored files with bounded memory, checking that the storage returns what was asked.
 * Small files (the usual part) are read whole, a few ahead of the one being merged, so a storage
 * with a round trip per read (the GitHub API, S3) is not waited on file after file. Larger files
 * are read in bounded chunks, or by ranges (Parquet: footer, then one row group at a time).
 */
import { createHash } from 'node:crypto';
import type { StoredFile, StoredFileReader } from './types.ts';

/** Files up to this size are read whole (and held while merged). */
export const WHOLE_READ_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Read-ahead: at most this many files, and this many bytes, in memory besides the one merged. */
const READ_AHEAD_FILES = 8;
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

/** A stored file ready to merge: its bytes when it is small, else read on demand. */
export interface StoredSource {
  file: StoredFile;
  reader: StoredFileReader;
  whole?: Uint8Array;
}

/** hyparquet's file interface (AsyncBuffer). */
export interface RangeBuffer {
  byteLength: number;
  slice(start: number, end?: number): Promise<ArrayBuffer>;
}

export async function readExactly(
  reader: StoredFileReader,
  file: StoredFile,
  start: number,
  end: number,
): Promise<Uint8Array> {
  if (!(0 <= start && start <= end && end <= file.bytes)) {
    throw new Error(`${file.path}: read of bytes ${start}-${end} outside its ${file.bytes} bytes`);
  }
  const bytes = await reader.read(file.path, start, end);
  if (bytes.length !== end - start) {
    throw new Error(
      `${file.path}: the storage returned ${bytes.length} bytes for a read of ${end - start} (the file changed?)`,
    );
  }
  return bytes;
}

/**
 * The files as sources, in order, each read ahead while earlier ones are merged (within the
 * read-ahead bounds). A read that fails surfaces when its file's turn comes.
 */
export async function* readAhead(
  reader: StoredFileReader,
  files: readonly StoredFile[],
): AsyncGenerator<StoredSource> {
  const pending: { file: StoredFile; source: Promise<StoredSource> }[] = [];
  let next = 0;
  let pendingBytes = 0;
  const fill = () => {
    while (
      next < files.length &&
      pending.length < READ_AHEAD_FILES &&
      (pending.length === 0 || pendingBytes + wholeBytes(files[next]!) <= READ_AHEAD_BYTES)
    ) {
      const file = files[next++]!;
      const source = load(reader, file);
      source.catch(() => {}); // awaited in turn; this only keeps it from being "unhandled" meanwhile
      pending.push({ file, source });
      pendingBytes += wholeBytes(file);
    }
  };
  fill();
  while (pending.length > 0) {
    const { file, source } = pending.shift()!;
    pendingBytes -= wholeBytes(file);
    const loaded = await source;
    fill();
    yield loaded;
  }
}

function wholeBytes(file: StoredFile): number {
  return file.bytes <= WHOLE_READ_BYTES ? file.bytes : 0;
}

async function load(reader: StoredFileReader, file: StoredFile): Promise<StoredSource> {
  if (file.bytes > WHOLE_READ_BYTES) return { file, reader };
  return { file, reader, whole: await readExactly(reader, file, 0, file.bytes) };
}

/** The file's bytes in order, in chunks of at most CHUNK_BYTES. */
export async function* readChunks(source: StoredSource): AsyncGenerator<Uint8Array> {
  if (source.whole) {
    yield source.whole;
    return;
  }
  const { reader, file } = source;
  for (let start = 0; start < file.bytes; start += CHUNK_BYTES) {
    yield await readExactly(reader, file, start, Math.min(file.bytes, start + CHUNK_BYTES));
  }
}

/** A Parquet file opened for reading by ranges, with the SHA-256 of its bytes. */
export async function openRangeBuffer(
  source: StoredSource,
): Promise<{ buffer: RangeBuffer; sha256: string }> {
  const hash = createHash('sha256');
  const { whole, reader, file } = source;
  if (whole) {
    hash.update(whole);
    return { buffer: memoryBuffer(whole), sha256: hash.digest('hex') };
  }
  for await (const chunk of readChunks(source)) hash.update(chunk);
  const buffer: RangeBuffer = {
    byteLength: file.bytes,
    slice: async (start, end = file.bytes) => toArrayBuffer(await readExactly(reader, file, start, end)),
  };
  return { buffer, sha256: hash.digest('hex') };
}

function memoryBuffer(bytes: Uint8Array): RangeBuffer {
  return {
    byteLength: bytes.length,
    slice: (start, end = bytes.length) => Promise.resolve(toArrayBuffer(bytes.subarray(start, end))),
  };
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
