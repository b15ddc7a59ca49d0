/** Bad inputs are refused by the bundled action before any request, each naming the input. */
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
