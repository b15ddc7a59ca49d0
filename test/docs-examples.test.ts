/**
 * examples/download-and-query.sh end to end, with a stand-in `gh` that serves real exports as run
 * artifacts and a stand-in `duckdb` that runs the script's query with DuckDB's Node API: the
 * artifacts of several runs merge into one folder, runs already seen are skipped, and the query
 * answers from the merged files.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCRIPT = path.join(ROOT, 'examples', 'download-and-query.sh');
const DAY = 86_400_000;

/**
 * `gh run list` answers with the runs in $GH_RUNS; `gh run download <run> --dir D` copies
 * $GH_FIXTURES/<run> into D/1password-events-<run>-1 like an extracted artifact, answers "no
 * valid artifacts" for a run without one, and fails like a server error for runs in $GH_BROKEN.
 */
const FAKE_GH = `#!/usr/bin/env bash
set -euo pipefail
echo "$*" >>"$GH_LOG"
if [ "$1 $2" = "run list" ]; then printf '%s\\n' $GH_RUNS; exit 0; fi
if [ "$1 $2" = "run download" ]; then
  run="$3"; dir=""
  shift 3
  while [ $# -gt 0 ]; do if [ "$1" = "--dir" ]; then dir="$2"; fi; shift; done
  for broken in $GH_BROKEN; do
    if [ "$run" = "$broken" ]; then echo "HTTP 502: Bad Gateway" >&2; exit 1; fi
  done
  if [ ! -d "$GH_FIXTURES/$run" ]; then echo "no valid artifacts found to download" >&2; exit 1; fi
  mkdir -p "$dir/1password-events-$run-1"
  cp -R "$GH_FIXTURES/$run/." "$dir/1password-events-$run-1/"
  exit 0
fi
echo "unexpected gh call: $*" >&2
exit 2
`;

/** `duckdb -c SQL`, run in the current directory by DuckDB's Node API; prints one JSON row per line. */
function fakeDuckdb(): string {
  return `#!${process.execPath}
import { DuckDBInstance } from '${import.meta.resolve('@duckdb/node-api')}';
const sql = process.argv[process.argv.indexOf('-c') + 1];
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const result = await connection.runAndReadAll(sql);
for (const row of result.getRowObjectsJson()) console.log(JSON.stringify(row));
connection.closeSync();
instance.closeSync();
`;
}

let sim: EventsApiSimulator;
let work: string;
let env: NodeJS.ProcessEnv;
let ghLog: string;

async function exportRun(runId: string, out: string, token: string): Promise<void> {
  const code = await main(['--server-url', sim.url, '--out', out, '--start-time', '7d', '--run-id', runId], {
    env: { OP_EVENTS_TOKEN: token },
    stdout: new PassThrough(),
    stderr: new PassThrough(),
  });
  if (code !== 0) throw new Error(`the CLI exited with ${code}`);
}

beforeAll(async () => {
  sim = await EventsApiSimulator.start({ seed: 21, rateLimit: false });
  work = await mkdtemp(path.join(os.tmpdir(), 'docs-examples-'));
  const token = sim.issueToken();
  const now = Date.now();

  // Two runs of the scheduled export, each with its own new events: what two artifacts hold.
  const local = path.join(work, 'local-export');
  const fixtures = path.join(work, 'artifacts');
  for (const [runId, from, to] of [
    ['101', now - 6 * DAY, now - 3 * DAY],
    ['102', now - 3 * DAY + 1, now - 60_000],
  ] as const) {
    for (const feed of FEEDS) sim.generate(feed, 800, { from: new Date(from), to: new Date(to) });
    await exportRun(runId, local, token);
    // An artifact holds this run's files and manifest (not the CLI's local state).
    const artifact = path.join(fixtures, runId);
    await mkdir(artifact, { recursive: true });
    const manifest = JSON.parse(
      await readFile(path.join(local, '_manifests', `${runId}-1.json`), 'utf8'),
    ) as { files: { path: string }[] };
    for (const file of [...manifest.files.map((f) => f.path), `_manifests/${runId}-1.json`]) {
      await mkdir(path.dirname(path.join(artifact, file)), { recursive: true });
      await writeFile(path.join(artifact, file), await readFile(path.join(local, file)));
    }
  }

  const bin = path.join(work, 'bin');
  await mkdir(bin);
  await writeFile(path.join(bin, 'gh'), FAKE_GH);
  await writeFile(path.join(bin, 'duckdb.mjs'), fakeDuckdb());
  await chmod(path.join(bin, 'gh'), 0o755);
  await chmod(path.join(bin, 'duckdb.mjs'), 0o755);
  ghLog = path.join(work, 'gh.log');
  env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    GH_LOG: ghLog,
    GH_FIXTURES: fixtures,
    GH_RUNS: '104 103 102 101',
    GH_BROKEN: '104',
    DUCKDB: path.join(bin, 'duckdb.mjs'),
    // The bundle built for the tests, on this Node (>= 22.15: it reads ZSTD Parquet back).
    EXPORT_CLI: `${process.execPath} ${path.join(ROOT, 'dist', 'cli.js')}`,
    WORKFLOW: '1password-events.yml',
  };
}, 60_000);

