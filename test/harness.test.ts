import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readActionMetadata } from './harness/action-yml.ts';
import { parseFileCommand } from './harness/runner-protocol.ts';
import { collectAllBytes, containsSecret, REPO_ROOT, runAction } from './harness/run-action.ts';
import type { RunActionOptions, RunActionResult } from './harness/run-action.ts';
import { startActionsServices } from './sim/github/actions-services.ts';
import type { ActionsServices } from './sim/github/actions-services.ts';

const FIXTURE_YML = join(REPO_ROOT, 'test', 'harness', 'fixtures', 'action.yml');
const TOKEN = `ops_fixture_secret_${randomUUID()}`;

const cleanups: (() => Promise<void>)[] = [];

async function runFixture(options: Partial<RunActionOptions> = {}): Promise<RunActionResult> {
  const result = await runAction({
    actionYml: FIXTURE_YML,
    ...options,
    inputs: { token: TOKEN, ...options.inputs },
  });
  cleanups.push(result.cleanup);
  return result;
}

afterAll(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()));
});

describe('action.yml reader', () => {
  it('reads defaults, required flags, block scalars and runs of the fixture', async () => {
    const { inputs, runs } = await readActionMetadata(FIXTURE_YML);
    expect(inputs.get('token')).toMatchObject({ required: true });
    expect(inputs.get('token')?.default).toBeUndefined();
    expect(inputs.get('dry-run')?.default).toBe('false');
    expect(inputs.get('with space')).toMatchObject({
      default: 'spaced default',
      description: 'A name with a space: becomes INPUT_WITH_SPACE.',
    });
    expect(inputs.get('github-token')?.default).toBe('${{ github.token }}');
    expect(inputs.get('exit-code')?.default).toBe('0');
    expect(inputs.get('sleep-ms')?.default).toBe('');
    expect(runs).toEqual({ using: 'node24', main: 'test/harness/fixtures/echo-action.mjs' });
  });

  it("reads the project's own action.yml", async () => {
    const { inputs, runs } = await readActionMetadata(join(REPO_ROOT, 'action.yml'));
    expect(runs.using).toBe('node24');
    expect(runs.main).toMatch(/^dist\//);
    expect(inputs.get('token')?.required).toBe(true);
    expect(inputs.get('github-token')?.default).toBe('${{ github.token }}');
    expect(inputs.get('events')?.default).toBe('auto');
    expect(inputs.get('max-duration')?.default).toBe('0');
    expect(inputs.get('output-dir')?.default).toBe('');
    expect(inputs.get('server-url')?.description).toMatch(
      /^Events API base URL .* else https:\/\/events\.1password\.com\.$/,
    );
  });
});

describe('runAction with a fixture action', () => {
  let result: RunActionResult;

  beforeAll(async () => {
    result = await runFixture({
      inputs: { token: TOKEN, 'dry-run': 'true' },
      githubToken: 'ghs_workflow_token',
    });
  });

  it('passes inputs as the runner does: hyphens kept, spaces to _, action.yml defaults applied', () => {
    expect(result.exitCode).toBe(0);
    const echoed = JSON.parse(result.outputs.echoed ?? '{}') as Record<string, string>;
    expect(echoed).toMatchObject({
      dryRun: 'true',
      withSpace: 'spaced default',
      githubToken: 'ghs_workflow_token',
      repository: 'acme/exporter',
      eventName: 'schedule',
      cwd: result.workspace,
    });
    expect(result.env['INPUT_DRY-RUN']).toBe('true');
    expect(result.env.INPUT_WITH_SPACE).toBe('spaced default');
    expect(result.env.INPUT_TOKEN).toBe(TOKEN);
  });

  it('runs under Node 24, as runs.using: node24 does', () => {
    const echoed = JSON.parse(result.outputs.echoed ?? '{}') as Record<string, string>;
    expect(echoed.node).toMatch(/^v24\./);
  });

  it('sets the runner context and a schedule event payload', async () => {
    for (const name of ['CI', 'GITHUB_ACTIONS']) expect(result.env[name]).toBe('true');
    expect(result.env.RUNNER_OS).toBe('Linux');
    expect(result.env.GITHUB_SERVER_URL).toBe('https://github.com');
    expect(result.env.RUNNER_TEMP).toBe(result.runnerTemp);
    const event = JSON.parse(await readFile(result.env.GITHUB_EVENT_PATH ?? '', 'utf8')) as {
      schedule?: string;
    };
    expect(event.schedule).toBeTruthy();
  });

  it('parses outputs, state, env and path file commands in both forms', () => {
    expect(result.outputs.multiline).toBe('line one\nline two');
    expect(result.outputs.plain).toBe('k=v form');
    expect(result.state).toEqual({ phase: 'main-done' });
    expect(result.exportedEnv).toEqual({ EXPORTED: 'yes' });
    expect(result.addedPaths).toEqual(['/opt/fixture/bin']);
    expect(result.summary).toContain('## Fixture summary');
  });

  it('collects masks, annotations with properties, groups and debug lines', () => {
    expect(result.masks).toEqual([TOKEN]);
    expect(result.groups).toEqual(['Inputs']);
    expect(result.debug).toEqual(['a debug line']);
    expect(result.annotations).toEqual([
      { level: 'notice', message: 'plain notice', properties: { title: 'Heads up' } },
      {
        level: 'warning',
        message: 'first line\nsecond line with 100%',
        properties: { file: 'src/a.ts', line: '3', col: '7' },
      },
      { level: 'error', message: 'failure: \ndetails', properties: { title: 'Colon: and comma,' } },
    ]);
  });

  it('collectAllBytes leaves out the add-mask line but finds the secret anywhere else', async () => {
    const clean = await collectAllBytes(result);
    expect(clean.includes('exported data')).toBe(true); // a file under RUNNER_TEMP
    expect(clean.includes('## Fixture summary')).toBe(true);
    expect(containsSecret(clean, TOKEN)).toBe(false);

    const leakDir = await mkdtemp(join(tmpdir(), 'leak-'));
    cleanups.push(() => rm(leakDir, { recursive: true, force: true }));
    await writeFile(join(leakDir, 'events.ndjson.gz'), gzipSync(`{"note":"${TOKEN}"}\n`));
    expect(containsSecret(await collectAllBytes(result, [leakDir]), TOKEN)).toBe(true);
    expect(containsSecret(Buffer.from(`Bearer ${Buffer.from(TOKEN).toString('base64')}`), TOKEN)).toBe(true);
  });
});

describe('runAction edge cases', () => {
  it('reports the exit code and unexpected inputs; ${{ github.token }} is empty when not given', async () => {
    const result = await runFixture({ inputs: { 'exit-code': '3', typo: 'x' } });
    expect(result.exitCode).toBe(3);
    expect(result.unexpectedInputs).toEqual(['typo']);
    expect(JSON.parse(result.outputs.echoed ?? '{}')).toMatchObject({ githubToken: '' });
  });

  it('lets env override the context', async () => {
    const result = await runFixture({
      env: { GITHUB_REPOSITORY: 'other/repo', GITHUB_EVENT_NAME: 'workflow_dispatch' },
    });
    expect(JSON.parse(result.outputs.echoed ?? '{}')).toMatchObject({
      repository: 'other/repo',
      eventName: 'workflow_dispatch',
    });
  });

  it('kills an action that runs past the timeout', async () => {
    const started = Date.now();
    const result = await runFixture({ inputs: { 'sleep-ms': '20000' }, timeoutMs: 1500 });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses to guess an expression default it cannot evaluate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yml-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const yml = join(dir, 'action.yml');
    await writeFile(
      yml,
      'inputs:\n  ref:\n    default: ${{ github.ref }}\nruns:\n  using: node24\n  main: x.js\n',
    );
    await expect(runAction({ actionYml: yml, inputs: {} })).rejects.toThrow(/github\.ref/);
  });
});

describe('runAction next to the Actions services simulator', () => {
  let services: ActionsServices;

  beforeAll(async () => {
    services = await startActionsServices();
  });

  afterAll(async () => {
    await services.close();
  });

  it('a child using the real @actions/cache saves into the simulator in this process', async () => {
    const key = `harness-${randomUUID()}`;
    const result = await runFixture({ inputs: { 'cache-key': key }, env: services.env(), timeoutMs: 60_000 });
    expect(result.stderr).not.toMatch(/Error/);
    expect(Number(result.outputs['cache-id'])).toBeGreaterThan(0);
    expect(services.cache.entries().map((entry) => entry.key)).toEqual([key]);
    const files = await services.cache.entryFiles(key);
    expect([...(files?.values() ?? [])].map(String)).toEqual(['{"cursor":"from-child"}']);
    // @actions/cache masks the blob signatures it is handed; the harness saw those masks.
    expect(result.masks.length).toBeGreaterThan(1);
  });
});

describe('file command parser', () => {
  it('handles heredocs with = in the value and later entries winning', () => {
    expect(parseFileCommand('a<<EOF\nx=y\nEOF\na=2\nb<<D\n\nD\n')).toEqual({ a: '2', b: '' });
    expect(() => parseFileCommand('a<<EOF\nnever closed\n')).toThrow(/delimiter/);
  });
});
