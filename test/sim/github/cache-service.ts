import type { BlobStore } from './blob-store.ts';
import { readCacheArchive } from './tar-reader.ts';
import { int64Field, ok, stringField, twirpError } from './twirp.ts';
import type { TwirpReply, TwirpRequest } from './twirp.ts';

export type SaveFailureMode = 'conflict' | 'write-denied' | 'rate-limit' | 'server-error';
export type RestoreFailureMode = 'read-denied' | 'rate-limit';

/** A committed cache entry as a test sees it. */
export interface CacheEntryView {
  id: number;
  key: string;
  version: string;
  size: number;
  createdAt: Date;
  /** The archive exactly as uploaded (tar + zstd or gzip). */
  bytes: Buffer;
}

interface Entry {
  id: number;
  key: string;
  version: string;
  blobId: string;
  createdAt: number;
  /** Breaks createdAt ties so "newest first" is deterministic. */
  sequence: number;
  committed: boolean;
}

export interface Fault<Mode> {
  mode: Mode;
  remaining: number;
}

const CONFLICT_MSG = 'cache entry with the same key, version, and scope already exists';

/**
 * Cache service v2 (Twirp) with GitHub's semantics: entries are immutable per key+version, restore
 * matches server-side (exact key, then key prefix, then each restore key exact and prefix, newest
 * first, same version, committed only).
 */
export class CacheService {
  private readonly entriesById = new Map<number, Entry>();
  private nextId = 1;
  private saveFaults: Fault<SaveFailureMode>[] = [];
  private restoreFaults: Fault<RestoreFailureMode>[] = [];

  constructor(
    private readonly blobs: BlobStore,
    private readonly now: () => number,
  ) {}

  // ---- control API ----------------------------------------------------------------------------

  /** Committed entries, oldest first. */
  entries(): CacheEntryView[] {
    return [...this.entriesById.values()]
      .filter((entry) => entry.committed)
      .sort((a, b) => a.sequence - b.sequence)
      .map((entry) => this.view(entry));
  }

  /** The files inside the newest committed entry with this exact key (undefined when there is none). */
  async entryFiles(key: string): Promise<Map<string, Buffer> | undefined> {
    const entry = this.entries()
      .reverse()
      .find((candidate) => candidate.key === key);
    return entry ? readCacheArchive(entry.bytes) : undefined;
  }

  evictAll(): number {
    return this.evict(() => true);
  }

  /** Removes every entry (committed or reserved) the predicate selects; returns how many. */
  evict(predicate: (entry: CacheEntryView) => boolean): number {
    let removed = 0;
    for (const entry of [...this.entriesById.values()]) {
      if (predicate(this.view(entry))) {
        this.entriesById.delete(entry.id);
        this.blobs.delete(entry.blobId);
        removed++;
      }
    }
    return removed;
  }

  /**
   * The next `n` CreateCacheEntry requests fail. `conflict` answers 409, `write-denied` answers
   * `ok:false` with "cache write denied:", `rate-limit` answers 429: each is one failed save, the
   * client does not retry. `server-error` answers 500, which the client retries (5 attempts, ~3 s
   * apart growing ×1.5), so n < 5 shows a save that recovers and n >= 5 one that fails after ~25 s.
   */
  failNextSaves(n: number, mode: SaveFailureMode): void {
    if (n > 0) this.saveFaults.push({ mode, remaining: n });
  }

  /** The next `n` GetCacheEntryDownloadURL requests fail: 403 "cache read denied:" or 429. */
  failNextRestores(n: number, mode: RestoreFailureMode): void {
    if (n > 0) this.restoreFaults.push({ mode, remaining: n });
  }

  // ---- Twirp ----------------------------------------------------------------------------------

  handle(method: string, request: TwirpRequest): TwirpReply {
    switch (method) {
      case 'CreateCacheEntry':
        return this.createEntry(request);
      case 'FinalizeCacheEntryUpload':
        return this.finalizeEntry(request);
      case 'GetCacheEntryDownloadURL':
        return this.downloadUrl(request);
      default:
        return twirpError(404, 'bad_route', `no handler for CacheService/${method}`);
    }
  }

