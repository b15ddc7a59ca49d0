/**
 * destination: s3 through the bundled action (dist/index.js, run as a workflow step would run it)
 * against s3rver behind the conditional-write proxy of test/sim/s3: several runs, a run killed
 * between its data and its state write, an overlapping run, and compaction of a finished day. After
 * every run the bucket is read back with DuckDB (Parquet) and gunzip (NDJSON) and compared with the
 * Events API simulator's ground truth: every event exactly once per format.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { runAction, type RunActionResult } from './harness/run-action.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { BUCKET, S3World, SECRET_KEY, SESSION_TOKEN, uuidsInBucket } from './support/s3-world.ts';

const PREFIX = 'lake/1password';
const HOUR = 3_600_000;
let s3: S3World;
let events: EventsApiSimulator;
let token: string;
let runId = 9_100_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
const results: RunActionResult[] = [];

beforeAll(async () => {
  s3 = await S3World.start();
  events = await EventsApiSimulator.start({ seed: 23 });
  token = events.issueToken();
});
afterAll(async () => {
  await Promise.all(results.map((r) => r.cleanup()));
  await events.close();
  await s3.close();
});

async function run(inputs: Record<string, string> = {}, timeoutMs?: number): Promise<RunActionResult> {
  const id = String(runId++);
  const result = await runAction({
    inputs: {
      token,
      'server-url': events.url,
      destination: 's3',
      's3-bucket': BUCKET,
      's3-prefix': PREFIX,
      's3-endpoint': s3.sim.url,
      's3-sse': 'AES256',
      formats: 'parquet,ndjson',
      'start-time': '7d',
      'alert-issues': 'false',
      ...inputs,
    },
    env: {
      GITHUB_REPOSITORY: 'acme/security',
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_RUN_ID: id,
      GITHUB_RUN_ATTEMPT: '1',
      // As aws-actions/configure-aws-credentials leaves them; the SDK's default chain reads them.
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      AWS_SESSION_TOKEN: SESSION_TOKEN,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  results.push(result);
  return result;
}

function addEvents(count: number, at = Date.now()): void {
  for (const feed of FEEDS)
    events.generate(feed, count, { from: new Date(at - 30 * 60_000), to: new Date(at - 1000) });
}

/** The bucket holds every ingested event exactly once per format, and nothing else. */
async function expectGroundTruth(): Promise<void> {
  for (const feed of FEEDS) {
    const truth = events
      .groundTruth(feed)
      .map((e) => String(e.uuid))
      .sort();
    const stored = await uuidsInBucket(s3, feed, PREFIX);
    expect(stored.parquet, `${feed} Parquet`).toEqual(truth);
    expect(stored.ndjson, `${feed} NDJSON`).toEqual(truth);
  }
}

async function keys(): Promise<string[]> {
  return s3.keys(PREFIX);
}

