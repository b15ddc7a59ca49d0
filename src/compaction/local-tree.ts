/**
 * A tree in a local folder as compaction sees it: the listing of its data files and a reader.
 * Used by the CLI's compact command, the bench and the tests.
 */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parsePartPath } from '../output/layout.ts';
import type { StoredFile, StoredFileReader } from './types.ts';

/** Every data file of the layout under `root` (symbolic links and dot-files are not followed). */
export async function listLocalTree(root: string): Promise<StoredFile[]> {
  const files: StoredFile[] = [];
  const walk = async (relativeDir: string, depth: number): Promise<void> => {
    const entries = await readdir(path.join(root, ...relativeDir.split('/').filter(Boolean)), {
      withFileTypes: true,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < 3) await walk(relative, depth + 1);
      else if (entry.isFile() && parsePartPath(relative)) {
        files.push({ path: relative, bytes: (await stat(path.join(root, relative))).size });
      }
    }
  };
  await walk('', 0);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reads files under `root` by ranges. */
export function localReader(root: string): StoredFileReader {
  return {
    async read(relativePath, start, end) {
      const handle = await open(path.join(root, ...relativePath.split('/')), 'r');
      try {
        const bytes = new Uint8Array(end - start);
        let filled = 0;
        while (filled < bytes.length) {
          const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, start + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return bytes.subarray(0, filled);
      } finally {
        await handle.close();
      }
    },
  };
}
