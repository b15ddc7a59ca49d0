/**
 * The action's phases one at a time, in-process, through real boundaries: the Events API simulator
 * and the real @actions/cache against the Actions services simulator. What the whole bundled action
 * does end to end is tested in test/action-*.test.ts through dist/.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActionAlerts } from '../src/action/alerts.ts';
import { authorise } from '../src/action/authorise.ts';
import type { ActionContext } from '../src/action/context.ts';
import { RunReport } from '../src/action/report.ts';
import { restore } from '../src/action/restore.ts';
import type { ActionRun } from '../src/action/run.ts';
import { systemClock } from '../src/clock.ts';
import { parseConfig } from '../src/config.ts';
import { isExportError } from '../src/errors.ts';
import type { InputName } from '../src/inputs.ts';
import { MemoryLogger } from '../src/logger.ts';
import { CacheStateStore } from '../src/state/cache-store.ts';
import { stateSealKey } from '../src/state/seal.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';
import { startActionsServices, type ActionsServices } from './sim/github/actions-services.ts';
import { useRunnerEnv, type RunnerEnv } from './support/runner-env.ts';

let sim: EventsApiSimulator;
let services: ActionsServices;
let root: string;
let runnerEnv: RunnerEnv;

beforeAll(async () => {
  sim = await EventsApiSimulator.start({ seed: 3, rateLimit: false });
  services = await startActionsServices();
  root = await mkdtemp(join(tmpdir(), 'action-phases-'));
});
afterAll(async () => {
  await Promise.all([sim.close(), services.close()]);
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  runnerEnv = await useRunnerEnv(services, root);
  sim.clearRequests();
});
afterEach(() => runnerEnv.restore());

/** An ActionRun for `inputs`, without alert issues (they have their own tests). */
function actionRun(inputs: Partial<Record<InputName, string>>, logger = new MemoryLogger()): ActionRun {
  const context: ActionContext = {
    repository: 'acme/security',
    runId: '100',
    runAttempt: '1',
    runnerTemp: join(runnerEnv.workspace, 'runner-temp'),
    serverUrl: 'https://github.com',
    apiUrl: 'http://127.0.0.1:1',
    runUrl: 'https://github.com/acme/security/actions/runs/100/attempts/1',
    workspace: runnerEnv.workspace,
  };
  const startedAt = new Date();
  const config = parseConfig(
    (name) => ({ 'alert-issues': 'false', ...inputs })[name] ?? '',
    context,
    startedAt,
  );
  const github = {};
  const alerts = new ActionAlerts({ config, context, github, logger, now: () => new Date() });
  return {
    config,
    server: sim.url,
    serverSource: 'input',
    context,
    clock: systemClock,
    startedAt,
    logger,
    github,
    alerts,
    report: new RunReport(logger),
  };
}

describe('authorise', () => {
  it('decides the feeds from the introspection and warns about a feed the token lacks', async () => {
    const token = sim.issueToken({ features: ['signinattempts', 'auditevents'], account: 'ACCOUNTPHASES1' });
    const run = actionRun({ token, events: 'signinattempts,itemusages' });
    const session = await authorise(run, run.logger);
    expect(session.feeds).toEqual(['signinattempts']);
    expect(session.missing).toEqual(['itemusages']);
    expect(session.account).toBe('ACCOUNTPHASES1');
    expect(run.report.notes.join('\n')).toContain('does not grant itemusages');
    expect(sim.requests.map((r) => r.path)).toEqual(['/api/v2/auth/introspect']);
  });

  it('refuses an expired token without a request and marks auth-failed', async () => {
    const token = sim.issueToken({ expiresAt: new Date(Date.now() - 60_000) });
    const run = actionRun({ token });
    const error = await authorise(run, run.logger).catch((e: unknown) => e);
    expect(isExportError(error, 'auth')).toBe(true);
    expect((error as Error).message).toContain('The token expired at');
    expect(run.report.outputs.authFailed).toBe(true);
    expect(sim.requests).toHaveLength(0);
  });

  it('fails with a scope error when the token grants none of the requested feeds', async () => {
    const token = sim.issueToken({ features: ['auditevents'] });
    const run = actionRun({ token, events: 'itemusages' });
    const error = await authorise(run, run.logger).catch((e: unknown) => e);
    expect(isExportError(error, 'scope')).toBe(true);
  });
});

describe('restore', () => {
  it('uses cached state of the same account and server, and reports where it came from', async () => {
    const token = sim.issueToken({ account: 'ACCOUNTPHASES2' });
    const run = actionRun({ token });
    const session = await authorise(run, run.logger);
    const cache = new CacheStateStore({
      stateKey: run.config.stateKey,
      account: session.account,
      runId: '99',
      runAttempt: '1',
      workspace: runnerEnv.workspace,
      logger: run.logger,
      seal: stateSealKey(run.config.token, session.account, session.server),
    });
    const saved = await cache.save({
      schema: 1,
      account: session.account,
      server: session.server,
      updatedAt: '2026-11-30T00:00:00.000Z',
      writtenBy: '99-1',
      feeds: {
        signinattempts: {
          cursor: 'c1',
          apiVersion: 'v2',
          savedAt: '2026-11-30T00:00:00.000Z',
          recentUuids: [],
        },
      },
    });
    expect(saved.saved).toBe(true);
    const restored = await restore(run, session);
    expect(run.report.outputs.stateSource).toBe('cache');
    expect(restored.previous?.feeds.signinattempts?.cursor).toBe('c1');
    expect(restored.stores.map((s) => s.name)).toEqual(['cache']);
  });

  it('ignores state written for another server, with a warning, and starts from start-time', async () => {
    const token = sim.issueToken({ account: 'ACCOUNTPHASES3' });
    const logger = new MemoryLogger();
    const run = actionRun({ token }, logger);
    const session = await authorise(run, run.logger);
    const cache = new CacheStateStore({
      stateKey: run.config.stateKey,
      account: session.account,
      runId: '98',
      runAttempt: '1',
      workspace: runnerEnv.workspace,
      logger,
      seal: stateSealKey(run.config.token, session.account, session.server),
    });
    await cache.save({
      schema: 1,
      account: session.account,
      server: 'https://events.1password.eu',
      updatedAt: '2026-11-30T00:00:00.000Z',
      writtenBy: '98-1',
      feeds: {
        auditevents: { cursor: 'c2', apiVersion: 'v2', savedAt: '2026-11-30T00:00:00.000Z', recentUuids: [] },
      },
    });
    const restored = await restore(run, session);
    expect(restored.previous).toBeUndefined();
    expect(logger.lines.join('\n')).toContain('belongs to ACCOUNTPHASES3 at https://events.1password.eu');
  });
});
