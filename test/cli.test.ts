/**
 * The CLI end to end against the Events API simulator: files read back with DuckDB and compared
 * field by field with the simulator's ground truth; bad input refused before any request.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { diffRow, readFeedParquet } from './support/parquet-expect.ts';

const DAY = 86_400_000;
let sim: EventsApiSimulator;
let token: string;
let work: string;

beforeAll(async () => {
  sim = await EventsApiSimulator.start({ seed: 11, rateLimit: false });
  token = sim.issueToken();
  work = await mkdtemp(path.join(os.tmpdir(), 'cli-test-'));
});
afterAll(async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
});

async function runCli(args: string[], env: Record<string, string> = { OP_EVENTS_TOKEN: token }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await main(args, { env, stdout, stderr });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe('export', () => {
  it('writes every event once, every field equal to the ground truth, and resumes from its state', async () => {
    const now = Date.now();
    const counts: Record<Feed, number> = { signinattempts: 2_600, itemusages: 3_100, auditevents: 1_400 };
    for (const feed of FEEDS)
      sim.generate(feed, counts[feed], {
        from: new Date(now - 5 * DAY),
        to: new Date(now - 60_000),
        late: feed === 'itemusages' ? 0.05 : 0,
      });
    const out = path.join(work, 'out');

    const first = await runCli([
      '--server-url',
      sim.url,
      '--out',
      out,
      '--formats',
      'parquet,ndjson',
      '--start-time',
      '10d',
      '--run-id',
      'r1',
    ]);
    expect(first.stderr).not.toContain(token);
    expect(first.code).toBe(0);

    // A second batch, late arrivals included, then a second run from the saved state.
    for (const feed of FEEDS)
      sim.generate(feed, 700, { from: new Date(now - DAY), to: new Date(now - 1_000), late: 0.1 });
    const second = await runCli([
      '--server-url',
      sim.url,
      '--out',
      out,
      '--formats',
      'parquet,ndjson',
      '--run-id',
      'r2',
    ]);
    expect(second.code).toBe(0);

    for (const feed of FEEDS) {
      const truth = sim.groundTruth(feed);
      const byUuid = new Map(truth.map((e) => [e.uuid, e]));
      const { rows, columns } = await readFeedParquet(`${out}/${feed}/date=*/*.parquet`);
      expect(rows.length).toBe(truth.length);
      expect(new Set(rows.map((r) => r.uuid)).size).toBe(truth.length);
      const problems = rows.flatMap((row) => {
        const event = byUuid.get(String(row.uuid));
        return event
          ? diffRow(event, row, columns).map((p) => `${feed} ${event.uuid} ${p}`)
          : [`${feed}: unknown uuid ${String(row.uuid)}`];
      });
      expect(problems.slice(0, 5)).toEqual([]);
      // The comparison itself can fail: a changed timestamp or an extra field is caught.
      const [sample] = rows;
      const original = byUuid.get(String(sample!.uuid))!;
      expect(diffRow({ ...original, timestamp: '2001-01-01T00:00:00Z' }, sample!, columns)).not.toEqual([]);
      expect(diffRow({ ...original, surprise: 1 }, sample!, columns)).not.toEqual([]);
      // The generator sends fields the schema does not know: they must be in extra.
      expect(rows.some((r) => r.extra !== null)).toBe(true);

      const lines: unknown[] = [];
      for (const file of await filesUnder(path.join(out, 'ndjson', feed), '.ndjson.gz')) {
        for (const line of gunzipSync(await readFile(file))
          .toString('utf8')
          .split('\n'))
          if (line) lines.push(JSON.parse(line));
      }
      const sortByUuid = (a: { uuid: string }, b: { uuid: string }) => a.uuid.localeCompare(b.uuid);
      expect((lines as { uuid: string }[]).sort(sortByUuid)).toEqual([...truth].sort(sortByUuid));
    }

    // Manifests: every file listed with the right hash and row count.
    const manifests = await filesUnder(path.join(out, '_manifests'), '.json');
    expect(manifests.map((m) => path.basename(m))).toEqual(['r1-1.json', 'r2-1.json']);
    for (const manifestFile of manifests) {
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
        files: { path: string; sha256: string; rows: number }[];
      };
      expect(manifest.files.length).toBeGreaterThan(0);
      for (const file of manifest.files) {
        const bytes = await readFile(path.join(out, file.path));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
      }
      expect(JSON.stringify(manifest)).not.toContain(token);
    }
    expect(await readFile(path.join(out, '_state', 'state.json'), 'utf8')).not.toContain(token);
  });
});

describe('bad input', () => {
  it.each([
    [['--events', 'foo'], 'Invalid --events: unknown "foo"'],
    [['--formats', 'csv'], 'Invalid --formats: unknown "csv"'],
    [['--start-time', 'yesterday'], 'Invalid --start-time: "yesterday"'],
    [['--api-version', 'v9'], 'Invalid --api-version: "v9"'],
    [['--server-url', 'http://example.com'], 'Invalid --server-url'],
    [['--max-duration', 'soon'], 'Invalid --max-duration'],
    [['--token', 'abc'], "Unknown option '--token'"],
  ])('%j exits 2 with one line naming it and makes no request', async (args, message) => {
    sim.clearRequests();
    const result = await runCli(['--server-url', sim.url, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
    expect(sim.requests).toHaveLength(0);
  });

  it('a missing token exits 2 before any request', async () => {
    sim.clearRequests();
    const result = await runCli(['--server-url', sim.url], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: Invalid OP_EVENTS_TOKEN \/ --token-file: missing/);
    expect(sim.requests).toHaveLength(0);
  });

  it('reads the token from --token-file', async () => {
    const file = path.join(work, 'token');
    await writeFile(file, `${token}\n`, { mode: 0o600 });
    const result = await runCli(
      [
        '--server-url',
        sim.url,
        '--token-file',
        file,
        '--out',
        path.join(work, 'tf'),
        '--events',
        'auditevents',
      ],
      {},
    );
    expect(result.code).toBe(0);
  });

  it('a refused token exits 3 after one request, never retried, without printing the token', async () => {
    const revoked = sim.issueToken();
    sim.revokeToken(revoked);
    sim.clearRequests();
    const result = await runCli(['--server-url', sim.url, '--out', path.join(work, 'auth')], {
      OP_EVENTS_TOKEN: revoked,
    });
    expect(result.code).toBe(3);
    expect(sim.requests).toHaveLength(1);
    expect(result.stderr).toContain('401');
    expect(result.stderr).not.toContain(revoked);
  });

  it('the bundled bin refuses bad flags the same way', async () => {
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['dist/cli.js', '--formats', 'csv'], {
        env: { ...process.env, OP_EVENTS_TOKEN: 'x' },
      });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (c) => resolve({ code: c ?? -1, stderr: err }));
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'error: Invalid --formats: unknown "csv"; use a comma list of parquet, ndjson',
    );
  });
});
