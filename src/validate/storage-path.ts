import { posix } from 'node:path';
import { InputError } from '../errors.ts';

/**
 * `storage-path` (and any folder inside a repository or bucket we write to): relative, `/`-separated,
 * without `.`, `..`, empty or `.git` parts and without backslashes. Returns it without leading or
 * trailing slashes. Checked before any request, so a bad path never fails half-way through a run.
 */
export function parseStoragePath(value: string, input = 'storage-path'): string {
  const cleaned = value.trim().replace(/^\/+|\/+$/g, '');
  const parts = cleaned.split('/');
  const bad =
    cleaned === '' ||
    cleaned.includes('\\') ||
    parts.some((part) => part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git');
  if (bad || posix.normalize(cleaned) !== cleaned) {
    throw new InputError(
      input,
      `"${value}" must be a relative folder without ., .., .git or empty parts (e.g. 1password-events)`,
    );
  }
  return cleaned;
}

/** A path relative to the storage folder, as a path inside the repository or bucket. */
export function storageFilePath(storagePath: string, relativePath: string): string {
  return `${storagePath}/${relativePath}`;
}
