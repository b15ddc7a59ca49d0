import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compactCommand } from '../src/cli/compact.ts';
import { mergeGroups, planCompaction } from '../src/compaction/compact.ts';
import { compactLocalTree, WORK_DIR } from '../src/compaction/local-compact.ts';
import { listLocalTree, localReader } from '../src/compaction/local-tree.ts';
import { MemoryLogger } from '../src/logger.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import {
  DAY_MS,
  feedEvents,
  filesOf,
  ndjsonLines,
  parquetRows,
  uuidsOf,
  writeRun,
} from './fixtures/compaction.ts';
import { query, sqlString } from './fixtures/output/readback.ts';

const DAY1 = Date.parse('2026-11-01T00:00:00Z');
const NOW = DAY1 + 3 * DAY_MS + 2 * 3600_000;

let scratch: string;
let root: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'compaction-local-'));
  root = path.join(scratch, 'tree');
  await mkdir(root);
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

type Truth = Record<Feed, RawEvent[]>;

/** `runs` runs of three days of every feed into `dir`. */
async function exportRuns(dir: string, runs: number, firstRun = 1000, seed = 1): Promise<Truth> {
  const truth = Object.fromEntries(
    FEEDS.map((feed, i) => [feed, feedEvents(feed, runs * 6, DAY1, DAY1 + 3 * DAY_MS - 1, seed * 10 + i)]),
  ) as Truth;
  for (let run = 0; run < runs; run++) {
    await writeRun(
      dir,
      String(firstRun + run),
      Object.fromEntries(FEEDS.map((feed) => [feed, truth[feed].filter((_, i) => i % runs === run)])),
    );
  }
  return truth;
}

