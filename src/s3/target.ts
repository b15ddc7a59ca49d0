/**
 * Where S3 mode keeps the export: one prefix of one bucket, and the names of everything under it.
 * The tree is the output-dir layout (src/output/layout.ts) under `s3-prefix`, plus `_state/`.
 */
import { posix } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { InputError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export type S3Encryption =
  { mode: 'bucket-default' } | { mode: 'AES256' } | { mode: 'aws:kms'; keyId?: string };

export interface S3Target {
  client: S3Client;
  bucket: string;
  /** Normalised prefix without leading/trailing slashes; '' is the bucket root. */
  prefix: string;
  encryption: S3Encryption;
  logger: Logger;
}

/** The state object, written last by every run: the commit point of S3 mode. */
export const S3_STATE_FILE = '_state/state.json';
/** One marker per run between its first write and the end of its clean-up (src/s3/pending.ts). */
export const S3_PENDING_DIR = '_state/pending/';

/** `s3-prefix` without leading/trailing slashes; refuses `.`/`..` segments, backslashes and `//`. */
export function normalizeS3Prefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  const segments = trimmed.split('/');
  if (
    trimmed.includes('\\') ||
    segments.some((s) => s === '' || s === '.' || s === '..') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(trimmed) ||
    posix.normalize(trimmed) !== trimmed
  ) {
    throw new InputError(
      's3-prefix',
      `"${prefix}" must be a key prefix like "exports/1password" (no "..", "." or empty segments)`,
    );
  }
  if (Buffer.byteLength(trimmed) > 512) throw new InputError('s3-prefix', 'is longer than 512 bytes');
  return trimmed;
}

/** Bucket names per the S3 naming rules (also what R2, MinIO, GCS and B2 accept). */
export function assertBucketName(bucket: string): void {
  if (
    !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) ||
    bucket.includes('..') ||
    /^\d+\.\d+\.\d+\.\d+$/.test(bucket)
  ) {
    throw new InputError(
      's3-bucket',
      `"${bucket}" is not a bucket name (3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit)`,
    );
  }
}

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
