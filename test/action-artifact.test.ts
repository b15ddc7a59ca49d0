/**
 * The action as a scheduled workflow runs it (dist/index.js through the harness), delivering to
 * workflow artifacts with state in the Actions cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS } from '../src/onepassword/feeds.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import { byUuid, ndjsonEvents, startWorld, type World } from './support/action-world.ts';

const DAY = 86_400_000;
let world: World;

beforeAll(async () => {
  world = await startWorld({ seed: 21 });
});
afterAll(async () => world.close());

function delivered(feed: string, artifactNames?: Set<string>): RawEvent[] {
  return world.actions.artifacts
    .list()
    .filter((a) => !artifactNames || artifactNames.has(a.name))
    .flatMap((a) => ndjsonEvents(a.files, feed));
}

describe('scheduled runs with artifact delivery', () => {
  it('three consecutive runs deliver exactly the ground truth, late arrivals included', async () => {
    const now = Date.now();
    // Late arrivals lie up to 3 days before their batch: start far enough back that the filter keeps them.
    const inputs = { formats: 'parquet,ndjson', 'start-time': '7d' };
    for (const feed of FEEDS)
      world.events.generate(feed, 1_500, { from: new Date(now - 2 * DAY), to: new Date(now - 3_600_000) });

    const first = await world.run(inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs['state-source']).toBe('none');
    expect(first.summary).toContain('start-time');
    // One log group per feed, titled with its totals.
    for (const feed of FEEDS)
      expect(first.groups.filter((g) => g.startsWith(`${feed}: 1500 new events in 2 pages`))).toHaveLength(1);

    for (const feed of FEEDS)
      world.events.generate(feed, 400, {
        from: new Date(now - 3_600_000),
        to: new Date(now - 60_000),
        late: 0.2,
      });
    const second = await world.run(inputs);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs['state-source']).toBe('cache');

    for (const feed of FEEDS)
      world.events.generate(feed, 250, {
        from: new Date(now - 60_000),
        to: new Date(now - 1_000),
        late: 0.3,
      });
    const third = await world.run(inputs);
    expect(third.exitCode, third.stdout).toBe(0);
    expect(third.outputs['state-source']).toBe('cache');

    const counts = [first, second, third].map((r) => JSON.parse(r.outputs.counts!) as Record<string, number>);
    for (const feed of FEEDS) {
      expect(counts.map((c) => c[feed])).toEqual([1_500, 400, 250]);
      const truth = world.events.groundTruth(feed);
      const got = delivered(feed);
      expect(got.length).toBe(truth.length); // none twice
      expect([...got].sort(byUuid)).toEqual([...truth].sort(byUuid)); // none missing, each unchanged
    }
    // Outputs point at the artifact, and the manifest travelled with the files.
    const artifact = world.actions.artifacts
      .list()
      .find((a) => a.name === `1password-events-${third.env.GITHUB_RUN_ID}-1`);
    expect(artifact).toBeDefined();
    expect(third.outputs['artifact-id']).toBe(String(artifact!.id));
    expect(third.outputs['artifact-url']).toBe(
      `https://github.com/acme/security/actions/runs/${third.env.GITHUB_RUN_ID}/artifacts/${artifact!.id}`,
    );
    expect([...artifact!.files.keys()]).toContain(`_manifests/${third.env.GITHUB_RUN_ID}-1.json`);
    expect(JSON.parse(third.outputs.files!)).toEqual(
      expect.arrayContaining([`_manifests/${third.env.GITHUB_RUN_ID}-1.json`]),
    );
    // The summary tells the story per feed.
    expect(third.summary).toContain('| signinattempts |');
    expect(third.summary).toContain('```mermaid');
    expect(third.summary).toContain('Sign-in attempts by outcome');
  });

  it('a run with nothing new uploads nothing and still saves state', async () => {
    const before = world.actions.artifacts.list().length;
    const entriesBefore = world.actions.cache.entries().length;
    const result = await world.run({ formats: 'parquet,ndjson' });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.events).toBe('0');
    expect(result.outputs['artifact-id']).toBe('');
    expect(world.actions.artifacts.list().length).toBe(before);
    expect(world.actions.cache.entries().length).toBe(entriesBefore + 1);
  });

  it('a failed cache save still succeeds, with a warning that says what the next run does', async () => {
    const now = Date.now();
    world.events.generate('signinattempts', 300, {
      from: new Date(now - 600_000),
      to: new Date(now - 1_000),
    });
    world.actions.cache.failNextSaves(1, 'write-denied');
    const failedSave = await world.run({ formats: 'ndjson' });
    expect(failedSave.exitCode, failedSave.stdout).toBe(0);
    const warning = failedSave.annotations.find(
      (a) => a.level === 'warning' && a.message.includes('not saved'),
    );
    expect(warning?.message).toContain('may export this run');
    expect(failedSave.summary).toContain('not saved');

    // The next run resumes from the older state: the 300 events come again (duplicates), none lost.
    const next = await world.run({ formats: 'ndjson' });
    expect(next.exitCode, next.stdout).toBe(0);
    expect(JSON.parse(next.outputs.counts!).signinattempts).toBe(300);
  });

  it('an evicted cache entry restarts from start-time and says so', async () => {
    world.actions.cache.evictAll();
    const now = Date.now();
    world.events.generate('auditevents', 50, { from: new Date(now - 120_000), to: new Date(now - 1_000) });
    const result = await world.run({ formats: 'ndjson', 'start-time': '5m', 'alert-issues': 'false' });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs['state-source']).toBe('none');
    expect(result.stdout).toMatch(/restart from start-time|no saved cursor/i);
    expect(result.summary).toContain('start-time');
  });

  it('max-duration stops early with more-pending, and the next run delivers the rest', async () => {
    const now = Date.now();
    const before = new Set(world.actions.artifacts.list().map((a) => a.name));
    // Recent timestamps: the saved cursor keeps the start_time (5m back) of the run that created it.
    world.events.generate('itemusages', 5_000, { from: new Date(now - 60_000), to: new Date(now - 1_000) });
    // Slow answers (introspect and every page) make a 2 s budget run out well before the 5 pages.
    world.events.injectFaults(...Array.from({ length: 6 }, () => ({ kind: 'slow' as const, ms: 600 })));
    const partial = await world.run({ formats: 'ndjson', events: 'itemusages', 'max-duration': '2s' });
    expect(partial.exitCode, partial.stdout).toBe(0);
    expect(partial.outputs['more-pending'], partial.stdout).toBe('true');
    expect(partial.summary).toContain('More events are pending');
    const first = Number(partial.outputs.events);
    expect(first).toBeLessThan(5_000); // (on a slow machine it may stop before its first page)

    const rest = await world.run({ formats: 'ndjson', events: 'itemusages' });
    expect(rest.exitCode, rest.stdout).toBe(0);
    expect(rest.outputs['more-pending']).toBe('false');
    expect(first + Number(rest.outputs.events)).toBe(5_000);
    const fresh = new Set(
      world.actions.artifacts
        .list()
        .map((a) => a.name)
        .filter((name) => !before.has(name)),
    );
    const got = delivered('itemusages', fresh);
    expect(new Set(got.map((e) => e.uuid)).size).toBe(5_000);
  });
});
