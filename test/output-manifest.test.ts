import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildManifest, writeManifest } from '../src/output/manifest.ts';
import { RunWriter } from '../src/output/run-writer.ts';
import { AUDIT_CASES, signinEvents } from './fixtures/output/events.ts';
import { query, readNdjsonGz, sqlString } from './fixtures/output/readback.ts';

let outDir: string;
beforeEach(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'output-manifest-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

async function exportRun() {
  const writer = new RunWriter({
    outDir,
    runId: '9001',
    runAttempt: '3',
    formats: ['parquet', 'ndjson'],
    maxFileRows: 40,
  });
  const signins = signinEvents(100);
  await writer.write('signinattempts', signins);
  await writer.write(
    'auditevents',
    AUDIT_CASES.map((c) => c.event),
  );
  const files = await writer.close();
  const manifest = buildManifest({
    runId: '9001',
    runAttempt: '3',
    startedAt: new Date('2026-11-02T10:00:00.000Z'),
    finishedAt: '2026-11-02T10:05:00.000Z',
    server: 'https://events.1password.com',
    account: 'T2WQ6VNHX4KJ7BLZ3MDRC5FYPE',
    apiVersion: 'v2',
    feeds: {
      auditevents: {
        count: AUDIT_CASES.length,
        ...writer.stats('auditevents'),
        cursorAfter: 'cursor-audit-2',
      },
      signinattempts: {
        count: 100,
        ...writer.stats('signinattempts'),
        cursorBefore: 'c1',
        cursorAfter: 'c2',
      },
    },
    files,
  });
  const relative = await writeManifest(outDir, manifest);
  return { files, manifest, relative, signins };
}

describe('run manifest', () => {
  it('is written to _manifests/<run_id>-<run_attempt>.json as pretty JSON in a fixed key order', async () => {
    const { relative, manifest } = await exportRun();
    expect(relative).toBe('_manifests/9001-3.json');
    const text = await readFile(path.join(outDir, relative), 'utf8');
    expect(text).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'manifestVersion',
      'generator',
      'runId',
      'runAttempt',
      'startedAt',
      'finishedAt',
      'server',
      'account',
      'apiVersion',
      'feeds',
      'files',
      'compaction',
    ]);
    expect(parsed).toMatchObject({
      manifestVersion: 1,
      runId: '9001',
      runAttempt: '3',
      startedAt: '2026-11-02T10:00:00.000Z',
      finishedAt: '2026-11-02T10:05:00.000Z',
      server: 'https://events.1password.com',
      account: 'T2WQ6VNHX4KJ7BLZ3MDRC5FYPE',
      apiVersion: 'v2',
      compaction: null,
    });
    // Feeds in the canonical order, every key present (null when unknown).
    expect(Object.keys(parsed.feeds as object)).toEqual(['signinattempts', 'auditevents']);
    expect((parsed.feeds as Record<string, unknown>).auditevents).toEqual({
      count: AUDIT_CASES.length,
      firstEventTime: '2026-10-14T09:21:37.418263905Z',
      lastEventTime: '2026-10-14T12:00:01Z',
      cursorBefore: null,
      cursorAfter: 'cursor-audit-2',
      files: 2, // one date, two formats
    });
    for (const file of parsed.files as Record<string, unknown>[]) {
      expect(Object.keys(file)).toEqual(['path', 'feed', 'format', 'date', 'rows', 'bytes', 'sha256']);
    }
    expect(await readdir(path.join(outDir, '_manifests'))).toEqual(['9001-3.json']); // no temporary left
  });

  it('lists every file with the SHA-256, size and row count found on disk', async () => {
    const { manifest, signins } = await exportRun();
    const onDisk = (await readdir(outDir, { recursive: true }))
      .filter((f) => /\.(parquet|ndjson\.gz)$/.test(f))
      .map((f) => f.split(path.sep).join('/'))
      .sort();
    expect(manifest.files.map((f) => f.path)).toEqual(onDisk);
    for (const file of manifest.files) {
      const bytes = await readFile(path.join(outDir, file.path));
      expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(file.bytes).toBe(bytes.length);
      const rows =
        file.format === 'ndjson'
          ? readNdjsonGz(path.join(outDir, file.path)).length
          : Number(
              (
                (
                  await query(
                    `SELECT count(*) AS n FROM read_parquet(${sqlString(path.join(outDir, file.path))})`,
                  )
                )[0] as {
                  n: bigint;
                }
              ).n,
            );
      expect(rows, file.path).toBe(file.rows);
    }
    const signinRows = manifest.files.filter((f) => f.feed === 'signinattempts' && f.format === 'parquet');
    expect(signinRows.reduce((sum, f) => sum + f.rows, 0)).toBe(signins.length);
    expect(manifest.feeds.signinattempts?.files).toBe(
      manifest.files.filter((f) => f.feed === 'signinattempts').length,
    );
  });

  it('refuses a run id that would escape the manifest folder', () => {
    expect(() =>
      buildManifest({
        runId: '../../etc',
        runAttempt: '1',
        startedAt: '2026-11-02T10:00:00Z',
        finishedAt: '2026-11-02T10:00:00Z',
        server: 'https://events.1password.com',
        apiVersion: 'v2',
        feeds: {},
        files: [],
      }),
    ).toThrow(/runId/);
  });
});
