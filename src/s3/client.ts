/**
 * The one place an S3 client is made. Credentials are never passed in: the SDK's default provider
 * chain finds them (environment set by aws-actions/configure-aws-credentials, web identity, profile).
 */
import { S3Client } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  region: string;
  /** Another S3-compatible service; path-style addressing when set. */
  endpoint?: string;
  /** Attempts per request (first try included) for 5xx, SlowDown and network errors. */
  maxAttempts?: number;
}

/** The SDK warns on the console about streamed bodies it does not retry; src/s3/objects.ts retries those. */
const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** Five tries with the SDK's capped exponential backoff (full jitter, at most 20 s a wait). */
export const S3_MAX_ATTEMPTS = 5;

export function createS3Client(options: S3ClientOptions): S3Client {
  return new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    maxAttempts: options.maxAttempts ?? S3_MAX_ATTEMPTS,
    retryMode: 'standard',
    logger: quietLogger,
    // The SDK's default (WHEN_SUPPORTED) streams bodies with aws-chunked trailing checksums, which
    // several S3-compatible services store as data. We send a plain body with Content-Length and
    // Content-MD5 (src/s3/objects.ts), the integrity check every S3-compatible service verifies.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A server that stops answering cannot hold a run: idle sockets give up after a minute.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
  });
}
