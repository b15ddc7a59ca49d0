/**
 * A sanity run at realistic volume: 200,000 sign-in attempts arriving in pages of 1,000, written to
 * both formats with the default bounds. It reports events/s and memory (not asserted: the host is
 * shared) and checks that every event landed once and every file stayed within the bound.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunWriter } from '../src/output/run-writer.ts';
import { signinEvents } from './fixtures/output/events.ts';
import { query, sqlString } from './fixtures/output/readback.ts';

const EVENTS = 200_000;
const PAGE = 1_000;

let outDir: string;
beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'output-throughput-'));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('throughput sanity run', () => {
  it(`writes ${EVENTS.toLocaleString('en')} events to Parquet and NDJSON with flat memory`, async () => {
    const writer = new RunWriter({ outDir, runId: '1', runAttempt: '1', formats: ['parquet', 'ndjson'] });
    const start = Date.parse('2026-10-10T00:00:00Z');
    const rssAfterPage: number[] = [];
    const began = performance.now();
    for (let page = 0; page < EVENTS / PAGE; page++) {
      // Pages are generated as they arrive (about three days of events), so memory reflects the
      // writer, not the test data.
      const events = signinEvents(PAGE, page + 1, start + page * PAGE * 1300).map((e, i) => ({
        ...e,
        uuid: `${page}-${i}`,
      }));
      await writer.write('signinattempts', events);
      rssAfterPage.push(process.memoryUsage().rss);
    }
    const files = await writer.close();
    const seconds = (performance.now() - began) / 1000;

    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
    const tenth = rssAfterPage.length / 10;
    const peak = Math.max(...rssAfterPage);
    const sizes = (format: string) =>
      files.filter((f) => f.format === format).reduce((sum, f) => sum + f.bytes, 0);
    console.log(
      `${EVENTS} events in ${seconds.toFixed(1)} s = ${Math.round(EVENTS / seconds)} events/s (both formats); ` +
        `RSS after 10% ${mib(rssAfterPage[tenth - 1]!)}, after 50% ${mib(rssAfterPage[5 * tenth - 1]!)}, ` +
        `peak ${mib(peak)}, process max ${mib(process.resourceUsage().maxRSS * 1024)}; ` +
        `${files.length} files, Parquet ${mib(sizes('parquet'))}, NDJSON.gz ${mib(sizes('ndjson'))}`,
    );

    for (const file of files) expect(file.bytes, file.path).toBeLessThanOrEqual(25 * 1024 * 1024);
    for (const format of ['parquet', 'ndjson']) {
      expect(files.filter((f) => f.format === format).reduce((sum, f) => sum + f.rows, 0)).toBe(EVENTS);
    }
    const [counts] = await query(
      `SELECT count(*) AS n, count(DISTINCT uuid) AS d FROM read_parquet(${sqlString(`${outDir}/signinattempts/date=*/*.parquet`)}, hive_partitioning = true)`,
    );
    expect(counts).toEqual({ n: BigInt(EVENTS), d: BigInt(EVENTS) });
    expect(writer.stats('signinattempts').events).toBe(EVENTS);
  });
});
