import { ExportError } from '../errors.ts';
import { s3StatusOf } from '../s3/errors.ts';
import { putBytes, readText } from '../s3/objects.ts';
import { S3_STATE_FILE as STATE_FILE, objectKey, type S3Target } from '../s3/target.ts';
import type { StateDocument } from './document.ts';
import { parseStateDocument, serializeStateDocument } from './parse.ts';
import type { StateStore } from './store.ts';

/** A state document is a few hundred KiB at most (bounded uuid lists); refuse anything far larger. */
export const MAX_STATE_BYTES = 4 * 1024 * 1024;
/** 409 ConditionalRequestConflict: another conditional write was in flight; re-read and retry a few times. */
const CONFLICT_RETRIES = 3;

export type CommitOutcome =
  { committed: true; etag: string | undefined } | { committed: false; reason: string };

/**
 * `_state/state.json` under the prefix: the authoritative state in S3 mode, and the commit point of
 * every run. `load` remembers the ETag it read; `commit` writes the new document only if the object
 * still has that ETag (`If-Match`), or only if there is still none (`If-None-Match: *`), so of two
 * overlapping runs at most one advances. Saving happens in the S3 sink, after every data object.
 */
export class S3StateStore implements StateStore {
  readonly name = 's3' as const;
  private readonly target: S3Target;
  private loaded: { doc?: StateDocument; etag?: string } | undefined;

  constructor(target: S3Target) {
    this.target = target;
  }

  get uri(): string {
    return `s3://${this.target.bucket}/${objectKey(this.target.prefix, STATE_FILE)}`;
  }

  async load(): Promise<StateDocument | undefined> {
    return (await this.read()).doc;
  }

  /** The document and ETag read at the start of the run (read once, then remembered). */
  async read(): Promise<{ doc?: StateDocument; etag?: string }> {
    if (this.loaded) return this.loaded;
    const stored = await readText(this.target, STATE_FILE, MAX_STATE_BYTES);
    if (!stored) {
      this.loaded = {};
      return this.loaded;
    }
    const doc = parseStateDocument(stored.text, this.uri, this.target.logger);
    this.loaded = { etag: stored.etag, ...(doc ? { doc } : {}) };
    return this.loaded;
  }

  /** Writes `doc` if the state object is still the one `read` saw. Never overwrites another run's state. */
  async commit(doc: StateDocument): Promise<CommitOutcome> {
    const { etag } = await this.read();
    const body = Buffer.from(serializeStateDocument(doc), 'utf8');
    const condition = etag ? { ifMatch: etag } : { ifNoneMatch: '*' as const };
    for (let attempt = 1; ; attempt++) {
      try {
        const newEtag = await putBytes(this.target, STATE_FILE, body, condition);
        this.loaded = { doc, ...(newEtag ? { etag: newEtag } : {}) };
        return { committed: true, etag: newEtag };
      } catch (error) {
        const status = s3StatusOf(error);
        // A write that landed but whose answer was lost is retried by the SDK and then fails its own
        // precondition: if the object now holds exactly our document, we committed.
        const landed = status === 412 || status === 409 ? await this.etagIfHolds(body) : undefined;
        if (landed !== undefined) {
          this.loaded = { doc, etag: landed };
          return { committed: true, etag: landed };
        }
        if (status === 412) {
          return {
            committed: false,
            reason: etag
              ? `${this.uri} changed since this run read it (412 PreconditionFailed)`
              : `${this.uri} was created by another run since this run found none (412 PreconditionFailed)`,
          };
        }
        if (status === 409) {
          if (attempt <= CONFLICT_RETRIES && (await this.currentEtag()) === etag) continue;
          return {
            committed: false,
            reason: `another run was writing ${this.uri} at the same time (409 ConditionalRequestConflict)`,
          };
        }
        if (error instanceof ExportError) throw error;
        throw new ExportError('delivery', `Could not write ${this.uri}: ${String(error)}`);
      }
    }
  }

  save(): Promise<{ saved: boolean; detail: string }> {
    return Promise.resolve({
      saved: true,
      detail: 'written by the S3 destination as the last object of the delivery',
    });
  }

  /** The state object's ETag if it holds exactly `body`, else undefined. */
  private async etagIfHolds(body: Buffer): Promise<string | undefined> {
    const stored = await readText(this.target, STATE_FILE, MAX_STATE_BYTES);
    return stored !== undefined && stored.text === body.toString('utf8') ? stored.etag : undefined;
  }

  private async currentEtag(): Promise<string | undefined> {
    return (await readText(this.target, STATE_FILE, MAX_STATE_BYTES))?.etag;
  }
}
