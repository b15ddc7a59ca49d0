import { posix } from 'node:path';
import { InputError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Octokit } from './octokit.ts';

/** Where repo mode keeps the export: one folder of one branch of one repository. */
export interface StorageTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The repository's default branch when absent. */
  branch?: string;
  storagePath: string;
  logger: Logger;
}

/**
 * Paths inside the storage repository: the run's files keep their output-dir layout under
 * `storage-path`, and the state document sits beside them in `_state/state.json`.
 */

/** `storage-path` without leading/trailing slashes; '' means the repository root. */
export function normalizeStoragePath(storagePath: string): string {
  const trimmed = storagePath.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '' || trimmed === '.') return '';
  const normalized = posix.normalize(trimmed);
  if (normalized.startsWith('..') || trimmed.includes('\\') || normalized.split('/').includes('.git')) {
    throw new InputError('storage-path', `"${storagePath}" must be a folder inside the repository`);
  }
  return normalized;
}

/** A path relative to the storage folder, as a repository path. */
export function storageFilePath(storagePath: string, relativePath: string): string {
  const root = normalizeStoragePath(storagePath);
  return root === '' ? relativePath : `${root}/${relativePath}`;
}

export const STATE_FILE = '_state/state.json';

export function repoStatePath(storagePath: string): string {
  return storageFilePath(storagePath, STATE_FILE);
}
