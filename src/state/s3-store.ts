import { ExportError } from '../errors.ts';
import { s3StatusOf } from '../s3/errors.ts';
import { putBytes, readText } from '../s3/objects.ts';
import { S3_STATE_FILE as STATE_FILE, objectKey, type S3Target } from '../s3/target.ts';
import type { StateDocument } from './document.ts';
import { MAX_STATE_BYTES, readStateDocument, serializeStateDocument } from './parse.ts';
import type { StateRead, StateStore } from './store.ts';
/** 409 ConditionalRequestConflict: another conditional write was in flight; re-read and retry a few times. */
const CONFLICT_RETRIES = 3;

export type CommitOutcome =
  { committed: true; etag: string | undefined } | { committed: false; reason: string };

/**
 * `_state/state.json` under the prefix: the authoritative state in S3 mode, and the commit point of
 * every run. `read` (src/state/store.ts) remembers the ETag it read; `commit` writes the new document only if the object
 * still has that ETag (`If-Match`), or only if there is still none (`If-None-Match: *`), so of two
 * overlapping runs at most one advances. Saving happens in the S3 sink, after every data object.
 */
export class S3StateStore implements StateStore {
  readonly name = 's3' as const;
  private readonly target: S3Target;
  private loaded: { read: StateRead; etag?: string } | undefined;

  constructor(target: S3Target) {
    this.target = target;
  }

  get uri(): string {
    return `s3://${this.target.bucket}/${objectKey(this.target.prefix, STATE_FILE)}`;
  }

  /** The copy read at the start of the run: found, absent or refused (read once, then remembered). */
  async read(): Promise<StateRead> {
    return (await this.snapshot()).read;
  }

  /** The valid document (if any) and the ETag read at the start of the run, for the conditional commit. */
  async tagged(): Promise<{ doc?: StateDocument; etag?: string }> {
    const { read, etag } = await this.snapshot();
    return { ...(read.status === 'found' ? { doc: read.doc } : {}), ...(etag ? { etag } : {}) };
  }

  private async snapshot(): Promise<{ read: StateRead; etag?: string }> {
    if (this.loaded) return this.loaded;
    const stored = await readText(this.target, STATE_FILE, MAX_STATE_BYTES);
    if (!stored) {
      this.loaded = { read: { status: 'absent' } };
      return this.loaded;
    }
    const reading = readStateDocument(stored.text);
    const read: StateRead = reading.ok
      ? { status: 'found', doc: reading.doc, origin: this.uri }
      : { status: 'refused', origin: this.uri, reason: reading.reason };
    this.loaded = { read, ...(stored.etag ? { etag: stored.etag } : {}) };
    return this.loaded;
  }

  /** Writes `doc` if the state object is still the one `read` saw. Never overwrites another run's state. */
  async commit(doc: StateDocument): Promise<CommitOutcome> {
    const { etag } = await this.tagged();
    const body = Buffer.from(serializeStateDocument(doc), 'utf8');
    const condition = etag ? { ifMatch: etag } : { ifNoneMatch: '*' as const };
    for (let attempt = 1; ; attempt++) {
      try {
        const newEtag = await putBytes(this.target, STATE_FILE, body, condition);
        this.loaded = { read: this.committed(doc), ...(newEtag ? { etag: newEtag } : {}) };
        return { committed: true, etag: newEtag };
      } catch (error) {
        const status = s3StatusOf(error);
        // A write that landed but whose answer was lost is retried by the SDK and then fails its own
        // precondition: if the object now holds exactly our document, we committed.
        const landed = status === 412 || status === 409 ? await this.etagIfHolds(body) : undefined;
        if (landed !== undefined) {
          this.loaded = { read: this.committed(doc), etag: landed };
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

  private committed(doc: StateDocument): StateRead {
    return { status: 'found', doc, origin: this.uri };
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
