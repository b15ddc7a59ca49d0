import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { isExportError } from '../src/errors.ts';
import { MemoryLogger } from '../src/logger.ts';
import { ArtifactSink } from '../src/sinks/artifact.ts';
import { NoneSink } from '../src/sinks/none.ts';
import type { Delivery } from '../src/sinks/sink.ts';
import type { StateDocument } from '../src/state/document.ts';
import { startActionsServices } from './sim/github/actions-services.ts';
import type { ActionsServices } from './sim/github/actions-services.ts';

// The real @actions/artifact against the simulated artifact service.

let sim: ActionsServices;
let root: string;
let savedEnv: NodeJS.ProcessEnv;
let outDir: string;

const state: StateDocument = {
  schema: 1,
  account: 'A',
  server: 'https://events.1password.com',
  updatedAt: '2026-11-02T00:00:00Z',
  writtenBy: '1-1',
  feeds: {},
};

const FILES = [
  'signinattempts/date=2026-11-01/part-77-1-0001.parquet',
  'signinattempts/date=2026-11-02/part-77-1-0002.parquet',
  'ndjson/itemusages/date=2026-11-02/part-77-1-0001.ndjson.gz',
  '_manifests/77-1.json',
];

beforeAll(async () => {
  sim = await startActionsServices();
  root = await mkdtemp(join(tmpdir(), 'sinks-artifact-'));
});

afterAll(async () => {
  await sim.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  savedEnv = { ...process.env };
  Object.assign(process.env, sim.env(), { RUNNER_TEMP: join(root, 'temp'), GITHUB_WORKSPACE: root });
  delete process.env.GITHUB_RETENTION_DAYS;
  delete process.env.GITHUB_SERVER_URL;
  outDir = join(root, randomUUID());
  for (const file of FILES) {
    await mkdir(dirname(join(outDir, file)), { recursive: true });
    await writeFile(join(outDir, file), randomBytes(1000 + Math.floor(Math.random() * 5000)));
  }
});

afterEach(() => {
  process.env = savedEnv;
  expect(sim.crashes).toEqual([]);
});

function sink(name: string, retentionDays?: number, logger = new MemoryLogger()): ArtifactSink {
  return new ArtifactSink({
    name,
    ...(retentionDays === undefined ? {} : { retentionDays }),
    serverUrl: 'https://github.example/',
    repository: 'octo/exports',
    runId: '77',
    logger,
  });
}

function delivery(files = FILES): Delivery {
  return { outDir, files, state, message: 'export run 77' };
}

describe('ArtifactSink', () => {
  it('uploads every file byte for byte with its layout, and links to the artifact', async () => {
    const name = `events-${randomUUID()}`;
    const result = await sink(name).deliver(delivery());
    const artifact = sim.artifacts.list().find((candidate) => candidate.name === name);
    expect(artifact).toBeDefined();
    expect(result).toEqual({
      artifactId: artifact!.id,
      artifactUrl: `https://github.example/octo/exports/actions/runs/77/artifacts/${artifact!.id}`,
      detail: `uploaded 4 files as artifact "${name}"`,
    });
    expect([...artifact!.files.keys()].sort()).toEqual([...FILES].sort());
    for (const file of FILES) {
      expect(artifact!.files.get(file)?.equals(await readFile(join(outDir, file)))).toBe(true);
    }
    // No retention asked: the repository default applies.
    expect(artifact!.retentionDays).toBeUndefined();
  });

  it('passes the retention on', async () => {
    const name = `events-${randomUUID()}`;
    await sink(name, 9).deliver(delivery());
    expect(sim.artifacts.list().find((candidate) => candidate.name === name)?.retentionDays).toBe(9);
  });

  it('uploads nothing when there are no files', async () => {
    const name = `events-${randomUUID()}`;
    const before = sim.requestLog.length;
    expect(await sink(name).deliver(delivery([]))).toEqual({ detail: 'nothing to upload' });
    expect(sim.requestLog.length).toBe(before);
    expect(sim.artifacts.list().some((candidate) => candidate.name === name)).toBe(false);
  });

  it('fails as a delivery error, without the signed URL, when the upload is refused', async () => {
    const name = `events-${randomUUID()}`;
    sim.artifacts.failNextUploads(1);
    const error = await sink(name)
      .deliver(delivery())
      .catch((caught: unknown) => caught);
    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toContain(`Uploading artifact "${name}" failed`);
    expect((error as Error).message).not.toMatch(/sig=/);
    expect(sim.artifacts.list().some((candidate) => candidate.name === name)).toBe(false);
  });
});

describe('NoneSink', () => {
  it('leaves the files where they are and says where', async () => {
    const before = sim.requestLog.length;
    expect(await new NoneSink().deliver(delivery())).toEqual({ detail: `files left in ${outDir}` });
    expect(sim.requestLog.length).toBe(before);
    expect((await readFile(join(outDir, FILES[0]!))).length).toBeGreaterThan(0);
  });
});
