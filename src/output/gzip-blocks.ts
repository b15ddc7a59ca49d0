/**
 * A single-member gzip stream (RFC 1952) built block by block with synchronous zlib calls, so the
 * caller knows the exact compressed size after every block (which the streaming `createGzip` does not
 * tell). Each block is raw DEFLATE ending in a sync flush (byte-aligned, not final); `end()` adds an
 * empty final block and the CRC-32/length trailer. Every gzip reader sees one ordinary stream.
 * Each block is compressed with the previous 32 KiB of input as its preset dictionary (as pigz
 * does): its back-references then point into the output just before it, so the ratio is that of
 * one continuous stream.
 */
import zlib from 'node:zlib';

const HEADER = Uint8Array.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
const WINDOW_BYTES = 32 * 1024;

export class GzipBlockEncoder {
  private crc = 0;
  private inputBytes = 0;
  private window: Buffer = Buffer.alloc(0);

  /** The 10-byte member header (no name, no mtime, OS unknown). */
  header(): Uint8Array {
    return HEADER;
  }

  /** Compress one block of input; the result continues the stream. */
  block(input: Uint8Array): Uint8Array {
    this.crc = crc32(input, this.crc);
    this.inputBytes += input.length;
    const output = zlib.deflateRawSync(input, {
      level: 6,
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      ...(this.window.length > 0 ? { dictionary: this.window } : {}),
    });
    this.window =
      input.length >= WINDOW_BYTES
        ? Buffer.from(input.subarray(input.length - WINDOW_BYTES))
        : Buffer.concat([this.window, input]).subarray(-WINDOW_BYTES);
    return output;
  }

  /** The final empty DEFLATE block and the trailer (CRC-32 and input length mod 2^32). */
  end(): Uint8Array {
    const last = zlib.deflateRawSync(new Uint8Array(0));
    const out = new Uint8Array(last.length + 8);
    out.set(last, 0);
    const view = new DataView(out.buffer);
    view.setUint32(last.length, this.crc >>> 0, true);
    view.setUint32(last.length + 4, this.inputBytes % 2 ** 32, true);
    return out;
  }

  /** Most bytes `block` can return for `n` input bytes (zlib's deflateBound plus the flush marker). */
  static blockBound(n: number): number {
    return n + n / 512 + 64;
  }

  /** Most bytes `end` returns. */
  static readonly END_BYTES = 16;
}

type Crc32 = (data: Uint8Array, previous: number) => number;

/** `zlib.crc32` (Node >= 20.15 and 22.2), else a table-driven fallback. */
const crc32: Crc32 =
  typeof zlib.crc32 === 'function' ? (data, previous) => zlib.crc32(data, previous) : crc32Js;

let table: Uint32Array | undefined;

export function crc32Js(data: Uint8Array, previous = 0): number {
  table ??= buildTable();
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

function buildTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
