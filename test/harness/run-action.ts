import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readActionMetadata } from './action-yml.ts';
import { parseFileCommand, parseWorkflowCommands, type StdoutCommands } from './runner-protocol.ts';
import type { Annotation } from './runner-protocol.ts';

export { collectAllBytes, containsSecret, secretForms } from './collect.ts';
export type { Annotation } from './runner-protocol.ts';

/** The repository root (this file lives in test/harness/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunActionOptions {
  /** `with:` values, by input name as declared in action.yml. */
  inputs: Record<string, string>;
  /** Extra or overriding environment (GITHUB_API_URL, the Actions services' env(), STATE_*, ...). */
  env?: Record<string, string>;
  /** GITHUB_WORKSPACE and the working directory; a fresh directory under tempDir by default. */
  workspace?: string;
  /** Script to run, relative to the repository root; action.yml `runs.main` by default. */
  entry?: string;
  /** Node 24 from node_modules (what `runs.using: node24` gives) by default. */
  nodeBinary?: string;
  /** action.yml supplying input defaults; the repository's own by default. */
  actionYml?: string;
  /** The value of `${{ github.token }}` in input defaults ('' when not given). */
  githubToken?: string;
  /** GITHUB_EVENT_PATH payload (a schedule event by default). */
  event?: Record<string, unknown>;
  /** Kill the action after this long (default 120 s); the result then has `timedOut: true`. */
  timeoutMs?: number;
}

export interface RunActionResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  masks: string[];
  annotations: Annotation[];
  groups: string[];
  debug: string[];
  /** `stop-commands` tokens and any other command the runner would act on (see runner-protocol.ts). */
  stopCommands: string[];
  otherCommands: StdoutCommands['other'];
  state: Record<string, string>;
  /** Variables exported through GITHUB_ENV, and paths added through GITHUB_PATH. */
  exportedEnv: Record<string, string>;
  addedPaths: string[];
  /** Inputs given that action.yml does not declare (the runner warns about these). */
  unexpectedInputs: string[];
  /** The environment the action ran with. */
  env: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  tempDir: string;
  /** Removes tempDir (and everything the action left under RUNNER_TEMP). */
  cleanup(): Promise<void>;
}

/** Machine variables a runner's node process also has; everything else from the test process stays out. */
const INHERITED = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

/**
 * Runs a bundled action in a child process the way the runner does: INPUT_* variables with
 * action.yml defaults applied, the GITHUB_* / RUNNER_* context, file commands in a fresh temp dir,
 * cwd = GITHUB_WORKSPACE. Always spawns asynchronously, so simulators in this process keep serving.
 */
export async function runAction(options: RunActionOptions): Promise<RunActionResult> {
  const actionYml = options.actionYml ?? join(REPO_ROOT, 'action.yml');
  const metadata = await readActionMetadata(actionYml);
  const entry = options.entry ?? metadata.runs.main ?? 'dist/index.js';
  const script = isAbsolute(entry) ? entry : join(REPO_ROOT, entry);
  const nodeBinary = options.nodeBinary ?? defaultNode();

  const tempDir = await mkdtemp(join(tmpdir(), 'run-action-'));
  const workspace = options.workspace ?? join(tempDir, 'workspace');
  const runnerTemp = join(tempDir, 'runner-temp');
  const commandsDir = join(tempDir, '_runner_file_commands');
  await Promise.all([mkdir(workspace, { recursive: true }), mkdir(runnerTemp), mkdir(commandsDir)]);
  const files = {
    GITHUB_OUTPUT: join(commandsDir, 'set_output'),
    GITHUB_STATE: join(commandsDir, 'save_state'),
    GITHUB_ENV: join(commandsDir, 'set_env'),
    GITHUB_PATH: join(commandsDir, 'add_path'),
    GITHUB_STEP_SUMMARY: join(commandsDir, 'step_summary'),
  };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  const eventPath = join(tempDir, 'event.json');

  const baseEnv = contextEnv(workspace, runnerTemp, eventPath);
  const env: Record<string, string> = {
    ...inheritedEnv(),
    ...baseEnv,
    ...files,
    ...inputEnv(options.inputs, metadata.inputs, options.githubToken ?? ''),
    ...options.env,
  };
  const repository = env.GITHUB_REPOSITORY ?? 'acme/exporter';
  await writeFile(eventPath, JSON.stringify(options.event ?? scheduleEvent(repository)));

  const child = await runChild(nodeBinary, script, workspace, env, options.timeoutMs ?? 120_000);
  // The runner reads commands from both streams.
  const commands = mergeCommands(parseWorkflowCommands(child.stdout), parseWorkflowCommands(child.stderr));
  const read = (file: string) => readFile(file, 'utf8');
  const addedPaths = (await read(files.GITHUB_PATH)).split(/\r?\n/).filter(Boolean);
  return {
    ...child,
    outputs: { ...commands.outputs, ...parseFileCommand(await read(files.GITHUB_OUTPUT)) },
    state: { ...commands.state, ...parseFileCommand(await read(files.GITHUB_STATE)) },
    exportedEnv: parseFileCommand(await read(files.GITHUB_ENV)),
    addedPaths,
    summary: await read(files.GITHUB_STEP_SUMMARY),
    masks: commands.masks,
    annotations: commands.annotations,
    groups: commands.groups,
    debug: commands.debug,
    stopCommands: commands.stopCommands,
    otherCommands: commands.other,
    unexpectedInputs: Object.keys(options.inputs).filter((name) => !metadata.inputs.has(name)),
    env,
    workspace,
    runnerTemp,
    tempDir,
    cleanup: () => rm(tempDir, { recursive: true, force: true }),
  };
}

