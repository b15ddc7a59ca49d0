import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startActionsServices } from './sim/github/actions-services.ts';
import type { ActionsServices } from './sim/github/actions-services.ts';

// The real, unmodified @actions/artifact 6.x against the simulator (it reads process.env at call time).

let sim: ActionsServices;
let root: string;
let savedEnv: NodeJS.ProcessEnv;
let dir: string;

beforeAll(async () => {
  sim = await startActionsServices();
  root = await mkdtemp(join(tmpdir(), 'gh-sim-artifact-'));
});

afterAll(async () => {
  await sim.close();
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  savedEnv = { ...process.env };
  dir = join(root, randomUUID());
  await mkdir(join(dir, 'signinattempts', 'date=2026-11-01'), { recursive: true });
  Object.assign(process.env, sim.env(), { GITHUB_WORKSPACE: dir, RUNNER_TEMP: dir });
  delete process.env.GITHUB_SERVER_URL;
  delete process.env.GITHUB_RETENTION_DAYS;
});

afterEach(() => {
  process.env = savedEnv;
  expect(sim.crashes).toEqual([]);
});

async function writeExport(): Promise<string[]> {
  const parquet = join(dir, 'signinattempts', 'date=2026-11-01', 'part-1-1-0.parquet');
  const manifest = join(dir, 'manifest.json');
  await writeFile(parquet, Buffer.from('PAR1 fake parquet bytes PAR1'));
  await writeFile(manifest, '{"events":2}');
  return [parquet, manifest];
}

describe('artifact service v2 with the real @actions/artifact', () => {
  it('uploads a zip whose files are recoverable, with the id the client returns', async () => {
    const client = new DefaultArtifactClient();
    const name = `events-${randomUUID()}`;
    const result = await client.uploadArtifact(name, await writeExport(), dir, { retentionDays: 7 });
    expect(result.id).toBeGreaterThan(0);

    const stored = sim.artifacts.list().find((artifact) => artifact.name === name);
    expect(stored?.id).toBe(result.id);
    expect(stored?.size).toBe(result.size);
    expect(stored?.digest).toBe(`sha256:${result.digest}`);
    expect(stored?.retentionDays).toBe(7);
    expect([...(stored?.files.keys() ?? [])].sort()).toEqual([
      'manifest.json',
      'signinattempts/date=2026-11-01/part-1-1-0.parquet',
    ]);
    expect(stored?.files.get('manifest.json')?.toString()).toBe('{"events":2}');

    // Put Block + Put Block List is what the SDK always uses for artifacts.
    const blobPuts = sim.requestLog.filter(
      (entry) => entry.method === 'PUT' && entry.path.startsWith('/blob/'),
    );
    expect(blobPuts.some((entry) => entry.path.includes('comp=blocklist'))).toBe(true);
  });

  it('assembles a multi-block upload in block-list order', async () => {
    const big = randomBytes(9 * 1024 * 1024); // more than one 8 MiB block, incompressible
    const file = join(dir, 'big.bin');
    await writeFile(file, big);
    const name = `big-${randomUUID()}`;
    const before = sim.requestLog.length;
    const result = await new DefaultArtifactClient().uploadArtifact(name, [file], dir, {
      compressionLevel: 0,
    });
    const blocks = sim.requestLog.slice(before).filter((entry) => entry.path.includes('comp=block&'));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const stored = sim.artifacts.list().find((artifact) => artifact.id === result.id);
    expect(stored?.files.get('big.bin')?.equals(big)).toBe(true);
  });

  it('lists, downloads and deletes through the same client', async () => {
    const client = new DefaultArtifactClient();
    const name = `roundtrip-${randomUUID()}`;
    const { id } = await client.uploadArtifact(name, await writeExport(), dir);
    if (id === undefined) throw new Error('upload returned no id');

    const listed = await client.listArtifacts();
    expect(listed.artifacts.map((artifact) => artifact.name)).toContain(name);
    const { artifact } = await client.getArtifact(name);
    expect(artifact.id).toBe(id);

    const target = join(dir, 'download');
    await client.downloadArtifact(id, { path: target });
    expect(await readFile(join(target, 'manifest.json'), 'utf8')).toBe('{"events":2}');

    await client.deleteArtifact(name);
    expect(sim.artifacts.list().some((stored) => stored.id === id)).toBe(false);
  });

  it('refuses a second artifact with the same name in a run', async () => {
    const client = new DefaultArtifactClient();
    const name = `twice-${randomUUID()}`;
    const files = await writeExport();
    await client.uploadArtifact(name, files, dir);
    await expect(client.uploadArtifact(name, files, dir)).rejects.toThrow(/409/);
    expect(sim.artifacts.list().filter((artifact) => artifact.name === name)).toHaveLength(1);
  });

  it('failNextUploads(1) makes exactly one upload reject, and nothing is finalized for it', async () => {
    const client = new DefaultArtifactClient();
    const name = `denied-${randomUUID()}`;
    const files = await writeExport();
    sim.artifacts.failNextUploads(1);
    await expect(client.uploadArtifact(name, files, dir)).rejects.toThrow();
    expect(sim.artifacts.list().some((artifact) => artifact.name === name)).toBe(false);
    const retried = await client.uploadArtifact(name, files, dir);
    expect(sim.artifacts.list().find((artifact) => artifact.name === name)?.id).toBe(retried.id);
  });
});
