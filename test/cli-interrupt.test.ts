/**
 * The real CLI bundle (dist/cli.js, run `npm run build` first) stopped with Ctrl-C mid-export
 * against the simulator: the folder is checked with DuckDB, then the same command continues exactly
 * once. Also: one run per folder (a lock a crash does not leave stuck) and a reused --run-id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { LOCK_FILE } from '../src/cli/lock.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';

const DAY = 86_400_000;
const CLI = path.resolve('dist/cli.js');
let sim: EventsApiSimulator;
let token: string;
let work: string;

beforeAll(async () => {
  sim = await EventsApiSimulator.start({ seed: 23, rateLimit: false });
  token = sim.issueToken();
  work = await mkdtemp(path.join(os.tmpdir(), 'cli-interrupt-'));
  const now = Date.now();
  for (const feed of FEEDS)
    sim.generate(feed, 12_000, { from: new Date(now - 3 * DAY), to: new Date(now - 60_000) });
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
}

function start(out: string, extra: string[] = []): Running {
  const child = spawn(
    process.execPath,
    [CLI, '--server-url', sim.url, '--out', out, '--start-time', '4d', ...extra],
    {
      env: { ...process.env, OP_EVENTS_TOKEN: token },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let text = '';
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => text, exit };
}

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every answer takes `ms` (real time) for the next `count` requests: a slow API to interrupt. */
function slowDown(count: number, ms: number): void {
  sim.injectFaults(...Array.from({ length: count }, () => ({ kind: 'slow' as const, ms })));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

async function duck(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Rows and distinct uuids per feed, as DuckDB reads `<feed>/date=*\/*.parquet`. */
async function parquetCounts(out: string): Promise<Record<string, { rows: number; uuids: number }>> {
  const files = await filesUnder(out);
  const counts: Record<string, { rows: number; uuids: number }> = {};
  for (const feed of FEEDS) {
    if (!files.some((f) => f.startsWith(`${feed}/`) && f.endsWith('.parquet'))) {
      counts[feed] = { rows: 0, uuids: 0 };
      continue;
    }
    const glob = path.join(out, feed, 'date=*', '*.parquet').replaceAll("'", "''");
    const [row] = await duck(
      `SELECT count(*) AS rows, count(DISTINCT uuid) AS uuids FROM read_parquet('${glob}', hive_partitioning = true)`,
    );
    counts[feed] = { rows: Number(row!.rows), uuids: Number(row!.uuids) };
  }
  return counts;
}

async function manifests(out: string): Promise<{ feeds: Record<string, { count: number } | undefined> }[]> {
  const dir = path.join(out, '_manifests');
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), 'utf8'))));
}

const truth = () => Object.fromEntries(FEEDS.map((feed) => [feed, { rows: 12_000, uuids: 12_000 }]));

