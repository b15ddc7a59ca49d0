/**
 * The S3 destination against a real S3 implementation (s3rver) behind the conditional-write proxy of
 * test/sim/s3: ordering (marker, data, manifest, state last), conditional state writes, overlapping
 * runs, runs that die between their data and their state, lost answers, and the clean-up rules.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ExportError } from '../src/errors.ts';
import { putBytes } from '../src/s3/objects.ts';
import { S3World, delivery, stateDoc } from './support/s3-world.ts';

let world: S3World;
const PREFIX = 'exports/1password';

beforeAll(async () => {
  world = await S3World.start();
});
afterAll(async () => {
  await world.close();
});
afterEach(async () => {
  expect(world.sim.crashed).toEqual([]);
  world.sim.faults.length = 0;
  // Each test gets an empty prefix.
  const keys = await world.keys();
  if (keys.length > 0) {
    const { deleteObjects } = await import('../src/s3/objects.ts');
    await deleteObjects(world.target(), keys);
  }
  world.sim.requests.length = 0;
  world.logger.lines.length = 0;
});

const T1 = '2026-11-02T10:00:00.000Z';
const T2 = '2026-11-02T10:15:00.000Z';
const T3 = '2026-11-02T10:30:00.000Z';

function puts() {
  return world.sim.requests.filter((r) => r.method === 'PUT' && r.key.startsWith(`${PREFIX}/`));
}

describe('a first and a second run', () => {
  it('writes the marker first, the state last (If-None-Match: *), then removes the marker', async () => {
    const local = await world.files('100-1', [{}, { feed: 'itemusages', date: '2026-11-02' }]);
    const { sink } = world.run('100-1');
    const result = await sink.deliver(delivery(local, stateDoc('100-1', 'c1', T1)));
    expect(result.s3Uri).toBe(`s3://events-bucket/${PREFIX}`);

    const order = puts().map((r) => r.key.slice(PREFIX.length + 1));
    expect(order[0]).toBe('_state/pending/100-1.json');
    expect(order.at(-1)).toBe('_state/state.json');
    expect(order.slice(1, -1).sort()).toEqual([...local.files].sort());
    expect(puts().at(-1)!.headers['if-none-match']).toBe('*');

    expect(await world.keys()).toEqual([...local.files, '_state/state.json'].sort());
    for (const [rel, data] of local.contents) expect((await world.object(rel)).equals(data)).toBe(true);
    const saved = JSON.parse((await world.object('_state/state.json')).toString('utf8'));
    expect(saved.writtenBy).toBe('100-1');
  });

  it('the second run writes the state with If-Match on the ETag it read at the start', async () => {
    const first = stateDoc('100-1', 'c1', T1);
    await world.run('100-1').sink.deliver(delivery(await world.files('100-1'), first));
    const etagBefore = world.sim.requests.filter(
      (r) => r.key.endsWith('_state/state.json') && r.method === 'PUT',
    ).length;
    expect(etagBefore).toBe(1);

    const { sink, store } = world.run('101-1');
    const loaded = await store.read();
    expect(loaded.status === 'found' && loaded.doc.writtenBy).toBe('100-1');
    const { etag } = await store.tagged();
    world.sim.requests.length = 0;
    await sink.deliver(delivery(await world.files('101-1'), stateDoc('101-1', 'c2', T2), first));
    const statePut = puts().filter((r) => r.key.endsWith('_state/state.json'));
    expect(statePut).toHaveLength(1);
    expect(statePut[0]!.headers['if-match']).toBe(etag);
    expect(JSON.parse((await world.object('_state/state.json')).toString()).writtenBy).toBe('101-1');
    expect((await world.keys()).filter((k) => k.includes('pending'))).toEqual([]);
  });

  it('sends no ACL header and no aws-chunked body; every PUT carries Content-MD5', async () => {
    await world
      .run('100-1')
      .sink.deliver(delivery(await world.files('100-1', [{ bytes: 200_000 }]), stateDoc('100-1', 'c1', T1)));
    expect(puts().length).toBeGreaterThanOrEqual(4);
    for (const request of puts()) {
      expect(request.headers['x-amz-acl']).toBeUndefined();
      expect(request.headers['x-amz-grant-read']).toBeUndefined();
      expect(request.headers['x-amz-trailer']).toBeUndefined();
      expect(request.headers['content-encoding'] ?? '').not.toContain('aws-chunked');
      expect(request.headers['content-md5']).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    }
  });
});

describe('overlapping runs', () => {
  it('of two runs from the same state only the first to write the state advances; the other removes its objects', async () => {
    const base = stateDoc('100-1', 'c1', T1);
    await world.run('100-1').sink.deliver(delivery(await world.files('100-1'), base));

    // Run A is held at its state write while run B delivers everything.
    let release!: () => void;
    let reached!: () => void;
    const atStateWrite = new Promise<void>((resolve) => (reached = resolve));
    world.sim.faults.push({
      method: 'PUT',
      key: /_state\/state\.json$/,
      hold: new Promise<void>((resolve) => (release = resolve)),
      onHit: () => reached(),
    });
    const a = world.run('200-1');
    const b = world.run('201-1');
    await a.store.read();
    await b.store.read();
    const localA = await world.files('200-1', [{ feed: 'signinattempts' }]);
    const localB = await world.files('201-1', [{ feed: 'signinattempts' }]);
    const runA = a.sink.deliver(delivery(localA, stateDoc('200-1', 'c2a', T2), base));
    const outcomeA = runA.then(
      () => 'committed',
      (error: unknown) => error,
    );
    await atStateWrite;
    await b.sink.deliver(delivery(localB, stateDoc('201-1', 'c2b', T2), base));
    release();
    const errorA = await outcomeA;
    expect(errorA).toBeInstanceOf(ExportError);
    expect((errorA as ExportError).kind).toBe('delivery');
    expect((errorA as ExportError).message).toMatch(
      /412 PreconditionFailed.*does not advance it.*concurrency group/s,
    );

    const keys = await world.keys();
    expect(JSON.parse((await world.object('_state/state.json')).toString()).writtenBy).toBe('201-1');
    expect(keys.filter((k) => k.includes('200-1'))).toEqual([]);
    expect(keys.filter((k) => k.includes('201-1')).sort()).toEqual([...localB.files].sort());
  });

  it('a run that resumed from an older state than the bucket holds writes nothing', async () => {
    const first = stateDoc('100-1', 'c1', T1);
    await world.run('100-1').sink.deliver(delivery(await world.files('100-1'), first));
    await world
      .run('101-1')
      .sink.deliver(delivery(await world.files('101-1'), stateDoc('101-1', 'c2', T2), first));
    const before = await world.keys();
    world.sim.requests.length = 0;
    const late = world.run('102-1');
    await expect(
      late.sink.deliver(delivery(await world.files('102-1'), stateDoc('102-1', 'c2x', T3), first)),
    ).rejects.toThrow(/Run 101-1 saved .* after the state this run resumed from.*nothing was written/s);
    expect(puts()).toEqual([]);
    expect(await world.keys()).toEqual(before);
  });

  it("refuses a prefix holding another account's state", async () => {
    await world
      .run('100-1')
      .sink.deliver(delivery(await world.files('100-1'), stateDoc('100-1', 'c1', T1, 'OTHER')));
    world.sim.requests.length = 0;
    await expect(
      world
        .run('101-1')
        .sink.deliver(
          delivery(
            await world.files('101-1'),
            stateDoc('101-1', 'c2', T2),
            stateDoc('100-1', 'c1', T1, 'OTHER'),
          ),
        ),
    ).rejects.toThrow(/holds the export of account OTHER .* own s3-prefix\. Nothing was written\./);
    expect(puts()).toEqual([]);
  });
});

describe('a run that dies between its data and its state write', () => {
  it('leaves data the next run removes (it started from the same state) and its events are delivered once', async () => {
    const base = stateDoc('100-1', 'c1', T1);
    await world.run('100-1').sink.deliver(delivery(await world.files('100-1'), base));

    // Every attempt at the state write fails: the run stops with its objects and marker in place,
    // exactly what a killed run leaves behind.
    world.sim.requests.length = 0;
    world.sim.faults.push({
      method: 'PUT',
      key: /_state\/state\.json$/,
      status: 500,
      code: 'InternalError',
      times: 5,
    });
    const dying = await world.files('200-1', [{}, { feed: 'auditevents' }]);
    await expect(
      world.run('200-1').sink.deliver(delivery(dying, stateDoc('200-1', 'c2', T2), base)),
    ).rejects.toThrow(
      /Could not write s3:\/\/events-bucket\/exports\/1password\/_state\/state\.json \(500 InternalError\)/,
    );
    expect(world.sim.requests.filter((r) => r.key.endsWith('state.json') && r.method === 'PUT')).toHaveLength(
      5,
    );
    const leftover = await world.keys();
    expect(leftover).toEqual(expect.arrayContaining([...dying.files, '_state/pending/200-1.json']));
    expect(JSON.parse((await world.object('_state/state.json')).toString()).writtenBy).toBe('100-1');

    // The next run fetched the same events again (same base) and commits them once.
    const next = await world.files('201-1', [{}, { feed: 'auditevents' }]);
    await world.run('201-1').sink.deliver(delivery(next, stateDoc('201-1', 'c2', T2), base));
    const keys = await world.keys();
    expect(keys.filter((k) => k.includes('200-1') && !k.startsWith('_state/pending/'))).toEqual([]);
    expect(keys.filter((k) => k.startsWith('signinattempts/') || k.startsWith('auditevents/'))).toEqual(
      [
        ...next.files.filter((f) => !f.startsWith('_manifests')),
        'signinattempts/date=2026-11-01/part-100-1-0001.parquet',
      ].sort(),
    );
    // The dead run's marker stays for the grace period (it might still be alive and write more);
    // the run after that deletes its writes again, which is a no-op.
    expect(keys).toContain('_state/pending/200-1.json');
  });

  it('a marker older than the grace period is removed with the objects', async () => {
    const base = stateDoc('100-1', 'c1', T1);
    await world.run('100-1').sink.deliver(delivery(await world.files('100-1'), base));
    world.sim.faults.push({
      method: 'PUT',
      key: /_state\/state\.json$/,
      status: 503,
      code: 'SlowDown',
      times: 2,
    });
    await expect(
      world
        .run('200-1', { maxAttempts: 2 })
        .sink.deliver(delivery(await world.files('200-1'), stateDoc('200-1', 'c2', T2), base)),
    ).rejects.toThrow(/503 SlowDown/);
    const later = world.run('201-1', { now: () => Date.now() + 25 * 3600_000 }).sink;
    await later.deliver(delivery(await world.files('201-1'), stateDoc('201-1', 'c2', T2), base));
    expect((await world.keys()).filter((k) => k.includes('200-1'))).toEqual([]);
  });

  it('a state write that landed but whose answer was lost counts as committed (nothing removed)', async () => {
    world.sim.faults.push({ method: 'PUT', key: /_state\/state\.json$/, dropAfterForward: true });
    const local = await world.files('100-1');
    const result = await world.run('100-1').sink.deliver(delivery(local, stateDoc('100-1', 'c1', T1)));
    expect(result.detail).toMatch(/wrote 2 objects and the state/);
    const statePuts = world.sim.requests.filter((r) => r.key.endsWith('state.json') && r.method === 'PUT');
    expect(statePuts.map((r) => r.outcome)).toEqual(['dropped', 412]);
    expect(await world.keys()).toEqual([...local.files, '_state/state.json'].sort());
  });
});

describe('a committed run that did not finish deleting what it replaced', () => {
  it('is finished by the next run, before that run writes anything', async () => {
    const base = stateDoc('100-1', 'c1', T1);
    const parts = await world.files('100-1', [{ date: '2026-10-30' }, { date: '2026-10-30' }]);
    await world.run('100-1').sink.deliver(delivery(parts, base));
    // Run 101-1 compacted 2026-10-30 into one file and committed, but died before deleting the parts.
    const merged = await world.files('101-1', [{ date: '2026-10-30' }]);
    const compacting = stateDoc('101-1', 'c1', T2);
    const target = world.target();
    const replaced = parts.files.filter((f) => f.endsWith('.parquet'));
    await putBytes(
      target,
      '_state/pending/101-1.json',
      Buffer.from(
        JSON.stringify({
          pendingVersion: 1,
          run: '101-1',
          createdAt: T2,
          base: { writtenBy: '100-1', updatedAt: T1 },
          writes: merged.files,
          replaces: replaced,
        }),
      ),
    );
    for (const [rel, data] of merged.contents) await putBytes(target, rel, data);
    await putBytes(target, '_state/state.json', Buffer.from(`${JSON.stringify(compacting, null, 2)}\n`));
    expect(await world.keys()).toEqual(expect.arrayContaining(replaced));

    world.sim.requests.length = 0;
    await world
      .run('102-1')
      .sink.deliver(
        delivery(
          await world.files('102-1', [{ date: '2026-11-03' }]),
          stateDoc('102-1', 'c2', T3),
          compacting,
        ),
      );
    const keys = await world.keys();
    for (const file of replaced) expect(keys).not.toContain(file);
    expect(keys).toEqual(expect.arrayContaining(merged.files));
    expect(keys.filter((k) => k.startsWith('_state/pending/'))).toEqual([]);
    // The replaced parts were gone before this run wrote its first object.
    const firstPut = world.sim.requests.findIndex((r) => r.method === 'PUT');
    const lastDelete = world.sim.requests.findLastIndex(
      (r) => r.method === 'DELETE' && replaced.some((f) => r.key.endsWith(f)),
    );
    expect(lastDelete).toBeGreaterThanOrEqual(0);
    expect(lastDelete).toBeLessThan(firstPut);
  });

  it('never acts on a crafted marker that names files of another run', async () => {
    const base = stateDoc('100-1', 'c1', T1);
    const victim = await world.files('100-1');
    await world.run('100-1').sink.deliver(delivery(victim, base));
    await putBytes(
      world.target(),
      '_state/pending/666-1.json',
      Buffer.from(
        JSON.stringify({
          pendingVersion: 1,
          run: '666-1',
          createdAt: T1,
          base: null,
          writes: victim.files,
          replaces: [],
        }),
      ),
    );
    await putBytes(world.target(), '_state/pending/..%2Fx.json', Buffer.from('{}'));
    await world
      .run('101-1')
      .sink.deliver(delivery(await world.files('101-1'), stateDoc('101-1', 'c2', T2), base));
    expect(await world.keys()).toEqual(expect.arrayContaining(victim.files));
    expect(world.logger.lines.join('\n')).toMatch(
      /Ignoring the pending-run marker .*666-1\.json: "writes" lists .*which run 666-1 did not create/,
    );
  });
});
