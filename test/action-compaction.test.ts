/**
 * Repo mode with compaction, through the bundled action, the Events API simulator and the GitHub
 * REST, cache and artifact simulators, over simulated days: the action's clock is moved to each
 * run's time (test/support/fake-clock.js). After every run the storage repository holds exactly the
 * ground truth (DuckDB over the Parquet tree, the NDJSON tree), each finished day is merged into one
 * file per feed and format in the same commit as that run's events, and the manifest says what was
 * replaced and written.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import { parsePartPath } from '../src/output/layout.ts';
import { writeRun } from './fixtures/compaction.ts';
import { query, sqlString } from './fixtures/output/readback.ts';
import { generateEvents } from './sim/events-api/generator.ts';
import { byUuid, ndjsonEvents, startWorld, type World } from './support/action-world.ts';

const STORAGE = 'acme/audit-archive';
const STORAGE_TOKEN = 'github_pat_ArchiveToken0123456789abcdefXYZ';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const FAKE_CLOCK = path.resolve(import.meta.dirname, 'support', 'fake-clock.js');
/** Old layout: an NDJSON file beside the Parquet, which the action must leave alone. */
const OLD_NDJSON = 'itemusages/date=2026-01-05/part-1-1-0001.ndjson.gz';

let world: World;
let scratch: string;
beforeAll(async () => {
  world = await startWorld({ seed: 31 });
  world.rest.createRepo(STORAGE, {
    visibility: 'private',
    files: { 'README.md': '# archive\n', [`1password-events/${OLD_NDJSON}`]: gzipSync('{"uuid":"old"}\n') },
  });
  world.rest.addToken(STORAGE_TOKEN, { [STORAGE]: { contents: 'write', metadata: 'read' } });
  scratch = await mkdtemp(path.join(tmpdir(), 'action-compaction-'));
});
afterAll(async () => {
  await world.close();
  await rm(scratch, { recursive: true, force: true });
});

const inputs = {
  destination: 'repo',
  'storage-repo': STORAGE,
  'storage-token': STORAGE_TOKEN,
  formats: 'parquet,ndjson',
  'start-time': '10d',
};

function stored(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [file, bytes] of world.rest.files(STORAGE)) {
    if (file.startsWith('1password-events/')) files.set(file.slice('1password-events/'.length), bytes);
  }
  return files;
}

