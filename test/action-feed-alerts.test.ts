/**
 * The bundled action (dist/) with a stuck feed and with refused saved cursors: the other feeds are
 * delivered, the failure says what is true per feed, one alert issue opens, and it closes on recovery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY, startWorld, type World } from './support/action-world.ts';

const DAY = 86_400_000;
let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: 17 });
  const now = Date.now();
  world.events.generate('signinattempts', 300, { from: new Date(now - DAY), to: new Date(now - 60_000) });
  world.events.generate('auditevents', 200, { from: new Date(now - DAY), to: new Date(now - 60_000) });
});
afterAll(async () => world.close());

const issuesOf = (marker: string) =>
  world.rest.issues(REPOSITORY).filter((i) => (i.body ?? '').includes(marker));

describe('a refused saved cursor', () => {
  it('restarts the feed from its newest exported event, opens one issue, and closes it once cursors work again', async () => {
    const inputs = { 'state-key': 'refused-test', 'start-time': '2d', formats: 'ndjson' };
    const first = await world.run(inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.events).toBe('500');

    world.events.invalidateCursors();
    const now = Date.now();
    world.events.generate('signinattempts', 40, { from: new Date(now - 30_000), to: new Date(now - 1_000) });
    const second = await world.run(inputs);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(JSON.parse(second.outputs.counts!)).toMatchObject({ signinattempts: 40, auditevents: 0 });
    expect(
      second.annotations.some(
        (a) =>
          a.level === 'warning' &&
          a.message.includes('refused the saved cursor (400); continuing from the newest exported event'),
      ),
    ).toBe(true);
    const [issue, ...others] = issuesOf('alert=cursor-refused ns=refused-test');
    expect(others).toHaveLength(0);
    expect(issue!.state).toBe('open');
    expect(issue!.body).toContain('400 Bad Request');
    expect(issue!.body).toContain('may be missing');

    const third = await world.run(inputs);
    expect(third.exitCode, third.stdout).toBe(0);
    expect(third.outputs.events).toBe('0');
    expect(issuesOf('alert=cursor-refused ns=refused-test')[0]!.state).toBe('closed');
  });
});

describe('a stuck feed', () => {
  it('stops that feed, delivers the others, fails with a true per-feed message and opens one issue; recovery closes it', async () => {
    const inputs = { 'state-key': 'stuck-test', 'start-time': '2d' };
    world.events.stickFeed('signinattempts');
    world.events.clearRequests();
    const stuck = await world.run(inputs);
    world.events.stickFeed('signinattempts', false);
    expect(stuck.exitCode).not.toBe(0);
    expect(JSON.parse(stuck.outputs.counts!)).toMatchObject({ auditevents: 200, signinattempts: 0 });
    expect(world.events.requests.filter((r) => r.feed === 'signinattempts')).toHaveLength(6);
    const error = stuck.annotations.find((a) => a.level === 'error')!.message;
    expect(error).toContain('signinattempts: the Events API answered has_more: true 5 times in a row');
    expect(error).toContain('No new events were written for it; its saved position stays');
    expect(error).not.toContain('signinattempts: signinattempts');
    expect(error).not.toContain('state moved up');
    const [issue, ...others] = issuesOf('alert=stuck-feed ns=stuck-test');
    expect(others).toHaveLength(0);
    expect(issue!.state).toBe('open');
    expect(issue!.body).toContain('`signinattempts` (sign-in attempts)');

    const recovered = await world.run(inputs);
    expect(recovered.exitCode, recovered.stdout).toBe(0);
    expect(JSON.parse(recovered.outputs.counts!)).toMatchObject({ signinattempts: 340, auditevents: 0 });
    expect(issuesOf('alert=stuck-feed ns=stuck-test')[0]!.state).toBe('closed');
  }, 60_000);
});
