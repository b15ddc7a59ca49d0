import { open } from 'node:fs/promises';
import { MAX_STATE_BYTES } from './parse.ts';

/**
 * The bytes of a state file, or a reason when it is larger than a state document can be: the size is
 * read from the file system first, so a huge file is never loaded.
 */
export async function readStateFileBounded(
  path: string,
  maxBytes = MAX_STATE_BYTES,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      return { ok: false, reason: `it is ${size} bytes, more than the ${maxBytes} a state document can be` };
    }
    // Read at most one byte past the bound, in case the file grows while we read it.
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      return { ok: false, reason: `it grew past the ${maxBytes} bytes a state document can be` };
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } finally {
    await handle.close();
  }
}
