import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { readBody } from './http-util.ts';

/**
 * The Azure Blob half of the cache and artifact services: signed URLs pointing back at the simulator,
 * accepting what `@azure/storage-blob` sends (Put Blob, or Put Block + Put Block List) and serving
 * the committed bytes (GET/HEAD, optionally ranged).
 */
interface Blob {
  id: string;
  sig: string;
  committed?: Buffer;
  contentType: string;
  staged: Map<string, Buffer>;
  lastModified: Date;
  /** When set, every write is refused as an expired SAS would be (403 AuthenticationFailed). */
  denyWrites: boolean;
}

export class BlobStore {
  private readonly blobs = new Map<string, Blob>();
  private nextId = 1;

  constructor(private readonly baseUrl: () => string) {}

  /** Allocates an empty blob and returns its signed URL. */
  create(options: { denyWrites?: boolean } = {}): { id: string; url: string } {
    const id = String(this.nextId++);
    const sig = randomBytes(16).toString('base64url');
    this.blobs.set(id, {
      id,
      sig,
      contentType: 'application/octet-stream',
      staged: new Map(),
      lastModified: new Date(),
      denyWrites: options.denyWrites ?? false,
    });
    return { id, url: this.signedUrl(id) };
  }

  signedUrl(id: string): string {
    const blob = this.blobs.get(id);
    if (!blob) throw new Error(`no blob ${id}`);
    return `${this.baseUrl()}/blob/${id}?sv=2026-02-06&sr=b&sp=rcw&sig=${encodeURIComponent(blob.sig)}`;
  }

  /** The committed bytes, or undefined when nothing was committed yet. */
  bytes(id: string): Buffer | undefined {
    return this.blobs.get(id)?.committed;
  }

  delete(id: string): void {
    this.blobs.delete(id);
  }

  /** Handles `/blob/<id>?...`; returns the status it answered. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const id = url.pathname.slice('/blob/'.length);
    const blob = this.blobs.get(id);
    if (!blob) return azureError(res, 404, 'BlobNotFound', 'The specified blob does not exist.');
    if (url.searchParams.get('sig') !== blob.sig) {
      return azureError(res, 403, 'AuthenticationFailed', 'Signature did not match.');
    }
    const method = req.method ?? 'GET';
    if (method === 'PUT') return this.put(blob, req, res, url);
    if (method === 'GET' || method === 'HEAD') return this.get(blob, req, res, method === 'HEAD');
    return azureError(res, 405, 'UnsupportedHttpVerb', `${method} is not supported.`);
  }

  private async put(blob: Blob, req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const body = await readBody(req);
    if (blob.denyWrites) {
      return azureError(res, 403, 'AuthenticationFailed', 'Signed expiry time has passed.');
    }
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) return azureError(res, 400, 'InvalidQueryParameterValue', 'blockid is required.');
      blob.staged.set(blockId, body);
      return created(res, blob);
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map(
        (match) => match[2] ?? '',
      );
      const parts: Buffer[] = [];
      for (const blockId of ids) {
        const part = blob.staged.get(blockId);
        if (!part) return azureError(res, 400, 'InvalidBlockList', `Block ${blockId} was never staged.`);
        parts.push(part);
      }
      this.commit(blob, Buffer.concat(parts), req);
      blob.staged.clear();
      return created(res, blob);
    }
    if (comp !== null)
      return azureError(res, 400, 'InvalidQueryParameterValue', `comp=${comp} is not supported.`);
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
      return azureError(res, 400, 'InvalidHeaderValue', 'x-ms-blob-type must be BlockBlob.');
    }
    this.commit(blob, body, req);
    return created(res, blob);
  }

  private commit(blob: Blob, bytes: Buffer, req: IncomingMessage): void {
    blob.committed = bytes;
    blob.lastModified = new Date();
    const declaredType = req.headers['x-ms-blob-content-type'];
    if (typeof declaredType === 'string' && declaredType) blob.contentType = declaredType;
  }

  private get(blob: Blob, req: IncomingMessage, res: ServerResponse, headOnly: boolean): number {
    const bytes = blob.committed;
    if (!bytes) return azureError(res, 404, 'BlobNotFound', 'The specified blob does not exist.');
    const headers: Record<string, string> = {
      'content-type': blob.contentType,
      etag: etagOf(blob),
      'last-modified': blob.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-request-id': randomBytes(8).toString('hex'),
    };
    const range = parseRange(req.headers['x-ms-range'] ?? req.headers.range, bytes.length);
    const status = range ? 206 : 200;
    const slice = range ? bytes.subarray(range.start, range.end + 1) : bytes;
    if (range) headers['content-range'] = `bytes ${range.start}-${range.end}/${bytes.length}`;
    headers['content-length'] = String(slice.length);
    res.writeHead(status, headers);
    res.end(headOnly ? undefined : slice);
    return status;
  }
}

function parseRange(
  header: string | string[] | undefined,
  size: number,
): { start: number; end: number } | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  return start <= end ? { start, end } : undefined;
}

function etagOf(blob: Blob): string {
  return `"0x${blob.lastModified.getTime().toString(16).toUpperCase()}${blob.id}"`;
}

function created(res: ServerResponse, blob: Blob): number {
  res.writeHead(201, {
    etag: etagOf(blob),
    'last-modified': blob.lastModified.toUTCString(),
    'x-ms-request-id': randomBytes(8).toString('hex'),
    'x-ms-version': '2026-02-06',
    'x-ms-request-server-encrypted': 'true',
    'content-length': '0',
  });
  res.end();
  return 201;
}

function azureError(res: ServerResponse, status: number, code: string, message: string): number {
  const body = Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
  res.writeHead(status, {
    'content-type': 'application/xml',
    'content-length': String(body.length),
    'x-ms-error-code': code,
  });
  res.end(body);
  return status;
}
