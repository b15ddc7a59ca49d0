import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/clock.ts';
import { MemoryLogger } from '../src/logger.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import { chooseParquetCompression } from '../src/output/compression.ts';
import { ParquetFileWriter } from '../src/output/parquet-writer.ts';
import { RunWriter } from '../src/output/run-writer.ts';
import { SCHEMAS, type Column } from '../src/output/schema.ts';
import {
  AUDIT_CASES,
  ITEM_USAGE_CASES,
  SIGNIN_CASES,
  signinEvents,
  type Case,
} from './fixtures/output/events.ts';
import { at, expectedMicros, expectedUtcDate, query, sqlString } from './fixtures/output/readback.ts';

const CASES: Record<Feed, Case[]> = {
  signinattempts: SIGNIN_CASES,
  itemusages: ITEM_USAGE_CASES,
  auditevents: AUDIT_CASES,
};

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'output-parquet-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

const feedGlob = (feed: Feed) => sqlString(`${outDir}/${feed}/date=*/*.parquet`);

/** Every row of a feed as DuckDB reads it without options; timestamps as epoch microseconds. */
async function readFeed(feed: Feed): Promise<Record<string, unknown>[]> {
  const columns = SCHEMAS[feed].map((c) =>
    c.type === 'timestamp' ? `epoch_us("${c.name}") AS "${c.name}"` : `"${c.name}"`,
  );
  return query(
    `SELECT ${columns.join(', ')}, CAST(date AS VARCHAR) AS date, filename ` +
      `FROM read_parquet(${feedGlob(feed)}, hive_partitioning = true, filename = true) ORDER BY uuid`,
  );
}

/** What a column must hold for an event, derived from the event alone. */
function expectedValue(column: Column, event: RawEvent): unknown {
  const value = at(event, column.path);
  switch (column.type) {
    case 'string':
      return typeof value === 'string' ? value : null;
    case 'double':
      return typeof value === 'number' ? value : null;
    case 'int64':
      return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : null;
    case 'timestamp':
      try {
        return typeof value === 'string' ? expectedMicros(value) : null;
      } catch {
        return null;
      }
  }
}

async function writeAll(
  events: Partial<Record<Feed, RawEvent[]>>,
  options: Partial<ConstructorParameters<typeof RunWriter>[0]> = {},
) {
  const writer = new RunWriter({ outDir, runId: '42', runAttempt: '1', formats: ['parquet'], ...options });
  for (const [feed, list] of Object.entries(events)) await writer.write(feed as Feed, list);
  return { writer, files: await writer.close() };
}

