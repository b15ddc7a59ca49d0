/**
 * Bench rows for hostile servers, run against the real CLI bundle (dist/cli.js): peak RSS while every
 * feed is answered by a gzip bomb (0.5 MB inflating to 300 MB), and how long a run takes to give up
 * on a host that cannot work (unknown host, refused connection, https to a plain-http server).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EventsApiSimulator } from '../test/sim/events-api/index.ts';

export type Verdict = 'PASS' | 'FAIL' | 'n/a';
export type BenchRow = [measure: string, result: string, target: string, verdict: Verdict];

/** Peak RSS target of the benchmark (the same bound as the export itself). */
const RSS_BOUND_MIB = 256;
/** A run that cannot reach its server must say so within this long, not back off for a minute. */
const FAIL_FAST_BOUND_S = 10;

interface CliRun {
  code: number;
  seconds: number;
  rssKiB: number;
  stderr: string;
}

async function runCli(work: string, serverUrl: string, token: string): Promise<CliRun> {
  const rssFile = path.join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  let stderr = '';
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        path.resolve('scripts/report-rss.mjs'),
        'dist/cli.js',
        '--server-url',
        serverUrl,
        '--out',
        path.join(work, 'out'),
        '--start-time',
        '2d',
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, OP_EVENTS_TOKEN: token, BENCH_RSS_FILE: rssFile },
      },
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKiB = Number(await readFile(rssFile, 'utf8').catch(() => '0'));
  return { code, seconds, rssKiB, stderr };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function hostileRows(): Promise<BenchRow[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'op-bench-hostile-'));
  const sim = await EventsApiSimulator.start({ rateLimit: false });
  try {
    const token = sim.issueToken();
    // Introspection is answered normally (a 'slow' fault of 0 ms), then every feed's first page is a bomb.
    const bomb = { kind: 'gzip-bomb', bytes: 300 * 1024 * 1024 } as const;
    sim.injectFaults({ kind: 'slow', ms: 0 }, bomb, bomb, bomb);
    const bombRun = await runCli(work, sim.url, token);
    const refused = bombRun.code !== 0 && /larger than 16\.0 MiB/.test(bombRun.stderr);
    const bombMiB = bombRun.rssKiB / 1024;
    const rows: BenchRow[] = [
      [
        'peak RSS refusing a gzip bomb on every feed (0.5 MB -> 300 MB each)',
        `${bombMiB.toFixed(0)} MB${refused ? ', refused' : `, NOT refused (exit ${bombRun.code})`}`,
        `<= ${RSS_BOUND_MIB} MB, refused`,
        refused && bombMiB <= RSS_BOUND_MIB ? 'PASS' : 'FAIL',
      ],
    ];

    const hosts: [string, string][] = [
      ['unknown host', 'https://events.1password.invalid'],
      ['refused connection', `http://127.0.0.1:${await closedPort()}`],
      ['https to a plain-http server', sim.url.replace('http://', 'https://')],
    ];
    for (const [name, url] of hosts) {
      const run = await runCli(work, url, token);
      const named = run.code !== 0 && run.stderr.includes('cannot reach the Events API at');
      rows.push([
        `time to fail: ${name}`,
        `${run.seconds.toFixed(1)} s${named ? '' : ` (exit ${run.code}, no clear message)`}`,
        `<= ${FAIL_FAST_BOUND_S} s, names the host`,
        named && run.seconds <= FAIL_FAST_BOUND_S ? 'PASS' : 'FAIL',
      ]);
    }
    return rows;
  } finally {
    await sim.close();
    await rm(work, { recursive: true, force: true });
  }
}

// `node --import tsx scripts/bench-hostile.ts` runs these rows alone (after `npm run build`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await hostileRows();
  console.log('| measure | result | target | |\n|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (rows.some((row) => row[3] === 'FAIL')) process.exitCode = 1;
}
