import { tokenExpiry } from '../src/onepassword/token-expiry.ts';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertMarker } from '../src/alerts/alert.ts';
import type { Alert } from '../src/alerts/alert.ts';
import { AlertIssues } from '../src/alerts/issues.ts';
import type { AlertIssuesOptions } from '../src/alerts/issues.ts';
import {
  authFailedAlert,
  lostStateAlert,
  missingScopeAlert,
  tokenExpiringAlert,
} from '../src/alerts/messages.ts';
import type { AlertFacts } from '../src/alerts/messages.ts';
import { MemoryLogger } from '../src/logger.ts';
import { startGitHubRestSim } from './sim/github/rest.ts';
import type { GitHubRestSim } from './sim/github/rest.ts';

const REPO = 'acme/audit';
const GITHUB_TOKEN = 'ghs_alertsTestToken0123456789abcdefABCDEF';
const NOW = new Date('2026-11-20T08:30:00Z');
/** A JWT-shaped Events token expiring in 5 days: it must reach no issue, comment, request or log line. */
const EVENTS_TOKEN = [
  Buffer.from('{"alg":"ES256","kid":"k1"}').toString('base64url'),
  Buffer.from(
    JSON.stringify({ aud: ['events.1password.com'], exp: NOW.getTime() / 1000 + 5 * 86_400 }),
  ).toString('base64url'),
  'c2VjcmV0LXNpZ25hdHVyZS1ieXRlcy1mb3ItdGVzdHM',
].join('.');
const RUN_URL = 'https://github.com/acme/audit/actions/runs/555/attempts/1';
const SERVER = 'https://events.1password.com';

let sim: GitHubRestSim;
/** What Octokit itself logged (it reports every failed request), checked for secrets too. */
let octokitLog: string[] = [];
const capture = (message: string) => octokitLog.push(message);
const octokitFor = (token: string) =>
  new Octokit({
    auth: token,
    baseUrl: sim.url,
    log: { debug: capture, info: capture, warn: capture, error: capture },
  });

beforeEach(async () => {
  octokitLog = [];
  sim = await startGitHubRestSim();
  sim.createRepo(REPO);
  sim.addToken(GITHUB_TOKEN, { [REPO]: { issues: 'write', contents: 'read' } });
});

afterEach(async () => {
  expect(sim.crashes).toEqual([]);
  await sim.close();
});

/** One workflow run's view of the alert issues: a fresh instance, as main creates one per run. */
function newRun(overrides: Partial<AlertIssuesOptions> & { token?: string } = {}) {
  const logger = new MemoryLogger();
  const { token = GITHUB_TOKEN, ...options } = overrides;
  const alerts = new AlertIssues({
    octokit: octokitFor(token),
    repository: REPO,
    labels: ['1password-events', 'security'],
    namespace: '1password-events-ACME',
    runUrl: RUN_URL,
    logger,
    now: () => NOW,
    ...options,
  });
  return { alerts, logger };
}

const authFailed = (at = NOW): Alert =>
  authFailedAlert({ at, runUrl: RUN_URL, server: SERVER, account: 'ACME' });

/** Requests the simulator saw from `start` on, as "METHOD /path". */
function requestsSince(start: number): string[] {
  return sim.requestLog.slice(start).map((entry) => `${entry.method} ${entry.path}`);
}

const isWrite = (request: string) => !request.startsWith('GET ');

