import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import * as cache from '@actions/cache';
import type { Logger } from '../logger.ts';
import type { StateDocument } from './document.ts';
import {
  COMPRESSION_METHODS,
  cacheServiceV2Available,
  readCacheEntryFile,
  type CacheEntryResult,
} from './cache-entry.ts';
import { MAX_SEALED_BYTES, openSealedState, sealState, type StateSealKey } from './seal.ts';
import type { StateRead, StateStore } from './store.ts';

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
  /** Key of the MAC that seals the cached copy (from the Events token: see src/state/seal.ts). */
  seal: StateSealKey;
  /**
   * Every key of this repository's cache entries starting with a prefix, newest first (the REST API's
   * cache listing). Lets a restore look past a newest entry it cannot trust; without it, it cannot.
   */
  listKeys?: (prefix: string) => Promise<string[]>;
}

/** Cache lookups (each may download one bounded entry) per restore, however many were planted. */
const MAX_LOOKUPS = 12;

/**
 * State in the Actions cache. Entries are immutable, so every run saves a new key
 * `<stateKey>-<account>-<runId>-<runAttempt>` and a restore takes the newest entry with the prefix
 * `<stateKey>-<account>-`. The cache is best-effort: every failure is a warning, never an exception.
 *
 * Anyone whose workflow runs on the default branch can write entries under our prefix, so the copy is
 * sealed with a MAC keyed from the Events token (src/state/seal.ts) and read without extracting the
 * archive (src/state/cache-entry.ts). An entry that does not verify is ignored with a warning.
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

  async read(): Promise<StateRead> {
    const { logger } = this.options;
    if (!cacheAvailable() || !cacheServiceV2Available()) {
      logger.warning(
        'The Actions cache service (v2) is not available to this step: no cached state to restore.',
      );
      return { status: 'absent' };
    }
    // Each compression method is its own version: the newest entry of each is looked at.
    const lookups = COMPRESSION_METHODS.map((method) => ({ key: this.keyPrefix, method }));
    const tried = new Set<string>();
    let listed = false;
    let firstRefusal: StateRead | undefined;
    for (let index = 0; index < lookups.length && index < MAX_LOOKUPS; index++) {
      const { key, method } = lookups[index]!;
      let entry: CacheEntryResult;
      try {
        entry = await readCacheEntryFile({
          key,
          method,
          path: CACHE_STATE_PATH,
          maxFileBytes: MAX_SEALED_BYTES,
        });
      } catch (error) {
        logger.warning(`Could not restore the state from the Actions cache: ${(error as Error).message}`);
        break;
      }
      if (!entry.found || tried.has(`${method} ${entry.matchedKey}`)) continue;
      tried.add(`${method} ${entry.matchedKey}`);
      const origin = `cache entry ${entry.matchedKey}`;
      const reading =
        'bytes' in entry
          ? openSealedState(entry.bytes, this.options.seal)
          : { ok: false as const, reason: entry.problem };
      if (reading.ok && reading.doc.account === this.options.account) {
        return { status: 'found', doc: reading.doc, origin };
      }
      const reason = reading.ok ? 'it holds the state of another account' : reading.reason;
      if (firstRefusal === undefined) firstRefusal = { status: 'refused', origin, reason };
      else logger.warning(`Ignoring the state in ${origin}: ${reason}.`);
      // A newest entry we cannot trust must not hide an older one we can: look at every key.
      if (!listed && this.options.listKeys !== undefined) {
        listed = true;
        for (const older of await this.olderKeys()) {
          for (const olderMethod of COMPRESSION_METHODS) lookups.push({ key: older, method: olderMethod });
        }
      }
    }
    if (firstRefusal === undefined) logger.info(`No Actions cache entry starts with ${this.keyPrefix}.`);
    return firstRefusal ?? { status: 'absent' };
  }

  /** Keys of this account's entries, newest first, from the caller's listing (the REST API). */
  private async olderKeys(): Promise<string[]> {
    try {
      const keys = await this.options.listKeys!(this.keyPrefix);
      return keys.filter((key) => key.startsWith(this.keyPrefix));
    } catch (error) {
      this.options.logger.warning(
        `Could not list older Actions cache entries to find a trusted state: ${(error as Error).message}`,
      );
      return [];
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
      await writeFile(file, sealState(doc, this.options.seal), { mode: 0o600 });
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