/** The stored Parquet tree on disk, read by DuckDB without options: uuids per feed. */
async function parquetUuids(files: Map<string, Buffer>, run: number): Promise<Record<Feed, string[]>> {
  const dir = path.join(scratch, `run-${run}`);
  for (const [file, bytes] of files) {
    if (!file.endsWith('.parquet')) continue;
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), bytes);
  }
  const result = {} as Record<Feed, string[]>;
  for (const feed of FEEDS) {
    const rows = await query(
      `SELECT uuid FROM read_parquet(${sqlString(`${dir}/${feed}/date=*/*.parquet`)}, hive_partitioning = true)`,
    );
    result[feed] = rows.map((row) => String(row.uuid)).sort();
  }
  await rm(dir, { recursive: true, force: true });
  return result;
}

/** Data files per (format tree, feed, day). */
function filesPerDay(files: Map<string, Buffer>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files.keys()) {
    const part = parsePartPath(file);
    if (part) counts.set(part.dir, (counts.get(part.dir) ?? 0) + 1);
  }
  return counts;
}

describe('repo mode with compaction over simulated days', () => {
  it(
    'keeps exactly the ground truth after every run and merges each finished day in the run commit',
    { timeout: 900_000 },
    async () => {
      const day0 = Math.floor((Date.now() - 20 * DAY) / DAY) * DAY;
      const runHours = [2, 10, 18];
      let previousRun = day0 - 6 * HOUR;
      let run = 0;
      let compactedTotal = 0;
      const ourCommits = () =>
        world.rest.commits(STORAGE).filter((c) => c.message.startsWith('1Password events')).length;

      for (let day = 0; day < 5; day++) {
        for (const hour of runHours) {
          const now = day0 + day * DAY + hour * HOUR;
          // Events since the last run; some arrive late (timestamps up to 3 days back: compacted days).
          for (const feed of FEEDS) {
            world.events.generate(feed, 40, {
              from: new Date(previousRun),
              to: new Date(now - 60_000),
              late: run === 0 ? 0 : 0.1,
            });
          }
          previousRun = now;
          const commitsBefore = ourCommits();
          const manifestsBefore = new Set([...stored().keys()].filter((f) => f.startsWith('_manifests/')));
          const result = await world.run(inputs, {
            env: { NODE_OPTIONS: `--require ${FAKE_CLOCK}`, FAKE_CLOCK_NOW_MS: String(now) },
          });
          run++;
          expect(result.exitCode, result.stdout + result.stderr).toBe(0);
          // One commit per run: events, state and compaction together.
          expect(ourCommits()).toBe(commitsBefore + 1);
          const compacted = Number(result.outputs.compacted);
          compactedTotal += compacted;

          const files = stored();
          // Exactly the ground truth, in both trees, after every run.
          const uuids = await parquetUuids(files, run);
          for (const feed of FEEDS) {
            const truth = world.events.groundTruth(feed);
            expect(uuids[feed], `run ${run} ${feed}`).toEqual(truth.map((e) => String(e.uuid)).sort());
            const lines = ndjsonEvents(
              new Map([...files].filter(([file]) => file.startsWith('ndjson/'))),
              feed,
            );
            expect([...lines].sort(byUuid), `run ${run} ${feed} ndjson`).toEqual([...truth].sort(byUuid));
          }
          // The old layout's NDJSON file is left where it was.
          expect(files.get(OLD_NDJSON)?.length).toBeGreaterThan(0);

          // A day that ended over an hour before this run holds one file per feed and format,
          // unless late events for it arrived in this very run (merged by the next one).
          // This run's manifest (the one new in the tree) records what compaction replaced and wrote.
          const added = [...files.keys()].filter(
            (f) => f.startsWith('_manifests/') && !manifestsBefore.has(f),
          );
          expect(added, `run ${run}`).toHaveLength(1);
          const runManifest = JSON.parse(files.get(added[0]!)!.toString()) as {
            compaction: { replaced: { path: string }[]; written: { path: string; sha256: string }[] } | null;
          };
          expect(runManifest.compaction?.replaced.length ?? 0, `run ${run}`).toBe(compacted);
          for (const written of runManifest.compaction?.written ?? []) {
            const bytes = files.get(written.path);
            expect(bytes, written.path).toBeDefined();
            expect(createHash('sha256').update(bytes!).digest('hex')).toBe(written.sha256);
          }
          for (const replaced of runManifest.compaction?.replaced ?? [])
            expect(files.has(replaced.path)).toBe(false);
          const counts = filesPerDay(files);
          for (const [dir, count] of counts) {
            const date = /date=(\d{4}-\d{2}-\d{2})/.exec(dir)![1]!;
            const ended = Date.parse(`${date}T00:00:00Z`) + DAY + HOUR <= now;
            // Parts of finished days come only from this run (late events) and the merged file.
            if (ended) expect(count, `run ${run} ${dir}`).toBeLessThanOrEqual(2);
          }
        }
      }
      expect(compactedTotal).toBeGreaterThan(0);

      // A last run a day later, with nothing new: it still merges what is due, in one commit.
      const last = day0 + 6 * DAY + 2 * HOUR;
      const final = await world.run(inputs, {
        env: { NODE_OPTIONS: `--require ${FAKE_CLOCK}`, FAKE_CLOCK_NOW_MS: String(last) },
      });
      expect(final.exitCode, final.stdout).toBe(0);
      const counts = filesPerDay(stored());
      for (const [dir, count] of counts) expect(count, dir).toBe(1);
      // 3 feeds x 2 formats x the days with events (late ones reach 3 days back).
      expect(counts.size).toBeGreaterThanOrEqual(3 * 2 * 5);
      const uuids = await parquetUuids(stored(), 999);
      for (const feed of FEEDS) {
        expect(uuids[feed]).toEqual(
          world.events
            .groundTruth(feed)
            .map((e) => String(e.uuid))
            .sort(),
        );
      }
    },
  );

  it('compaction: off keeps every run file, and the next auto run merges them', async () => {
    const day0 = Math.floor((Date.now() - 20 * DAY) / DAY) * DAY;
    const now = day0 + 8 * DAY;
    const before = filesPerDay(stored());
    // Two runs with late events for day 2 (a finished day), compaction off: two more parts each.
    for (const offset of [0, HOUR]) {
      for (const feed of FEEDS) {
        world.events.generate(feed, 20, { from: new Date(day0 + 2 * DAY), to: new Date(day0 + 3 * DAY - 1) });
      }
      const result = await world.run(
        { ...inputs, compaction: 'off' },
        { env: { NODE_OPTIONS: `--require ${FAKE_CLOCK}`, FAKE_CLOCK_NOW_MS: String(now + offset) } },
      );
      expect(result.exitCode, result.stdout).toBe(0);
      expect(result.outputs.compacted).toBe('0');
    }
    const after = filesPerDay(stored());
    const grown = [...after].filter(([dir, count]) => count !== (before.get(dir) ?? 0));
    expect(grown).toHaveLength(6); // 3 feeds x 2 formats, one day
    for (const [dir, count] of grown) expect(count, dir).toBe((before.get(dir) ?? 0) + 2);

    const next = await world.run(inputs, {
      env: { NODE_OPTIONS: `--require ${FAKE_CLOCK}`, FAKE_CLOCK_NOW_MS: String(now + 2 * HOUR) },
    });
    expect(next.exitCode, next.stdout).toBe(0);
    expect(Number(next.outputs.compacted)).toBe(grown.reduce((sum, [, count]) => sum + count, 0));
    const merged = filesPerDay(stored());
    for (const [dir] of grown) expect(merged.get(dir), dir).toBe(1);
    const uuids = await parquetUuids(stored(), 1000);
    for (const feed of FEEDS) {
      expect(uuids[feed]).toEqual(
        world.events
          .groundTruth(feed)
          .map((e) => String(e.uuid))
          .sort(),
      );
    }
  });
});

describe('the first run on a repository with a backlog of small files', () => {
  it(
    'merges a bounded share per run, oldest days first, until every finished day is one file',
    { timeout: 900_000 },
    async () => {
      const backlog = await startWorld({ seed: 41 });
      const dir = await mkdtemp(path.join(tmpdir(), 'backlog-'));
      try {
        // Four days of a 15-minute schedule that never compacted: 96 parts per feed and day (the
        // bench's archive row measures a month).
        const DAYS = 4;
        const day0 = Math.floor((Date.now() - 30 * DAY) / DAY) * DAY;
        const seeded: Record<Feed, string[]> = { signinattempts: [], itemusages: [], auditevents: [] };
        for (let day = 0; day < DAYS; day++) {
          for (let slot = 0; slot < 96; slot++) {
            const from = day0 + day * DAY + slot * 15 * 60_000;
            const events = Object.fromEntries(
              FEEDS.map((feed, i) => [
                feed,
                generateEvents(feed, 3, {
                  seed: 100 + i,
                  stream: `${day}-${slot}`,
                  from: new Date(from),
                  to: new Date(from + 899_999),
                }),
              ]),
            );
            for (const feed of FEEDS) seeded[feed].push(...events[feed]!.map((e) => String(e.uuid)));
            await writeRun(dir, String(10_000 + day * 96 + slot), events, ['parquet']);
          }
        }
        const files: Record<string, Buffer> = { 'README.md': Buffer.from('# archive\n') };
        for (const file of await readdir(dir, { recursive: true })) {
          const relative = file.split(path.sep).join('/');
          if (relative.endsWith('.parquet'))
            files[`1password-events/${relative}`] = await readFile(path.join(dir, file));
        }
        expect(Object.keys(files)).toHaveLength(1 + DAYS * 96 * 3);
        backlog.rest.createRepo(STORAGE, { visibility: 'private', files });
        backlog.rest.addToken(STORAGE_TOKEN, { [STORAGE]: { contents: 'write', metadata: 'read' } });

        const now = day0 + 12 * DAY;
        for (const feed of FEEDS)
          backlog.events.generate(feed, 30, { from: new Date(now - DAY), to: new Date(now - 60_000) });
        const dataFiles = () =>
          [...backlog.rest.files(STORAGE).keys()].filter((f) => f.endsWith('.parquet')).length;
        const perRun: { compacted: number; seconds: number; blobReads: number; files: number }[] = [];
        for (let run = 0; run < 20 && (perRun.at(-1)?.compacted ?? 1) > 0; run++) {
          const logBefore = backlog.rest.requestLog.length;
          const started = performance.now();
          const result = await backlog.run(
            { ...inputs, formats: 'parquet' },
            {
              env: {
                NODE_OPTIONS: `--require ${FAKE_CLOCK}`,
                FAKE_CLOCK_NOW_MS: String(now + run * 15 * 60_000),
              },
            },
          );
          expect(result.exitCode, result.stdout + result.stderr).toBe(0);
          const requests = backlog.rest.requestLog.slice(logBefore);
          perRun.push({
            compacted: Number(result.outputs.compacted),
            seconds: (performance.now() - started) / 1000,
            blobReads: requests.filter((r) => r.method === 'GET' && r.path.includes('/git/blobs/')).length,
            files: dataFiles(),
          });
          // Exactly the seeded events and the exported ones, after every run.
          const uuids = await parquetUuids(
            new Map(
              [...backlog.rest.files(STORAGE)].map(([f, b]) => [f.replace(/^1password-events\//, ''), b]),
            ),
            2000 + run,
          );
          for (const feed of FEEDS) {
            const truth = [
              ...seeded[feed],
              ...backlog.events.groundTruth(feed).map((e) => String(e.uuid)),
            ].sort();
            expect(uuids[feed], `run ${run} ${feed}`).toEqual(truth);
          }
        }
        console.log(`backlog runs: ${JSON.stringify(perRun)}`);
        // The budget: at most 200 files read per run, whole groups (96 parts), so 192 per run.
        expect(perRun[0]!.compacted).toBe(192);
        for (const run of perRun) expect(run.blobReads).toBeLessThanOrEqual(200);
        // DAYS * 3 groups of 96 parts, two per run, then nothing left.
        expect(perRun.filter((r) => r.compacted > 0)).toHaveLength((DAYS * 3) / 2);
        expect(perRun.at(-1)!.files).toBe(DAYS * 3 + 3);
      } finally {
        await backlog.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