describe('raise', () => {
  it('opens one issue; repeats within a day only update its status, then one comment a day', async () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    const raiseAt = (minutes: number) =>
      newRun({ now: () => at(minutes) }).alerts.raise(authFailed(at(minutes)));
    const results = [];
    // A 15-minute schedule failing for two days: 193 runs.
    for (let minutes = 0; minutes <= 2 * 24 * 60; minutes += 15) results.push(await raiseAt(minutes));

    expect(results[0]?.action).toBe('created');
    expect(results.filter((r) => r.action === 'commented')).toHaveLength(2);
    expect(results.filter((r) => r.action === 'updated')).toHaveLength(190);
    expect(results[96]?.action).toBe('commented'); // exactly a day after the issue was opened
    expect(results[192]?.action).toBe('commented');
    const [issue, ...others] = sim.issues(REPO);
    expect(others).toEqual([]);
    expect(results.every((result) => 'issueNumber' in result && result.issueNumber === issue?.number)).toBe(
      true,
    );
    expect(issue?.state).toBe('open');
    expect(issue?.title).toBe('1Password events export: the Events Reporting token was refused (ACME)');
    expect(issue?.body).toContain(alertMarker('auth-failed', '1password-events-ACME'));
    expect(issue?.body).toContain('401 Unauthorized');
    // The body's facts are current: first and last failure, how many runs failed.
    expect(issue?.body).toContain('| First failure | 2026-11-20T08:30:00Z |');
    expect(issue?.body).toContain('| Last failure | 2026-11-22T08:30:00Z |');
    expect(issue?.body).toContain('| Failed runs | 193 |');
    expect(issue?.body).toContain('**Latest:** The Events API answered 401');
    expect(issue?.comments.map((c) => c.body.split('\n')[0])).toEqual([
      '**Still failing:** 96 runs failed since 2026-11-20T08:30:00Z (97 since 2026-11-20T08:30:00Z). ' +
        'Latest, at 2026-11-21T08:30:00Z: The Events API answered 401 Unauthorized at `https://events.1password.com`; no events were exported.',
      '**Still failing:** 96 runs failed since 2026-11-21T08:30:00Z (193 since 2026-11-20T08:30:00Z). ' +
        'Latest, at 2026-11-22T08:30:00Z: The Events API answered 401 Unauthorized at `https://events.1password.com`; no events were exported.',
    ]);
    for (const comment of issue?.comments ?? []) expect(comment.body).toContain(RUN_URL);
  });

  it('comments at once on an issue whose tally is missing or was edited into nonsense', async () => {
    await newRun().alerts.raise(authFailed());
    const octokit = octokitFor(GITHUB_TOKEN);
    const body = sim.issues(REPO)[0]!.body!.replace(/tally=[^ ]*/, 'tally=%7B%22runs%22%3A-5%7D');
    await octokit.rest.issues.update({ owner: 'acme', repo: 'audit', issue_number: 1, body });

    const result = await newRun().alerts.raise(authFailed());

    expect(result).toEqual({ action: 'commented', issueNumber: 1 });
    expect(sim.issues(REPO)[0]?.comments[0]?.body).toContain('Happened again');
    expect(sim.issues(REPO)[0]?.body).toContain('| Failed runs | 1 |');
    expect(await newRun().alerts.raise(authFailed())).toEqual({ action: 'updated', issueNumber: 1 });
  });

  it('creates missing labels with a colour and description, and puts them on the issue', async () => {
    const { alerts } = newRun();
    await alerts.raise(authFailed());

    expect(sim.labels(REPO)).toEqual([
      {
        name: '1password-events',
        color: '0572ec',
        description: 'Problems reported by 1password-events-export',
      },
      { name: 'security', color: '0572ec', description: 'Problems reported by 1password-events-export' },
    ]);
    expect(sim.issues(REPO)[0]?.labels).toEqual(['1password-events', 'security']);
  });

  it('leaves an existing label as it is', async () => {
    const octokit = octokitFor(GITHUB_TOKEN);
    await octokit.rest.issues.createLabel({
      owner: 'acme',
      repo: 'audit',
      name: 'security',
      color: 'b60205',
    });
    const start = sim.requestLog.length;

    await newRun().alerts.raise(authFailed());

    expect(sim.labels(REPO).find((label) => label.name === 'security')?.color).toBe('b60205');
    expect(
      requestsSince(start).filter((request) => request === 'POST /repos/acme/audit/labels'),
    ).toHaveLength(1);
  });

  it('accepts a label that another run created between the check and the create (422)', async () => {
    sim.failNext('POST /repos/acme/audit/labels', 422, 1, {
      message: 'Validation Failed',
      errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }],
    });
    const { alerts, logger } = newRun();

    expect(await alerts.raise(authFailed())).toMatchObject({ action: 'created' });
    expect(sim.issues(REPO)).toHaveLength(1);
    expect(logger.lines.filter((line) => line.startsWith('warning'))).toEqual([]);
  });

  it('needs at most 2 requests to count a repeat on an existing issue, and sends no comment', async () => {
    await newRun().alerts.raise(authFailed());
    const start = sim.requestLog.length;

    await newRun().alerts.raise(authFailed());

    const requests = requestsSince(start);
    expect(requests.length).toBeLessThanOrEqual(2);
    expect(requests[0]).toMatch(/^GET \/repos\/acme\/audit\/issues\?.*state=open/);
    expect(requests[0]).toContain('labels=1password-events');
    expect(requests[0]).toContain('per_page=100');
    expect(requests.filter(isWrite)).toEqual([
      `PATCH /repos/acme/audit/issues/${sim.issues(REPO)[0]?.number}`,
    ]);
  });

  it('lists the open issues once per run however many alerts it raises or resolves', async () => {
    const { alerts } = newRun();
    const start = sim.requestLog.length;

    await alerts.raise(authFailed());
    await alerts.raise(
      missingScopeAlert({ at: NOW, runUrl: RUN_URL, missing: ['auditevents'], granted: [] }),
    );
    await alerts.raise(authFailed());
    await alerts.resolve('token-expiring', 'The token no longer expires soon.');
    await alerts.resolve('missing-scope', 'The token grants every feed.');

    const lists = requestsSince(start).filter((request) =>
      request.startsWith('GET /repos/acme/audit/issues?'),
    );
    expect(lists).toHaveLength(1);
    const [auth, scope] = sim.issues(REPO);
    expect(auth?.comments).toHaveLength(0);
    expect(auth?.body).toContain('| Failed runs | 2 |');
    expect(scope?.state).toBe('closed');
  });

  it('opens a single issue when the same alert is raised twice at once', async () => {
    const { alerts } = newRun();
    const results = await Promise.all([alerts.raise(authFailed()), alerts.raise(authFailed())]);

    expect(results.map((result) => result.action).sort()).toEqual(['created', 'updated']);
    expect(sim.issues(REPO)).toHaveLength(1);
  });

  it('finds its issue beyond the first page of open issues', async () => {
    await newRun().alerts.raise(authFailed());
    const octokit = octokitFor(GITHUB_TOKEN);
    for (let index = 0; index < 120; index++) {
      await octokit.rest.issues.create({
        owner: 'acme',
        repo: 'audit',
        title: `other ${index}`,
        labels: ['1password-events'],
      });
    }
    const start = sim.requestLog.length;

    const result = await newRun().alerts.raise(authFailed());

    expect(result).toEqual({ action: 'updated', issueNumber: 1 });
    expect(
      requestsSince(start).filter((request) => request.startsWith('GET /repos/acme/audit/issues?')),
    ).toHaveLength(2);
  });

  it('ignores a pull request that carries the marker and the label', async () => {
    sim.seedPullRequest(REPO, {
      title: 'Quote an alert',
      body: `${alertMarker('auth-failed', '1password-events-ACME')}\nquoted`,
      labels: ['1password-events'],
    });

    const result = await newRun().alerts.raise(authFailed());

    expect(result.action).toBe('created');
    expect(sim.issues(REPO).filter((issue) => !issue.isPullRequest)).toHaveLength(1);
    expect(sim.issues(REPO).find((issue) => issue.isPullRequest)?.comments).toEqual([]);
  });

  it('adds the labels itself when GitHub dropped them, so the next run finds the issue', async () => {
    sim.createRepo('acme/triage', { dropIssueLabelsWithoutPush: true });
    sim.addToken(GITHUB_TOKEN, { 'acme/triage': { issues: 'write' } });

    const first = await newRun({ repository: 'acme/triage' }).alerts.raise(authFailed());
    const second = await newRun({ repository: 'acme/triage' }).alerts.raise(authFailed());

    expect(first.action).toBe('created');
    expect(second).toEqual({
      action: 'updated',
      issueNumber: 'issueNumber' in first ? first.issueNumber : -1,
    });
    expect(sim.issues('acme/triage')).toHaveLength(1);
    expect(sim.issues('acme/triage')[0]?.labels).toEqual(['1password-events', 'security']);
  });

  it('works without labels (lists every open issue)', async () => {
    const first = await newRun({ labels: [] }).alerts.raise(authFailed());
    const second = await newRun({ labels: [] }).alerts.raise(authFailed());

    expect([first.action, second.action]).toEqual(['created', 'updated']);
    expect(sim.issues(REPO)[0]?.labels).toEqual([]);
    expect(sim.labels(REPO)).toEqual([]);
  });
});

