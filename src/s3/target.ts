/**
 * Where S3 mode keeps the export: one prefix of one bucket, and the names of everything under it.
 * The tree is the output-dir layout (src/output/layout.ts) under `s3-prefix`, plus `_state/`.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '../logger.ts';
import { STATE_FILE } from '../output/layout.ts';

export type S3Encryption =
  { mode: 'bucket-default' } | { mode: 'AES256' } | { mode: 'aws:kms'; keyId?: string };

export interface S3Target {
  client: S3Client;
  bucket: string;
  /** `s3-prefix` as src/validate/storage-path.ts returns it (no leading/trailing slashes). */
  prefix: string;
  encryption: S3Encryption;
  logger: Logger;
}

/** The state object under the prefix (the layout's name), written last by every run: the commit. */
export const S3_STATE_FILE = STATE_FILE;
/** One marker per run between its first write and the end of its clean-up (src/s3/pending.ts). */
export const S3_PENDING_DIR = '_state/pending/';

/** The object key of a path relative to the prefix. */
export function objectKey(prefix: string, relativePath: string): string {
  return prefix === '' ? relativePath : `${prefix}/${relativePath}`;
}

/** The path relative to the prefix of an object key listed under it. */
export function relativeKey(prefix: string, key: string): string {
  return prefix === '' ? key : key.slice(prefix.length + 1);
}

/** `s3://bucket/prefix`, the `s3-uri` output. */
export function s3Uri(bucket: string, prefix: string): string {
  return prefix === '' ? `s3://${bucket}` : `s3://${bucket}/${prefix}`;
}
