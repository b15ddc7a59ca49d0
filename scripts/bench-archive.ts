/**
 * The archive rows of `npm run bench`: a month of a 15-minute schedule in repo mode (30 days x 96
 * runs x 3 feeds of small Parquet parts, as RunWriter writes them), then the CLI's `compact`
 * command on that tree, measuring
 *   (a) files per feed before and after,
 *   (b) a DuckDB group-by over the compacted tree vs the same rows written by DuckDB as one file per
 *       feed and day (and over the uncompacted parts, for scale),
 *   (c) compaction throughput vs the export's end-to-end throughput measured by the bench,
 *   (d) the compacting process's peak RSS.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import { RunWriter } from '../src/output/run-writer.ts';
import { generateEvents } from '../test/sim/events-api/generator.ts';

export interface ArchiveOptions {
  /** Scratch folder (removed by the caller). */
  work: string;
  days: number;
  runsPerDay: number;
  /** Events per part file (per run and feed). */
  eventsPerPart: number;
  /** The bench's export throughput (events/s), the yardstick of (c). */
  exportEventsPerSecond: number;
}

export type Verdict = 'PASS' | 'FAIL' | 'n/a';
export type Row = [measure: string, result: string, target: string, verdict: Verdict];

const DAY_MS = 86_400_000;
const QUERY_REPEATS = 5;

export async function benchArchive(options: ArchiveOptions): Promise<Row[]> {
  const tree = path.join(options.work, 'archive');
  const reference = path.join(options.work, 'archive-duckdb');
  // Days long over, so the command (on the real clock) merges all of them.
  const start = Date.UTC(2025, 0, 1);
  const simulated = await simulateMonth(tree, start, options);
  const filesBefore = await filesPerFeed(tree);
  console.log(
    `archive: ${options.days} days x ${options.runsPerDay} runs x ${FEEDS.length} feeds, ` +
      `${simulated.events.toLocaleString('en-US')} events in ${simulated.seconds.toFixed(1)} s`,
  );

  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  try {
    // The same rows as DuckDB lays them out: one ZSTD file per feed and day.
    await mkdir(reference, { recursive: true });
    for (const feed of FEEDS) {
      await duck.run(
        `COPY (SELECT * FROM read_parquet('${tree}/${feed}/date=*/*.parquet', hive_partitioning = true)) ` +
          `TO '${reference}/${feed}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (date))`,
      );
    }
    const partsQuery = await timeQuery(duck, tree);

    const compaction = await runCompaction(tree);
    const filesAfter = await filesPerFeed(tree);
    const compactedQuery = await timeQuery(duck, tree);
    const referenceQuery = await timeQuery(duck, reference);
    await expectSameAnswers(duck, tree, reference);

    const eventsPerSecond = simulated.events / compaction.seconds;
    const ratio = compactedQuery.ms / referenceQuery.ms;
    const perFeed = (counts: Record<Feed, number>) => FEEDS.map((feed) => counts[feed]).join(' / ');
    return [
      [
        'archive: files per feed before -> after compaction',
        `${perFeed(filesBefore)} -> ${perFeed(filesAfter)}`,
        `<= ${options.days} (one per day)`,
        verdict(FEEDS.every((feed) => filesAfter[feed] <= options.days)),
      ],
      [
        'archive: DuckDB group-by, compacted vs one DuckDB file per feed-day (median)',
        `${ratio.toFixed(2)}x (${compactedQuery.ms.toFixed(1)} vs ${referenceQuery.ms.toFixed(1)} ms; ` +
          `${partsQuery.ms.toFixed(0)} ms over the parts, ${(partsQuery.ms / referenceQuery.ms).toFixed(0)}x)`,
        '<= 2x',
        verdict(ratio <= 2),
      ],
      [
        'archive: compaction events/s vs export events/s',
        `${Math.round(eventsPerSecond).toLocaleString('en-US')} vs ${Math.round(options.exportEventsPerSecond).toLocaleString('en-US')} ` +
          `(${compaction.replaced} files merged into ${compaction.written} in ${compaction.seconds.toFixed(1)} s)`,
        '>= export',
        verdict(eventsPerSecond >= options.exportEventsPerSecond),
      ],
      [
        'archive: compaction peak RSS',
        `${(compaction.rssKiB / 1024).toFixed(0)} MB`,
        '<= 256 MB',
        verdict(compaction.rssKiB / 1024 <= 256),
      ],
    ];
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
}

/** Every run of the month writes its parts, as the action's RunWriter does. */
async function simulateMonth(
  tree: string,
  start: number,
  options: ArchiveOptions,
): Promise<{ events: number; seconds: number }> {
  await mkdir(tree, { recursive: true });
  const started = performance.now();
  const slot = DAY_MS / options.runsPerDay;
  let events = 0;
  for (let day = 0; day < options.days; day++) {
    for (let run = 0; run < options.runsPerDay; run++) {
      const from = start + day * DAY_MS + run * slot;
      const writer = new RunWriter({
        outDir: tree,
        runId: String(100_000 + day * options.runsPerDay + run),
        runAttempt: '1',
        formats: ['parquet'],
      });
      for (const feed of FEEDS) {
        const batch = generateEvents(feed, options.eventsPerPart, {
          seed: 7,
          stream: `${day}-${run}`,
          from: new Date(from),
          to: new Date(from + slot - 1),
        });
        await writer.write(feed, batch);
        events += batch.length;
      }
      await writer.close();
    }
  }
  return { events, seconds: (performance.now() - started) / 1000 };
}

/** The CLI's compact command in its own process (bundle, worker and heap governor as users run it). */
async function runCompaction(
  tree: string,
): Promise<{ seconds: number; rssKiB: number; replaced: number; written: number }> {
  const rssFile = `${tree}.rss`;
  const started = performance.now();
  let stderr = '';
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', path.resolve('scripts/report-rss.mjs'), 'dist/cli.js', 'compact', tree],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, BENCH_RSS_FILE: rssFile },
      },
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`compact exited with ${code}: ${stderr}`);
  const merged = /(\d+) files merged into (\d+)/.exec(stderr);
  if (!merged) throw new Error(`compact did not say what it merged: ${stderr}`);
  return {
    seconds,
    rssKiB: Number(await readFile(rssFile, 'utf8')),
    replaced: Number(merged[1]),
    written: Number(merged[2]),
  };
}