describe('resolve', () => {
  it('comments and closes the open issue; a later failure opens a new one', async () => {
    const raised = await newRun().alerts.raise(authFailed());
    const resolved = await newRun().alerts.resolve('auth-failed', 'The Events API accepted the token again.');

    const [closed] = sim.issues(REPO);
    expect(resolved).toEqual({ closed: closed?.number });
    expect(raised).toEqual({ action: 'created', issueNumber: closed?.number });
    expect(closed?.state).toBe('closed');
    expect(closed?.stateReason).toBe('completed');
    expect(closed?.comments.at(-1)?.body).toContain(
      'Recovered:** The Events API accepted the token again. (1 failed run between 2026-11-20T08:30:00Z and 2026-11-20T08:30:00Z)',
    );
    expect(closed?.comments.at(-1)?.body).toContain(RUN_URL);

    const again = await newRun().alerts.raise(authFailed());

    const issues = sim.issues(REPO);
    expect(issues).toHaveLength(2);
    expect(again).toEqual({ action: 'created', issueNumber: issues[1]?.number });
    expect(issues[0]?.state).toBe('closed');
    expect(issues[0]?.comments).toHaveLength(1);
    expect(issues[1]?.state).toBe('open');
  });

  it('opens a new issue when the same run raises again after resolving', async () => {
    const { alerts } = newRun();
    await alerts.raise(authFailed());
    await alerts.resolve('auth-failed', 'ok');

    const again = await alerts.raise(authFailed());

    expect(again).toEqual({ action: 'created', issueNumber: 2 });
    expect(sim.issues(REPO).map((issue) => [issue.state, issue.comments.length])).toEqual([
      ['closed', 1],
      ['open', 0],
    ]);
  });

  it('writes nothing when no issue is open', async () => {
    await newRun().alerts.raise(authFailed());
    await newRun().alerts.resolve('auth-failed', 'ok');
    const start = sim.requestLog.length;

    const result = await newRun().alerts.resolve('auth-failed', 'ok');

    expect(result).toEqual({});
    expect(requestsSince(start).filter(isWrite)).toEqual([]);
    expect(requestsSince(start)).toHaveLength(1);
  });

  it('closes every open duplicate that concurrent runs may have left', async () => {
    const octokit = octokitFor(GITHUB_TOKEN);
    const body = `${alertMarker('auth-failed', '1password-events-ACME')}\nleft by a race`;
    for (let index = 0; index < 2; index++) {
      await octokit.rest.issues.create({
        owner: 'acme',
        repo: 'audit',
        title: 't',
        body,
        labels: ['1password-events'],
      });
    }

    const result = await newRun().alerts.resolve('auth-failed', 'ok');

    expect(result).toEqual({ closed: 1 });
    expect(sim.issues(REPO).map((issue) => issue.state)).toEqual(['closed', 'closed']);
  });
});

