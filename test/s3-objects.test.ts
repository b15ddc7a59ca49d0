/**
 * The S3 building blocks against s3rver behind test/sim/s3: both body shapes with our checksum
 * setting, integrity, encryption headers, 403 messages naming the permission, bounded retries of
 * 5xx/SlowDown, bounded reads, input validation, and credentials that never leak.
 */
import { createReadStream } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExportError } from '../src/errors.ts';
import { deleteObjects, listObjects, putBytes, putFile, readText } from '../src/s3/objects.ts';
import { parseS3Bucket } from '../src/validate/s3-bucket.ts';
import { parseS3Endpoint, parseS3Region } from '../src/validate/s3-endpoint.ts';
import { parseStoragePath } from '../src/validate/storage-path.ts';
import { S3StateStore } from '../src/state/s3-store.ts';
import { restoreAuthoritative } from '../src/state/store.ts';
import { silentLogger } from '../src/logger.ts';
import { BUCKET, S3World, SECRET_KEY, SESSION_TOKEN, delivery, stateDoc } from './support/s3-world.ts';

let world: S3World;

beforeAll(async () => {
  world = await S3World.start();
});
afterAll(async () => {
  await world.close();
});
afterEach(async () => {
  expect(world.sim.crashed).toEqual([]);
  world.sim.faults.length = 0;
  await deleteObjects(world.target(), await world.keys());
  world.sim.requests.length = 0;
  world.logger.lines.length = 0;
});

async function localFile(name: string, bytes: number): Promise<{ file: string; data: Buffer }> {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = (i * 31 + 7) & 0xff;
  const file = path.join(world.work, name);
  await writeFile(file, data);
  return { file, data };
}

async function failure(promise: Promise<unknown>): Promise<ExportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExportError);
  return error as ExportError;
}

describe('body shapes and integrity', () => {
  it('a streamed file and a Buffer of 200,000 bytes both come back byte for byte', async () => {
    const { file, data } = await localFile('stream.bin', 200_000);
    const target = world.target();
    await putFile(target, 'signinattempts/date=2026-11-01/part-1-1-0001.parquet', file, data.length);
    await putBytes(target, 'signinattempts/date=2026-11-01/part-1-1-0002.parquet', data);
    expect((await world.object('signinattempts/date=2026-11-01/part-1-1-0001.parquet')).equals(data)).toBe(
      true,
    );
    expect((await world.object('signinattempts/date=2026-11-01/part-1-1-0002.parquet')).equals(data)).toBe(
      true,
    );
    for (const request of world.sim.requests.filter((r) => r.method === 'PUT')) {
      expect(request.headers['content-length']).toBe('200000');
      expect(request.headers['x-amz-content-sha256'] ?? '').not.toMatch(/STREAMING/);
    }
  });

  it("the SDK's default checksum mode would have stored a streamed body corrupted (why we set WHEN_REQUIRED)", async () => {
    const { file, data } = await localFile('default.bin', 200_000);
    const defaults = new S3Client({ endpoint: world.sim.url, forcePathStyle: true, region: 'us-east-1' });
    await defaults.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'exports/1password/default.bin',
        Body: createReadStream(file),
        ContentLength: data.length,
      }),
    );
    defaults.destroy();
    const stored = await world.object('default.bin');
    expect(stored.length).not.toBe(data.length);
  });

  it('a body changed in transit is refused by its Content-MD5 (400 BadDigest), not stored', async () => {
    const { file, data } = await localFile('corrupt.bin', 5000);
    world.sim.faults.push({ method: 'PUT', corrupt: true });
    const error = await failure(
      putFile(world.target(), 'signinattempts/date=2026-11-01/part-1-1-0001.parquet', file, data.length),
    );
    expect(error.message).toMatch(
      /Could not write s3:\/\/events-bucket\/exports\/1password\/signinattempts\/.*\(400 BadDigest\)/,
    );
    expect(await world.keys()).toEqual([]);
  });
});