describe('Ctrl-C', () => {
  it('the first one stops after the page in hand, saves what was written, exits 130; the same command continues exactly once', async () => {
    const out = path.join(work, 'once');
    slowDown(60, 150);
    const run = start(out);
    await until(() => /events, \d+ pages?/.test(run.stderr()), 'progress');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    const said = run.stderr();
    expect(said).toContain('Stopping: finishing the page in hand');
    expect(said).toMatch(/interrupted after [\d,]+ events in \d+ pages?; more is pending/);
    expect(said).toContain('Run the same command again to continue from there');

    const files = await filesUnder(out);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).not.toContain(LOCK_FILE);
    expect(files).toContain(path.join('_state', 'state.json'));
    const [manifest, ...more] = await manifests(out);
    expect(more).toHaveLength(0);
    const stopped = await parquetCounts(out);
    let total = 0;
    for (const feed of FEEDS) {
      expect(stopped[feed]!.rows, feed).toBe(manifest!.feeds[feed]?.count ?? 0);
      expect(stopped[feed]!.uuids, feed).toBe(stopped[feed]!.rows);
      total += stopped[feed]!.rows;
    }
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(36_000);

    const again = start(out);
    expect(await again.exit, again.stderr()).toBe(0);
    expect(again.stderr()).toMatch(/signinattempts: 100% done/);
    expect(await parquetCounts(out)).toEqual(truth());
  }, 90_000);

  it('a second one aborts at once and leaves nothing a *.parquet glob would read beyond the saved state', async () => {
    const out = path.join(work, 'twice');
    slowDown(60, 150);
    const run = start(out);
    await until(() => /events, \d+ pages?/.test(run.stderr()), 'progress');
    // Two in quick succession (signals sent together would merge into one): the second arrives
    // before the worker can finish and save.
    run.child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 10));
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(run.stderr()).toContain('Aborting at once.');
    expect(run.stderr()).toContain(
      "Aborted: this run's files were removed and the saved state was left as it was",
    );
    const files = await filesUnder(out);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).not.toContain(LOCK_FILE);
    // Whatever Parquet is left is exactly what the saved state covers.
    const left = await parquetCounts(out);
    const listed = (await manifests(out)).reduce(
      (sum, m) => sum + FEEDS.reduce((s, feed) => s + (m.feeds[feed]?.count ?? 0), 0),
      0,
    );
    expect(FEEDS.reduce((sum, feed) => sum + left[feed]!.rows, 0)).toBe(listed);
    expect(listed).toBe(0);
    expect(files.filter((f) => f.endsWith('.parquet'))).toEqual([]);

    const again = start(out);
    expect(await again.exit, again.stderr()).toBe(0);
    expect(await parquetCounts(out)).toEqual(truth());
  }, 90_000);
});

describe('one run per output folder', () => {
  it('a second run into the same folder is refused while the first holds it; a crashed run leaves no stuck lock', async () => {
    const out = path.join(work, 'locked');
    slowDown(40, 150);
    const first = start(out);
    await until(() => /events, \d+ pages?/.test(first.stderr()), 'progress');
    const second = start(out);
    expect(await second.exit).toBe(2);
    expect(second.stderr()).toMatch(/another export is writing to .*locked \(process \d+, started /);
    expect(await first.exit, first.stderr()).toBe(0);

    // A lock left by a process that no longer runs (a crash) is taken over.
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = dead.pid!;
    await new Promise((resolve) => dead.on('exit', resolve));
    const stale = path.join(work, 'stale');
    await mkdir(stale, { recursive: true });
    await writeFile(
      path.join(stale, LOCK_FILE),
      JSON.stringify({ pid, host: os.hostname(), startedAt: 'then' }),
    );
    const after = start(stale);
    expect(await after.exit, after.stderr()).toBe(0);
    expect(await filesUnder(stale)).not.toContain(LOCK_FILE);
  }, 90_000);
});

describe('a reused --run-id', () => {
  it('never overwrites the earlier run’s manifest or files', async () => {
    const out = path.join(work, 'runid');
    const first = start(out, ['--run-id', 'nightly']);
    expect(await first.exit, first.stderr()).toBe(0);
    const manifestFile = path.join(out, '_manifests', 'nightly-1.json');
    const before = createHash('sha256')
      .update(await readFile(manifestFile))
      .digest('hex');
    const filesBefore = await filesUnder(out);

    const now = Date.now();
    sim.generate('auditevents', 10, { from: new Date(now - 30_000), to: new Date(now - 1_000) });
    const second = start(out, ['--run-id', 'nightly']);
    expect(await second.exit, second.stderr()).toBe(0);
    expect(second.stderr()).toContain('--run-id nightly was used before');
    expect(
      createHash('sha256')
        .update(await readFile(manifestFile))
        .digest('hex'),
    ).toBe(before);
    const filesAfter = await filesUnder(out);
    for (const file of filesBefore.filter((f) => f.endsWith('.parquet'))) expect(filesAfter).toContain(file);
    expect(filesAfter).toContain(path.join('_manifests', 'nightly-2-1.json'));
  }, 60_000);
});
