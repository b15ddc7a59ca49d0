import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLogger } from '../src/logger.ts';
import type { Feed } from '../src/onepassword/feeds.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import type { WrittenFile } from '../src/output/files.ts';
import { RunWriter, type RunWriterOptions } from '../src/output/run-writer.ts';
import { incompressibleEvents, noise, signinEvents } from './fixtures/output/events.ts';
import { query, readNdjsonGz, sqlString } from './fixtures/output/readback.ts';

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'output-rolling-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Parquet rows per file as DuckDB counts them. */
async function parquetRowsByFile(feed: Feed): Promise<Map<string, number>> {
  const rows = await query(
    `SELECT filename, count(*) AS n FROM read_parquet(${sqlString(`${outDir}/${feed}/date=*/*.parquet`)}, filename = true) GROUP BY filename`,
  );
  return new Map(rows.map((r) => [path.relative(outDir, r.filename as string), Number(r.n)]));
}

async function allUuids(files: WrittenFile[]): Promise<string[]> {
  const uuids: string[] = [];
  for (const file of files) {
    const full = path.join(outDir, file.path);
    if (file.format === 'ndjson') uuids.push(...readNdjsonGz(full).map((e) => (e as RawEvent).uuid));
    else
      uuids.push(
        ...(await query(`SELECT uuid FROM read_parquet(${sqlString(full)})`)).map((r) => r.uuid as string),
      );
  }
  return uuids.sort();
}

async function run(events: RawEvent[], options: Partial<RunWriterOptions>, feed: Feed = 'signinattempts') {
  const writer = new RunWriter({
    outDir,
    runId: '42',
    runAttempt: '1',
    formats: ['parquet', 'ndjson'],
    ...options,
  });
  for (let i = 0; i < events.length; i += 1000) await writer.write(feed, events.slice(i, i + 1000));
  return { writer, files: await writer.close() };
}

async function filesOnDisk(): Promise<string[]> {
  return (await readdir(outDir, { recursive: true }))
    .filter((f) => /\.(parquet|ndjson\.gz|tmp)$/.test(f))
    .sort();
}

describe('RunWriter roll-over', () => {
  it('rolls to a new file at maxFileRows', async () => {
    const events = signinEvents(250).map((e) => ({ ...e, timestamp: '2026-10-14T12:00:00Z' }));
    const { files } = await run(events, { maxFileRows: 100, rowGroupSize: 30 });
    const dir = 'signinattempts/date=2026-10-14';
    expect(files.map((f) => [f.path, f.rows])).toEqual([
      [`ndjson/${dir}/part-42-1-0001.ndjson.gz`, 100],
      [`ndjson/${dir}/part-42-1-0002.ndjson.gz`, 100],
      [`ndjson/${dir}/part-42-1-0003.ndjson.gz`, 50],
      [`${dir}/part-42-1-0001.parquet`, 100],
      [`${dir}/part-42-1-0002.parquet`, 100],
      [`${dir}/part-42-1-0003.parquet`, 50],
    ]);
    const counted = await parquetRowsByFile('signinattempts');
    for (const file of files.filter((f) => f.format === 'parquet'))
      expect(counted.get(file.path)).toBe(file.rows);
    for (const file of files.filter((f) => f.format === 'ndjson')) {
      expect(readNdjsonGz(path.join(outDir, file.path))).toHaveLength(file.rows);
    }
    expect(await allUuids(files)).toEqual([...events, ...events].map((e) => e.uuid).sort());
  });

  it.each([
    ['realistic events, 64 KiB files', () => signinEvents(6000), 64 * 1024, 10_000],
    ['realistic events, 768 KiB files', () => signinEvents(16_000), 768 * 1024, 10_000],
    [
      'incompressible events, 256 KiB files, small row groups',
      () => incompressibleEvents(2000),
      256 * 1024,
      50,
    ],
    [
      'incompressible events, 256 KiB files, large row groups',
      () => incompressibleEvents(2000),
      256 * 1024,
      10_000,
    ],
  ] as const)(
    'keeps every file within maxFileBytes: %s',
    async (_label, make, maxFileBytes, rowGroupSize) => {
      const events = make().map((e) => ({ ...e, timestamp: '2026-10-14T12:00:00Z' }));
      const { files } = await run(events, { maxFileBytes, rowGroupSize });
      for (const format of ['parquet', 'ndjson'] as const) {
        const ofFormat = files.filter((f) => f.format === format);
        expect(ofFormat.length).toBeGreaterThan(1);
        for (const file of ofFormat) {
          expect(file.bytes, file.path).toBeLessThanOrEqual(maxFileBytes);
          expect((await stat(path.join(outDir, file.path))).size).toBe(file.bytes);
        }
        // Rolled early enough, but not wastefully early: every full file is at least half the bound.
        for (const file of ofFormat.slice(0, -1))
          expect(file.bytes, file.path).toBeGreaterThan(maxFileBytes / 2);
        expect(ofFormat.reduce((sum, f) => sum + f.rows, 0)).toBe(events.length);
      }
      expect(await allUuids(files)).toEqual([...events, ...events].map((e) => e.uuid).sort());
    },
  );

  it('gives an event larger than maxFileBytes a file of its own, and warns', async () => {
    const logger = new MemoryLogger();
    const small = signinEvents(40).map((e) => ({ ...e, timestamp: '2026-10-14T12:00:00Z' }));
    const huge = { ...small[0]!, uuid: 'huge', noise: noise(80_000) };
    const events = [...small.slice(0, 20), huge, ...small.slice(20)];
    const { files } = await run(events, { maxFileBytes: 32 * 1024, logger });
    for (const format of ['parquet', 'ndjson'] as const) {
      const ofFormat = files.filter((f) => f.format === format);
      const big = ofFormat.filter((f) => f.bytes > 32 * 1024);
      expect(big).toHaveLength(1);
      expect(big[0]!.rows).toBe(1);
      expect(await allUuids(big)).toEqual(['huge']);
    }
    expect(
      logger.lines.filter((l) => l.startsWith('warning:') && l.includes('single event larger')),
    ).toHaveLength(2);
    expect(await allUuids(files)).toEqual([...events, ...events].map((e) => e.uuid).sort());
  });
});

describe('RunWriter open files', () => {
  const dates = ['2026-10-10', '2026-10-11', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15'];
  const scattered = (n: number) =>
    signinEvents(n).map((e, i) => ({ ...e, timestamp: `${dates[i % dates.length]}T12:00:00Z` }));

  it('keeps at most maxOpenPartitions open while late events scatter over many dates', async () => {
    const events = scattered(600);
    const writer = new RunWriter({
      outDir,
      runId: '42',
      runAttempt: '1',
      formats: ['parquet', 'ndjson'],
      maxOpenPartitions: 3,
    });
    let mostOpen = 0;
    for (let i = 0; i < events.length; i += 50) {
      await writer.write('signinattempts', events.slice(i, i + 50));
      const open = (await filesOnDisk()).filter((f) => f.endsWith('.tmp'));
      mostOpen = Math.max(mostOpen, open.length);
    }
    expect(mostOpen).toBe(3 * 2); // three partitions, a file per format each
    const files = await writer.close();
    expect(await filesOnDisk()).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    expect(new Set(files.map((f) => f.date))).toEqual(new Set(dates));
    expect(files.length).toBeGreaterThan(dates.length * 2); // dates were closed and reopened
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length); // reopening continues the sequence
    expect(await allUuids(files)).toEqual([...events, ...events].map((e) => e.uuid).sort());
  });

  it('writes a page date by date, so a scattered page does not cut files into pieces', async () => {
    const events = scattered(600);
    const writer = new RunWriter({
      outDir,
      runId: '42',
      runAttempt: '1',
      formats: ['parquet'],
      maxOpenPartitions: 2,
    });
    await writer.write('signinattempts', events);
    const files = await writer.close();
    expect(files.map((f) => [f.date, f.rows])).toEqual(dates.map((d) => [d, 100]));
    // Within a date the API's order is kept.
    const first = await query(
      `SELECT uuid FROM read_parquet(${sqlString(path.join(outDir, files[0]!.path))})`,
    );
    expect(first.map((r) => r.uuid)).toEqual(
      events.filter((e) => e.timestamp.startsWith(dates[0]!)).map((e) => e.uuid),
    );
  });

  it('never shows a half-written file under a final name', async () => {
    const events = signinEvents(3000).map((e) => ({ ...e, timestamp: '2026-10-14T12:00:00Z' }));
    const writer = new RunWriter({
      outDir,
      runId: '42',
      runAttempt: '1',
      formats: ['parquet', 'ndjson'],
      maxFileBytes: 48 * 1024,
      rowGroupSize: 100,
    });
    let checkedFinal = 0;
    for (let i = 0; i < events.length; i += 250) {
      await writer.write('signinattempts', events.slice(i, i + 250));
      for (const name of await filesOnDisk()) {
        const base = path.basename(name);
        if (base.endsWith('.tmp')) {
          expect(base.startsWith('.part-42-1-')).toBe(true);
          continue;
        }
        checkedFinal++;
        const full = path.join(outDir, name);
        if (name.endsWith('.parquet')) await query(`SELECT count(*) FROM read_parquet(${sqlString(full)})`);
        else readNdjsonGz(full);
      }
    }
    expect(checkedFinal).toBeGreaterThan(10);
    await writer.close();
  });

  it('never replaces a file that is already there', async () => {
    const dir = path.join(outDir, 'itemusages', 'date=2026-10-14');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'part-42-1-0001.parquet'), 'not ours');
    await writeFile(path.join(dir, 'part-42-1-0002.parquet'), 'not ours either');
    const writer = new RunWriter({ outDir, runId: '42', runAttempt: '1', formats: ['parquet', 'ndjson'] });
    await writer.write('itemusages', [{ uuid: 'u', timestamp: '2026-10-14T00:00:00Z' }]);
    const files = await writer.close();
    expect(files.map((f) => f.path)).toEqual([
      'itemusages/date=2026-10-14/part-42-1-0003.parquet',
      'ndjson/itemusages/date=2026-10-14/part-42-1-0001.ndjson.gz',
    ]);
    expect(await readFile(path.join(dir, 'part-42-1-0001.parquet'), 'utf8')).toBe('not ours');
  });
});

describe('RunWriter calls', () => {
  it('serialises concurrent writes of several feeds', async () => {
    const writer = new RunWriter({
      outDir,
      runId: '42',
      runAttempt: '1',
      formats: ['parquet'],
      rowGroupSize: 64,
    });
    const pages = (feed: Feed, seed: number) => {
      const events = signinEvents(600, seed).map((e) => ({ ...e, uuid: `${feed}-${e.uuid}` }));
      return Array.from({ length: 6 }, (_, i) => writer.write(feed, events.slice(i * 100, i * 100 + 100)));
    };
    await Promise.all([...pages('signinattempts', 1), ...pages('itemusages', 2), ...pages('auditevents', 3)]);
    await writer.close();
    for (const feed of ['signinattempts', 'itemusages', 'auditevents'] as const) {
      const rows = await query(
        `SELECT count(*) AS n, count(DISTINCT uuid) AS d, bool_and(starts_with(uuid, '${feed}-')) AS ok FROM read_parquet(${sqlString(`${outDir}/${feed}/*/*.parquet`)})`,
      );
      expect(rows).toEqual([{ n: 600n, d: 600n, ok: true }]);
      expect(writer.stats(feed).events).toBe(600);
    }
  });

  it('refuses writes after close, and closing twice returns the same files', async () => {
    const writer = new RunWriter({ outDir, runId: '42', runAttempt: '1', formats: ['ndjson'] });
    await writer.write('itemusages', [{ uuid: 'u', timestamp: '2026-10-14T00:00:00Z' }]);
    const files = await writer.close();
    expect(files).toHaveLength(1);
    await expect(
      writer.write('itemusages', [{ uuid: 'v', timestamp: '2026-10-14T00:00:00Z' }]),
    ).rejects.toThrow(/after close/);
    expect(await writer.close()).toEqual(files);
  });

  it('after a failure rejects every later call with the same error', async () => {
    const notADirectory = path.join(outDir, 'file');
    await writeFile(notADirectory, '');
    const writer = new RunWriter({
      outDir: notADirectory,
      runId: '42',
      runAttempt: '1',
      formats: ['parquet'],
    });
    const event = { uuid: 'u', timestamp: '2026-10-14T00:00:00Z' };
    const first = await writer.write('itemusages', [event]).catch((error: unknown) => error);
    expect(first).toBeInstanceOf(Error);
    await expect(writer.write('itemusages', [event])).rejects.toBe(first);
    await expect(writer.close()).rejects.toBe(first);
    await writer.abort();
  });

  it('abort deletes unfinished files and keeps finished ones', async () => {
    const writer = new RunWriter({
      outDir,
      runId: '42',
      runAttempt: '1',
      formats: ['parquet'],
      maxFileRows: 10,
    });
    await writer.write(
      'signinattempts',
      signinEvents(15).map((e) => ({ ...e, timestamp: '2026-10-14T00:00:00Z' })),
    );
    expect((await filesOnDisk()).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    await writer.abort();
    expect(await filesOnDisk()).toEqual(['signinattempts/date=2026-10-14/part-42-1-0001.parquet']);
  });

  it('rejects unsafe run ids and bad options before writing anything', () => {
    const base = { outDir, runAttempt: '1', formats: ['parquet'] as const };
    expect(() => new RunWriter({ ...base, runId: '../x' })).toThrow(/runId/);
    expect(() => new RunWriter({ ...base, runId: '1', formats: [] })).toThrow(/formats/);
    expect(() => new RunWriter({ ...base, runId: '1', rowGroupSize: 0 })).toThrow(/rowGroupSize/);
    expect(() => new RunWriter({ ...base, runId: '1', maxFileBytes: 1.5 })).toThrow(/maxFileBytes/);
  });
});
