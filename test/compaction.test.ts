import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compact, mergeGroups, planCompaction, type MergeOptions } from '../src/compaction/compact.ts';
import { listLocalTree, localReader } from '../src/compaction/local-tree.ts';
import { MemoryLogger } from '../src/logger.ts';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { buildManifest } from '../src/output/manifest.ts';
import {
  DAY_MS,
  dateType,
  feedEvents,
  filesOf,
  ndjsonLines,
  parquetRows,
  uuidsOf,
  writeRun,
} from './fixtures/compaction.ts';
import { incompressibleEvents } from './fixtures/output/events.ts';
import { query, sqlString } from './fixtures/output/readback.ts';

const DAY1 = Date.parse('2026-11-01T00:00:00Z');
/** Three days of events; "now" is in the afternoon of the third, so only two days are finished. */
const NOW = DAY1 + 2 * DAY_MS + 15 * 3600_000;

let root: string;
let work: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'compaction-'));
  work = await mkdtemp(path.join(tmpdir(), 'compaction-work-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

function mergeOptions(overrides: Partial<MergeOptions> = {}): MergeOptions & { now: number } {
  return {
    now: NOW,
    reader: localReader(root),
    workDir: work,
    runId: '5000',
    runAttempt: '2',
    existing: [],
    ...overrides,
  };
}

/** `runs` runs, each bringing a slice of every feed's events over the three days (late ones too). */
async function scheduledRuns(runs: number, perFeed = 240) {
  const truth = Object.fromEntries(
    FEEDS.map((feed, i) => [feed, feedEvents(feed, perFeed, DAY1, DAY1 + 3 * DAY_MS - 1, 11 + i)]),
  ) as Record<(typeof FEEDS)[number], ReturnType<typeof feedEvents>>;
  // Each run brings events of every day (late arrivals), as a 15-minute schedule does.
  for (let run = 0; run < runs; run++) {
    await writeRun(
      root,
      String(1000 + run),
      Object.fromEntries(FEEDS.map((feed) => [feed, truth[feed].filter((_, i) => i % runs === run)])),
    );
  }
  return truth;
}

/** What the caller of compaction does with the result: new files in, replaced parts out. */
async function applyToTree(result: Awaited<ReturnType<typeof compact>>) {
  for (const group of result.merged) {
    for (const file of group.written) {
      await mkdir(path.dirname(path.join(root, file.path)), { recursive: true });
      await cp(path.join(work, file.path), path.join(root, file.path));
    }
    for (const file of group.replaced) await rm(path.join(root, file.path));
  }
}

describe('compaction merges each finished day', () => {
  it('into one file per feed and format that DuckDB reads exactly as it read the parts, every column', async () => {
    const truth = await scheduledRuns(12);
    const before = await listLocalTree(root);
    // 12 runs x 3 days x 3 feeds x 2 formats.
    expect(before).toHaveLength(12 * 3 * 3 * 2);
    const rowsBefore = Object.fromEntries(
      await Promise.all(FEEDS.map(async (f) => [f, await parquetRows(root, f)])),
    );
    const linesBefore = Object.fromEntries(
      await Promise.all(FEEDS.map(async (f) => [f, await ndjsonLines(root, f)])),
    );
    const hashes = new Map(
      await Promise.all(before.map(async (f) => [f.path, await sha256(path.join(root, f.path))] as const)),
    );

    const logger = new MemoryLogger();
    const result = await compact(before, {
      ...mergeOptions({ existing: before.map((f) => f.path), logger }),
    });
    expect(result.skipped).toEqual([]);
    expect(result.deferred).toBe(0);
    // Two finished days x 3 feeds x 2 formats; the third day (today) is left alone.
    expect(result.merged).toHaveLength(2 * 3 * 2);
    for (const group of result.merged) {
      expect(group.written).toHaveLength(1);
      expect(group.group.date).not.toBe('2026-11-03');
      expect(group.written[0]!.path).toBe(
        `${group.group.dir}/part-5000-2-0001.${group.group.format === 'parquet' ? 'parquet' : 'ndjson.gz'}`,
      );
      // What was replaced is reported with the SHA-256 the parts had, and what was written with its own.
      for (const file of group.replaced) expect(file.sha256).toBe(hashes.get(file.path));
      expect(group.written[0]!.sha256).toBe(await sha256(path.join(work, group.written[0]!.path)));
      expect(group.written[0]!.rows).toBe(group.replaced.reduce((sum, f) => sum + f.rows, 0));
    }
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toEqual([]);

    await applyToTree(result);
    const after = await listLocalTree(root);
    // Per feed and format: 1 file for each finished day + 12 parts of today.
    expect(after).toHaveLength(3 * 2 * (2 + 12));
    expect(await filesOf(work)).toEqual(result.merged.map((g) => g.written[0]!.path).sort()); // no temporary left
    for (const feed of FEEDS) {
      expect(await parquetRows(root, feed), feed).toEqual(rowsBefore[feed]);
      expect(await ndjsonLines(root, feed), feed).toEqual(linesBefore[feed]);
      const uuids = await query(
        `SELECT uuid FROM read_parquet(${sqlString(`${root}/${feed}/date=*/*.parquet`)}, hive_partitioning = true) ORDER BY uuid`,
      );
      expect(uuids.map((r) => String(r.uuid)).sort()).toEqual(uuidsOf(truth[feed]));
      expect(await dateType(root, feed)).toBe('DATE');
      // The NDJSON tree reads as docs/schema.md says.
      const [json] = await query(
        `SELECT count(*) AS n, count(DISTINCT uuid) AS u FROM read_json(${sqlString(`${root}/ndjson/${feed}/date=*/*.ndjson.gz`)}, hive_partitioning = true)`,
      );
      expect([Number(json!.n), Number(json!.u)]).toEqual([truth[feed].length, truth[feed].length]);
    }

    // The merged files are like fresh ones: same schema, ZSTD, the feed's key-value metadata.
    const fresh = await parquetMetadataAsync(
      await asyncBufferFromFile(path.join(root, 'auditevents/date=2026-11-03/part-1000-1-0001.parquet')),
    );
    const merged = await parquetMetadataAsync(
      await asyncBufferFromFile(path.join(root, 'auditevents/date=2026-11-01/part-5000-2-0001.parquet')),
    );
    expect(merged.schema).toEqual(fresh.schema);
    expect(merged.key_value_metadata).toEqual(fresh.key_value_metadata);
    expect(merged.created_by).toBe(fresh.created_by);
    for (const group of merged.row_groups) {
      for (const column of group.columns) expect(column.meta_data?.codec).toBe('ZSTD');
    }

    // The manifest of the compacting run lists both sides.
    const manifest = buildManifest({
      runId: '5000',
      runAttempt: '2',
      startedAt: new Date(NOW),
      finishedAt: new Date(NOW),
      server: 'https://events.1password.com',
      apiVersion: 'v2',
      feeds: {},
      files: [],
      compaction: {
        replaced: result.merged.flatMap((g) => g.replaced),
        written: result.merged.flatMap((g) => g.written),
      },
    });
    expect(manifest.compaction?.replaced).toHaveLength(2 * 3 * 2 * 12);
    expect(manifest.compaction?.written.map((f) => f.path)).toEqual(
      result.merged.map((g) => g.written[0]!.path).sort(),
    );

    // Nothing left to do until a late part arrives; then it is merged with the day's file.
    expect(planCompaction(after, { now: NOW }).groups).toEqual([]);
    const late = feedEvents('itemusages', 5, DAY1 + 3600_000, DAY1 + 7200_000, 99);
    await writeRun(root, '6000', { itemusages: late }, ['parquet']);
    const withLate = await listLocalTree(root);
    const plan = planCompaction(withLate, { now: NOW + DAY_MS });
    expect(plan.groups.map((g) => [g.dir, g.files.length])).toEqual([
      ['itemusages/date=2026-11-01', 2],
      // Tomorrow, today's parts are due too.
      ...[
        'auditevents',
        'ndjson/auditevents',
        'ndjson/itemusages',
        'ndjson/signinattempts',
        'itemusages',
        'signinattempts',
      ]
        .sort()
        .map((dir) => [`${dir}/date=2026-11-03`, 12]),
    ]);
    await rm(work, { recursive: true });
    await mkdir(work);
    const second = await mergeGroups(
      plan.groups.slice(0, 1),
      mergeOptions({ existing: withLate.map((f) => f.path), runId: '6001', runAttempt: '1' }),
    );
    await applyToTree({ ...second, deferred: 0 });
    expect(await filesOf(path.join(root, 'itemusages/date=2026-11-01'))).toEqual([
      'part-6001-1-0001.parquet',
    ]);
    const uuids = await query(
      `SELECT uuid FROM read_parquet(${sqlString(`${root}/itemusages/date=*/*.parquet`)}, hive_partitioning = true)`,
    );
    expect(uuids.map((r) => String(r.uuid)).sort()).toEqual(uuidsOf([...truth.itemusages, ...late]));
  });

  it('rolls at the file size bound like fresh files, and leaves full files alone afterwards', async () => {
    const events = incompressibleEvents(1500).map((event, i) => ({
      ...event,
      uuid: `big-${i}`,
      timestamp: new Date(DAY1 + i * 50_000).toISOString(),
    }));
    const maxFileBytes = 256 * 1024;
    for (let run = 0; run < 10; run++) {
      await writeRun(
        root,
        String(run + 1),
        { signinattempts: events.slice(run * 150, run * 150 + 150) },
        ['parquet', 'ndjson'],
        { maxFileBytes },
      );
    }
    const listing = await listLocalTree(root);
    const result = await compact(listing, {
      ...mergeOptions({ existing: listing.map((f) => f.path), maxFileBytes }),
    });
    expect(result.skipped).toEqual([]);
    await applyToTree(result);
    for (const group of result.merged) {
      expect(group.written.length, group.group.dir).toBeGreaterThan(1);
      for (const file of group.written) expect(file.bytes).toBeLessThanOrEqual(maxFileBytes);
      // Fewer files than the parts, and every file but the last is full enough to be left alone.
      expect(group.written.length).toBeLessThan(group.replaced.length);
      for (const file of group.written.slice(0, -1))
        expect(file.bytes).toBeGreaterThanOrEqual(maxFileBytes / 2);
    }
    const after = await listLocalTree(root);
    expect(planCompaction(after, { now: NOW, maxFileBytes }).groups).toEqual([]);
    const uuids = await query(
      `SELECT uuid FROM read_parquet(${sqlString(`${root}/signinattempts/date=*/*.parquet`)}, hive_partitioning = true)`,
    );
    expect(uuids.map((r) => String(r.uuid)).sort()).toEqual(uuidsOf(events));
    expect(await ndjsonLines(root, 'signinattempts')).toHaveLength(events.length);
  });
});

describe('planCompaction', () => {
  const part = (p: string, bytes = 1000) => ({ path: p, bytes });
  const day = (dir: string, n: number, bytes = 1000) =>
    Array.from({ length: n }, (_, i) =>
      part(`${dir}/part-${i + 1}-1-0001.${dir.startsWith('ndjson/') ? 'ndjson.gz' : 'parquet'}`, bytes),
    );

  it('waits an hour after the UTC day ends', () => {
    const listing = day('itemusages/date=2026-11-01', 3);
    const dayEnd = Date.parse('2026-11-02T00:00:00Z');
    expect(planCompaction(listing, { now: dayEnd + 3600_000 - 1 }).groups).toEqual([]);
    expect(planCompaction(listing, { now: dayEnd + 3600_000 }).groups).toHaveLength(1);
  });

  it('ignores single files, full files, and anything outside the layout (the old NDJSON beside the Parquet)', () => {
    const listing = [
      ...day('itemusages/date=2026-11-01', 1),
      part('itemusages/date=2026-11-02/part-1-1-0001.parquet', 20 * 1024 * 1024),
      part('itemusages/date=2026-11-02/part-2-1-0001.parquet', 20 * 1024 * 1024),
      part('itemusages/date=2026-11-02/part-3-1-0001.parquet'),
      part('itemusages/date=2026-11-03/part-1-1-0001.ndjson.gz'),
      part('itemusages/date=2026-11-03/part-2-1-0001.ndjson.gz'),
      part('itemusages/date=2026-11-03/.part-3-1-0001.parquet.tmp'),
      part('itemusages/date=2026-11-03/notes.parquet'),
      part('_manifests/1-1.json'),
      part('_state/state.json'),
      part('ndjson/itemusages/date=2026-11-03/part-1-1-0001.parquet'),
      part('../itemusages/date=2026-11-03/part-1-1-0001.parquet'),
    ];
    expect(planCompaction(listing, { now: Date.parse('2026-12-01T00:00:00Z') })).toEqual({
      groups: [],
      deferred: 0,
    });
  });

  it('bounds the work of one run by files, bytes and days, oldest day first, and always takes one group', () => {
    const listing = [
      ...day('signinattempts/date=2026-11-03', 96),
      ...day('ndjson/signinattempts/date=2026-11-01', 96),
      ...day('signinattempts/date=2026-11-01', 96),
      ...day('itemusages/date=2026-11-02', 96),
    ];
    const now = Date.parse('2026-12-01T00:00:00Z');
    const byFiles = planCompaction(listing, { now, budget: { maxFiles: 200 } });
    expect(byFiles.groups.map((g) => g.dir)).toEqual([
      'ndjson/signinattempts/date=2026-11-01',
      'signinattempts/date=2026-11-01',
    ]);
    expect(byFiles.deferred).toBe(2);
    expect(byFiles.groups[0]!.files.map((f) => f.path)).toEqual(
      [...byFiles.groups[0]!.files.map((f) => f.path)].sort(),
    );
    expect(planCompaction(listing, { now, budget: { maxDays: 2, maxFiles: Infinity } }).groups).toHaveLength(
      3,
    );
    expect(
      planCompaction(listing, { now, budget: { maxBytes: 100, maxFiles: Infinity } }).groups,
    ).toHaveLength(1);
    expect(planCompaction(listing, { now, budget: { maxFiles: 1 } }).groups).toHaveLength(1);
    expect(planCompaction(listing, { now }).groups).toHaveLength(2);
    expect(planCompaction(listing, { now, budget: { maxFiles: Infinity } }).groups).toHaveLength(4);
  });
});

/** gzip of `mib` MiB of 'a' and no newline, made without holding them in memory. */
async function gzipBomb(mib: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  const done = (async () => {
    const out: Buffer[] = [];
    for await (const piece of gzip) out.push(piece as Buffer);
    return Buffer.concat(out);
  })();
  for (let i = 0; i < mib; i++) if (!gzip.write(chunk)) await once(gzip, 'drain');
  gzip.end();
  return done;
}

describe('a group that cannot be merged is left as it is', () => {
  async function oneDay(feed: 'itemusages' | 'auditevents' = 'itemusages') {
    for (let run = 1; run <= 3; run++) {
      await writeRun(root, String(run), { [feed]: feedEvents(feed, 20, DAY1, DAY1 + DAY_MS - 1, run) });
    }
  }

  async function expectSkipped(reason: RegExp) {
    const listing = await listLocalTree(root);
    const before = await filesOf(root);
    const logger = new MemoryLogger();
    const result = await compact(listing, mergeOptions({ existing: listing.map((f) => f.path), logger }));
    const skipped = result.skipped.map((s) => `${s.group.dir}: ${s.reason}`);
    expect(
      skipped.some((s) => reason.test(s)),
      skipped.join('\n'),
    ).toBe(true);
    for (const { group, reason: why } of result.skipped) {
      expect(logger.lines).toContain(
        `warning: Compaction of ${group.dir} skipped, its files stay as they are: ${why}`,
      );
    }
    // Nothing of the skipped groups is in the work folder, not even a temporary file.
    const skippedDirs = result.skipped.map((s) => s.group.dir);
    expect((await filesOf(work)).filter((f) => skippedDirs.some((d) => f.startsWith(d)))).toEqual([]);
    expect(await filesOf(root)).toEqual(before);
    return result;
  }

  it('a part that is not Parquet', async () => {
    await oneDay();
    await writeFile(path.join(root, 'itemusages/date=2026-11-01/part-9-1-0001.parquet'), 'PAR1 not really');
    const result = await expectSkipped(/itemusages\/date=2026-11-01: .*parquet/i);
    // The other format of the day is merged all the same.
    expect(result.merged.map((g) => g.group.dir)).toEqual(['ndjson/itemusages/date=2026-11-01']);
  });

  it("a Parquet file of another feed's schema in the folder", async () => {
    await oneDay();
    await writeRun(work, '77', { auditevents: feedEvents('auditevents', 3, DAY1, DAY1 + 1000) }, ['parquet']);
    await cp(
      path.join(work, 'auditevents/date=2026-11-01/part-77-1-0001.parquet'),
      path.join(root, 'itemusages/date=2026-11-01/part-77-1-0001.parquet'),
    );
    await rm(path.join(work, 'auditevents'), { recursive: true });
    await expectSkipped(/part-77-1-0001\.parquet holds auditevents events, not itemusages/);
  });

  it('a truncated NDJSON part', async () => {
    await oneDay();
    const file = path.join(root, 'ndjson/itemusages/date=2026-11-01/part-2-1-0001.ndjson.gz');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 20));
    await expectSkipped(/ndjson\/itemusages\/date=2026-11-01: .*(end|truncat)/i);
  });

  it('a gzip bomb: one endless line is refused without filling memory', async () => {
    await oneDay();
    const bomb = await gzipBomb(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await writeFile(path.join(root, 'ndjson/itemusages/date=2026-11-01/part-9-1-0001.ndjson.gz'), bomb);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 2);
    try {
      await expectSkipped(/a line longer than 67108864 bytes/);
    } finally {
      clearInterval(sampler);
    }
    // Holding the whole line would take 400 MiB; the cap stops at 64 MiB.
    expect(peak).toBeLessThan(160 * 1024 * 1024);
  });

  it('storage that returns fewer bytes than asked (the file changed while read)', async () => {
    await oneDay();
    const listing = await listLocalTree(root);
    const local = localReader(root);
    const result = await compact(listing, {
      ...mergeOptions({ existing: [] }),
      reader: {
        read: async (p, start, end) =>
          (await local.read(p, start, end)).subarray(0, Math.max(0, end - start - 1)),
      },
    });
    expect(result.merged).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/returned \d+ bytes for a read of \d+/),
      expect.stringMatching(/returned \d+ bytes for a read of \d+/),
    ]);
    expect(await filesOf(work)).toEqual([]);
  });

  it('a listing whose size is wrong is refused the same way', async () => {
    await oneDay();
    const listing = (await listLocalTree(root)).map((f) => ({ ...f, bytes: f.bytes + 10 }));
    const result = await compact(listing, mergeOptions());
    expect(result.merged).toEqual([]);
    expect(result.skipped).toHaveLength(2);
  });
});

