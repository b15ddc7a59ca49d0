/** Bad inputs are refused by the bundled action before any request, each naming the input. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './support/action-world.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: 3 });
});
afterAll(async () => world.close());

describe('input validation', () => {
  it.each([
    [{ 'server-url': 'http://example.com' }, 'Invalid server-url'],
    [
      { events: 'foo' },
      'Invalid events: unknown "foo"; use a comma list of signinattempts, itemusages, auditevents, auto',
    ],
    [{ formats: 'csv' }, 'Invalid formats: unknown "csv"; use a comma list of parquet, ndjson'],
    [{ destination: 'ftp' }, 'Invalid destination: "ftp" is not one of artifact, repo, s3, none'],
    [{ destination: 's3' }, 'Invalid s3-bucket: missing; destination: s3 needs the bucket name'],
    [{ 'start-time': 'yesterday' }, 'Invalid start-time: "yesterday" is neither an RFC 3339 time'],
    [{ token: '' }, 'Invalid token: missing'],
  ])('%j fails naming the input, with zero requests', async (inputs, message) => {
    world.events.clearRequests();
    const restBefore = world.rest.requestLog.length;
    const result = await world.run(inputs);
    expect(result.exitCode).not.toBe(0);
    const errors = result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors[0]).toContain(message);
    expect(errors).toHaveLength(2); // the input's line, then the step's "invalid; nothing was requested"
    expect(result.stdout).not.toMatch(/\n\s+at /); // no stack trace for a user error
    expect(world.events.requests).toHaveLength(0);
    expect(world.rest.requestLog.length).toBe(restBefore);
    expect(world.actions.requestLog.filter((r) => r.path.includes('CacheService'))).toHaveLength(0);
  });

  it('refuses every input that used to fail late: one error each, naming it, and zero requests', async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), 'inputs-'));
    const aFile = path.join(scratch, 'not-a-folder');
    await writeFile(aFile, 'x');
    const bad: Record<string, string> = {
      'artifact-name': 'exports/1password',
      'retention-days': '1e1',
      'output-dir': aFile,
      'storage-path': 'x/.git/hooks',
      'storage-branch': 'feature/../x',
      'storage-repo': 'acme/security/extra',
      'alert-labels': `ok, ${'l'.repeat(51)}`,
      'storage-token': 'ghp_with a space',
      destination: 'repo',
    };
    world.events.clearRequests();
    const restBefore = world.rest.requestLog.length;
    const actionsBefore = world.actions.requestLog.length;
    const result = await world.run(bad);
    await rm(scratch, { recursive: true, force: true });

    expect(result.exitCode).not.toBe(0);
    const errors = result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    const named = Object.keys(bad).filter((name) => name !== 'destination');
    expect(
      errors
        .slice(0, -1)
        .map((e) => /^Invalid ([a-z-]+):/.exec(e)?.[1])
        .sort(),
    ).toEqual(named.sort());
    expect(errors.at(-1)).toBe(`${named.length} inputs are invalid; nothing was requested.`);
    expect(errors.join('\n')).not.toContain('ghp_with'); // a token is never quoted
    expect(world.events.requests).toHaveLength(0);
    expect(world.rest.requestLog.length).toBe(restBefore);
    expect(world.actions.requestLog.length).toBe(actionsBefore);
  });

  it.each([
    [{ 'artifact-name': 'a:b*c' }, 'Invalid artifact-name: contains a colon, an asterisk'],
    [{ 'retention-days': '0x10' }, 'Invalid retention-days: "0x10" is not a whole number'],
    [{ 'storage-branch': 'a b' }, 'Invalid storage-branch: "a b" is not a valid branch name'],
    [{ 'storage-branch': 'main\n::error::x' }, 'Invalid storage-branch: "main\\n::error::x" is not'],
  ])('%j is refused before any request', async (inputs, message) => {
    world.events.clearRequests();
    const restBefore = world.rest.requestLog.length;
    const result = await world.run(inputs);
    expect(result.exitCode).not.toBe(0);
    const errors = result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain(message);
    expect(world.events.requests).toHaveLength(0);
    expect(world.rest.requestLog.length).toBe(restBefore);
  });

  it('reports several bad inputs at once', async () => {
    const result = await world.run({ events: 'foo', formats: 'csv' });
    const errors = result.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.slice(0, 2).map((e) => e.split(':')[0])).toEqual(['Invalid events', 'Invalid formats']);
    expect(errors[2]).toBe('2 inputs are invalid; nothing was requested.');
  });

  it('refuses artifact upload from a public workflow repository unless allowed', async () => {
    world.events.clearRequests();
    const refused = await world.run({}, { private: false });
    expect(refused.exitCode).not.toBe(0);
    expect(refused.annotations.find((a) => a.level === 'error')?.message).toContain(
      'acme/security is public',
    );
    expect(world.events.requests).toHaveLength(0);
    expect(world.actions.artifacts.list()).toHaveLength(0);
  });
});