describe('namespaces and kinds', () => {
  it('keeps separate issues per namespace and per kind, and resolves only its own', async () => {
    const acme = newRun({ namespace: '1password-events-ACME' }).alerts;
    const beta = newRun({ namespace: '1password-events-BETA' }).alerts;
    const prefix = newRun({ namespace: '1password-events-ACM' }).alerts;

    await acme.raise(authFailed());
    await beta.raise(authFailed());
    await prefix.raise(authFailed());
    await acme.raise(
      lostStateAlert({
        at: NOW,
        runUrl: RUN_URL,
        feeds: ['itemusages'],
        startTime: new Date('2026-11-19T00:00:00Z'),
      }),
    );
    await acme.raise(
      tokenExpiringAlert({
        at: NOW,
        runUrl: RUN_URL,
        expiresAt: new Date('2026-11-25T00:00:00Z'),
        daysLeft: 4,
      }),
    );
    expect(sim.issues(REPO)).toHaveLength(5);

    await newRun({ namespace: '1password-events-BETA' }).alerts.raise(authFailed());
    const resolved = await newRun({ namespace: '1password-events-ACME' }).alerts.resolve('auth-failed', 'ok');

    const issues = sim.issues(REPO);
    expect(issues).toHaveLength(5);
    expect(resolved.closed).toBe(issues[0]?.number);
    expect(issues.map((issue) => [issue.state, issue.comments.length])).toEqual([
      ['closed', 1], // ACME auth-failed
      ['open', 0], // BETA auth-failed, repeated once within the day: counted, not commented
      ['open', 0], // ACM auth-failed: a prefix of ACME, still its own issue
      ['open', 0], // ACME lost-state
      ['open', 0], // ACME token-expiring
    ]);
    expect(issues[1]?.body).toContain('| Failed runs | 2 |');
    expect(issues[2]?.body).toContain('| Failed runs | 1 |');
  });
});

