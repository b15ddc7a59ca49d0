import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { isExportError } from '../src/errors.ts';
import { MemoryLogger } from '../src/logger.ts';
import type { StateDocument } from '../src/state/document.ts';
import { MAX_STATE_BYTES } from '../src/state/parse.ts';
import { FileStateStore } from '../src/state/file-store.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'state-file-store-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function doc(updatedAt: string, cursor: string): StateDocument {
  return {
    schema: 1,
    account: 'ACCOUNT1',
    server: 'https://events.1password.com',
    updatedAt,
    writtenBy: 'cli',
    feeds: {
      auditevents: { cursor, apiVersion: 'v2', savedAt: updatedAt, recentUuids: ['a', 'b'] },
    },
  };
}

describe('FileStateStore', () => {
  it('has no state before the first save, then round-trips the document', async () => {
    const store = new FileStateStore(join(dir, 'nested', 'state.json'));
    expect(await store.load()).toBeUndefined();
    const original = doc('2026-11-02T00:00:00Z', 'c1');
    const result = await store.save(original);
    expect(result).toEqual({ saved: true, detail: `state written to ${join(dir, 'nested', 'state.json')}` });
    expect(await store.load()).toEqual(original);
  });

  it('writes the file readable by its owner only', async () => {
    const path = join(dir, 'state.json');
    await new FileStateStore(path).save(doc('2026-11-02T00:00:00Z', 'c1'));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('replaces the file by rename, leaving no temporary file behind', async () => {
    const path = join(dir, 'state.json');
    const store = new FileStateStore(path);
    await store.save(doc('2026-11-02T00:00:00Z', 'c1'));
    const firstInode = (await stat(path)).ino;
    await store.save(doc('2026-11-03T00:00:00Z', 'c2'));
    // A new inode means the old file was swapped out whole, never rewritten in place.
    expect((await stat(path)).ino).not.toBe(firstInode);
    expect(await readdir(dir)).toEqual(['state.json']);
    expect((await store.load())?.feeds.auditevents?.cursor).toBe('c2');
  });

  it('keeps the previous document when a save fails, and reports it instead of throwing', async () => {
    const path = join(dir, 'state.json');
    const store = new FileStateStore(path);
    await store.save(doc('2026-11-02T00:00:00Z', 'c1'));
    const blocked = new FileStateStore(join(dir, 'state.json', 'inside-a-file.json'));
    const result = await blocked.save(doc('2026-11-03T00:00:00Z', 'c2'));
    expect(result.saved).toBe(false);
    expect(result.detail).toMatch(/could not write .*inside-a-file\.json/);
    expect((await store.load())?.feeds.auditevents?.cursor).toBe('c1');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('refuses a damaged file with an error naming it', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, '{"schema":1,"account":');
    const error = await new FileStateStore(path).load().catch((caught: unknown) => caught);
    expect(isExportError(error)).toBe(true);
    expect((error as Error).message).toContain(path);
    // The damaged file is left for the user to inspect.
    expect(await readFile(path, 'utf8')).toBe('{"schema":1,"account":');
  });

  it('refuses a file past the size cap without reading it, naming the file and its size', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, Buffer.alloc(MAX_STATE_BYTES + 1, 0x20));
    const error = await new FileStateStore(path).load().catch((caught: unknown) => caught);
    expect(isExportError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `State in ${path} is not a valid state document: it is ${MAX_STATE_BYTES + 1} bytes, more than the ${MAX_STATE_BYTES} a state document can be.`,
    );
  });

  it('ignores a document of an unknown schema, with a warning', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, JSON.stringify({ schema: 9 }));
    const logger = new MemoryLogger();
    expect(await new FileStateStore(path, { logger }).load()).toBeUndefined();
    expect(logger.lines.join('\n')).toMatch(/warning: Ignoring the state in .*state\.json: it has schema 9/);
  });
});