describe('Parquet files read back with DuckDB', () => {
  it('hold every column of every event exactly, unknown fields in extra', async () => {
    await writeAll({
      signinattempts: SIGNIN_CASES.map((c) => c.event),
      itemusages: ITEM_USAGE_CASES.map((c) => c.event),
      auditevents: AUDIT_CASES.map((c) => c.event),
    });
    for (const feed of FEEDS) {
      const rows = await readFeed(feed);
      const cases = [...CASES[feed]].sort((a, b) => (a.event.uuid < b.event.uuid ? -1 : 1));
      expect(rows).toHaveLength(cases.length);
      rows.forEach((row, i) => {
        const { event, extra } = cases[i]!;
        for (const column of SCHEMAS[feed]) {
          if (column.name === 'extra') continue;
          expect(row[column.name], `${feed} ${event.uuid} ${column.name}`).toEqual(
            expectedValue(column, event),
          );
        }
        expect(
          row.extra === null ? undefined : JSON.parse(row.extra as string),
          `${event.uuid} extra`,
        ).toEqual(extra);
        expect(row.date).toBe(expectedUtcDate(event.timestamp));
      });
    }
  });

  it('type the columns the way readers expect, with no options', async () => {
    await writeAll({
      auditevents: AUDIT_CASES.map((c) => c.event),
      itemusages: ITEM_USAGE_CASES.map((c) => c.event),
    });
    const described = await query(
      `DESCRIBE SELECT * FROM read_parquet(${feedGlob('auditevents')}, hive_partitioning = true)`,
    );
    const types = Object.fromEntries(described.map((r) => [r.column_name, r.column_type]));
    expect(types).toMatchObject({
      uuid: 'VARCHAR',
      timestamp: 'TIMESTAMP WITH TIME ZONE',
      session_login_time: 'TIMESTAMP WITH TIME ZONE',
      aux_id: 'BIGINT',
      location_latitude: 'DOUBLE',
      actor_details_email: 'VARCHAR',
      extra: 'VARCHAR',
      date: 'DATE',
    });
    const items = await query(
      `DESCRIBE SELECT * FROM read_parquet(${feedGlob('itemusages')}, hive_partitioning = true)`,
    );
    expect(items.find((r) => r.column_name === 'used_version')?.column_type).toBe('BIGINT');

    const schema = await query(
      `SELECT name, type, converted_type, logical_type FROM parquet_schema(${feedGlob('auditevents')}) WHERE name IN ('timestamp', 'uuid', 'aux_id')`,
    );
    const byName = Object.fromEntries(schema.map((r) => [r.name, r]));
    expect(byName.timestamp).toMatchObject({ type: 'INT64', converted_type: 'TIMESTAMP_MICROS' });
    expect(byName.timestamp!.logical_type).toMatch(/isAdjustedToUTC=1.*MICROS=MicroSeconds\(\)/);
    expect(byName.uuid).toMatchObject({
      type: 'BYTE_ARRAY',
      converted_type: 'UTF8',
      logical_type: 'StringType()',
    });
    expect(byName.aux_id).toMatchObject({ type: 'INT64', converted_type: null });
  });

  it('carry the codec and min/max statistics', async () => {
    const events = signinEvents(50);
    await writeAll({ signinattempts: events });
    const meta = await query(
      `SELECT path_in_schema, compression, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata(${feedGlob('signinattempts')})`,
    );
    const codec = typeof zlib.zstdCompressSync === 'function' ? 'ZSTD' : 'GZIP';
    expect(new Set(meta.map((m) => m.compression))).toEqual(new Set([codec]));
    const micros = events.map((e) => expectedMicros(e.timestamp)).sort((a, b) => (a < b ? -1 : 1));
    const [{ min, max }] = (await query(
      `SELECT epoch_us(min(timestamp)) AS min, epoch_us(max(timestamp)) AS max FROM read_parquet(${feedGlob('signinattempts')})`,
    )) as [{ min: bigint; max: bigint }];
    expect([min, max]).toEqual([micros[0], micros.at(-1)]);
    const stats = meta.find((m) => m.path_in_schema === 'timestamp')!;
    expect(stats.stats_min_value).not.toBeNull();
    expect(stats.stats_max_value).not.toBeNull();
    // Enum-like strings keep statistics for pruning; free text does not pay for them.
    const category = meta.find((m) => m.path_in_schema === 'category')!;
    const categories = events.map((e) => String(e.category)).sort();
    // (string bounds are truncated to 16 bytes)
    expect([category.stats_min_value, category.stats_max_value]).toEqual([
      categories[0]!.slice(0, 16),
      categories.at(-1)!.slice(0, 16),
    ]);
    expect(meta.find((m) => m.path_in_schema === 'details_value')!.stats_min_value).toBeNull();
  });

  it('have the same columns in every file of a feed, even when a field is absent from a whole file', async () => {
    const bare: RawEvent = { uuid: 'bare', timestamp: '2026-10-13T12:00:00Z', action: 'view' }; // no aux_id, no location...
    await writeAll({ auditevents: [bare, ...AUDIT_CASES.map((c) => c.event)] });
    const files = (await readdir(path.join(outDir, 'auditevents'), { recursive: true })).filter((f) =>
      f.endsWith('.parquet'),
    );
    expect(files.length).toBeGreaterThanOrEqual(2);
    const expected = SCHEMAS.auditevents.map((c) => c.name);
    const layouts = new Set<string>();
    for (const file of files) {
      const described = await query(
        `DESCRIBE SELECT * FROM read_parquet(${sqlString(path.join(outDir, 'auditevents', file))}, hive_partitioning = false)`,
      );
      expect(described.map((r) => r.column_name)).toEqual(expected);
      layouts.add(JSON.stringify(described.map((r) => [r.column_name, r.column_type])));
    }
    expect(layouts.size).toBe(1);
    const [bareRow] = await query(
      `SELECT aux_id, location_latitude, extra FROM read_parquet(${feedGlob('auditevents')}) WHERE uuid = 'bare'`,
    );
    expect(bareRow).toEqual({ aux_id: null, location_latitude: null, extra: null });
  });

  it('partition by the UTC date of each event, whatever its offset', async () => {
    const stamps = [
      '2026-10-14T23:30:00-03:00', // 02:30Z on the 15th
      '2026-10-15T08:30:00+09:00', // 23:30Z on the 14th
      '2026-10-14T23:59:59.999999999Z',
      '2026-10-15T00:00:00Z',
      '2026-10-15T00:00:00.000001+00:01', // 23:59Z on the 14th
      '2026-10-16T01:00:00+02:00', // 23:00Z on the 15th
    ];
    const events = stamps.map((timestamp, i) => ({ uuid: `e${i}`, timestamp }));
    const { files } = await writeAll({ signinattempts: events });
    expect(files.map((f) => f.path)).toEqual([
      'signinattempts/date=2026-10-14/part-42-1-0001.parquet',
      'signinattempts/date=2026-10-15/part-42-1-0001.parquet',
    ]);
    const rows = await readFeed('signinattempts');
    const byUuid = Object.fromEntries(rows.map((r) => [r.uuid, r]));
    expect(Object.fromEntries(events.map((e) => [e.uuid, byUuid[e.uuid]!.date]))).toEqual({
      e0: '2026-10-15',
      e1: '2026-10-14',
      e2: '2026-10-14',
      e3: '2026-10-15',
      e4: '2026-10-14',
      e5: '2026-10-15',
    });
    for (const e of events) expect(byUuid[e.uuid]!.timestamp).toBe(expectedMicros(e.timestamp));
  });

  it('file an event with an unparseable timestamp under the day it was written, and say so', async () => {
    const logger = new MemoryLogger();
    const clock = new SimulatedClock(Date.parse('2026-11-02T10:00:00Z'));
    const events: RawEvent[] = [
      { uuid: 'middle', timestamp: '2026-10-15T00:00:01+00:00' },
      { uuid: 'bad', timestamp: 'Oct 14 2026' },
      // The smallest string but the latest instant (02:30Z on the 15th)...
      { uuid: 'last', timestamp: '2026-10-14T23:30:00-03:00' },
      // ...and a larger string that is the earliest instant (16:00Z on the 14th).
      { uuid: 'first', timestamp: '2026-10-15T01:00:00+09:00' },
    ];
    const { writer, files } = await writeAll({ itemusages: events }, { logger, clock });
    expect(files.map((f) => f.date)).toEqual(['2026-10-14', '2026-10-15', '2026-11-02']);
    const [bad] = await query(
      `SELECT timestamp, extra, CAST(date AS VARCHAR) AS date FROM read_parquet(${feedGlob('itemusages')}, hive_partitioning = true) WHERE uuid = 'bad'`,
    );
    expect(bad).toEqual({ timestamp: null, extra: '{"timestamp":"Oct 14 2026"}', date: '2026-11-02' });
    expect(logger.lines.filter((l) => l.startsWith('warning:'))).toHaveLength(1);
    expect(logger.lines[0]).toContain('date=2026-11-02');
    // first/last by instant, reported as the API wrote them
    expect(writer.stats('itemusages')).toEqual({
      events: 4,
      firstEventTime: '2026-10-15T01:00:00+09:00',
      lastEventTime: '2026-10-14T23:30:00-03:00',
    });
    expect(writer.stats('auditevents')).toEqual({ events: 0 });
  });
});

