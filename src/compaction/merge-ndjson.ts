/**
 * Merges the NDJSON parts of one group: each part is decompressed as a stream and its lines are
 * copied byte for byte (never parsed and re-serialised) into the exporter's NDJSON writer, which
 * compresses and rolls them like a fresh file. Concatenated gzip members are read as one stream.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { NdjsonFileWriter } from '../output/ndjson-writer.ts';
import type { MergedOutput } from './merged-output.ts';
import { readChunks } from './stored-read.ts';
import type { ReplacedFile, StoredFile, StoredFileReader } from './types.ts';

/** A line longer than this is refused (a decompression bomb must not fill memory). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const NEWLINE = 0x0a;

/** Appends every line of `file` to `output`; returns the file as replaced (rows, SHA-256). */
export async function copyNdjsonLines(
  reader: StoredFileReader,
  file: StoredFile,
  output: MergedOutput<NdjsonFileWriter>,
): Promise<Omit<ReplacedFile, 'feed' | 'format' | 'date'>> {
  const hash = createHash('sha256');
  const compressed = Readable.from(
    (async function* () {
      for await (const chunk of readChunks(reader, file)) {
        hash.update(chunk);
        yield chunk;
      }
    })(),
  );
  const lines = compressed.pipe(zlib.createGunzip());
  compressed.on('error', (error) => lines.destroy(error));
  let rows = 0;
  let partial: Buffer[] = [];
  let partialBytes = 0;
  const emit = async (line: Buffer) => {
    if (line.length <= 1) return; // an empty line is no event
    rows++;
    await output.append((writer) => writer.tryAppendLine(line));
  };
  for await (const chunk of lines as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, end + 1);
      const line = partialBytes > 0 ? Buffer.concat([...partial, piece]) : piece;
      partial = [];
      partialBytes = 0;
      await emit(line);
      start = end + 1;
    }
    if (start < chunk.length) {
      partial.push(chunk.subarray(start));
      partialBytes += chunk.length - start;
      if (partialBytes > MAX_LINE_BYTES) {
        lines.destroy();
        throw new Error(`${file.path}: a line longer than ${MAX_LINE_BYTES} bytes`);
      }
    }
  }
  // The last line lacked its newline: keep the event, end it properly.
  if (partialBytes > 0) await emit(Buffer.concat([...partial, Buffer.from([NEWLINE])]));
  return { path: file.path, rows, bytes: file.bytes, sha256: hash.digest('hex') };
}