afterAll(async () => {
  await sim?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function queryUuids(feedDir: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const result = await connection.runAndReadAll(
    `SELECT uuid FROM read_parquet('${feedDir}/date=*/*.parquet', hive_partitioning = true)`,
  );
  connection.closeSync();
  instance.closeSync();
  return result
    .getRowObjectsJS()
    .map((row) => String(row.uuid))
    .sort();
}

async function runScript(folder: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn('bash', [SCRIPT, 'acme/security-exports', folder], { cwd: work, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

describe('examples/download-and-query.sh', () => {
  it('merges the artifacts of every run into one folder and queries them all', async () => {
    const folder = path.join(work, 'merged');
    const first = await runScript(folder);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Downloaded the artifacts of 2 new runs');
    // A server error is reported and the run is tried again next time; a run without artifact is not.
    expect(first.stderr).toContain('run 104: HTTP 502');
    const seen = (await readFile(path.join(folder, '.downloaded-runs'), 'utf8')).split('\n').filter(Boolean);
    expect(seen.sort()).toEqual(['101', '102', '103']);
    expect((await readFile(ghLog, 'utf8')).split('\n')[0]).toContain(
      '--repo acme/security-exports --status completed --limit 500 --json databaseId --jq .[].databaseId --workflow 1password-events.yml',
    );

    const files = (await readdir(folder, { recursive: true })).map(String);
    const manifests = files.filter((f) => f.startsWith('_manifests') && f.endsWith('.json')).sort();
    expect(manifests.slice(0, 2)).toEqual([
      path.join('_manifests', '101-1.json'),
      path.join('_manifests', '102-1.json'),
    ]);
    // The compact command's record of what it merged.
    expect(manifests.slice(2)).toEqual([expect.stringMatching(/-compact\.json$/)]);
    expect(first.stderr).toMatch(/Compacted .*: \d+ files merged into \d+/);
    for (const feed of FEEDS) {
      const dayFiles = new Map<string, number>();
      for (const f of files.filter(
        (f) => f.startsWith(`${feed}${path.sep}date=`) && f.endsWith('.parquet'),
      )) {
        const day = path.dirname(f);
        dayFiles.set(day, (dayFiles.get(day) ?? 0) + 1);
      }
      // Both runs' events are there; every day but today's (not over yet) is one file.
      expect(dayFiles.size).toBeGreaterThan(3);
      const today = `date=${new Date().toISOString().slice(0, 10)}`;
      for (const [day, count] of dayFiles) if (!day.endsWith(today)) expect(count, day).toBe(1);
    }
    // Every event of both runs once, read as the contract says.
    for (const feed of FEEDS) {
      const ids = await queryUuids(path.join(folder, feed));
      expect(ids).toEqual(
        sim
          .groundTruth(feed)
          .map((e) => String(e.uuid))
          .sort(),
      );
    }

    // The query's answer: the top failed sign-ins per country and user, within the ground truth.
    const rows = first.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { failed: string | number });
    const failed = sim
      .groundTruth('signinattempts')
      .filter((event) => !['success', 'firewall_reported_success'].includes(String(event.category)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(20);
    const counted = rows.reduce((sum, row) => sum + Number(row.failed), 0);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(failed.length);
  });

  it('skips runs it has seen on the next call', async () => {
    const folder = path.join(work, 'merged-again');
    expect((await runScript(folder)).code).toBe(0);
    await writeFile(ghLog, '');
    const second = await runScript(folder);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Downloaded the artifacts of 0 new runs');
    const calls = (await readFile(ghLog, 'utf8')).split('\n').filter(Boolean);
    expect(calls.filter((call) => call.startsWith('run download')).map((call) => call.split(' ')[2])).toEqual(
      ['104'],
    );
  });
});