describe('server-side encryption and ACLs', () => {
  const cases = [
    { encryption: { mode: 'bucket-default' as const }, sse: undefined, kms: undefined },
    { encryption: { mode: 'AES256' as const }, sse: 'AES256', kms: undefined },
    {
      encryption: { mode: 'aws:kms' as const, keyId: 'arn:aws:kms:us-east-1:111122223333:key/abcd' },
      sse: 'aws:kms',
      kms: 'arn:aws:kms:us-east-1:111122223333:key/abcd',
    },
  ];
  for (const { encryption, sse, kms } of cases) {
    it(`${encryption.mode}: every object of a run is written with it, none with an ACL`, async () => {
      const local = await world.files('300-1');
      await world
        .run('300-1', { encryption })
        .sink.deliver(delivery(local, stateDoc('300-1', 'c', '2026-11-02T10:00:00.000Z')));
      const puts = world.sim.requests.filter((r) => r.method === 'PUT');
      expect(puts.map((r) => r.key.split('/').at(-1))).toEqual(
        expect.arrayContaining(['300-1.json', 'state.json', 'part-300-1-0001.parquet']),
      );
      for (const put of puts) {
        expect(put.headers['x-amz-server-side-encryption']).toBe(sse);
        expect(put.headers['x-amz-server-side-encryption-aws-kms-key-id']).toBe(kms);
        expect(put.headers['x-amz-acl']).toBeUndefined();
      }
    });
  }
});

describe('403 names the missing permission and the prefix', () => {
  const objects = 'arn:aws:s3:::events-bucket/exports/1password/*';
  it('PutObject', async () => {
    world.sim.faults.push({ method: 'PUT', status: 403, code: 'AccessDenied' });
    const error = await failure(putBytes(world.target(), '_manifests/1-1.json', Buffer.from('{}')));
    expect(error.message).toContain('(403 AccessDenied)');
    expect(error.message).toContain(`s3:PutObject on ${objects}`);
    expect(error.status).toBe(403);
  });
  it('PutObject with aws:kms also names the key permission', async () => {
    world.sim.faults.push({ method: 'PUT', status: 403, code: 'AccessDenied' });
    const target = { ...world.target(), encryption: { mode: 'aws:kms' as const, keyId: 'k' } };
    const error = await failure(putBytes(target, '_manifests/1-1.json', Buffer.from('{}')));
    expect(error.message).toContain('kms:GenerateDataKey');
  });
  it('GetObject (reading the state), mentioning ListBucket for missing objects', async () => {
    world.sim.faults.push({ method: 'GET', key: /state\.json$/, status: 403, code: 'AccessDenied' });
    const error = await failure(new S3StateStore(world.target()).read());
    expect(error.message).toMatch(
      /Could not read s3:\/\/events-bucket\/exports\/1password\/_state\/state\.json \(403 AccessDenied\)/,
    );
    expect(error.message).toContain(`s3:GetObject on ${objects}`);
    expect(error.message).toContain('s3:ListBucket');
  });
  it('ListBucket', async () => {
    world.sim.faults.push({ method: 'GET', key: /^$/, status: 403, code: 'AccessDenied' });
    const error = await failure(
      (async () => {
        const items = [];
        for await (const item of listObjects(world.target(), '_state/pending/')) items.push(item);
        return items;
      })(),
    );
    expect(error.message).toContain('s3:ListBucket on arn:aws:s3:::events-bucket');
    expect(error.message).toContain('"exports/1password/"');
  });
  it('DeleteObject', async () => {
    world.sim.faults.push({ method: 'DELETE', status: 403, code: 'AccessDenied' });
    const error = await failure(
      deleteObjects(world.target(), ['signinattempts/date=2026-11-01/part-1-1-0001.parquet']),
    );
    expect(error.message).toContain(`s3:DeleteObject on ${objects} (for clean-up and compaction)`);
  });
  it('a missing bucket is named as such', async () => {
    const target = { ...world.target(), bucket: 'no-such-bucket' };
    const error = await failure(putBytes(target, 'x.json', Buffer.from('{}')));
    expect(error.message).toMatch(/404 NoSuchBucket.*does not exist/);
  });
});

