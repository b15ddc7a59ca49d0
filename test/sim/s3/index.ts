/**
 * An S3-compatible server for tests: a real S3 implementation from npm (s3rver, the REST protocol
 * with SigV4) behind a small proxy on 127.0.0.1 that adds what s3rver lacks and what tests need:
 *
 * - Content-MD5 verified on PUT (400 BadDigest), as AWS does (s3rver ignores it);
 * - conditional writes: `If-Match` / `If-None-Match: *` on PUT are enforced (412 PreconditionFailed),
 *   atomically per key, as AWS S3 has done since 2024 (s3rver ignores both headers);
 * - a record of every request (method, key, the headers that matter; never credentials);
 * - faults: an S3 error answer for matching requests, a write that lands but whose answer is lost,
 *   or a request held until the test lets it go (to overlap two runs at an exact point).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { startLoopbackServer, type LoopbackServer } from '../github/http-util.ts';

export interface RecordedRequest {
  method: string;
  bucket: string;
  /** Object key, decoded; '' for bucket-level requests. */
  key: string;
  query: string;
  headers: Record<string, string>;
  /** What the client got: the status, or 'dropped'. */
  outcome: number | 'dropped';
}

export interface Fault {
  method?: string;
  /** Matches the decoded object key. */
  key?: RegExp;
  /** How many matching requests it hits (default 1). */
  times?: number;
  /** Answer with this S3 error... */
  status?: number;
  code?: string;
  /** ...or forward the request and then cut the connection without answering (the write lands). */
  dropAfterForward?: boolean;
  /** ...or flip one byte of the body on the way (Content-MD5 then no longer matches)... */
  corrupt?: boolean;
  /** ...or wait for this before going on (then the request is forwarded normally). */
  hold?: Promise<void>;
  /** Called when the fault hits. */
  onHit?: () => void;
}

/** Headers worth asserting on; credentials (authorization, x-amz-security-token) are never kept. */
const RECORDED_HEADERS = [
  'content-length',
  'content-md5',
  'content-type',
  'content-encoding',
  'if-match',
  'if-none-match',
  'x-amz-acl',
  'x-amz-grant-read',
  'x-amz-grant-full-control',
  'x-amz-server-side-encryption',
  'x-amz-server-side-encryption-aws-kms-key-id',
  'x-amz-content-sha256',
  'x-amz-trailer',
];

export class S3Simulator {
  readonly url: string;
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  readonly directory: string;
  private readonly upstream: { host: string; port: number };
  private readonly s3rver: S3rver;
  private readonly proxy: LoopbackServer;
  private readonly locks = new Map<string, Promise<void>>();
  private readonly crashes: unknown[] = [];
  /** No keep-alive towards s3rver, so closing it never waits for idle sockets. */
  private readonly agent = new Agent({ keepAlive: false });

  private constructor(init: {
    proxy: LoopbackServer;
    s3rver: S3rver;
    upstream: { host: string; port: number };
    directory: string;
  }) {
    this.proxy = init.proxy;
    this.s3rver = init.s3rver;
    this.upstream = init.upstream;
    this.directory = init.directory;
    this.url = init.proxy.url;
  }