describe('Parquet files read back with other readers and codecs', () => {
  // hyparquet reads SNAPPY by itself; the other codecs are passed in.
  const compressors = {
    GZIP: (input: Uint8Array) => zlib.gunzipSync(input),
    ...(typeof zlib.zstdDecompressSync === 'function'
      ? { ZSTD: (input: Uint8Array) => zlib.zstdDecompressSync(input) }
      : {}),
  };

  it('read with hyparquet too', async () => {
    const events = SIGNIN_CASES.map((c) => c.event);
    const { files } = await writeAll({ signinattempts: events });
    const rows: Record<string, unknown>[] = [];
    for (const file of files) {
      rows.push(
        ...(await parquetReadObjects({
          file: await asyncBufferFromFile(path.join(outDir, file.path)),
          compressors,
        })),
      );
    }
    expect(rows.map((r) => r.uuid).sort()).toEqual(events.map((e) => e.uuid).sort());
    for (const event of events) {
      const row = rows.find((r) => r.uuid === event.uuid)!;
      expect((row.timestamp as Date).getTime()).toBe(Number(expectedMicros(event.timestamp) / 1000n));
      expect(row.client_ip_address).toBe(
        expectedValue(
          SCHEMAS.signinattempts.find((c) => c.name === 'client_ip_address')!,
          event,
        ),
      );
    }
  });

  it('fall back to GZIP where zlib has no ZSTD (Node 20), and DuckDB reads that too', async () => {
    const compression = chooseParquetCompression({ gzipSync: zlib.gzipSync });
    expect(compression.codec).toBe('GZIP');
    const file = path.join(outDir, 'gzip.parquet');
    const writer = await ParquetFileWriter.create(file, {
      feed: 'signinattempts',
      rowGroupSize: 100,
      maxFileBytes: 1 << 30,
      maxFileRows: Infinity,
      compression,
    });
    const events = signinEvents(250);
    for (const event of events) expect(await writer.tryAppend(event)).toBe(true);
    await writer.close();
    const meta = await query(
      `SELECT DISTINCT compression, row_group_id FROM parquet_metadata(${sqlString(file)}) ORDER BY row_group_id`,
    );
    expect(meta.map((m) => m.compression)).toEqual(['GZIP', 'GZIP', 'GZIP']);
    const rows = await query(`SELECT uuid, epoch_us(timestamp) AS ts FROM read_parquet(${sqlString(file)})`);
    expect(rows).toEqual(events.map((e) => ({ uuid: e.uuid, ts: expectedMicros(e.timestamp) })));
  });
});
