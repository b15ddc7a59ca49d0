/**
 * The Events token is a secret everywhere: every byte a run produced (logs apart from the add-mask
 * line, outputs, summary, files, cache archives, artifact zips, issue bodies and comments, request
 * bodies sent to GitHub) is searched for it, in its common encodings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS } from '../src/onepassword/feeds.ts';
import { collectAllBytes, containsSecret } from './harness/run-action.ts';
import { GITHUB_TOKEN, startWorld, type World } from './support/action-world.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: 9 });
});
afterAll(async () => world.close());

async function everything(): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const result of world.results) parts.push(await collectAllBytes(result));
  for (const artifact of world.actions.artifacts.list()) {
    parts.push(artifact.zip);
    for (const bytes of artifact.files.values()) parts.push(bytes);
  }
  for (const entry of world.actions.cache.entries()) {
    parts.push(entry.bytes);
    for (const bytes of (await world.actions.cache.entryFiles(entry.key))?.values() ?? []) parts.push(bytes);
  }
  for (const request of world.rest.requestLog)
    parts.push(Buffer.from(`${request.path}\n${request.body}\n${request.decodedContent ?? ''}`));
  for (const issue of world.rest.issues('acme/security')) {
    parts.push(Buffer.from(`${issue.title}\n${issue.body}\n${issue.comments.map((c) => c.body).join('\n')}`));
  }
  return Buffer.concat(parts);
}

describe('the token appears nowhere', () => {
  it('in a successful run with retries, both formats and a failed cache save', async () => {
    const now = Date.now();
    for (const feed of FEEDS)
      world.events.generate(feed, 1_200, { from: new Date(now - 86_400_000), to: new Date(now - 1_000) });
    world.events.injectFaults({ kind: '429', retryAfterSeconds: 1 }, { kind: '500' });
    const first = await world.run({ formats: 'parquet,ndjson', 'start-time': '2d' });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.masks).toContain(world.opToken);
    world.actions.cache.failNextSaves(1, 'write-denied');
    const second = await world.run({ formats: 'parquet,ndjson' });
    expect(second.exitCode, second.stdout).toBe(0);

    const bytes = await everything();
    expect(bytes.length).toBeGreaterThan(100_000);
    // The search itself works: the mask line (left out above) holds the token.
    expect(containsSecret(first.stdout, world.opToken)).toBe(true);
    expect(containsSecret(bytes, world.opToken)).toBe(false);
    expect(containsSecret(bytes, GITHUB_TOKEN)).toBe(false);
  });

  it('in a run whose token is refused, including the alert issue', async () => {
    const revoked = world.events.issueToken();
    world.events.revokeToken(revoked);
    const refused = await world.run({ token: revoked });
    expect(refused.exitCode).not.toBe(0);
    expect(refused.outputs['auth-failed']).toBe('true');
    expect(world.rest.issues('acme/security').length).toBeGreaterThan(0);
    const bytes = await everything();
    expect(containsSecret(bytes, revoked)).toBe(false);
    expect(containsSecret(bytes, GITHUB_TOKEN)).toBe(false);
  });
});
