/**
 * `npm run bench [-- --events-per-feed N --runs R --archive-days D]`: end-to-end speed, peak memory
 * and file size of the exporter on a backlog (default 100k events per feed, 300k in all) with the
 * API limits off, and DuckDB converting the same events from NDJSON to ZSTD Parquet in the same run
 * as the anchor; then the archive rows (scripts/bench-archive.ts): a month of small parts compacted.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { hugeStateRun } from './bench-state.ts';
import { hostileRows } from './bench-hostile.ts';
import { benchArchive } from './bench-archive.ts';
import { benchS3Export } from './bench-s3.ts';

const { values } = parseArgs({
  options: {
    'events-per-feed': { type: 'string', default: '100000' },
    days: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    'archive-days': { type: 'string', default: '30' },
  },
});
const perFeed = Number(values['events-per-feed']);
const runs = Number(values.runs);
const total = perFeed * FEEDS.length;
const work = await mkdtemp(path.join(os.tmpdir(), 'op-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

console.log(
  `Node ${process.version}; ${total.toLocaleString('en-US')} events (${perFeed.toLocaleString('en-US')} per feed), ${runs} runs`,
);
const simProcess = spawn(
  process.execPath,
  ['--import', 'tsx', 'scripts/bench-sim.ts', String(perFeed), path.join(work, 'truth'), values.days],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const ready = await new Promise<{ url: string; token: string; ndjson: Record<string, string> }>(
  (resolve, reject) => {
    createInterface({ input: simProcess.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    simProcess.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  },
);

try {
  const exporter: { seconds: number; rssKiB: number; parquetBytes: number }[] = [];
  for (let run = 1; run <= runs; run++) {
    const out = path.join(work, `out-${run}`);
    const rssFile = path.join(work, `rss-${run}`);
    const started = process.hrtime.bigint();
    const code = await new Promise<number>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          path.resolve('scripts/report-rss.mjs'),
          'dist/cli.js',
          '--server-url',
          ready.url,
          '--out',
          out,
          '--start-time',
          `${Number(values.days) + 2}d`,
        ],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, OP_EVENTS_TOKEN: ready.token, BENCH_RSS_FILE: rssFile },
        },
      );
      child.on('exit', (c) => resolve(c ?? 1));
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (code !== 0) throw new Error(`exporter run ${run} exited with ${code}`);
    // A benchmark that exported less than the backlog would flatter itself: check the manifest.
    const exported = await exportedEvents(out);
    if (exported !== total) throw new Error(`exporter run ${run} exported ${exported} events, not ${total}`);
    const rssKiB = Number(await readFile(rssFile, 'utf8'));
    const parquetBytes = await sumBytes(out, '.parquet');
    exporter.push({ seconds, rssKiB, parquetBytes });
    console.log(
      `exporter run ${run}: ${seconds.toFixed(2)} s, ${Math.round(total / seconds).toLocaleString('en-US')} events/s, peak RSS ${(rssKiB / 1024).toFixed(0)} MB, Parquet ${mb(parquetBytes)}`,
    );
  }

  const duck: number[] = [];
  let duckBytes = 0;
  for (let run = 1; run <= runs; run++) {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const started = process.hrtime.bigint();
    duckBytes = 0;
    for (const feed of FEEDS) {
      const target = path.join(work, `duck-${run}-${feed}.parquet`);
      await connection.run(
        `COPY (SELECT * FROM read_ndjson_auto('${ready.ndjson[feed]}', sample_size = -1)) TO '${target}' (FORMAT parquet, COMPRESSION zstd)`,
      );
      duckBytes += (await stat(target)).size;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    connection.closeSync();
    instance.closeSync();
    duck.push(seconds);
    console.log(
      `duckdb run ${run}: ${seconds.toFixed(2)} s, ${Math.round(total / seconds).toLocaleString('en-US')} events/s, Parquet ${mb(duckBytes)}`,
    );
  }

  let gzBytes = 0;
  for (const feed of FEEDS) gzBytes += (await stat(ready.ndjson[feed]!)).size;
  const ours = total / median(exporter.map((r) => r.seconds));
  const theirs = total / median(duck);
  const peakMiB = Math.max(...exporter.map((r) => r.rssKiB)) / 1024;
  const parquet = median(exporter.map((r) => r.parquetBytes));
  // The client never exceeds the API's published 600 requests/minute, so a backlog of more than
  // 600 pages cannot go faster than the limit allows, whatever the exporter's own speed.
  const requests = FEEDS.length * Math.ceil(perFeed / 1000) + 1;
  const limitsBind = requests > 600;
  const speed = (text: string, ok: boolean): [string, Verdict] =>
    limitsBind
      ? [`${text} (${requests} requests > 600/min: the API limit binds)`, 'n/a']
      : [text, verdict(ok)];
  const speedRow = speed(Math.round(ours).toLocaleString('en-US'), ours >= 30_000);
  const ratioRow = speed(
    `${(ours / theirs).toFixed(2)}x (DuckDB ${Math.round(theirs).toLocaleString('en-US')}/s)`,
    ours / theirs >= 0.4,
  );
  const huge = await hugeStateRun(work, ready.url, ready.token);
  const rows: [string, string, string, Verdict][] = [
    ['events/s end to end (median)', speedRow[0], '>= 30,000', speedRow[1]],
    ['vs DuckDB NDJSON -> ZSTD Parquet (median)', ratioRow[0], '>= 0.4x', ratioRow[1]],
    ['peak RSS (max of runs)', `${peakMiB.toFixed(0)} MB`, '<= 256 MB', verdict(peakMiB <= 256)],
    [
      'Parquet vs NDJSON.gz',
      `${(parquet / gzBytes).toFixed(2)}x (${mb(parquet)} vs ${mb(gzBytes)}; DuckDB ${mb(duckBytes)})`,
      '<= 0.6x',
      verdict(parquet / gzBytes <= 0.6),
    ],
    [
      `${huge.megabytes.toFixed(0)} MB state document refused (CLI)`,
      `${huge.refused ? 'refused' : 'NOT refused'} in ${huge.seconds.toFixed(2)} s, peak RSS ${huge.peakRssMiB.toFixed(0)} MB`,
      'refused, <= 2 s, <= 256 MB',
      verdict(huge.refused && huge.seconds <= 2 && huge.peakRssMiB <= 256),
    ],
  ];
  rows.push(...(await hostileRows()));
  rows.push(
    ...(await benchArchive({
      work,
      days: Number(values['archive-days']),
      runsPerDay: 96,
      eventsPerPart: 100,
      exportEventsPerSecond: ours,
    })),
  );
  // destination: s3 into a local S3 server, through the bundled action (scripts/bench-s3.ts).
  const s3 = await benchS3Export(ready, { startTime: `${Number(values.days) + 2}d`, expectedEvents: total });
  rows.push([
    'action into local S3 (s3rver), events/s',
    `${Math.round(s3.events / s3.seconds).toLocaleString('en-US')} (${s3.seconds.toFixed(2)} s, ${s3.objects} objects, ${mb(s3.bytes)}; ${(s3.events / s3.seconds / ours).toFixed(2)}x the CLI to a folder)`,
    'measured',
    'n/a',
  ]);
  console.log('\n| measure | result | target | |\n|---|---|---|---|');
  for (const [name, result, target, ok] of rows) console.log(`| ${name} | ${result} | ${target} | ${ok} |`);
  if (rows.some((r) => r[3] === 'FAIL')) process.exitCode = 1;
} finally {
  simProcess.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
}

type Verdict = 'PASS' | 'FAIL' | 'n/a';

function verdict(ok: boolean): Verdict {
  return ok ? 'PASS' : 'FAIL';
}

async function exportedEvents(out: string): Promise<number> {
  let count = 0;
  for (const name of await readdir(path.join(out, '_manifests'))) {
    const manifest = JSON.parse(await readFile(path.join(out, '_manifests', name), 'utf8')) as {
      feeds: Record<string, { count: number } | null>;
    };
    for (const feed of Object.values(manifest.feeds)) count += feed?.count ?? 0;
  }
  return count;
}

async function sumBytes(dir: string, suffix: string): Promise<number> {
  let sum = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix))
      sum += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return sum;
}
