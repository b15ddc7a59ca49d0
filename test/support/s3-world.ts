/**
 * A bucket on the S3 simulator (test/sim/s3) and the pieces a test of the S3 sink needs: a target
 * made the way the action makes it (createS3Client, credentials from the environment only), runs
 * with their local files, and a direct view of the bucket that bypasses the proxy.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { MemoryLogger } from '../../src/logger.ts';
import type { RawEvent } from '../../src/onepassword/types.ts';
import { buildManifest, writeManifest } from '../../src/output/manifest.ts';
import { RunWriter } from '../../src/output/run-writer.ts';
import { query, readNdjsonGz, sqlString } from '../fixtures/output/readback.ts';
import { createS3Client } from '../../src/s3/client.ts';
import type { S3Encryption, S3Target } from '../../src/s3/target.ts';
import type { StateDocument } from '../../src/state/document.ts';
import { S3StateStore } from '../../src/state/s3-store.ts';
import { S3Sink } from '../../src/sinks/s3.ts';
import type { Delivery } from '../../src/sinks/sink.ts';
import { S3Simulator } from '../sim/s3/index.ts';

export const BUCKET = 'events-bucket';
/** Distinctive credentials: tests grep logs, errors and the bucket for them. */
export const SECRET_KEY = 'SECRETKEY-h14-do-not-leak-7Qz';
export const SESSION_TOKEN = 'SESSIONTOKEN-h14-do-not-leak-9Kx';

/** The default provider chain reads these, as after aws-actions/configure-aws-credentials. */
export function useEnvironmentCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = SECRET_KEY;
  process.env.AWS_SESSION_TOKEN = SESSION_TOKEN;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
}

