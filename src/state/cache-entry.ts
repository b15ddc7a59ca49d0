import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';

/**
 * Reads the one state file out of an Actions cache entry without letting the entry touch the disk.
 *
 * @actions/cache restores by running `tar -xf … -P`, which honours absolute paths and `..`: an entry
 * planted by anyone who can write this repository's cache could write files anywhere the job can.
 * So the restore is done here instead: ask the cache service (v2, Twirp) for the newest entry matching
 * a key, download it with a size bound, decompress it in memory with a size bound, and take the bytes
 * of exactly one tar member, the state file. Nothing else in the archive is looked at or written.
 * Saving still goes through @actions/cache (it archives our own file), so the entry's version and
 * layout stay those of @actions/cache (see src/state/cache-store.ts).
 */

/** Compression methods @actions/cache may have used; each gives the entry a different version. */
export const COMPRESSION_METHODS = ['zstd-without-long', 'gzip'] as const;
export type CompressionMethod = (typeof COMPRESSION_METHODS)[number];
const TWIRP_SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';
/** Room for tar headers around the file. */
const TAR_OVERHEAD = 64 * 1024;
const REQUEST_TIMEOUT_MS = 60_000;

export interface CacheEntryRequest {
  /** Exact key, or the prefix to match (the service returns the newest entry starting with it). */
  key: string;
  /** Each method gives the entry another version: entries of the other one are not seen. */
  method: CompressionMethod;
  /** The path string save passed to @actions/cache, and the member name in the archive. */
  path: string;
  /** Largest file accepted; the compressed and uncompressed archive are bounded from it. */
  maxFileBytes: number;
}

export type CacheEntryResult =
  | { found: false }
  | { found: true; matchedKey: string; bytes: Buffer }
  | { found: true; matchedKey: string; problem: string };

/** Whether this step can reach cache service v2 (the only one github.com serves). */
export function cacheServiceV2Available(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_CACHE_SERVICE_V2 && env.ACTIONS_RESULTS_URL && env.ACTIONS_RUNTIME_TOKEN);
}

/** The version @actions/cache gives an entry of `paths` saved with `method` (cacheUtils.getCacheVersion). */
export function cacheVersion(paths: readonly string[], method: string): string {
  return createHash('sha256')
    .update([...paths, method, ...(process.platform === 'win32' ? ['windows-only'] : []), '1.0'].join('|'))
    .digest('hex');
}

/**
 * The newest entry for `request.key` (exact, then prefix) saved with `request.method`, the state
 * file's bytes in it, or why they could not be read. Network and service errors throw; the caller turns them into a warning.
 */
