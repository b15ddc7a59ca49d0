/**
 * Alert issues through the bundled action and the GitHub REST simulator: one issue per problem,
 * its status kept current by every failing run, at most one comment a day, closed with a comment on
 * recovery.
 */
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsSecret } from './harness/run-action.ts';
import { GITHUB_TOKEN, REPOSITORY, startWorld, type World } from './support/action-world.ts';

const DAY = 86_400_000;
let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: 13 });
  const now = Date.now();
  world.events.generate('signinattempts', 200, { from: new Date(now - DAY), to: new Date(now - 1_000) });
  world.events.generate('auditevents', 100, { from: new Date(now - DAY), to: new Date(now - 1_000) });
});
afterAll(async () => world.close());

const issuesOf = (marker: string) =>
  world.rest.issues(REPOSITORY).filter((i) => (i.body ?? '').includes(marker));

/** A day goes by: the issue's tally says we last commented 25 hours ago (edited through the API). */
async function aDayLater(issueNumber: number): Promise<void> {
  const octokit = new Octokit({ auth: GITHUB_TOKEN, baseUrl: world.rest.url });
  const [owner, repo] = REPOSITORY.split('/') as [string, string];
  const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: issueNumber });
  const body = (data.body ?? '').replace(/tally=([^ ]*)/, (_, encoded: string) => {
    const tally = JSON.parse(decodeURIComponent(encoded)) as Record<string, unknown>;
    tally.lastCommentAt = new Date(Date.now() - 25 * 3_600_000).toISOString();
    return `tally=${encodeURIComponent(JSON.stringify(tally))}`;
  });
  await octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, body });
}

describe('authentication failure', () => {
  it('failing runs make one issue, counted in its body; one comment a day; a recovering run closes it', async () => {
    const revoked = world.events.issueToken();
    world.events.revokeToken(revoked);
    const stateKey = 'auth-test';
    for (let i = 0; i < 3; i++) {
      world.events.clearRequests();
      const failed = await world.run({ token: revoked, 'state-key': stateKey });
      expect(failed.exitCode).not.toBe(0);
      expect(failed.outputs['auth-failed']).toBe('true');
      expect(failed.annotations.some((a) => a.level === 'error' && a.message.includes('401'))).toBe(true);
      expect(world.events.requests.length).toBeLessThanOrEqual(2);
    }
    const [issue, ...others] = issuesOf('alert=auth-failed ns=auth-test');
    expect(others).toHaveLength(0);
    expect(issue!.state).toBe('open');
    expect(issue!.comments).toHaveLength(0); // a 15-minute schedule must not flood the issue
    expect(issue!.body).toContain('| Failed runs | 3 |');
    expect(issue!.labels).toContain('1password-events');
    expect(issue!.body).toContain('401 Unauthorized');
    expect(issue!.body).toContain(world.events.url);
    expect(issue!.body).toMatch(/Events Reporting/);
    expect(issue!.body).toContain('/actions/runs/');

    // A day later the next failure adds the one comment of the day, with the count since the last.
    await aDayLater(issue!.number);
    const dayLater = await world.run({ token: revoked, 'state-key': stateKey });
    expect(dayLater.exitCode).not.toBe(0);
    const commented = issuesOf('alert=auth-failed ns=auth-test')[0]!;
    expect(commented.comments).toHaveLength(1);
    expect(commented.comments[0]!.body).toMatch(/^\*\*Still failing:\*\* 3 runs failed since .* \(4 since /);
    expect(commented.body).toContain('| Failed runs | 4 |');
    expect(containsSecret(JSON.stringify(world.rest.issues(REPOSITORY)), revoked)).toBe(false);

    const recovered = await world.run({ 'state-key': stateKey, 'start-time': '2d' });
    expect(recovered.exitCode, recovered.stdout).toBe(0);
    expect(recovered.outputs['auth-failed']).toBe('false');
    const closed = issuesOf('alert=auth-failed ns=auth-test')[0]!;
    expect(closed.state).toBe('closed');
    expect(closed.comments).toHaveLength(2);
    expect(closed.comments[1]!.body).toContain('Recovered');
    expect(closed.comments[1]!.body).toContain('(4 failed runs between');
  });

  it('an expired token is an authentication failure that says why, without asking the API', async () => {
    const expired = world.events.issueToken({ expiresAt: new Date(Date.now() - DAY) });
    world.events.clearRequests();
    const result = await world.run({ token: expired, 'state-key': 'expired-test' });
    expect(result.exitCode).not.toBe(0);
    expect(result.outputs['auth-failed']).toBe('true');
    expect(world.events.requests).toHaveLength(0);
    const issue = issuesOf('alert=auth-failed ns=expired-test')[0]!;
    expect(issue.body).toContain('expired');
  });
});

describe('missing scope', () => {
  it('exports the granted feeds, opens one issue, counts repeats and closes on recovery', async () => {
    const narrow = world.events.issueToken({ features: ['signinattempts'] });
    const inputs = {
      token: narrow,
      events: 'signinattempts,auditevents',
      'state-key': 'scope-test',
      'start-time': '2d',
    };
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await world.run(inputs));
    for (const run of runs) {
      expect(run.exitCode, run.stdout).toBe(0);
      expect(
        run.annotations.some(
          (a) => a.level === 'warning' && a.message.includes('does not grant auditevents'),
        ),
      ).toBe(true);
    }
    expect(JSON.parse(runs[0]!.outputs.counts!)).toEqual({ signinattempts: 200 });
    const [issue, ...others] = issuesOf('alert=missing-scope ns=scope-test');
    expect(others).toHaveLength(0);
    expect(issue!.comments).toHaveLength(0);
    expect(issue!.body).toContain('| Failed runs | 3 |');
    expect(issue!.body).toContain('auditevents');

    const full = await world.run({ ...inputs, token: world.opToken });
    expect(full.exitCode, full.stdout).toBe(0);
    expect(issuesOf('alert=missing-scope ns=scope-test')[0]!.state).toBe('closed');
  });
});

