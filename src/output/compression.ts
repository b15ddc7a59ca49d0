import zlib from 'node:zlib';

export type ParquetCodec = 'ZSTD' | 'GZIP';

export interface ParquetCompression {
  codec: ParquetCodec;
  compress: (input: Uint8Array) => Uint8Array;
}

/** The parts of `node:zlib` the choice depends on (injectable, so tests can play Node 20 on Node 24). */
export interface ZlibCodecs {
  gzipSync: (input: Uint8Array) => Uint8Array;
  zstdCompressSync?: ((input: Uint8Array) => Uint8Array) | undefined;
}

/**
 * ZSTD when this Node has it (`zlib.zstdCompressSync`, Node >= 22.15), else GZIP (Node 20). Both are
 * built into Node and read by every Parquet reader; ZSTD writes smaller files faster.
 */
export function chooseParquetCompression(codecs: ZlibCodecs = zlib): ParquetCompression {
  const zstd = codecs.zstdCompressSync;
  if (typeof zstd === 'function') return { codec: 'ZSTD', compress: (input) => zstd(input) };
  return { codec: 'GZIP', compress: (input) => codecs.gzipSync(input) };
}
