/**
 * Every input name and default is defined once (src/inputs.ts); action.yml, the config parser and
 * the CLI must all agree with it.
 */
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { parseConfig, type RunContext } from '../src/config.ts';
import { INPUT, INPUT_DEFAULTS, type InputName } from '../src/inputs.ts';
import { readActionMetadata } from './harness/action-yml.ts';
import { REPO_ROOT } from './harness/run-action.ts';

const context: RunContext = {
  repository: 'acme/security',
  runId: '9',
  runAttempt: '2',
  runnerTemp: '/tmp/rt',
};
const now = new Date('2026-11-27T12:00:00Z');
const TOKEN = 'a.b.c';

async function actionYmlDefaults(): Promise<Map<string, string>> {
  const metadata = await readActionMetadata(path.join(REPO_ROOT, 'action.yml'));
  return new Map([...metadata.inputs].map(([name, input]) => [name, input.default ?? '']));
}

describe('inputs', () => {
  it('names exactly the inputs action.yml declares, with the same defaults', async () => {
    const declared = await actionYmlDefaults();
    expect(Object.values(INPUT).sort()).toEqual([...declared.keys()].sort());
    expect(Object.keys(INPUT_DEFAULTS).sort()).toEqual([...declared.keys()].sort());
    for (const [name, value] of declared) expect(INPUT_DEFAULTS[name as InputName], name).toBe(value);
  });

  it('parseConfig of empty inputs equals parseConfig of action.yml defaults', async () => {
    const declared = await actionYmlDefaults();
    // The runner resolves `${{ github.token }}`; give both runs the same resolved value.
    const resolve = (value: string) => (value === '${{ github.token }}' ? 'ghs_x' : value);
    const fromEmpty = parseConfig(
      (name) => (name === INPUT.token ? TOKEN : name === INPUT.githubToken ? 'ghs_x' : ''),
      context,
      now,
    );
    const fromYml = parseConfig(
      (name) => (name === INPUT.token ? TOKEN : resolve(declared.get(name) ?? '')),
      context,
      now,
    );
    expect(fromEmpty).toEqual(fromYml);
    expect(fromEmpty.events).toBe('auto');
    expect(fromEmpty.startTime.toISOString()).toBe('2026-07-30T12:00:00.000Z');
  });

  it('the CLI help states the same defaults', async () => {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const code = await main(['--help'], { env: {}, stdout, stderr: new PassThrough() });
    expect(code).toBe(0);
    const help = Buffer.concat(chunks).toString('utf8');
    for (const [flag, input] of [
      ['--events', INPUT.events],
      ['--formats', INPUT.formats],
      ['--start-time', INPUT.startTime],
      ['--api-version', INPUT.apiVersion],
    ] as const) {
      const line = help.split('\n').find((l) => l.trimStart().startsWith(flag));
      expect(line, flag).toContain(`(default: ${INPUT_DEFAULTS[input]})`);
    }
  });
});
