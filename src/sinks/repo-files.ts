import { join, posix } from 'node:path';
import { ExportError } from '../errors.ts';
import { regularFileSize } from './local-file.ts';

/** GitHub warns about files over 50 MiB and rejects them at 100 MiB; we stop at the warning. */
export const MAX_REPO_FILE_BYTES = 50 * 1024 * 1024;

export interface LocalFile {
  /** Path relative to the output directory, `/`-separated. */
  relativePath: string;
  absolutePath: string;
  bytes: number;
}

/**
 * Checks every file before anything is written to the repository: each must be a plain relative
 * path inside the output directory, exist, and be at most MAX_REPO_FILE_BYTES.
 */
export async function checkFilesForRepo(outDir: string, files: readonly string[]): Promise<LocalFile[]> {
  const checked: LocalFile[] = [];
  for (const relativePath of new Set(files)) {
    if (!isInsideRelative(relativePath)) {
      throw new ExportError(
        'delivery',
        `Refusing to commit "${relativePath}": not a path inside the output directory.`,
      );
    }
    const absolutePath = join(outDir, relativePath);
    const bytes = await regularFileSize(absolutePath, relativePath, 'commit');
    if (bytes > MAX_REPO_FILE_BYTES) {
      throw new ExportError(
        'delivery',
        `Refusing to commit ${relativePath}: it is ${formatMiB(bytes)}, over the ${formatMiB(MAX_REPO_FILE_BYTES)} ` +
          'GitHub accepts comfortably in a repository. Nothing was committed.',
      );
    }
    checked.push({ relativePath, absolutePath, bytes });
  }
  return checked;
}

/** A plain relative `/`-separated path that stays inside the folder it is relative to. */
export function isInsideRelative(path: string): boolean {
  if (path === '' || path.includes('\\') || posix.isAbsolute(path)) return false;
  const normalized = posix.normalize(path);
  return normalized === path && !normalized.startsWith('../') && normalized !== '..';
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
