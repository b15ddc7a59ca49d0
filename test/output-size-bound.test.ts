import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawEvent } from '../src/onepassword/types.ts';
import type { EventFileWriter } from '../src/output/event-file.ts';
import { NdjsonFileWriter } from '../src/output/ndjson-writer.ts';
import { ParquetFileWriter } from '../src/output/parquet-writer.ts';
import { incompressibleEvents, noise, signinEvents } from './fixtures/output/events.ts';

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'output-bound-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('size bound of a file writer', () => {
  const shapes: [string, () => RawEvent[]][] = [
    ['realistic', () => signinEvents(700)],
    ['incompressible', () => incompressibleEvents(700)],
    [
      'multi-byte text',
      () => signinEvents(600).map((e) => ({ ...e, noise: '😀é漢'.repeat(40) + noise(40) })),
    ],
    [
      'one huge value',
      () => [{ uuid: 'huge', timestamp: '2026-10-14T00:00:00Z', client: { ip_address: noise(300_000) } }],
    ],
    [
      'all nulls',
      () => Array.from({ length: 700 }, (_, i) => ({ uuid: `n${i}`, timestamp: '2026-10-14T00:00:00Z' })),
    ],
  ];

  it.each(shapes)('is never below the real size (%s data)', async (_label, make) => {
    const events = make();
    const makers: [string, (file: string) => Promise<EventFileWriter>][] = [];
    for (const rowGroupSize of [3, 100, 10_000]) {
      makers.push([
        `parquet rg${rowGroupSize}`,
        (file) =>
          ParquetFileWriter.create(file, {
            feed: 'signinattempts',
            rowGroupSize,
            maxFileBytes: 1 << 30,
            maxFileRows: Infinity,
          }),
      ]);
    }
    for (const blockBytes of [1, 20_000, 1 << 20]) {
      makers.push([
        `ndjson block${blockBytes}`,
        (file) => NdjsonFileWriter.create(file, { maxFileBytes: 1 << 30, maxFileRows: Infinity, blockBytes }),
      ]);
    }
    for (const [label, make] of makers) {
      for (const count of new Set([1, 2, 64, events.length].filter((n) => n <= events.length))) {
        const file = path.join(outDir, `${label.replace(' ', '-')}-${count}`);
        const writer = await make(file);
        for (const event of events.slice(0, count)) expect(await writer.tryAppend(event)).toBe(true);
        const bound = writer.sizeBound;
        const bytes = await writer.close();
        expect(bytes, `${label}, ${count} events`).toBeLessThanOrEqual(bound);
        expect((await stat(file)).size).toBe(bytes);
        await rm(file);
      }
    }
  });
});
