/**
 * The few S3 operations S3 mode needs, each turning SDK failures into one clear delivery error
 * (src/s3/errors.ts). Bodies go up with Content-Length and Content-MD5 (no aws-chunked encoding, see
 * src/s3/client.ts); objects are never given an ACL, so they stay as private as the bucket.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { ExportError } from '../errors.ts';
import { S3_MAX_ATTEMPTS } from './client.ts';
import { isCredentialsError, s3CodeOf, s3Failure, s3StatusOf, type S3Operation } from './errors.ts';
import { objectKey, relativeKey, type S3Target } from './target.ts';

export interface StoredText {
  text: string;
  etag: string;
}

/** The object's text and ETag, or undefined when it does not exist. Refuses objects over `maxBytes`. */
export async function readText(
  target: S3Target,
  relativePath: string,
  maxBytes: number,
): Promise<StoredText | undefined> {
  const key = objectKey(target.prefix, relativePath);
  let response;
  try {
    response = await target.client.send(new GetObjectCommand({ Bucket: target.bucket, Key: key }));
  } catch (error) {
    if (s3StatusOf(error) === 404 && s3CodeOf(error) !== 'NoSuchBucket') return undefined;
    throw failure(target, 'read', 'get', key, error);
  }
  const body = response.Body as AsyncIterable<Uint8Array> | undefined;
  const declared = response.ContentLength;
  const tooLarge = () =>
    new ExportError(
      'delivery',
      `s3://${target.bucket}/${key} is larger than ${maxBytes} bytes; refusing to read it.`,
    );
  if (declared !== undefined && declared > maxBytes) {
    (response.Body as { destroy?: () => void } | undefined)?.destroy?.();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        (response.Body as { destroy?: () => void } | undefined)?.destroy?.();
        throw tooLarge();
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    throw failure(target, 'read', 'get', key, error);
  }
  if (!response.ETag)
    throw new ExportError('delivery', `s3://${target.bucket}/${key} was returned without an ETag.`);
  return { text: Buffer.concat(chunks).toString('utf8'), etag: response.ETag };
}

/** Bytes `[start, end)` of an object (a ranged GET), exactly `end - start` of them or an error. */
export async function readRange(
  target: S3Target,
  relativePath: string,
  start: number,
  end: number,
): Promise<Uint8Array> {
  const key = objectKey(target.prefix, relativePath);
  if (end <= start) return new Uint8Array(0);
  try {
    const response = await target.client.send(
      new GetObjectCommand({ Bucket: target.bucket, Key: key, Range: `bytes=${start}-${end - 1}` }),
    );
    const bytes = await response.Body!.transformToByteArray();
    if (bytes.byteLength !== end - start) {
      throw new ExportError(
        'delivery',
        `s3://${target.bucket}/${key} returned ${bytes.byteLength} bytes for a range of ${end - start}.`,
      );
    }
    return bytes;
  } catch (error) {
    throw failure(target, 'read', 'get', key, error);
  }
}

export interface PutCondition {
  /** Write only if the object still has this ETag. */
  ifMatch?: string;
  /** Write only if no object exists. */
  ifNoneMatch?: '*';
}

/** Uploads bytes; returns the new ETag. Precondition failures (412/409) are thrown as they come. */
export async function putBytes(
  target: S3Target,
  relativePath: string,
  body: Buffer,
  condition: PutCondition = {},
): Promise<string | undefined> {
  const key = objectKey(target.prefix, relativePath);
  const input: PutObjectCommandInput = {
    ...putBase(target, key, relativePath),
    Body: body,
    ContentLength: body.byteLength,
    ContentMD5: createHash('md5').update(body).digest('base64'),
    ...(condition.ifMatch ? { IfMatch: condition.ifMatch } : {}),
    ...(condition.ifNoneMatch ? { IfNoneMatch: condition.ifNoneMatch } : {}),
  };
  try {
    return (await target.client.send(new PutObjectCommand(input))).ETag;
  } catch (error) {
    if (condition.ifMatch || condition.ifNoneMatch) {
      const status = s3StatusOf(error);
      if (status === 412 || status === 409) throw error;
    }
    throw failure(target, 'write', 'put', key, error);
  }
}

/**
 * Uploads a local file as a stream of known length (memory stays flat whatever its size). The SDK
 * does not retry a streamed body, so this does, with a fresh stream each time (bounded backoff).
 */
