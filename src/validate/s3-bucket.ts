import { InputError } from '../errors.ts';

/** `s3-bucket`: the S3 bucket naming rules (which R2, MinIO, GCS and B2 accept too). */
export function parseS3Bucket(value: string, input = 's3-bucket'): string {
  const bucket = value.trim();
  if (
    !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) ||
    bucket.includes('..') ||
    /^\d+\.\d+\.\d+\.\d+$/.test(bucket)
  ) {
    throw new InputError(
      input,
      `"${value}" is not a bucket name (3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit)`,
    );
  }
  return bucket;
}