  private createEntry(request: TwirpRequest): TwirpReply {
    const fault = takeFault(this.saveFaults);
    if (fault) return saveFailure(fault);
    const key = stringField(request, 'key');
    const version = stringField(request, 'version');
    if (!key || !version) return twirpError(400, 'invalid_argument', 'key and version are required');
    if (this.find(key, version)) return twirpError(409, 'already_exists', CONFLICT_MSG);
    const blob = this.blobs.create();
    const id = this.nextId++;
    this.entriesById.set(id, {
      id,
      key,
      version,
      blobId: blob.id,
      createdAt: this.now(),
      sequence: id,
      committed: false,
    });
    return ok({ ok: true, signed_upload_url: blob.url });
  }

  private finalizeEntry(request: TwirpRequest): TwirpReply {
    const key = stringField(request, 'key');
    const version = stringField(request, 'version');
    const entry = this.find(key, version);
    if (!entry || entry.committed)
      return twirpError(404, 'not_found', `no reserved cache entry for key ${key}`);
    const bytes = this.blobs.bytes(entry.blobId);
    if (!bytes) return ok({ ok: false, message: `cache entry ${key} has no uploaded archive` });
    const declaredSize = int64Field(request, 'size_bytes');
    if (declaredSize !== undefined && declaredSize !== bytes.length) {
      return ok({
        ok: false,
        message: `size_bytes ${declaredSize} does not match the ${bytes.length} bytes uploaded`,
      });
    }
    entry.committed = true;
    return ok({ ok: true, entry_id: String(entry.id) });
  }

  private downloadUrl(request: TwirpRequest): TwirpReply {
    const fault = takeFault(this.restoreFaults);
    if (fault === 'read-denied') {
      return twirpError(403, 'permission_denied', 'cache read denied: the token has no readable cache scope');
    }
    if (fault === 'rate-limit') {
      return twirpError(429, 'resource_exhausted', 'cache requests rate limited', { 'retry-after': '60' });
    }
    const key = stringField(request, 'key');
    const version = stringField(request, 'version');
    const restoreKeys = Array.isArray(request.restore_keys)
      ? request.restore_keys.filter((k): k is string => typeof k === 'string')
      : [];
    const match = this.match(key, restoreKeys, version);
    if (!match) return ok({ ok: false });
    return ok({ ok: true, signed_download_url: this.blobs.signedUrl(match.blobId), matched_key: match.key });
  }

  /** GitHub's documented order: for each key, an exact match then the newest prefix match. */
  private match(key: string, restoreKeys: string[], version: string): Entry | undefined {
    const candidates = [...this.entriesById.values()]
      .filter((entry) => entry.committed && entry.version === version)
      .sort((a, b) => b.createdAt - a.createdAt || b.sequence - a.sequence);
    for (const wanted of [key, ...restoreKeys]) {
      const exact = candidates.find((entry) => entry.key === wanted);
      if (exact) return exact;
      const prefix = candidates.find((entry) => entry.key.startsWith(wanted));
      if (prefix) return prefix;
    }
    return undefined;
  }

  private find(key: string, version: string): Entry | undefined {
    return [...this.entriesById.values()].find((entry) => entry.key === key && entry.version === version);
  }

  private view(entry: Entry): CacheEntryView {
    const bytes = this.blobs.bytes(entry.blobId) ?? Buffer.alloc(0);
    return {
      id: entry.id,
      key: entry.key,
      version: entry.version,
      size: bytes.length,
      createdAt: new Date(entry.createdAt),
      bytes,
    };
  }
}

function saveFailure(fault: SaveFailureMode): TwirpReply {
  switch (fault) {
    case 'conflict':
      return twirpError(409, 'already_exists', CONFLICT_MSG);
    case 'write-denied':
      return ok({ ok: false, message: 'cache write denied: the token has no writable cache scope' });
    case 'rate-limit':
      return twirpError(429, 'resource_exhausted', 'cache requests rate limited', { 'retry-after': '60' });
    case 'server-error':
      return twirpError(500, 'internal', 'simulated cache service failure');
  }
}

/** Consumes one unit of the oldest pending fault, if any. */
export function takeFault<Mode>(faults: Fault<Mode>[]): Mode | undefined {
  const fault = faults[0];
  if (!fault) return undefined;
  fault.remaining--;
  if (fault.remaining <= 0) faults.shift();
  return fault.mode;
}