export async function putFile(
  target: S3Target,
  relativePath: string,
  absolutePath: string,
  bytes: number,
): Promise<void> {
  const key = objectKey(target.prefix, relativePath);
  const md5 = await fileMd5(absolutePath);
  for (let attempt = 1; ; attempt++) {
    try {
      await target.client.send(
        new PutObjectCommand({
          ...putBase(target, key, relativePath),
          Body: createReadStream(absolutePath),
          ContentLength: bytes,
          ContentMD5: md5,
        }),
      );
      return;
    } catch (error) {
      if (attempt >= S3_MAX_ATTEMPTS || !isRetryable(error))
        throw failure(target, 'write', 'put', key, error);
      await sleep(retryDelayMs(attempt));
    }
  }
}

/** 5xx, SlowDown/throttling and network errors (no status) are worth another try; 4xx are not. */
export function isRetryable(error: unknown): boolean {
  if (isCredentialsError(error)) return false;
  const status = s3StatusOf(error);
  if (status === undefined) return true;
  return (
    status >= 500 || status === 429 || ['SlowDown', 'RequestTimeout', 'Throttling'].includes(s3CodeOf(error))
  );
}

/** Capped exponential backoff with full jitter, like the SDK's own: at most 20 s a wait. */
function retryDelayMs(attempt: number): number {
  return Math.floor(Math.random() * Math.min(20_000, 100 * 2 ** attempt));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ListedObject {
  /** Path relative to the prefix. */
  path: string;
  bytes: number;
  lastModified?: Date;
}

/** Every object under `<prefix>/<relativeDir>`, page by page. */
export async function* listObjects(target: S3Target, relativeDir: string): AsyncGenerator<ListedObject> {
  const listPrefix = objectKey(target.prefix, relativeDir);
  let token: string | undefined;
  do {
    let page;
    try {
      page = await target.client.send(
        new ListObjectsV2Command({
          Bucket: target.bucket,
          Prefix: listPrefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
    } catch (error) {
      throw failure(target, 'list', 'list', listPrefix, error);
    }
    for (const item of page.Contents ?? []) {
      if (!item.Key || !item.Key.startsWith(listPrefix)) continue;
      yield {
        path: relativeKey(target.prefix, item.Key),
        bytes: item.Size ?? 0,
        ...(item.LastModified ? { lastModified: item.LastModified } : {}),
      };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/**
 * Deletes objects one by one (DeleteObject is the call every S3-compatible service has; Google Cloud
 * Storage has no multi-object delete), a few at a time. Deleting a missing object succeeds.
 */
export async function deleteObjects(target: S3Target, relativePaths: readonly string[]): Promise<void> {
  const queue = [...new Set(relativePaths)];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const key = objectKey(target.prefix, path);
      try {
        await target.client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: key }));
      } catch (error) {
        if (s3StatusOf(error) === 404 && s3CodeOf(error) !== 'NoSuchBucket') continue;
        throw failure(target, 'delete', 'delete', key, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DELETE_CONCURRENCY, queue.length) }, worker));
}

const DELETE_CONCURRENCY = 8;

function putBase(target: S3Target, key: string, relativePath: string): PutObjectCommandInput {
  const encryption = target.encryption;
  return {
    Bucket: target.bucket,
    Key: key,
    ContentType: contentType(relativePath),
    ...(encryption.mode === 'AES256' ? { ServerSideEncryption: 'AES256' } : {}),
    ...(encryption.mode === 'aws:kms'
      ? { ServerSideEncryption: 'aws:kms', ...(encryption.keyId ? { SSEKMSKeyId: encryption.keyId } : {}) }
      : {}),
  };
}

/** No Content-Encoding on .ndjson.gz: readers must get the gzip bytes, not have them unpacked on the way. */
function contentType(path: string): string {
  if (path.endsWith('.parquet')) return 'application/vnd.apache.parquet';
  if (path.endsWith('.gz')) return 'application/gzip';
  if (path.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}

async function fileMd5(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

function failure(
  target: S3Target,
  verb: string,
  operation: S3Operation,
  key: string,
  error: unknown,
): ExportError {
  return s3Failure(
    verb,
    operation,
    { bucket: target.bucket, prefix: target.prefix, key, kms: target.encryption.mode === 'aws:kms' },
    error,
  );
}