describe('mergeGroups', () => {
  it('never gives a new file a name the tree or the work folder already has', async () => {
    for (let run = 1; run <= 2; run++) {
      await writeRun(
        root,
        String(run),
        { itemusages: feedEvents('itemusages', 10, DAY1, DAY1 + 1000, run) },
        ['parquet'],
      );
    }
    // The compacting run wrote its own part for that day (a late event), and the tree holds one too.
    await writeRun(work, '5000', { itemusages: feedEvents('itemusages', 1, DAY1, DAY1 + 1000, 9) }, [
      'parquet',
    ]);
    const listing = await listLocalTree(root);
    const plan = planCompaction(listing, { now: NOW });
    const result = await mergeGroups(
      plan.groups,
      mergeOptions({
        runId: '5000',
        runAttempt: '1',
        existing: [...listing.map((f) => f.path), 'itemusages/date=2026-11-01/part-5000-1-0002.parquet'],
      }),
    );
    expect(result.merged[0]!.written.map((f) => f.path)).toEqual([
      'itemusages/date=2026-11-01/part-5000-1-0003.parquet',
    ]);
  });

  it('stops between groups when the signal fires and counts the rest as deferred', async () => {
    for (let run = 1; run <= 2; run++) {
      await writeRun(root, String(run), {
        itemusages: feedEvents('itemusages', 10, DAY1, DAY1 + 2 * DAY_MS - 1, run),
      });
    }
    const plan = planCompaction(await listLocalTree(root), { now: NOW });
    expect(plan.groups).toHaveLength(4);
    const controller = new AbortController();
    const logger = { info: () => controller.abort(), warning: () => {}, debug: () => {} };
    const result = await mergeGroups(plan.groups, mergeOptions({ signal: controller.signal, logger }));
    expect(result.merged).toHaveLength(1);
    expect(result.deferred).toBe(3);
  });

  it('refuses run ids that could leave the folder', async () => {
    await expect(mergeGroups([], mergeOptions({ runId: '../x' }))).rejects.toThrow(/runId/);
  });
});