describe('lost state', () => {
  it('tells lost state from a first run, opens one issue, and closes it once state is back', async () => {
    const inputs = { 'state-key': 'lost-test', 'start-time': '2d', events: 'auditevents' };
    const first = await world.run(inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(issuesOf('alert=lost-state ns=lost-test')).toHaveLength(0); // a first run is not a loss

    // GitHub lists the artifacts this repository uploaded; the cache entry is then evicted, twice.
    world.rest.seedArtifact(REPOSITORY, { name: `1password-events-${first.env.GITHUB_RUN_ID}-1` });
    for (let i = 0; i < 2; i++) {
      world.actions.cache.evictAll();
      const lost = await world.run(inputs);
      expect(lost.exitCode, lost.stdout).toBe(0);
      expect(
        lost.annotations.some((a) => a.level === 'warning' && a.message.includes('exported before')),
      ).toBe(true);
      expect(lost.summary).toContain('may be missing');
    }
    const issue = issuesOf('alert=lost-state ns=lost-test');
    expect(issue).toHaveLength(1);
    expect(issue[0]!.comments).toHaveLength(0);
    expect(issue[0]!.body).toContain('| Failed runs | 2 |');
    expect(issue[0]!.body).toContain('backfill');

    const back = await world.run(inputs);
    expect(back.outputs['state-source']).toBe('cache');
    expect(issuesOf('alert=lost-state ns=lost-test')[0]!.state).toBe('closed');
  });
});

describe('expiring token', () => {
  it('warns and opens one issue within 14 days of expiry; a fresh token closes it', async () => {
    const expiring = world.events.issueToken({ expiresAt: new Date(Date.now() + 6 * DAY) });
    const inputs = { token: expiring, 'state-key': 'expiry-test', 'start-time': '2d' };
    for (let i = 0; i < 3; i++) {
      const run = await world.run(inputs);
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.annotations.some((a) => a.level === 'warning' && a.message.includes('expires'))).toBe(true);
    }
    const [issue, ...others] = issuesOf('alert=token-expiring ns=expiry-test');
    expect(others).toHaveLength(0);
    expect(issue!.comments).toHaveLength(0);
    expect(issue!.body).toContain('| Failed runs | 3 |');
    await world.run({ ...inputs, token: world.opToken });
    expect(issuesOf('alert=token-expiring ns=expiry-test')[0]!.state).toBe('closed');
  });
});

describe('switches and permissions', () => {
  it('alert-issues: false opens nothing', async () => {
    const revoked = world.events.issueToken();
    world.events.revokeToken(revoked);
    const before = world.rest.requestLog.length;
    const result = await world.run({ token: revoked, 'alert-issues': 'false', 'state-key': 'off-test' });
    expect(result.outputs['auth-failed']).toBe('true');
    expect(world.rest.requestLog.slice(before).filter((r) => r.path.includes('/issues'))).toHaveLength(0);
  });

  it('without issues: write the run warns about the permission and still reports its real outcome', async () => {
    const readOnly = 'ghs_ReadOnlyToken000000000000000000000';
    world.rest.addToken(readOnly, { [REPOSITORY]: { contents: 'read', issues: 'read', metadata: 'read' } });
    const revoked = world.events.issueToken();
    world.events.revokeToken(revoked);
    const result = await world.run({ token: revoked, 'github-token': readOnly, 'state-key': 'perm-test' });
    expect(result.exitCode).not.toBe(0);
    expect(result.outputs['auth-failed']).toBe('true');
    expect(result.annotations.some((a) => a.level === 'warning' && a.message.includes('issues: write'))).toBe(
      true,
    );
    expect(result.annotations.some((a) => a.level === 'error' && a.message.includes('401'))).toBe(true);
  });
});
