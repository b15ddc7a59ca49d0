/**
 * Text from outside never becomes a workflow command or live Markdown (issue 12, item 1). Hostile
 * values enter through every door a run has (the API's account id and event values, GitHub's error
 * messages, a committed state document, inputs that end up in log lines) and the bundled action's
 * stdout and stderr are read back the way the runner reads them (test/harness/runner-protocol.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunActionResult } from './harness/run-action.ts';
import { parseWorkflowCommands } from './harness/runner-protocol.ts';
import { GITHUB_TOKEN, startWorld, type World } from './support/action-world.ts';
import { expectInertMarkdown, HTML_MARKDOWN } from './support/markdown-checks.ts';

function parsed(stdout: string) {
  const commands = parseWorkflowCommands(stdout);
  return { ...commands, otherCommands: commands.other };
}

/** A payload that, printed raw, would mask "1password", forge annotations and stop commands. */
const PAYLOAD =
  'x\n::add-mask::1password\n::warning title=forged::forged\r::stop-commands::pause\n' +
  '##[add-mask]Failed ##[error]forged ::error::forged';

const STORAGE = 'acme/injected-logs';
const STORAGE_TOKEN = 'github_pat_InjectionStorage0123456789abcdef';
let world: World;

beforeAll(async () => {
  world = await startWorld({ seed: 23 });
  world.rest.createRepo(STORAGE, { visibility: 'private' });
  world.rest.addToken(STORAGE_TOKEN, { [STORAGE]: { contents: 'write', metadata: 'read' } });
});
afterAll(async () => world.close());

/** The runner's view of a run: only our own secrets masked, no forged annotation or command. */
function expectNoInjectedCommand(result: RunActionResult, secrets: string[]): void {
  const context = `${result.stdout}\n--- stderr ---\n${result.stderr}`;
  expect(result.masks).toContain(secrets[0]); // the Events token, masked by the action itself
  // Besides our secrets, only @actions/cache's URL signatures are masked: nothing from the payload.
  for (const mask of result.masks) {
    if (secrets.includes(mask)) continue;
    expect(mask, `unexpected mask ${JSON.stringify(mask)}`).toMatch(/^[\w-]{16,}$/);
    expect(PAYLOAD).not.toContain(mask);
  }
  expect(result.stopCommands, context).toEqual([]);
  expect(result.otherCommands, context).toEqual([]);
  for (const annotation of result.annotations) {
    expect(annotation.properties.title, context).toBeUndefined();
    expect(annotation.message, context).not.toMatch(/^forged|[\r\n]/);
  }
  // Each line carrying the payload is one line; the dangerous openings are shown, not obeyed.
  for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) {
    expect(line.trimStart().startsWith('::add-mask::1password')).toBe(false);
    if (!/^::[a-z-]+( [^:]*)?::/.test(line.trimStart())) expect(line).not.toContain('##[add-mask]');
  }
}

describe('outside text in the log and the summary', () => {
  it('an account id, an event category and a GitHub error message full of commands', async () => {
    const account = `ACME${PAYLOAD}`;
    const token = world.events.issueToken({ account, features: ['signinattempts'] });
    const now = Date.now();
    world.events.generate('signinattempts', 30, {
      from: new Date(now - 3_600_000),
      to: new Date(now - 1_000),
      account,
    });
    const template = world.events.groundTruth('signinattempts', { account })[0]!;
    world.events.append(
      'signinattempts',
      [{ ...template, uuid: 'HOSTILE-CATEGORY-0001', category: HTML_MARKDOWN }],
      { account },
    );
    // Asking for a feed the token lacks raises an alert; GitHub's answer is hostile.
    world.rest.failNext('GET /repos/acme/security/issues*', 418, 5, { message: PAYLOAD });

    const result = await world.run({ token, events: 'signinattempts,auditevents', 'start-time': '1d' });
    expect(result.stdout).toContain('##\\[add-mask]'); // the payload did reach the log, defused
    expectNoInjectedCommand(result, [token, GITHUB_TOKEN]);
    expectInertMarkdown(result.summary);
    expect(result.summary).toContain('\\<img src\\=x');
  });

  it('a committed state document whose fields carry commands (repo mode)', async () => {
    const hostileState = {
      schema: 1,
      account: `ACME${PAYLOAD}`,
      server: world.events.url,
      updatedAt: `2026-01-01T00:00:00Z (${PAYLOAD})`,
      writtenBy: PAYLOAD,
      feeds: {
        signinattempts: {
          cursor: PAYLOAD,
          apiVersion: 'v2',
          savedAt: PAYLOAD,
          recentUuids: [PAYLOAD],
        },
      },
    };
    world.rest.commitFiles(STORAGE, {
      files: { '1password-events/_state/state.json': JSON.stringify(hostileState) },
    });
    const result = await world.run({
      destination: 'repo',
      'storage-repo': STORAGE,
      'storage-token': STORAGE_TOKEN,
      'start-time': '1d',
    });
    expect(`${result.stdout}${result.stderr}`).toContain('##\\[add-mask]'); // reached the log, defused
    expectNoInjectedCommand(result, [world.opToken, STORAGE_TOKEN, GITHUB_TOKEN]);
    expectInertMarkdown(result.summary);
  });

  it('an input that lands in the log (refused, and its error line quotes it defused)', async () => {
    const result = await world.run({
      destination: 'repo',
      'storage-repo': STORAGE,
      'storage-token': STORAGE_TOKEN,
      'storage-branch': `main${PAYLOAD}`,
      'start-time': '1d',
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.annotations.find((a) => a.level === 'error')?.message).toMatch(/^Invalid storage-branch/);
    expect(`${result.stdout}${result.stderr}`).toContain('##\\[add-mask]'); // reached the log, defused
    expectNoInjectedCommand(result, [world.opToken, STORAGE_TOKEN, GITHUB_TOKEN]);
    expectInertMarkdown(result.summary);
  });

  it('the checks above can fail: a raw payload and a broken table are caught', () => {
    expect(() => expectInertMarkdown('| a | b |\n|---|---|\n| x | y | z |')).toThrow();
    expect(() => expectInertMarkdown('> <img src=x>')).toThrow();
    const raw = { stdout: PAYLOAD, stderr: '' } as RunActionResult;
    expect(() => expectNoInjectedCommand({ ...raw, ...parsed(PAYLOAD) }, ['t'])).toThrow();
  });
});
