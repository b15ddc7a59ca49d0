import { createHash } from 'node:crypto';

import { unzipSync } from 'fflate';

import type { BlobStore } from './blob-store.ts';
import { int64Field, ok, stringField, twirpError, wrappedValue } from './twirp.ts';
import type { TwirpReply, TwirpRequest } from './twirp.ts';

/** A finalized artifact as a test sees it. */
export interface ArtifactView {
  id: number;
  name: string;
  /** Size of the uploaded blob (the zip), as the client reported and the blob holds. */
  size: number;
  /** Unzipped content, path -> bytes. A `skipArchive` upload holds its single file under its name. */
  files: Map<string, Buffer>;
  /** The uploaded blob exactly as stored. */
  zip: Buffer;
  mimeType: string;
  digest?: string;
  createdAt: Date;
  expiresAt?: Date;
  /** Whole days between creation and expiry, when the upload asked for a retention. */
  retentionDays?: number;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
}

interface Artifact {
  id: number;
  name: string;
  runId: string;
  jobId: string;
  blobId: string;
  mimeType: string;
  createdAt: number;
  /** Wall-clock receipt time: the client computes expires_at from its own wall clock. */
  receivedAt: number;
  expiresAt?: number;
  digest?: string;
  finalized: boolean;
}

const DAY_MS = 86_400_000;

/** Artifact service v2 (Twirp) plus the uploaded zips, kept and unzipped for inspection. */
export class ArtifactService {
  private readonly artifacts = new Map<number, Artifact>();
  private nextId = 1;
  private failingUploads = 0;

  constructor(
    private readonly blobs: BlobStore,
    private readonly now: () => number,
  ) {}

  // ---- control API ----------------------------------------------------------------------------

  /** Finalized artifacts, oldest first. */
  list(): ArtifactView[] {
    return [...this.artifacts.values()].filter((a) => a.finalized).map((a) => this.view(a));
  }

  /**
   * The next `n` uploads fail: their blob refuses every write with 403 AuthenticationFailed (as an
   * expired SAS does). The storage SDK does not retry a 403, so uploadArtifact rejects at once and
   * the artifact is never finalized.
   */
  failNextUploads(n: number): void {
    this.failingUploads += Math.max(0, n);
  }

  // ---- Twirp ----------------------------------------------------------------------------------

  handle(method: string, request: TwirpRequest): TwirpReply {
    switch (method) {
      case 'CreateArtifact':
        return this.create(request);
      case 'FinalizeArtifact':
        return this.finalize(request);
      case 'ListArtifacts':
        return this.listRpc(request);
      case 'GetSignedArtifactURL':
        return this.signedUrl(request);
      case 'DeleteArtifact':
        return this.delete(request);
      default:
        return twirpError(404, 'bad_route', `no handler for ArtifactService/${method}`);
    }
  }

  private create(request: TwirpRequest): TwirpReply {
    const runId = stringField(request, 'workflow_run_backend_id');
    const jobId = stringField(request, 'workflow_job_run_backend_id');
    const name = stringField(request, 'name');
    if (!runId || !jobId || !name) {
      return twirpError(400, 'invalid_argument', 'workflow run/job backend ids and name are required');
    }
    if (this.findFinalized(runId, name)) {
      return twirpError(
        409,
        'already_exists',
        `an artifact with the name ${name} already exists on this run`,
      );
    }
    // A retried or abandoned upload of the same name starts over.
    for (const pending of this.artifacts.values()) {
      if (!pending.finalized && pending.runId === runId && pending.name === name) this.remove(pending);
    }
    const denyWrites = this.failingUploads > 0;
    if (denyWrites) this.failingUploads--;
    const blob = this.blobs.create({ denyWrites });
    const expiresAt = typeof request.expires_at === 'string' ? Date.parse(request.expires_at) : NaN;
    const id = this.nextId++;
    this.artifacts.set(id, {
      id,
      name,
      runId,
      jobId,
      blobId: blob.id,
      mimeType: wrappedValue(request, 'mime_type') ?? 'application/zip',
      createdAt: this.now(),
      receivedAt: Date.now(),
      ...(Number.isNaN(expiresAt) ? {} : { expiresAt }),
      finalized: false,
    });
    return ok({ ok: true, signed_upload_url: blob.url });
  }

