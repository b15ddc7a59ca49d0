/**
 * Compaction in S3 mode with real Parquet/NDJSON parts: finished days merged into one file per feed
 * and format, the replaced parts recorded (marker, manifest) before any delete, and an interrupted
 * compaction finished, never duplicated, by the next run. Every check reads the bucket back with
 * DuckDB / gunzip and compares with the events written.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { deleteObjects } from '../src/s3/objects.ts';
import { signinEvents } from './fixtures/output/events.ts';
import { S3World, delivery, stateDoc, uuidsInBucket, writeRealRun } from './support/s3-world.ts';

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

const DAY = Date.parse('2026-10-14T00:00:00Z');
const T = (n: number) => new Date(Date.parse('2026-12-01T00:00:00Z') + n * 900_000).toISOString();

/** Three committed runs, each with parts of 2026-10-14 (a day long finished). */
async function threeRuns(): Promise<{ expected: string[]; last: ReturnType<typeof stateDoc> }> {
  const expected: string[] = [];
  let previous: ReturnType<typeof stateDoc> | undefined;
  for (const [i, run] of ['100-1', '101-1', '102-1'].entries()) {
    const events = signinEvents(40, 10 + i, DAY + i * 3_600_000);
    expected.push(...events.map((e) => String(e.uuid)));
    const state = stateDoc(run, `c${i}`, T(i));
    await world.run(run).sink.deliver(delivery(await writeRealRun(world, run, events), state, previous));
    previous = state;
  }
  return { expected: expected.sort(), last: previous! };
}

function dataKeys(keys: string[]): string[] {
  return keys.filter((k) => /\.(parquet|ndjson\.gz)$/.test(k));
}