describe('transient failures are retried, a bounded number of times', () => {
  it('two SlowDown answers on a Buffer upload, then success', async () => {
    world.sim.faults.push({ method: 'PUT', status: 503, code: 'SlowDown', times: 2 });
    await putBytes(world.target(), '_manifests/1-1.json', Buffer.from('{"a":1}'));
    expect(world.sim.requests.map((r) => r.outcome)).toEqual([503, 503, 200]);
    expect((await world.object('_manifests/1-1.json')).toString()).toBe('{"a":1}');
  });
  it('two 500 answers on a streamed upload, then success with a fresh stream', async () => {
    const { file, data } = await localFile('retry.bin', 70_000);
    world.sim.faults.push({ method: 'PUT', status: 500, code: 'InternalError', times: 2 });
    await putFile(world.target(), 'signinattempts/date=2026-11-01/part-1-1-0001.parquet', file, data.length);
    expect(world.sim.requests.map((r) => r.outcome)).toEqual([500, 500, 200]);
    expect((await world.object('signinattempts/date=2026-11-01/part-1-1-0001.parquet')).equals(data)).toBe(
      true,
    );
  });
  it('a service that keeps failing is given up on after 5 attempts, with the status in the message', async () => {
    const { file, data } = await localFile('fail.bin', 1000);
    world.sim.faults.push({ method: 'PUT', status: 500, code: 'InternalError', times: 100 });
    const error = await failure(
      putFile(world.target(), 'signinattempts/date=2026-11-01/part-1-1-0001.parquet', file, data.length),
    );
    expect(error.message).toContain('(500 InternalError)');
    expect(world.sim.requests).toHaveLength(5);
  });
  it('a 400 is not retried', async () => {
    world.sim.faults.push({ method: 'PUT', status: 400, code: 'InvalidRequest', times: 100 });
    await failure(putBytes(world.target(), '_manifests/1-1.json', Buffer.from('{}')));
    expect(world.sim.requests).toHaveLength(1);
  });
});

describe('hostile or broken contents are refused', () => {
  it('a state object far larger than any state is not read whole', async () => {
    await putBytes(world.target(), '_state/state.json', Buffer.alloc(5 * 1024 * 1024, 0x20));
    const error = await failure(new S3StateStore(world.target()).read());
    expect(error.message).toMatch(/state\.json is larger than 1048576 bytes; refusing to read it/);
  });
  it('a state object that is not a state document is refused, naming the object', async () => {
    // Refused, not absent: restoreAuthoritative (src/state/store.ts) then stops the run and alerts
    // instead of starting over on top of the only record of the position.
    await putBytes(world.target(), '_state/state.json', Buffer.from('{"schema":1,"account":3}'));
    const read = await new S3StateStore(world.target()).read();
    expect(read).toMatchObject({
      status: 'refused',
      origin: 's3://events-bucket/exports/1password/_state/state.json',
    });
    expect(read.status === 'refused' && read.reason).toMatch(/account/);
    const restored = await restoreAuthoritative(new S3StateStore(world.target()), [], silentLogger);
    expect(restored.source).toBe('none');
    expect(restored.conflict?.what).toContain('_state/state.json cannot be used');
    expect(restored.conflict?.todo).toContain('list-object-versions');
    expect(restored.conflict?.todo).not.toContain('git log');
  });
  it('readText returns nothing for a missing object', async () => {
    expect(await readText(world.target(), '_state/state.json', 100)).toBeUndefined();
  });
});

