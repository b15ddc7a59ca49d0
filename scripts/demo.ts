/**
 * `npm run demo`: a real export of a realistic month (about 50k events for a mid-size company) from
 * the built-in Events API simulator, through the real CLI (dist/cli.js), into ./demo-output/.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EventsApiSimulator } from '../test/sim/events-api/index.ts';

const OUT = path.resolve('demo-output');
const DAY = 86_400_000;
const MONTH: Array<[feed: 'signinattempts' | 'itemusages' | 'auditevents', count: number, late: number]> = [
  ['signinattempts', 14_000, 0],
  ['itemusages', 28_000, 0.02], // item usages are uploaded when clients sync: some arrive late
  ['auditevents', 8_000, 0],
];

const started = Date.now();
const sim = await EventsApiSimulator.start({ seed: 2026 });
try {
  const now = Date.now();
  for (const [feed, count, late] of MONTH) {
    sim.generate(feed, count, { from: new Date(now - 30 * DAY), to: new Date(now - 60_000), late });
  }
  const token = sim.issueToken();
  await rm(OUT, { recursive: true, force: true });
  console.log(`Simulator with a month of events at ${sim.url}; exporting into ${OUT} ...\n`);
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'dist/cli.js',
        '--server-url',
        sim.url,
        '--out',
        OUT,
        '--formats',
        'parquet,ndjson',
        '--start-time',
        '35d',
      ],
      { stdio: 'inherit', env: { ...process.env, OP_EVENTS_TOKEN: token } },
    );
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (code !== 0) {
    console.error(`\nThe CLI exited with ${code}.`);
    process.exitCode = code;
  } else {
    console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Expected from the simulator:`);
    for (const [feed] of MONTH) console.log(`  ${feed.padEnd(15)} ${sim.groundTruth(feed).length}`);
    console.log(
      `\nFiles: ${OUT}/<feed>/date=YYYY-MM-DD/part-*.parquet, ${OUT}/ndjson/<feed>/date=.../*.ndjson.gz, manifest in ${OUT}/_manifests/`,
    );
    const query = `SELECT country, target_user_email, count(*) AS failures FROM read_parquet('${OUT}/signinattempts/date=*/*.parquet', hive_partitioning = true) WHERE category NOT IN ('success', 'firewall_reported_success') GROUP BY ALL ORDER BY failures DESC LIMIT 5`;
    console.log(
      'Query them with DuckDB (more in docs/queries.md), e.g. failed sign-ins per country and user:\n',
    );
    console.log(`  duckdb -c "${query}"\n`);
    // The same query through DuckDB's Node API (a devDependency), so the demo shows its answer.
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll(query)).getRowObjectsJS();
    console.table(rows.map((row) => ({ ...row, failures: Number(row.failures) })));
    connection.closeSync();
    instance.closeSync();
  }
} finally {
  await sim.close();
}
