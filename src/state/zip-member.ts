import { inflateRawSync } from 'node:zlib';

/**
 * Reads one member of a remote zip (a workflow artifact) with HTTP range requests: the end of the
 * file for the central directory, then the member itself. An artifact can hold hundreds of megabytes
 * of event files; the state is a few hundred kilobytes, and only that is transferred or held.
 */

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** End of central directory record (22 bytes) plus the longest comment (65535). */
const TAIL_BYTES = 22 + 65_535;
/** Central directories past this are refused: an artifact of this export has a few hundred entries. */
const MAX_CENTRAL_DIRECTORY = 4 * 1024 * 1024;
const REQUEST_TIMEOUT_MS = 60_000;

export type ZipMemberResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** Fetches `url` with a Range header; a server that ignores ranges is refused (no whole download). */
export type RangeFetch = (url: string, range: string) => Promise<Buffer | undefined>;

export const fetchRange: RangeFetch = async (url, range) => {
  const response = await fetch(url, { headers: { range }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (response.status !== 206) {
    await response.body?.cancel();
    if (response.ok) return undefined;
    throw new Error(`the artifact download answered ${response.status}`);
  }
  return Buffer.from(await response.arrayBuffer());
};

/**
 * The one member named `name` (or, given a predicate, the one member whose name it accepts), at most
 * `maxBytes` uncompressed. Two matching members make the zip something this export did not write.
 */
export async function readZipMember(
  url: string,
  name: string | ((entryName: string) => boolean),
  maxBytes: number,
  range: RangeFetch = fetchRange,
): Promise<ZipMemberResult> {
  const label = typeof name === 'string' ? name : 'the member';
  const tail = await range(url, `bytes=-${TAIL_BYTES}`);
  if (tail === undefined) return { ok: false, reason: 'the artifact download does not serve byte ranges' };
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd === -1 || eocd + 22 > tail.length || tail.readUInt32LE(eocd) !== EOCD_SIGNATURE) {
    return { ok: false, reason: 'the artifact is not a zip' };
  }
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    return { ok: false, reason: 'the artifact is a zip64 archive, larger than this export writes' };
  }
  if (directorySize > MAX_CENTRAL_DIRECTORY) {
    return { ok: false, reason: 'the artifact lists more files than this export writes' };
  }
  const directory = await range(url, `bytes=${directoryOffset}-${directoryOffset + directorySize - 1}`);
  if (directory?.length !== directorySize) return { ok: false, reason: 'the artifact zip is truncated' };
  const entry = findCentralEntry(directory, name);
  if (typeof entry === 'string') return { ok: false, reason: entry };
  if (entry.uncompressedSize > maxBytes || entry.compressedSize > maxBytes + 1024) {
    return { ok: false, reason: `its ${label} is larger than ${maxBytes} bytes` };
  }
  // The local header repeats the name and may carry a different extra field: read both lengths.
  const headerEnd = entry.localOffset + 30 + 0xffff * 2;
  const span = await range(
    url,
    `bytes=${entry.localOffset}-${Math.min(headerEnd + entry.compressedSize, directoryOffset) - 1}`,
  );
  if (span === undefined || span.length < 30 || span.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    return { ok: false, reason: 'the artifact zip has a bad local header' };
  }
  const dataStart = 30 + span.readUInt16LE(26) + span.readUInt16LE(28);
  const data = span.subarray(dataStart, dataStart + entry.compressedSize);
  if (data.length !== entry.compressedSize) return { ok: false, reason: 'the artifact zip is truncated' };
  let bytes: Buffer;
  try {
    if (entry.method === 0) bytes = Buffer.from(data);
    else if (entry.method === 8) bytes = inflateRawSync(data, { maxOutputLength: maxBytes });
    else return { ok: false, reason: `its ${label} uses a compression this export does not write` };
  } catch {
    return { ok: false, reason: `its ${label} does not decompress within ${maxBytes} bytes` };
  }
  if (bytes.length !== entry.uncompressedSize) return { ok: false, reason: `its ${label} is damaged` };
  return { ok: true, bytes };
}

interface CentralEntry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** The one entry named `name` in a central directory; a second one with that name is refused. */
function findCentralEntry(
  directory: Buffer,
  name: string | ((entryName: string) => boolean),
): CentralEntry | string {
  const matches =
    typeof name === 'string'
      ? (entryName: Buffer) => entryName.equals(Buffer.from(name, 'utf8'))
      : (entryName: Buffer) => name(entryName.toString('utf8'));
  const label = typeof name === 'string' ? name : 'the member';
  let found: CentralEntry | undefined;
  let offset = 0;
  while (offset + 46 <= directory.length) {
    if (directory.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return 'the artifact zip has a bad directory';
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    const entryName = directory.subarray(offset + 46, offset + 46 + nameLength);
    if (matches(entryName)) {
      if (found !== undefined) return `the artifact holds ${label} twice`;
      found = {
        method: directory.readUInt16LE(offset + 10),
        compressedSize: directory.readUInt32LE(offset + 20),
        uncompressedSize: directory.readUInt32LE(offset + 24),
        localOffset: directory.readUInt32LE(offset + 42),
      };
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return found ?? `the artifact holds no ${label}`;
}