describe('inputs', () => {
  it('s3-prefix follows the storage-path rule and refuses traversal', () => {
    expect(parseStoragePath('/exports/1password/', 's3-prefix')).toBe('exports/1password');
    for (const bad of ['a/../b', '../x', 'a//b', 'a/./b', 'a\\b', '']) {
      expect(() => parseStoragePath(bad, 's3-prefix')).toThrow(/Invalid s3-prefix/);
    }
  });
  it('refuses bucket names S3 would refuse', () => {
    expect(parseS3Bucket(' my-events.bucket ')).toBe('my-events.bucket');
    for (const bad of [
      'ab',
      'UpperCase',
      'has_underscore',
      '-start',
      'a..b',
      '192.168.1.1',
      'x'.repeat(64),
    ]) {
      expect(() => parseS3Bucket(bad)).toThrow(/Invalid s3-bucket/);
    }
  });
  it('s3-endpoint is https (http only to loopback) and never carries credentials', () => {
    expect(parseS3Endpoint('https://abc.r2.cloudflarestorage.com/')).toBe(
      'https://abc.r2.cloudflarestorage.com',
    );
    expect(parseS3Endpoint('http://127.0.0.1:9000')).toBe('http://127.0.0.1:9000');
    expect(() => parseS3Endpoint('http://minio.internal:9000')).toThrow(
      /Invalid s3-endpoint: must be an https/,
    );
    expect(() => parseS3Endpoint('https://AKIA:secret@s3.example.com')).toThrow(
      /must not contain credentials/,
    );
    expect(() => parseS3Endpoint('https://s3.example.com/?X-Amz-Signature=1')).toThrow(/query/);
    expect(() => parseS3Endpoint('not a url')).toThrow(/is not a URL/);
    expect(parseS3Region('auto')).toBe('auto');
    expect(() => parseS3Region('us east 1')).toThrow(/Invalid s3-region/);
  });
});

describe('credentials', () => {
  it('never appear in logs, errors, the bucket or the server files, success or failure', async () => {
    const errors: ExportError[] = [];
    const base = stateDoc('400-1', 'c1', '2026-11-02T10:00:00.000Z');
    await world.run('400-1').sink.deliver(delivery(await world.files('400-1'), base));
    world.sim.faults.push({ method: 'PUT', status: 403, code: 'AccessDenied' });
    errors.push(
      await failure(
        world
          .run('401-1')
          .sink.deliver(
            delivery(await world.files('401-1'), stateDoc('401-1', 'c2', '2026-11-02T10:15:00.000Z'), base),
          ),
      ),
    );
    world.sim.faults.push({
      method: 'PUT',
      key: /state\.json$/,
      status: 500,
      code: 'InternalError',
      times: 5,
    });
    errors.push(
      await failure(
        world
          .run('402-1')
          .sink.deliver(
            delivery(await world.files('402-1'), stateDoc('402-1', 'c2', '2026-11-02T10:15:00.000Z'), base),
          ),
      ),
    );
    // Signed with the distinctive secret (s3rver checks the signature's form, not the key).
    const text = [
      ...world.logger.lines,
      ...errors.flatMap((e) => [e.message, String(e), JSON.stringify(e), e.stack ?? '']),
      JSON.stringify(world.sim.requests),
    ].join('\n');
    const stored: string[] = [];
    for (const entry of await readdir(world.sim.directory, { recursive: true, withFileTypes: true })) {
      if (entry.isFile())
        stored.push((await readFile(path.join(entry.parentPath, entry.name))).toString('latin1'));
    }
    expect(stored.length).toBeGreaterThan(4);
    for (const secret of [SECRET_KEY, SESSION_TOKEN]) {
      expect(text).not.toContain(secret);
      expect(stored.join('\n')).not.toContain(secret);
    }
  });

  it('without credentials in the environment, the message says how to provide them', async () => {
    const saved = { ...process.env };
    try {
      for (const name of [
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'AWS_SESSION_TOKEN',
        'AWS_PROFILE',
        'AWS_WEB_IDENTITY_TOKEN_FILE',
        'AWS_ROLE_ARN',
        'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
        'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      ]) {
        delete process.env[name];
      }
      process.env.AWS_CONFIG_FILE = path.join(world.work, 'none-config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(world.work, 'none-credentials');
      const error = await failure(new S3StateStore(world.target()).read());
      expect(error.message).toMatch(
        /No AWS credentials were found: .*aws-actions\/configure-aws-credentials/,
      );
    } finally {
      process.env = saved;
    }
  });
});