function mergeCommands(a: StdoutCommands, b: StdoutCommands): StdoutCommands {
  return {
    masks: [...a.masks, ...b.masks],
    annotations: [...a.annotations, ...b.annotations],
    groups: [...a.groups, ...b.groups],
    debug: [...a.debug, ...b.debug],
    outputs: { ...a.outputs, ...b.outputs },
    state: { ...a.state, ...b.state },
    stopCommands: [...a.stopCommands, ...b.stopCommands],
    other: [...a.other, ...b.other],
  };
}

function defaultNode(): string {
  const bundled = join(REPO_ROOT, 'node_modules', '.bin', 'node');
  return existsSync(bundled) ? bundled : process.execPath;
}

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function contextEnv(workspace: string, runnerTemp: string, eventPath: string): Record<string, string> {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    GITHUB_REPOSITORY: 'acme/exporter',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_RUN_ID: '9000000001',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SERVER_URL: 'https://github.com',
    // Nothing listens on port 9: an API call the test did not point at a simulator fails at once
    // instead of reaching the internet.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    GITHUB_WORKFLOW: 'Export 1Password events',
    GITHUB_WORKFLOW_REF: 'acme/exporter/.github/workflows/export.yml@refs/heads/main',
    GITHUB_JOB: 'export',
    GITHUB_ACTION: '__self',
    GITHUB_ACTION_PATH: REPO_ROOT,
    GITHUB_ACTOR: 'github-actions[bot]',
    GITHUB_TRIGGERING_ACTOR: 'github-actions[bot]',
    GITHUB_RETENTION_DAYS: '90',
  };
}

/**
 * INPUT_<NAME>: the name uppercased with spaces turned into `_` and hyphens kept (the runner's rule).
 * Inputs not given get their action.yml default, as the runner passes them.
 */
export function inputEnv(
  given: Record<string, string>,
  declared: Map<string, { default?: string }>,
  githubToken: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  const key = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  for (const [name, spec] of declared) {
    if (name in given || spec.default === undefined) continue;
    env[key(name)] = evaluateDefault(name, spec.default, githubToken);
  }
  for (const [name, value] of Object.entries(given)) env[key(name)] = value;
  return env;
}

function evaluateDefault(name: string, value: string, githubToken: string): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_match, expression: string) => {
    if (expression === 'github.token' || expression === "github['token']") return githubToken;
    throw new Error(
      `the harness cannot evaluate \${{ ${expression} }} (default of input ${name}); pass ${name} explicitly`,
    );
  });
}

function scheduleEvent(repository: string): Record<string, unknown> {
  const [owner = 'acme', name = 'exporter'] = repository.split('/');
  return {
    schedule: '17 * * * *',
    workflow: '.github/workflows/export.yml',
    repository: {
      full_name: repository,
      name,
      owner: { login: owner },
      private: true,
      default_branch: 'main',
    },
  };
}

interface ChildResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

function runChild(
  node: string,
  script: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolvePromise({
        exitCode,
        signal,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