it('stays exactly the ground truth across runs, a killed run, an overlapping run and compaction', async () => {
  // 1. First run into an empty prefix.
  addEvents(300);
  const first = await run();
  expect(first.exitCode, first.stdout + first.stderr).toBe(0);
  expect(first.outputs['s3-uri']).toBe(`s3://${BUCKET}/${PREFIX}`);
  expect(first.outputs['state-source']).toBe('none');
  await expectGroundTruth();
  const putState = s3.sim.requests.filter((r) => r.method === 'PUT' && r.key.endsWith('_state/state.json'));
  expect(putState.at(-1)!.headers['if-none-match']).toBe('*');

  // 2. A second run resumes from the state in the bucket.
  addEvents(200);
  const second = await run();
  expect(second.exitCode, second.stdout).toBe(0);
  expect(second.outputs['state-source']).toBe('s3');
  expect(second.outputs.events).toBe(String(200 * FEEDS.length));
  await expectGroundTruth();

  // 3. A run killed while its state write is on the wire: its data is in the bucket, its state is not.
  addEvents(100);
  s3.sim.faults.push({
    method: 'PUT',
    key: /_state\/state\.json$/,
    hold: new Promise(() => {}),
    status: 500,
  });
  const killed = await run({}, 25_000);
  expect(killed.timedOut).toBe(true);
  s3.sim.faults.length = 0;
  expect((await keys()).some((k) => k.startsWith('_state/pending/'))).toBe(true);

  // 4. The next run started from the same state: it delivers those events again, once, and removes
  // what the killed run wrote.
  const after = await run();
  expect(after.exitCode, after.stdout).toBe(0);
  expect(after.outputs.events).toBe(String(100 * FEEDS.length));
  await expectGroundTruth();

  // 5. Two overlapping runs from the same state: the one held at its state write loses, writes nothing.
  addEvents(50);
  let release!: () => void;
  let reached!: () => void;
  const atStateWrite = new Promise<void>((resolve) => (reached = resolve));
  s3.sim.faults.push({
    method: 'PUT',
    key: /_state\/state\.json$/,
    hold: new Promise<void>((resolve) => (release = resolve)),
    onHit: () => reached(),
  });
  const held = run();
  await atStateWrite;
  const overtaking = await run();
  expect(overtaking.exitCode, overtaking.stdout).toBe(0);
  release();
  const loser = await held;
  expect(loser.exitCode).toBe(1);
  expect(loser.stdout + loser.stderr).toMatch(/412 PreconditionFailed.*does not advance it/s);
  await expectGroundTruth();

  // 6. Late events of a day that ended days ago, over two runs: then a run merges that day.
  const oldDay = Date.now() - 3 * 24 * HOUR;
  addEvents(40, oldDay);
  expect((await run()).exitCode).toBe(0);
  addEvents(40, oldDay);
  expect((await run()).exitCode).toBe(0);
  await expectGroundTruth();
  const day = new Date(oldDay - 60_000).toISOString().slice(0, 10);
  const partsBefore = (await keys()).filter((k) => k.includes(`/date=${day}/`));
  expect(partsBefore.length).toBeGreaterThanOrEqual(2 * 2 * FEEDS.length);
  // compaction: off keeps every part; the next run (auto, the default) merges them.
  const keeping = await run({ compaction: 'off' });
  expect(keeping.exitCode, keeping.stdout).toBe(0);
  expect(keeping.outputs.compacted).toBe('0');
  expect((await keys()).filter((k) => k.includes(`/date=${day}/`))).toEqual(partsBefore);
  const compacting = await run();
  expect(compacting.exitCode, compacting.stdout).toBe(0);
  expect(Number(compacting.outputs.compacted)).toBeGreaterThanOrEqual(partsBefore.length);
  const partsAfter = (await keys()).filter((k) => k.includes(`/date=${day}/`));
  expect(partsAfter.length).toBe(2 * FEEDS.length);
  await expectGroundTruth();
  // Left: only the killed run's marker (kept 24 hours in case that run were still alive), none of its objects.
  const killedRun = `${killed.env.GITHUB_RUN_ID}-1`;
  expect((await keys()).filter((k) => k.startsWith('_state/pending/'))).toEqual([
    `_state/pending/${killedRun}.json`,
  ]);
  expect((await keys()).filter((k) => k.includes(killedRun) && !k.startsWith('_state/'))).toEqual([]);

  // Every object was written with the encryption asked for and no ACL.
  for (const put of s3.sim.requests.filter((r) => r.method === 'PUT' && r.outcome === 200)) {
    expect(put.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(put.headers['x-amz-acl']).toBeUndefined();
  }
  // The AWS secret and session token appear nowhere: logs, outputs, summaries, the bucket, s3rver's files.
  const seen = results.map((r) =>
    [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs), JSON.stringify(r.annotations)].join('\n'),
  );
  const stored: string[] = [];
  for (const entry of await readdir(s3.sim.directory, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      stored.push((await readFile(path.join(entry.parentPath, entry.name))).toString('latin1'));
  }
  for (const secret of [SECRET_KEY, SESSION_TOKEN]) {
    expect(seen.join('\n')).not.toContain(secret);
    expect(stored.join('\n')).not.toContain(secret);
  }
}, 400_000);

it('refuses a bad s3 input before any request, naming the input', async () => {
  const before = s3.sim.requests.length;
  const refused = await run({ 's3-sse': 'aes', 's3-bucket': 'Not_A_Bucket' });
  expect(refused.exitCode).toBe(1);
  expect(refused.stdout + refused.stderr).toMatch(/Invalid s3-bucket/);
  expect(refused.stdout + refused.stderr).toMatch(/Invalid s3-sse/);
  expect(s3.sim.requests.length).toBe(before);
});