export class S3World {
  readonly logger = new MemoryLogger();
  readonly admin: S3Client;
  private constructor(
    readonly sim: S3Simulator,
    readonly work: string,
  ) {
    this.admin = new S3Client({
      endpoint: sim.url,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  static async start(): Promise<S3World> {
    useEnvironmentCredentials();
    const sim = await S3Simulator.start({ buckets: [BUCKET] });
    return new S3World(sim, await mkdtemp(path.join(os.tmpdir(), 's3world-')));
  }

  async close(): Promise<void> {
    this.admin.destroy();
    await this.sim.close();
    await rm(this.work, { recursive: true, force: true });
  }

  target(options: { prefix?: string; encryption?: S3Encryption; maxAttempts?: number } = {}): S3Target {
    return {
      client: createS3Client({
        region: 'us-east-1',
        endpoint: this.sim.url,
        ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
      }),
      bucket: BUCKET,
      prefix: options.prefix ?? 'exports/1password',
      encryption: options.encryption ?? { mode: 'bucket-default' },
      logger: this.logger,
    };
  }

  /** A sink and its store for one run, as the action wires them. */
  run(
    run: string,
    options: Parameters<S3World['target']>[0] & { compaction?: boolean; now?: () => number } = {},
  ): { sink: S3Sink; store: S3StateStore; target: S3Target } {
    const target = this.target(options);
    const store = new S3StateStore(target);
    const [runId, runAttempt] = splitRun(run);
    const sink = new S3Sink({
      target,
      store,
      runId,
      runAttempt,
      ...(options.compaction ? { compaction: true } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    return { sink, store, target };
  }

  /** Local files of run `run` (one per feed/day given) plus its manifest, with random contents. */
  async files(
    run: string,
    parts: { feed?: string; date?: string; bytes?: number }[] = [{}],
  ): Promise<{ outDir: string; files: string[]; contents: Map<string, Buffer> }> {
    const outDir = await mkdtemp(path.join(this.work, `out-${run}-`));
    const contents = new Map<string, Buffer>();
    let seq = 0;
    for (const part of parts) {
      seq++;
      const rel = `${part.feed ?? 'signinattempts'}/date=${part.date ?? '2026-11-01'}/part-${run}-${String(seq).padStart(4, '0')}.parquet`;
      contents.set(rel, randomBytes(part.bytes ?? 1000));
    }
    contents.set(
      `_manifests/${run}.json`,
      Buffer.from(JSON.stringify({ runId: run, files: [...contents.keys()] })),
    );
    for (const [rel, data] of contents) {
      await mkdir(path.dirname(path.join(outDir, rel)), { recursive: true });
      await writeFile(path.join(outDir, rel), data);
    }
    return { outDir, files: [...contents.keys()], contents };
  }

  /** Every key under the prefix, relative to it, sorted (read directly from s3rver). */
  async keys(prefix = 'exports/1password'): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.admin.send(
        new ListObjectsV2Command({
          Bucket: BUCKET,
          Prefix: `${prefix}/`,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const item of page.Contents ?? []) keys.push(item.Key!.slice(prefix.length + 1));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async object(relative: string, prefix = 'exports/1password'): Promise<Buffer> {
    const response = await this.admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${relative}` }),
    );
    return Buffer.from(await response.Body!.transformToByteArray());
  }
}

/** `123-1` -> ['123', '1']. */
export function splitRun(run: string): [string, string] {
  const at = run.lastIndexOf('-');
  return [run.slice(0, at), run.slice(at + 1)];
}

export function stateDoc(
  run: string,
  cursor: string,
  updatedAt: string,
  account = 'ACCOUNT1',
): StateDocument {
  return {
    schema: 1,
    account,
    server: 'https://events.1password.com',
    updatedAt,
    writtenBy: run,
    feeds: {
      signinattempts: { cursor, apiVersion: 'v2', savedAt: updatedAt, recentUuids: [`uuid-${cursor}`] },
    },
  };
}

/** A delivery of `run` resuming from `previous` (or from nothing). */
export function delivery(
  local: { outDir: string; files: string[] },
  state: StateDocument,
  previous?: StateDocument,
): Delivery {
  return {
    outDir: local.outDir,
    files: local.files,
    state,
    message: `run ${state.writtenBy}`,
    ...(previous ? { basedOn: { writtenBy: previous.writtenBy, updatedAt: previous.updatedAt } } : {}),
  };
}

/** Real Parquet and NDJSON parts of one run (RunWriter, as the exporter writes them) plus its manifest. */
export async function writeRealRun(
  world: S3World,
  run: string,
  events: RawEvent[],
): Promise<{ outDir: string; files: string[] }> {
  const outDir = await mkdtemp(path.join(world.work, `real-${run}-`));
  const [runId, runAttempt] = splitRun(run);
  const writer = new RunWriter({ outDir, runId, runAttempt, formats: ['parquet', 'ndjson'] });
  await writer.write('signinattempts', events);
  const written = await writer.close();
  const manifest = buildManifest({
    runId,
    runAttempt,
    startedAt: '2026-12-01T00:00:00.000Z',
    finishedAt: '2026-12-01T00:00:01.000Z',
    server: 'https://events.1password.com',
    account: 'ACCOUNT1',
    apiVersion: 'v2',
    feeds: { signinattempts: { count: events.length } },
    files: written,
  });
  const files = [...written.map((f) => f.path), await writeManifest(outDir, manifest)];
  return { outDir, files };
}

/**
 * The uuids of every event in the bucket's data objects, per format, read back with readers that
 * are not the code under test (DuckDB for Parquet, gunzip for NDJSON). An event in two objects
 * appears twice.
 */
export async function uuidsInBucket(
  world: S3World,
  feed = 'signinattempts',
  prefix = 'exports/1password',
): Promise<{ parquet: string[]; ndjson: string[] }> {
  const dir = await mkdtemp(path.join(world.work, 'bucket-'));
  const keys = (await world.keys(prefix)).filter(
    (k) => k.startsWith(`${feed}/`) || k.startsWith(`ndjson/${feed}/`),
  );
  for (const key of keys) {
    await mkdir(path.dirname(path.join(dir, key)), { recursive: true });
    await writeFile(path.join(dir, key), await world.object(key, prefix));
  }
  const parquet = keys.some((k) => k.endsWith('.parquet'))
    ? (
        await query(
          `SELECT uuid FROM read_parquet(${sqlString(`${dir}/${feed}/date=*/*.parquet`)}, hive_partitioning = true)`,
        )
      ).map((row) => String(row.uuid))
    : [];
  const ndjson = keys
    .filter((k) => k.endsWith('.ndjson.gz'))
    .flatMap((k) => readNdjsonGz(path.join(dir, k)).map((event) => String((event as { uuid: string }).uuid)));
  return { parquet: parquet.sort(), ndjson: ndjson.sort() };
}