  private finalize(request: TwirpRequest): TwirpReply {
    const runId = stringField(request, 'workflow_run_backend_id');
    const name = stringField(request, 'name');
    const artifact = [...this.artifacts.values()].find(
      (a) => !a.finalized && a.runId === runId && a.name === name,
    );
    if (!artifact) return twirpError(404, 'not_found', `no artifact ${name} is being uploaded on this run`);
    const bytes = this.blobs.bytes(artifact.blobId);
    if (!bytes) return twirpError(412, 'failed_precondition', `artifact ${name} has no uploaded content`);
    const size = int64Field(request, 'size');
    if (size !== undefined && size !== bytes.length) {
      return twirpError(
        400,
        'invalid_argument',
        `size ${size} does not match the ${bytes.length} bytes uploaded`,
      );
    }
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const hash = wrappedValue(request, 'hash');
    if (hash !== undefined && hash !== digest) {
      return twirpError(400, 'invalid_argument', `hash ${hash} does not match the uploaded content`);
    }
    artifact.finalized = true;
    artifact.digest = digest;
    return ok({ ok: true, artifact_id: String(artifact.id) });
  }

  private listRpc(request: TwirpRequest): TwirpReply {
    const runId = stringField(request, 'workflow_run_backend_id');
    const nameFilter = wrappedValue(request, 'name_filter');
    const idFilter = wrappedValue(request, 'id_filter');
    const artifacts = [...this.artifacts.values()].filter(
      (a) =>
        a.finalized &&
        (!runId || a.runId === runId) &&
        (nameFilter === undefined || a.name === nameFilter) &&
        (idFilter === undefined || String(a.id) === idFilter),
    );
    return ok({
      artifacts: artifacts.map((a) => ({
        workflow_run_backend_id: a.runId,
        workflow_job_run_backend_id: a.jobId,
        database_id: String(a.id),
        name: a.name,
        size: String(this.blobs.bytes(a.blobId)?.length ?? 0),
        created_at: new Date(a.createdAt).toISOString(),
        ...(a.digest ? { digest: a.digest } : {}),
      })),
    });
  }

  private signedUrl(request: TwirpRequest): TwirpReply {
    const artifact = this.findFinalized(
      stringField(request, 'workflow_run_backend_id'),
      stringField(request, 'name'),
    );
    if (!artifact) return twirpError(404, 'not_found', 'artifact not found');
    return ok({ signed_url: this.blobs.signedUrl(artifact.blobId) });
  }

  private delete(request: TwirpRequest): TwirpReply {
    const artifact = this.findFinalized(
      stringField(request, 'workflow_run_backend_id'),
      stringField(request, 'name'),
    );
    if (!artifact) return twirpError(404, 'not_found', 'artifact not found');
    this.remove(artifact);
    return ok({ ok: true, artifact_id: String(artifact.id) });
  }

  private findFinalized(runId: string, name: string): Artifact | undefined {
    return [...this.artifacts.values()].find((a) => a.finalized && a.runId === runId && a.name === name);
  }

  private remove(artifact: Artifact): void {
    this.artifacts.delete(artifact.id);
    this.blobs.delete(artifact.blobId);
  }

  private view(artifact: Artifact): ArtifactView {
    const zip = this.blobs.bytes(artifact.blobId) ?? Buffer.alloc(0);
    const view: ArtifactView = {
      id: artifact.id,
      name: artifact.name,
      size: zip.length,
      files: contentOf(artifact, zip),
      zip,
      mimeType: artifact.mimeType,
      createdAt: new Date(artifact.createdAt),
      workflowRunBackendId: artifact.runId,
      workflowJobRunBackendId: artifact.jobId,
    };
    if (artifact.digest) view.digest = artifact.digest;
    if (artifact.expiresAt !== undefined) {
      view.expiresAt = new Date(artifact.expiresAt);
      view.retentionDays = Math.round((artifact.expiresAt - artifact.receivedAt) / DAY_MS);
    }
    return view;
  }
}

function contentOf(artifact: Artifact, blob: Buffer): Map<string, Buffer> {
  if (artifact.mimeType !== 'application/zip') return new Map([[artifact.name, blob]]);
  const files = new Map<string, Buffer>();
  for (const [path, bytes] of Object.entries(unzipSync(blob))) {
    if (!path.endsWith('/')) files.set(path, Buffer.from(bytes));
  }
  return files;
}