async function expectExactly(truth: Truth, dir = root) {
  for (const feed of FEEDS) {
    const rows = await query(
      `SELECT uuid FROM read_parquet(${sqlString(`${dir}/${feed}/date=*/*.parquet`)}, hive_partitioning = true)`,
    );
    expect(rows.map((r) => String(r.uuid)).sort(), feed).toEqual(uuidsOf(truth[feed]));
    const lines = await ndjsonLines(dir, feed);
    expect(lines.map((l) => String((JSON.parse(l) as RawEvent).uuid)).sort(), feed).toEqual(
      uuidsOf(truth[feed]),
    );
  }
}

const options = (extra: Partial<Parameters<typeof compactLocalTree>[1]> = {}) => ({
  now: NOW,
  runId: '20261104T020000Z',
  runAttempt: 'compact',
  ...extra,
});

describe('compactLocalTree', () => {
  it('merges every finished day in place, records it in a manifest, and a second run does nothing', async () => {
    const truth = await exportRuns(root, 8);
    const before = Object.fromEntries(
      await Promise.all(FEEDS.map(async (f) => [f, await parquetRows(root, f)])),
    );
    const report = await compactLocalTree(root, options());
    expect(report).toMatchObject({
      recovered: 'none',
      filesBefore: 8 * 3 * 3 * 2,
      filesAfter: 3 * 3 * 2,
      skipped: 0,
      deferred: 0,
    });
    expect(report.replaced).toHaveLength(8 * 3 * 3 * 2);
    expect(await filesOf(root)).toHaveLength(3 * 3 * 2);
    for (const feed of FEEDS) expect(await parquetRows(root, feed)).toEqual(before[feed]);
    await expectExactly(truth);
    // Nothing of the work folder is left.
    expect((await readdir(root)).sort()).toEqual([
      '_manifests',
      'auditevents',
      'itemusages',
      'ndjson',
      'signinattempts',
    ]);
    const manifest = JSON.parse(await readFile(path.join(root, report.manifest!), 'utf8')) as {
      compaction: { replaced: { path: string; sha256: string }[]; written: { path: string }[] };
    };
    expect(report.manifest).toBe('_manifests/20261104T020000Z-compact.json');
    expect(manifest.compaction.replaced).toHaveLength(report.replaced.length);
    expect(manifest.compaction.written.map((f) => f.path).sort()).toEqual((await filesOf(root)).sort());

    const again = await compactLocalTree(root, options({ runId: '20261104T030000Z' }));
    expect(again).toMatchObject({ replaced: [], written: [], filesBefore: 18, filesAfter: 18 });
    await expectExactly(truth);
  });

  /**
   * An interrupted run, at each point of its sequence: the group is staged and journaled by the same
   * steps the command takes, then the steps after the interrupt are left undone.
   */
  async function interruptedAt(step: 'journaled' | 'half-moved' | 'half-deleted' | 'stage-lost') {
    const truth = await exportRuns(root, 4);
    const listing = await listLocalTree(root);
    const plan = planCompaction(listing, { now: NOW });
    const group = plan.groups[0]!;
    const stage = path.join(root, WORK_DIR, 'stage');
    const result = await mergeGroups([group], {
      reader: localReader(root),
      workDir: stage,
      runId: 'X',
      runAttempt: '1',
      existing: listing.map((f) => f.path),
      maxFileRows: 3, // several new files, so "half" means something
    });
    const { written, replaced } = result.merged[0]!;
    expect(written.length).toBeGreaterThan(1);
    await writeFile(
      path.join(root, WORK_DIR, 'journal.json'),
      JSON.stringify({
        written: written.map((f) => ({ path: f.path, sha256: f.sha256 })),
        replaced: replaced.map((f) => f.path),
      }),
    );
    const move = async (files: typeof written) => {
      for (const file of files) await rename(path.join(stage, file.path), path.join(root, file.path));
    };
    if (step === 'half-moved') await move(written.slice(0, 1));
    if (step === 'half-deleted') {
      await move(written);
      for (const file of replaced.slice(0, 2)) await rm(path.join(root, file.path));
    }
    if (step === 'stage-lost') {
      await move(written.slice(0, 1));
      await rm(stage, { recursive: true });
    }
    return { truth, group };
  }

  for (const step of ['journaled', 'half-moved', 'half-deleted'] as const) {
    it(`finishes a run interrupted when ${step}: every event once`, async () => {
      const { truth, group } = await interruptedAt(step);
      const logger = new MemoryLogger();
      const report = await compactLocalTree(root, options({ logger }));
      expect(report.recovered).toBe('finished');
      // The parts are gone (the small new files are then merged once more, into one).
      const left = await filesOf(path.join(root, group.dir));
      expect(left).toHaveLength(1);
      for (const part of group.files) expect(left).not.toContain(path.posix.basename(part.path));
      await expectExactly(truth);
      expect(await readdir(root)).not.toContain(WORK_DIR);
    });
  }

  it('rolls back a run whose staged files were lost, then merges the day again', async () => {
    const { truth, group } = await interruptedAt('stage-lost');
    const report = await compactLocalTree(root, options());
    expect(report.recovered).toBe('rolled-back');
    expect((await filesOf(path.join(root, group.dir))).some((f) => f.startsWith('part-X-1-'))).toBe(false);
    expect(report.replaced.map((f) => f.path)).toEqual(
      expect.arrayContaining(group.files.map((f) => f.path)),
    );
    await expectExactly(truth);
  });

  it('refuses a journal that is not one (or names files outside the tree) and touches nothing', async () => {
    await exportRuns(root, 2);
    const before = await filesOf(root);
    await mkdir(path.join(root, WORK_DIR));
    for (const journal of [
      'not json',
      JSON.stringify({ written: [], replaced: ['../../outside.parquet'] }),
      JSON.stringify({
        written: [{ path: 'itemusages/date=2026-11-01/part-1-1-0001.parquet', sha256: 'x' }],
        replaced: [],
      }),
    ]) {
      await writeFile(path.join(root, WORK_DIR, 'journal.json'), journal);
      await expect(compactLocalTree(root, options())).rejects.toThrow(
        /is not a compaction journal; if no compaction is running, delete it/,
      );
      expect(await filesOf(root)).toEqual(before);
    }
  });

  it('one compaction per folder: a live lock refuses, a dead one is taken over', async () => {
    const truth = await exportRuns(root, 2);
    await mkdir(path.join(root, WORK_DIR));
    await writeFile(path.join(root, WORK_DIR, 'lock'), `${process.pid}\n`);
    await expect(compactLocalTree(root, options())).rejects.toThrow(
      new RegExp(`another compaction \\(process ${process.pid}\\) is working on this folder`),
    );
    // A pid no process has: the run that held it was killed.
    await writeFile(path.join(root, WORK_DIR, 'lock'), '2147483646\n');
    const report = await compactLocalTree(root, options());
    expect(report.replaced.length).toBeGreaterThan(0);
    await expectExactly(truth);
  });
});

describe('compact command', () => {
  function io(signal?: AbortSignal) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    return {
      io: { stdout, stderr, now: () => NOW, ...(signal ? { signal } : {}) },
      out: () => out,
      err: () => err,
    };
  }

  /** What `gh run download` leaves: one folder per artifact, each with the export layout. */
  async function downloads(
    name: string,
    runs: number,
    firstRun: number,
    seed: number,
  ): Promise<{ dir: string; truth: Truth }> {
    const dir = path.join(scratch, name);
    const truth = { signinattempts: [], itemusages: [], auditevents: [] } as Truth;
    for (let run = 0; run < runs; run++) {
      const artifact = path.join(dir, `1password-events-${firstRun + run}-1`);
      await mkdir(artifact, { recursive: true });
      const events = await exportRuns(artifact, 1, firstRun + run, seed + run);
      await mkdir(path.join(artifact, '_manifests'), { recursive: true });
      await writeFile(path.join(artifact, '_manifests', `${firstRun + run}-1.json`), '{"run":1}\n');
      await mkdir(path.join(artifact, '_state'), { recursive: true });
      await writeFile(path.join(artifact, '_state', 'state.json'), '{}');
      for (const feed of FEEDS) truth[feed].push(...events[feed]);
    }
    return { dir, truth };
  }

  it('gathers downloaded artifacts and merges them; running it again over the same downloads adds nothing', async () => {
    const first = await downloads('dl1', 6, 2000, 100);
    const { io: io1, err: err1 } = io();
    expect(await compactCommand(['--from', first.dir, root], io1)).toBe(0);
    expect(err1()).toMatch(/Gathered \d+ files from 6 folders \(0 already there\)\./);
    expect(err1()).toMatch(
      /Compacted .*: 108 files merged into 18 \(\d+ events\); 108 data files before, 18 after/,
    );
    await expectExactly(first.truth);
    expect(await readdir(path.join(root, '_manifests'))).toHaveLength(7);
    expect(await readdir(root)).not.toContain('_state');

    // The same downloads plus newer ones: the merged parts are not brought back.
    const second = await downloads('dl2', 2, 3000, 200);
    const { io: io2, err: err2 } = io();
    expect(await compactCommand(['--from', first.dir, '--from', second.dir, root], io2)).toBe(0);
    expect(err2()).toMatch(/\(\d+ already there\)/);
    const all = Object.fromEntries(FEEDS.map((f) => [f, [...first.truth[f], ...second.truth[f]]])) as Truth;
    await expectExactly(all);
    expect(await filesOf(root)).toHaveLength(18);
  });

  it('never overwrites a different file of the same name', async () => {
    const first = await downloads('dl', 2, 2000, 100);
    const name = 'itemusages/date=2026-11-01/part-2000-1-0001.parquet';
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), 'mine');
    const { io: io1, err } = io();
    await compactCommand(['--from', first.dir, root], io1);
    expect(err()).toContain(
      `warning: ${name} in ${path.join(first.dir, '1password-events-2000-1')} differs from the file of that name in ${root}; left out`,
    );
    expect(err()).toMatch(/1 left out/);
    expect(await readFile(path.join(root, name), 'utf8')).toBe('mine');
  });

  it('stops before the first day when interrupted, and says to run it again', async () => {
    await exportRuns(root, 2);
    const controller = new AbortController();
    controller.abort();
    const { io: io1, err } = io(controller.signal);
    expect(await compactCommand([root], io1)).toBe(0);
    expect(err()).toMatch(/Stopped with 18 days still to merge: run the same command again\./);
  });

  it('says so when there is nothing to do', async () => {
    const { io: io1, err } = io();
    expect(await compactCommand([root], io1)).toBe(0);
    expect(err()).toMatch(/Nothing to compact in .*: 0 data files/);
  });

  it('rejects bad arguments with exit code 2', async () => {
    for (const args of [
      [],
      [root, root],
      ['--bogus', root],
      [path.join(scratch, 'missing')],
      ['--from', path.join(scratch, 'nope'), root],
    ]) {
      const { io: io1, err } = io();
      expect(await compactCommand(args, io1), args.join(' ')).toBe(2);
      expect(err()).toMatch(/^error: /);
    }
    const { io: io2, out } = io();
    expect(await compactCommand(['--help'], io2)).toBe(0);
    expect(out()).toMatch(/^Usage: 1password-events-export compact/);
  });

  it('a source folder without the layout gathers nothing', async () => {
    const empty = path.join(scratch, 'empty');
    await mkdir(path.join(empty, 'misc'), { recursive: true });
    const { io: io1, err } = io();
    expect(await compactCommand(['--from', empty, root], io1)).toBe(0);
    expect(err()).toMatch(/Gathered 0 files from 0 folders/);
  });
});
