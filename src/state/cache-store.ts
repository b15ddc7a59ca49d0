import { mkdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import * as cache from '@actions/cache';
import type { Logger } from '../logger.ts';
import type { StateDocument } from './document.ts';
import { parseStateDocument, serializeStateDocument } from './parse.ts';
import type { StateStore } from './store.ts';

/**
 * The one path the cache entry holds, relative to the workspace. @actions/cache hashes the path
 * strings into the entry version, so save and restore must pass exactly this string.
 */
export const CACHE_STATE_PATH = '.1password-events-state/state.json';

export interface CacheStateStoreOptions {
  stateKey: string;
  account: string;
  runId: string;
  runAttempt: string;
  /** Directory @actions/cache archives relative to (GITHUB_WORKSPACE on a runner). */
  workspace: string;
  logger: Logger;
}

/**
 * State in the Actions cache. Entries are immutable, so every run saves a new key
 * `<stateKey>-<account>-<runId>-<runAttempt>` and a restore takes the newest entry with the prefix
 * `<stateKey>-<account>-`. The cache is best-effort: every failure is a warning, never an exception.
 */
export class CacheStateStore implements StateStore {
  readonly name = 'cache' as const;
  private readonly options: CacheStateStoreOptions;

  constructor(options: CacheStateStoreOptions) {
    this.options = options;
  }

  /** Prefix shared by every entry of this account: what a restore matches. */
  get keyPrefix(): string {
    return `${cacheKeyPart(this.options.stateKey)}-${cacheKeyPart(this.options.account)}-`;
  }

  /** The key this run saves under. */
  get saveKey(): string {
    return `${this.keyPrefix}${cacheKeyPart(this.options.runId)}-${cacheKeyPart(this.options.runAttempt)}`;
  }

  async load(): Promise<StateDocument | undefined> {
    const { logger } = this.options;
    if (!cacheAvailable()) {
      logger.warning('The Actions cache service is not available to this step: no cached state to restore.');
      return undefined;
    }
    const file = this.localFile();
    try {
      await rm(file, { force: true });
      const matchedKey = await this.inWorkspace(() => cache.restoreCache([CACHE_STATE_PATH], this.keyPrefix));
      if (matchedKey === undefined) {
        logger.info(`No Actions cache entry starts with ${this.keyPrefix}.`);
        return undefined;
      }
      const doc = parseStateDocument(await readFile(file, 'utf8'), `cache entry ${matchedKey}`, logger);
      if (doc !== undefined && doc.account !== this.options.account) {
        logger.warning(`Cache entry ${matchedKey} holds the state of another account; ignoring it.`);
        return undefined;
      }
      return doc;
    } catch (error) {
      logger.warning(`Could not restore the state from the Actions cache: ${(error as Error).message}`);
      return undefined;
    } finally {
      await this.removeLocalFile();
    }
  }

  async save(doc: StateDocument): Promise<{ saved: boolean; detail: string }> {
    const key = this.saveKey;
    if (!cacheAvailable()) {
      return { saved: false, detail: 'the Actions cache service is not available to this step' };
    }
    try {
      const file = this.localFile();
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, serializeStateDocument(doc), { mode: 0o600 });
      const cacheId = await this.inWorkspace(() => cache.saveCache([CACHE_STATE_PATH], key));
      if (cacheId === -1) {
        // @actions/cache already logged why (key taken, write denied, rate limit, server error).
        return { saved: false, detail: `the Actions cache did not store ${key}` };
      }
      return { saved: true, detail: `saved to the Actions cache as ${key}` };
    } catch (error) {
      return {
        saved: false,
        detail: `could not save ${key} to the Actions cache: ${(error as Error).message}`,
      };
    } finally {
      await this.removeLocalFile();
    }
  }

  private localFile(): string {
    return join(this.archiveRoot(), CACHE_STATE_PATH);
  }

  /**
   * The folder the relative cache path lives in: our workspace where the process may change its
   * working directory, else the working directory itself (process.chdir is not available in the
   * worker thread the action runs in, and on a runner the working directory is the workspace).
   */
  private archiveRoot(): string {
    return isMainThread ? resolve(this.options.workspace) : process.cwd();
  }

  private async removeLocalFile(): Promise<void> {
    const file = this.localFile();
    await rm(file, { force: true });
    // Leave the workspace as we found it; a non-empty folder is someone else's business.
    await rmdir(dirname(file)).catch(() => undefined);
  }

  /**
   * @actions/cache globs the paths against the working directory and runs tar in GITHUB_WORKSPACE
   * (or the working directory). Align both with our workspace for the call, so the relative path means
   * the same file to both halves wherever the caller runs from.
   */
  private async inWorkspace<T>(action: () => Promise<T>): Promise<T> {
    const workspace = this.archiveRoot();
    const previousDirectory = process.cwd();
    const previousWorkspaceEnv = process.env.GITHUB_WORKSPACE;
    if (previousDirectory !== workspace) process.chdir(workspace);
    process.env.GITHUB_WORKSPACE = workspace;
    try {
      return await action();
    } finally {
      if (previousDirectory !== workspace) process.chdir(previousDirectory);
      if (previousWorkspaceEnv === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = previousWorkspaceEnv;
    }
  }
}

/** Cache keys may not contain commas; keep the rest readable. */
function cacheKeyPart(value: string): string {
  return value.replaceAll(',', '_');
}

/**
 * Whether this step can reach the Actions cache. A stand-in of @actions/cache without
 * isFeatureAvailable (@github/local-action's, which keeps entries under LOCAL_ACTION_CACHE_PATH;
 * see CONTRIBUTING.md) always can.
 */
function cacheAvailable(): boolean {
  const isFeatureAvailable = (cache as Partial<typeof cache>).isFeatureAvailable;
  return isFeatureAvailable === undefined || isFeatureAvailable();
}