describe('GitHub refusals become warnings', () => {
  it('explains the missing issues: write permission (403) and does not throw', async () => {
    sim.addToken('ghs_readonly', { [REPO]: { issues: 'read', contents: 'write' } });
    const { alerts, logger } = newRun({ token: 'ghs_readonly' });

    const result = await alerts.raise(authFailed());

    expect(result.action).toBe('failed');
    const warning = 'warning' in result ? result.warning : '';
    expect(warning).toContain(
      'could not open the alert issue: the workflow needs `permissions: issues: write`',
    );
    expect(warning).toContain('403 Resource not accessible by integration');
    expect(logger.lines).toContain(`warning: ${warning}`);
    expect(sim.issues(REPO)).toEqual([]);
  });

  it('warns when the token cannot even list issues (no issues permission)', async () => {
    sim.addToken('ghs_contents_only', { [REPO]: { contents: 'write' } });
    const { alerts } = newRun({ token: 'ghs_contents_only' });

    const raised = await alerts.raise(authFailed());
    const resolved = await alerts.resolve('auth-failed', 'ok');

    expect(raised).toMatchObject({ action: 'failed', warning: expect.stringContaining('issues: write') });
    expect(resolved).toEqual({ warning: expect.stringContaining('issues: write') });
  });

  it('warns on a refused GitHub token (401) and does not throw', async () => {
    const { alerts, logger } = newRun({ token: 'ghs_not_registered' });

    const raised = await alerts.raise(authFailed());
    const resolved = await alerts.resolve('auth-failed', 'ok');

    expect(raised).toMatchObject({ action: 'failed' });
    const warning = 'warning' in raised ? raised.warning : '';
    expect(warning).toContain('could not open the alert issue: the GitHub token was refused');
    expect(warning).toContain('401 Bad credentials');
    expect(warning).toContain('github-token');
    expect(resolved.warning).toContain('401');
    expect(logger.lines.filter((line) => line.startsWith('warning: '))).toHaveLength(2);
  });

  it('warns when closing fails, naming the issue', async () => {
    await newRun().alerts.raise(authFailed());
    sim.failNext('PATCH /repos/acme/audit/issues/*', 403, 1, {
      message: 'Resource not accessible by integration',
    });

    const result = await newRun().alerts.resolve('auth-failed', 'ok');

    expect(result.warning).toMatch(
      /^could not close alert issue #1: the workflow needs `permissions: issues: write`/,
    );
    expect(sim.issues(REPO)[0]?.state).toBe('open');
  });

  it('turns a server error on the daily comment into a warning (a comment is never repeated)', async () => {
    await newRun().alerts.raise(authFailed());
    sim.failNext('POST /repos/acme/audit/issues/*/comments', 502);
    const tomorrow = new Date(NOW.getTime() + 86_400_000);

    const result = await newRun({ now: () => tomorrow }).alerts.raise(authFailed(tomorrow));

    expect(result).toEqual({
      action: 'failed',
      warning: 'could not update alert issue #1: GitHub answered 502 Simulated failure.',
    });
    expect(sim.requestLog.filter((r) => r.path.endsWith('/comments'))).toHaveLength(1);
  });

  it('warns when the repository is not visible to the token (404)', async () => {
    const result = await newRun({ repository: 'acme/elsewhere' }).alerts.raise(authFailed());

    expect(result).toMatchObject({
      action: 'failed',
      warning: expect.stringContaining('acme/elsewhere was not found'),
    });
  });
});

