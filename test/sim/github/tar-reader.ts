import { spawn } from 'node:child_process';
import { gunzipSync } from 'node:zlib';

/**
 * Reads the regular files out of a cache archive (tar, compressed with zstd or gzip as @actions/cache
 * makes it) so a test can see what a run saved, without extracting anything onto the disk.
 */
export async function readCacheArchive(archive: Buffer): Promise<Map<string, Buffer>> {
  return readTar(await decompress(archive));
}

async function decompress(archive: Buffer): Promise<Buffer> {
  if (archive[0] === 0x1f && archive[1] === 0x8b) return gunzipSync(archive);
  if (archive.readUInt32LE(0) === 0xfd2fb528) return zstdDecompress(archive);
  return archive;
}

/** The zstd binary, asynchronously: a blocking child would freeze the simulator sharing this process. */
function zstdDecompress(archive: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('zstd', ['-dc'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`zstd -dc failed (${code}): ${Buffer.concat(err).toString()}`)),
    );
    child.stdin.end(archive);
  });
}

function readTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  let pendingPath: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = parseInt(cString(header.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pendingPath = paxPath(body) ?? pendingPath;
      continue;
    }
    if (type === 'L') {
      pendingPath = cString(body);
      continue;
    }
    const prefix = cString(header.subarray(345, 500));
    const name = cString(header.subarray(0, 100));
    const path = pendingPath ?? (prefix ? `${prefix}/${name}` : name);
    pendingPath = undefined;
    if (type === '0' || type === '\0') files.set(path, Buffer.from(body));
  }
  return files;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

/** Pax extended headers are "<len> key=value\n" records; only `path` matters here. */
function paxPath(body: Buffer): string | undefined {
  let cursor = 0;
  while (cursor < body.length) {
    const space = body.indexOf(0x20, cursor);
    if (space === -1) break;
    const length = Number(body.subarray(cursor, space).toString());
    if (!Number.isFinite(length) || length <= 0) break;
    const record = body.subarray(space + 1, cursor + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (record.slice(0, equals) === 'path') return record.slice(equals + 1);
    cursor += length;
  }
  return undefined;
}