export async function readCacheEntryFile(
  request: CacheEntryRequest,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CacheEntryResult> {
  const maxArchive = request.maxFileBytes + TAR_OVERHEAD;
  const { method } = request;
  const reply = await twirp(env, 'GetCacheEntryDownloadURL', {
    key: request.key,
    version: cacheVersion([request.path], method),
  });
  if (reply.ok !== true) return { found: false };
  const matchedKey = typeof reply.matched_key === 'string' ? reply.matched_key : request.key;
  const url = typeof reply.signed_download_url === 'string' ? reply.signed_download_url : undefined;
  if (url === undefined)
    return { found: true, matchedKey, problem: 'the cache service gave no download URL' };
  const archive = await downloadBounded(url, maxArchive);
  if (archive === undefined) {
    return { found: true, matchedKey, problem: `the entry is larger than ${maxArchive} bytes` };
  }
  const tar = await decompressBounded(archive, method, maxArchive);
  if (tar === undefined) {
    return {
      found: true,
      matchedKey,
      problem: 'the entry is not a bounded archive of the expected compression',
    };
  }
  const member = singleTarMember(tar, request.path, request.maxFileBytes);
  return typeof member === 'string'
    ? { found: true, matchedKey, problem: member }
    : { found: true, matchedKey, bytes: member };
}

async function twirp(
  env: NodeJS.ProcessEnv,
  method: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const url = new URL(`${TWIRP_SERVICE}${method}`, env.ACTIONS_RESULTS_URL);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  if (response.status === 404) return { ok: false };
  if (!response.ok) {
    throw new Error(`the cache service answered ${response.status} to ${method}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    throw new Error(`the cache service answered ${method} with something that is not JSON`);
  }
}

/** The body, or undefined as soon as it passes `max` bytes (announced or streamed). */
async function downloadBounded(url: string, max: number): Promise<Buffer | undefined> {
  const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`downloading the cache entry answered ${response.status}`);
  }
  const announced = Number(response.headers.get('content-length') ?? '0');
  if (announced > max || response.body === null) {
    await response.body?.cancel();
    return response.body === null ? Buffer.alloc(0) : undefined;
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    length += chunk.byteLength;
    if (length > max) return undefined; // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}

async function decompressBounded(archive: Buffer, method: string, max: number): Promise<Buffer | undefined> {
  try {
    if (method === 'gzip') return zlib.gunzipSync(archive, { maxOutputLength: max });
    const zstd = (zlib as { zstdDecompressSync?: (b: Buffer, o: object) => Buffer }).zstdDecompressSync;
    if (zstd !== undefined) return zstd(archive, { maxOutputLength: max });
    return await zstdBinary(archive, max);
  } catch {
    return undefined;
  }
}

/** Node before 22.15 has no zstd: the runner's zstd binary (which @actions/cache used to save). */
function zstdBinary(archive: Buffer, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn('zstd', ['-dc'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let length = 0;
    let tooLarge = false;
    child.stdout.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > max) {
        tooLarge = true;
        child.kill();
      } else chunks.push(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (tooLarge || code !== 0) resolve(undefined);
      else resolve(Buffer.concat(chunks, length));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(archive);
  });
}

/**
 * The body of the one regular file named `name` in a tar, or a reason. Pax and GNU long-name headers
 * are read for the name only; any other member (a second file, a link, a directory, a device) makes
 * the archive something this export did not write, and it is refused whole.
 */
export function singleTarMember(tar: Buffer, name: string, maxBytes: number): Buffer | string {
  let offset = 0;
  let pendingName: string | undefined;
  let found: Buffer | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = Number.parseInt(cString(header.subarray(124, 136)).trim() || '0', 8);
    if (!Number.isSafeInteger(size) || size < 0 || offset + 512 + size > tar.length) {
      return 'the archive is truncated or has a bad header';
    }
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pendingName = paxPath(body) ?? pendingName;
      continue;
    }
    if (type === 'g') continue; // global pax header: metadata only
    if (type === 'L') {
      pendingName = cString(body);
      continue;
    }
    const prefix = cString(header.subarray(345, 500));
    const shortName = cString(header.subarray(0, 100));
    const memberName = pendingName ?? (prefix ? `${prefix}/${shortName}` : shortName);
    pendingName = undefined;
    if ((type !== '0' && type !== '\0') || memberName !== name || found !== undefined) {
      return 'the archive holds other things than the one state file';
    }
    if (size > maxBytes) return `the state file is larger than ${maxBytes} bytes`;
    found = Buffer.from(body);
  }
  return found ?? 'the archive does not hold the state file';
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

/** Pax extended headers are "<len> key=value\n" records; only `path` matters here. */
function paxPath(body: Buffer): string | undefined {
  let cursor = 0;
  let path: string | undefined;
  while (cursor < body.length) {
    const space = body.indexOf(0x20, cursor);
    if (space === -1) break;
    const length = Number(body.subarray(cursor, space).toString());
    if (!Number.isSafeInteger(length) || length <= space - cursor) break;
    const record = body.subarray(space + 1, cursor + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (record.slice(0, equals) === 'path') path = record.slice(equals + 1);
    cursor += length;
  }
  return path;
}