describe('secrecy', () => {
  it('puts no token into any issue, comment, request or log line', async () => {
    const runs = [newRun(), newRun(), newRun({ token: 'ghs_not_registered' })];
    // What the exporter knows about the Events token comes from its claims, never the token itself;
    // a token smuggled into the facts is ignored by the builders.
    const claims = JSON.parse(
      Buffer.from(EVENTS_TOKEN.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as {
      exp: number;
    };
    const expiry = tokenExpiry(claims, NOW);
    const facts = {
      at: NOW,
      runUrl: RUN_URL,
      server: SERVER,
      account: 'ACME',
      namespace: 'ignored',
      token: EVENTS_TOKEN,
    } as AlertFacts;
    const [first, second, refused] = runs.map((run) => run.alerts);
    expect(expiry).toMatchObject({ expiringSoon: true, daysLeft: 5 });
    await first?.raise(
      tokenExpiringAlert({ ...facts, expiresAt: expiry.expiresAt ?? NOW, daysLeft: expiry.daysLeft ?? 0 }),
    );
    await first?.raise(authFailedAlert({ ...facts, server: SERVER, reason: 'expired', expiredAt: NOW }));
    await first?.raise(missingScopeAlert({ ...facts, missing: ['auditevents'], granted: ['itemusages'] }));
    await first?.raise(lostStateAlert({ ...facts, feeds: ['signinattempts'], startTime: NOW }));
    await second?.raise(authFailedAlert({ ...facts, server: SERVER }));
    await second?.resolve('missing-scope', 'recovered');
    await refused?.raise(authFailedAlert({ ...facts, server: SERVER }));

    const written = [
      ...sim
        .issues(REPO)
        .flatMap((issue) => [issue.title, issue.body ?? '', ...issue.comments.map((c) => c.body)]),
      ...sim.requestLog.flatMap((entry) => [entry.path, entry.body]),
      ...runs.flatMap((run) => run.logger.lines),
      ...octokitLog,
    ].join('\n');
    expect(sim.issues(REPO)).toHaveLength(4);
    expect(written).toContain('2026-11-25T08:30:00Z');
    for (const secret of [GITHUB_TOKEN, 'ghs_not_registered', EVENTS_TOKEN, ...EVENTS_TOKEN.split('.')]) {
      expect(written).not.toContain(secret);
    }
  });
});

describe('construction', () => {
  it('refuses a repository that is not owner/name', () => {
    expect(() => newRun({ repository: 'acme' })).toThrow('owner/name');
  });
});
