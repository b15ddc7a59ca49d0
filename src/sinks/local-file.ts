import { stat } from 'node:fs/promises';
import { ExportError } from '../errors.ts';

/**
 * Size of a file a sink is about to send, which must be a regular file; `action` says what the sink
 * was doing ("commit", "upload") in the error, which names the relative path, never file contents.
 */
export async function regularFileSize(
  absolutePath: string,
  relativePath: string,
  action: string,
): Promise<number> {
  try {
    const info = await stat(absolutePath);
    if (!info.isFile()) throw new Error('not a regular file');
    return info.size;
  } catch (error) {
    throw new ExportError('delivery', `Cannot ${action} ${relativePath}: ${(error as Error).message}.`);
  }
}