it('merges a finished day into one file per format; the manifest lists what was replaced and written', async () => {
  const { expected, last } = await threeRuns();
  expect(dataKeys(await world.keys())).toHaveLength(6);
  world.sim.requests.length = 0;

  const result = await world
    .run('103-1', { compaction: true })
    .sink.deliver({ ...delivery({ outDir: world.work, files: [] }, stateDoc('103-1', 'c2', T(3)), last) });
  expect(result.compacted).toBe(6);
  const keys = await world.keys();
  expect(dataKeys(keys)).toEqual([
    'ndjson/signinattempts/date=2026-10-14/part-103-1-0001.ndjson.gz',
    'signinattempts/date=2026-10-14/part-103-1-0001.parquet',
  ]);
  expect(keys.filter((k) => k.startsWith('_state/pending/'))).toEqual([]);
  const uuids = await uuidsInBucket(world);
  expect(uuids.parquet).toEqual(expected);
  expect(uuids.ndjson).toEqual(expected);
  const manifest = JSON.parse((await world.object('_manifests/103-1.json')).toString('utf8'));
  expect(manifest.compaction.replaced).toHaveLength(6);
  expect(manifest.compaction.written.map((f: { path: string }) => f.path)).toEqual(dataKeys(keys));
  expect(manifest.compaction.written.every((f: { sha256: string }) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(
    true,
  );

  // The replaced parts were named in the marker and the manifest before the first of them was deleted.
  const requests = world.sim.requests;
  const firstDelete = requests.findIndex(
    (r) => r.method === 'DELETE' && r.key.includes('/date=2026-10-14/part-10'),
  );
  const markerPut = requests.findIndex(
    (r) => r.method === 'PUT' && r.key.endsWith('_state/pending/103-1.json'),
  );
  const manifestPut = requests.findIndex(
    (r) => r.method === 'PUT' && r.key.endsWith('_manifests/103-1.json'),
  );
  const statePut = requests.findIndex((r) => r.method === 'PUT' && r.key.endsWith('_state/state.json'));
  expect(markerPut).toBeGreaterThanOrEqual(0);
  expect(markerPut).toBeLessThan(requests.findIndex((r) => r.method === 'PUT' && r.key.endsWith('.parquet')));
  // Data before the manifest that names it.
  expect(requests.findLastIndex((r) => r.method === 'PUT' && /\.(parquet|gz)$/.test(r.key))).toBeLessThan(
    manifestPut,
  );
  expect(manifestPut).toBeLessThan(statePut);
  expect(statePut).toBeLessThan(firstDelete);
});

it('a compaction interrupted after its commit is finished by the next run, never duplicated', async () => {
  const { expected, last } = await threeRuns();
  // The compacting run commits, then every delete fails: it stops with parts and merged files both there.
  world.sim.faults.push({ method: 'DELETE', status: 403, code: 'AccessDenied', times: 1000 });
  const compacting = stateDoc('103-1', 'c2', T(3));
  const result = await world
    .run('103-1', { compaction: true })
    .sink.deliver(delivery({ outDir: world.work, files: [] }, compacting, last));
  expect(result.detail).toMatch(/state is saved, but cleaning up after the commit failed .*s3:DeleteObject/);
  expect(dataKeys(await world.keys())).toHaveLength(8);
  expect(await world.keys()).toContain('_state/pending/103-1.json');
  world.sim.faults.length = 0;

  // The next run (compaction on as well) finishes the deletes before anything else and merges nothing twice.
  const next = signinEvents(5, 99, Date.parse('2026-12-01T10:00:00Z'));
  await world
    .run('104-1', { compaction: true })
    .sink.deliver(
      delivery(await writeRealRun(world, '104-1', next), stateDoc('104-1', 'c3', T(4)), compacting),
    );
  const keys = await world.keys();
  expect(dataKeys(keys).filter((k) => k.includes('2026-10-14'))).toEqual([
    'ndjson/signinattempts/date=2026-10-14/part-103-1-0001.ndjson.gz',
    'signinattempts/date=2026-10-14/part-103-1-0001.parquet',
  ]);
  expect(keys.filter((k) => k.startsWith('_state/pending/'))).toEqual([]);
  const all = [...expected, ...next.map((e) => String(e.uuid))].sort();
  const uuids = await uuidsInBucket(world);
  expect(uuids.parquet).toEqual(all);
  expect(uuids.ndjson).toEqual(all);
});

it('a compaction whose state write failed leaves the parts, and its merged files are removed', async () => {
  const { expected, last } = await threeRuns();
  world.sim.faults.push({
    method: 'PUT',
    key: /_state\/state\.json$/,
    status: 500,
    code: 'InternalError',
    times: 5,
  });
  await expect(
    world
      .run('103-1', { compaction: true })
      .sink.deliver(delivery({ outDir: world.work, files: [] }, stateDoc('103-1', 'c2', T(3)), last)),
  ).rejects.toThrow(/500 InternalError/);
  expect(dataKeys(await world.keys())).toHaveLength(8);

  // The next run started from the same state: it merges the committed parts itself (never the dead
  // run's merged files), and after its commit removes what the dead run wrote.
  await world
    .run('104-1', { compaction: true })
    .sink.deliver(delivery({ outDir: world.work, files: [] }, stateDoc('104-1', 'c2', T(4)), last));
  const keys = await world.keys();
  expect(dataKeys(keys)).toEqual([
    'ndjson/signinattempts/date=2026-10-14/part-104-1-0001.ndjson.gz',
    'signinattempts/date=2026-10-14/part-104-1-0001.parquet',
  ]);
  const uuids = await uuidsInBucket(world);
  expect(uuids.parquet).toEqual(expected);
  expect(uuids.ndjson).toEqual(expected);
});

it('never merges the files of a run that has not committed (an overlapping run held at its state write)', async () => {
  const { expected, last } = await threeRuns();
  let release!: () => void;
  let reached!: () => void;
  const atStateWrite = new Promise<void>((resolve) => (reached = resolve));
  world.sim.faults.push({
    method: 'PUT',
    key: /_state\/state\.json$/,
    hold: new Promise<void>((resolve) => (release = resolve)),
    onHit: () => reached(),
  });
  const late = signinEvents(7, 55, DAY + 20 * 3_600_000);
  const overlapping = world
    .run('103-1')
    .sink.deliver(delivery(await writeRealRun(world, '103-1', late), stateDoc('103-1', 'c9', T(3)), last))
    .then(
      () => 'committed',
      (error: unknown) => String(error),
    );
  await atStateWrite;
  const result = await world
    .run('104-1', { compaction: true })
    .sink.deliver(delivery({ outDir: world.work, files: [] }, stateDoc('104-1', 'c2', T(4)), last));
  expect(result.compacted).toBe(6);
  release();
  expect(await overlapping).toMatch(/412 PreconditionFailed/);
  const uuids = await uuidsInBucket(world);
  expect(uuids.parquet).toEqual(expected);
  expect(uuids.ndjson).toEqual(expected);
});