  /** `allowMismatchedSignatures`: any secret key is accepted for the access key id `S3RVER`. */
  static async start(options: {
    buckets: string[];
    allowMismatchedSignatures?: boolean;
  }): Promise<S3Simulator> {
    const directory = await mkdtemp(path.join(os.tmpdir(), 's3sim-'));
    const s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      allowMismatchedSignatures: options.allowMismatchedSignatures ?? true,
      configureBuckets: options.buckets.map((name) => ({ name })),
    });
    const { port } = await s3rver.run();
    const upstream = { host: '127.0.0.1', port };
    const holder: { sim?: S3Simulator } = {};
    const proxy = await startLoopbackServer(
      (req, res) => holder.sim!.handle(req, res),
      (error) => holder.sim?.crashes.push(error),
    );
    holder.sim = new S3Simulator({ proxy, s3rver, upstream, directory });
    return holder.sim;
  }

  /** Simulator bugs seen so far (tests assert there are none). */
  get crashed(): unknown[] {
    return this.crashes;
  }

  async close(): Promise<void> {
    await this.proxy.close();
    this.agent.destroy();
    await this.s3rver.close();
    await rm(this.directory, { recursive: true, force: true });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      bucket,
      key,
      query: url.search,
      headers: Object.fromEntries(
        RECORDED_HEADERS.filter((h) => req.headers[h] !== undefined).map((h) => [h, String(req.headers[h])]),
      ),
      outcome: 0,
    };
    this.requests.push(record);

    const fault = this.takeFault(record);
    if (fault?.hold) await fault.hold;
    if (fault?.status) {
      await drain(req);
      record.outcome = fault.status;
      sendError(res, fault.status, fault.code ?? 'InternalError');
      return;
    }
    // Every PUT to a key takes that key's lock, so a conditional check and its write are atomic.
    const lockKey = `${bucket}/${key}`;
    const conditional = req.method === 'PUT' && (req.headers['if-match'] || req.headers['if-none-match']);
    const release = req.method === 'PUT' ? await this.lock(lockKey) : () => {};
    try {
      let body: Buffer | undefined;
      if (req.method === 'PUT' && req.headers['content-md5'] !== undefined) {
        body = Buffer.concat(await collect(req));
        if (fault?.corrupt && body.length > 0) body[0] = body[0]! ^ 0xff;
        if (createHash('md5').update(body).digest('base64') !== req.headers['content-md5']) {
          record.outcome = 400;
          sendError(res, 400, 'BadDigest');
          return;
        }
      }
      if (conditional) {
        const etag = await this.headEtag(req.url ?? '/');
        const ifMatch = req.headers['if-match'];
        const ifNoneMatch = req.headers['if-none-match'];
        const failed =
          (ifMatch !== undefined && ifMatch !== etag) || (ifNoneMatch === '*' && etag !== undefined);
        if (failed) {
          if (!body) await drain(req);
          record.outcome = 412;
          sendError(res, 412, 'PreconditionFailed');
          return;
        }
      }
      const status = await this.forward(req, res, fault?.dropAfterForward === true, body);
      record.outcome = fault?.dropAfterForward ? 'dropped' : status;
    } finally {
      release();
    }
  }

  private takeFault(record: RecordedRequest): Fault | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (f.method === undefined || f.method === record.method) &&
        (f.key === undefined || f.key.test(record.key)),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    fault.onHit?.();
    return fault;
  }

  private async lock(key: string): Promise<() => void> {
    for (;;) {
      const held = this.locks.get(key);
      if (!held) break;
      await held;
    }
    let release!: () => void;
    this.locks.set(key, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.locks.delete(key);
      release();
    };
  }

  /** The object's current ETag upstream, or undefined when there is none. */
  private headEtag(rawPath: string): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const pathOnly = rawPath.split('?')[0]!;
      const head = httpRequest(
        { ...this.upstream, agent: this.agent, method: 'HEAD', path: pathOnly },
        (response) => {
          response.resume();
          resolve(response.statusCode === 200 ? String(response.headers.etag) : undefined);
        },
      );
      head.on('error', reject);
      head.end();
    });
  }

  private forward(req: IncomingMessage, res: ServerResponse, drop: boolean, body?: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: `${this.upstream.host}:${this.upstream.port}` };
      const upstream = httpRequest(
        { ...this.upstream, agent: this.agent, method: req.method, path: req.url, headers },
        (response) => {
          if (drop) {
            response.resume();
            response.on('end', () => {
              res.socket?.destroy();
              resolve(response.statusCode ?? 0);
            });
            return;
          }
          res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(res);
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      upstream.on('error', reject);
      if (body) upstream.end(body);
      else req.pipe(upstream);
    });
  }
}

async function collect(req: IncomingMessage): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks;
}

async function drain(req: IncomingMessage): Promise<void> {
  req.resume();
  await new Promise((resolve) => req.once('end', resolve));
}

function sendError(res: ServerResponse, status: number, code: string): void {
  const body = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>simulated ${code}</Message><RequestId>sim</RequestId></Error>`,
  );
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': String(body.length) });
  res.end(body);
}
