/**
 * Reading stored files with bounded memory, checking that the storage returns what was asked.
 * Small files (the usual part) are read once, whole, which also gives their SHA-256; larger ones
 * are hashed in a sequential pass of bounded chunks and then read by ranges.
 */
import { createHash } from 'node:crypto';
import type { StoredFile, StoredFileReader } from './types.ts';

/** Files up to this size are held in memory while merged. */
export const WHOLE_READ_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;

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

/** The file's bytes in order, in chunks of at most CHUNK_BYTES. */
export async function* readChunks(reader: StoredFileReader, file: StoredFile): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < file.bytes; start += CHUNK_BYTES) {
    yield await readExactly(reader, file, start, Math.min(file.bytes, start + CHUNK_BYTES));
  }
}

/** A Parquet file opened for reading by ranges, with the SHA-256 of its bytes. */
export async function openRangeBuffer(
  reader: StoredFileReader,
  file: StoredFile,
): Promise<{ buffer: RangeBuffer; sha256: string }> {
  const hash = createHash('sha256');
  if (file.bytes <= WHOLE_READ_BYTES) {
    const whole = await readExactly(reader, file, 0, file.bytes);
    hash.update(whole);
    return { buffer: memoryBuffer(whole), sha256: hash.digest('hex') };
  }
  for await (const chunk of readChunks(reader, file)) hash.update(chunk);
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
