import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawEvent } from '../src/onepassword/types.ts';
import { crc32Js } from '../src/output/gzip-blocks.ts';
import { NdjsonFileWriter } from '../src/output/ndjson-writer.ts';
import { RunWriter } from '../src/output/run-writer.ts';
import { AUDIT_CASES, ITEM_USAGE_CASES, SIGNIN_CASES, signinEvents } from './fixtures/output/events.ts';
import { readNdjsonGz } from './fixtures/output/readback.ts';

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'output-ndjson-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** Events as the client has them: parsed from the API's JSON text, oddities included. */
function apiEvents(): RawEvent[] {
  const text = JSON.stringify([
    ...SIGNIN_CASES.map((c) => c.event),
    ...ITEM_USAGE_CASES.map((c) => c.event),
    ...AUDIT_CASES.map((c) => c.event),
  ]);
  // Add shapes JSON.stringify of a JS literal would not produce: a lone surrogate, a __proto__ key.
  const odd =
    '{"uuid":"odd","timestamp":"2026-10-14T09:30:45Z","__proto__":{"x":1},"note":"half \\ud83d pair","big":1e300}';
  return JSON.parse(`[${text.slice(1, -1)},${odd}]`) as RawEvent[];
}

describe('NDJSON files', () => {
  it('hold one line per event, the original object exactly', async () => {
    const events = apiEvents();
    const writer = new RunWriter({ outDir, runId: '7', runAttempt: '2', formats: ['ndjson'] });
    await writer.write('auditevents', events);
    const files = await writer.close();
    const lines = files.flatMap((f) => readNdjsonGz(path.join(outDir, f.path)));
    expect(lines).toHaveLength(events.length);
    const byUuid = new Map(lines.map((l) => [(l as RawEvent).uuid, l]));
    for (const event of events) expect(byUuid.get(event.uuid), event.uuid).toStrictEqual(event);
    const odd = byUuid.get('odd') as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(odd, '__proto__')?.value).toEqual({ x: 1 });
    expect(odd.note).toBe('half \ud83d pair');
    expect(files.every((f) => f.path.endsWith('.ndjson.gz'))).toBe(true);
    // Byte for byte, in the API's key order.
    const text = files
      .map((f) => zlib.gunzipSync(readFileSync(path.join(outDir, f.path))).toString())
      .join('');
    const expectedLines = events.map((e) => JSON.stringify(e));
    expect(text.split('\n').slice(0, -1).sort()).toEqual(expectedLines.sort());
  });

  it('are one standard gzip stream across many blocks, readable by the gzip tool', async () => {
    const events = signinEvents(3000);
    const file = path.join(outDir, 'blocks.ndjson.gz');
    const writer = await NdjsonFileWriter.create(file, {
      maxFileBytes: 1 << 30,
      maxFileRows: Infinity,
      blockBytes: 16_384,
    });
    for (const event of events) expect(await writer.tryAppend(event)).toBe(true);
    const bytes = await writer.close();
    const raw = await readFile(file);
    expect(raw.length).toBe(bytes);
    const expectedText = events.map((e) => `${JSON.stringify(e)}\n`).join('');
    // One member: the DEFLATE data between the 10-byte header and the 8-byte trailer is a single stream.
    expect(zlib.inflateRawSync(raw.subarray(10, -8)).toString()).toBe(expectedText);
    expect(raw.readUInt32LE(raw.length - 8)).toBe(crc32Js(Buffer.from(expectedText)));
    expect(raw.readUInt32LE(raw.length - 4)).toBe(Buffer.byteLength(expectedText));
    execFileSync('gzip', ['-t', file]);
    expect(execFileSync('gzip', ['-dc', file], { maxBuffer: 1 << 28 }).toString()).toBe(expectedText);
    // Blocks share the window, so they compress like one gzip -6 of the whole text.
    expect(bytes).toBeLessThan(zlib.gzipSync(expectedText).length * 1.02);
  });

  it('computes CRC-32 in JavaScript exactly as zlib does (the Node < 20.15 fallback)', () => {
    expect(crc32Js(Buffer.from('123456789'))).toBe(0xcbf43926);
    const data = Buffer.from(JSON.stringify(signinEvents(50)));
    expect(crc32Js(data.subarray(100), crc32Js(data.subarray(0, 100)))).toBe(zlib.crc32(data));
  });
});