/** Median over QUERY_REPEATS of a group-by per feed, the kind of query an investigation starts with. */
async function timeQuery(duck: DuckDBConnection, root: string): Promise<{ ms: number }> {
  const times: number[] = [];
  for (let i = 0; i < QUERY_REPEATS; i++) {
    const started = performance.now();
    for (const feed of FEEDS) await duck.runAndReadAll(groupBy(root, feed));
    times.push(performance.now() - started);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]! };
}

function groupBy(root: string, feed: Feed): string {
  return (
    `SELECT date, count(*) AS events, count(DISTINCT uuid) AS uuids, max(timestamp) AS last ` +
    `FROM read_parquet('${root}/${feed}/date=*/*.parquet', hive_partitioning = true) GROUP BY date ORDER BY date`
  );
}

/** A faster answer only counts if it is the same answer. */
async function expectSameAnswers(duck: DuckDBConnection, a: string, b: string): Promise<void> {
  for (const feed of FEEDS) {
    const [left, right] = await Promise.all(
      [a, b].map(async (root) =>
        JSON.stringify((await duck.runAndReadAll(groupBy(root, feed))).getRowsJson()),
      ),
    );
    if (left !== right)
      throw new Error(`archive: the compacted ${feed} tree answers differently from DuckDB's copy`);
  }
}

async function filesPerFeed(tree: string): Promise<Record<Feed, number>> {
  const counts = {} as Record<Feed, number>;
  for (const feed of FEEDS) {
    const files = await readdir(path.join(tree, feed), { recursive: true });
    counts[feed] = files.filter((file) => file.endsWith('.parquet')).length;
  }
  return counts;
}

function verdict(ok: boolean): Verdict {
  return ok ? 'PASS' : 'FAIL';
}
