import type { Logger } from '../logger.ts';
import { STATE_FILE } from '../output/layout.ts';
import { storageFilePath } from '../validate/storage-path.ts';
import type { Octokit } from './octokit.ts';

export { storageFilePath };

/** Where repo mode keeps the export: one folder of one branch of one repository. */
export interface StorageTarget {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The repository's default branch when absent. */
  branch?: string;
  /** Already validated by src/validate/storage-path.ts. */
  storagePath: string;
  logger: Logger;
}

/** The state document inside the storage repository: `<storage-path>/_state/state.json`. */
export function repoStatePath(storagePath: string): string {
  return storageFilePath(storagePath, STATE_FILE);
}
