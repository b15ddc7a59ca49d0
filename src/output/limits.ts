/** Defaults shared by fresh files (run-writer.ts) and merged files (src/compaction): one rule each. */

/** Rows per Parquet row group. */
export const DEFAULT_ROW_GROUP_SIZE = 10_000;

/** No file is larger than this. */
export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

/** Uncompressed bytes per NDJSON gzip block. */
export const DEFAULT_NDJSON_BLOCK_BYTES = 1 << 20;
