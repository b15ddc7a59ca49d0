/**
 * The README works as written: its CLI commands run against the Events API simulator and export the
 * simulated events, its workflow YAML parses, and every input, output, CLI flag, exit code and column
 * it (or another document we ship) names exists.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXIT, main } from '../src/cli/main.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import { SCHEMAS } from '../src/output/schema.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ACTION = '1password-events-export/1password-events-export';
/** Documents a user reads, besides the README. */
const OTHER_DOCS = ['docs/queries.md', 'docs/schema.md', 'SECURITY.md', 'CHANGELOG.md', 'CONTRIBUTING.md'];

const read = (file: string) => readFile(path.join(ROOT, file), 'utf8');

interface CodeBlock {
  lang: string;
  body: string;
  /** The HTML comment right above the block (blank lines allowed), e.g. `tested: cli`. */
  mark?: string;
}

function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  let mark: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const comment = /^<!-- (.*) -->$/.exec(line);
    if (comment) {
      mark = comment[1];
      continue;
    }
    const fence = /^```(\w*)$/.exec(line);
    if (fence) {
      const indent = lines[i]!.indexOf('```');
      const body: string[] = [];
      for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) body.push(lines[i]!.slice(indent));
      blocks.push({ lang: fence[1]!, body: body.join('\n'), ...(mark ? { mark } : {}) });
    }
    if (line !== '') mark = undefined;
  }
  return blocks;
}

/** The markdown between a `## heading` and the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

let inputs: Set<string>;
let outputs: Set<string>;
let readme: string;

beforeAll(async () => {
  const action = parse(await read('action.yml')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };
  inputs = new Set(Object.keys(action.inputs));
  outputs = new Set(Object.keys(action.outputs));
  readme = await read('README.md');
});

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/** Steps of a workflow document that use this action. */
function actionSteps(workflow: unknown): Step[] {
  const jobs = (workflow as { jobs?: Record<string, { steps?: Step[] }> }).jobs ?? {};
  return Object.values(jobs)
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.uses?.startsWith(`${ACTION}@`));
}

/** Problems with a workflow's use of the action: unknown inputs/outputs, missing token, other refs. */
/** Examples that check out the project to run its scripts (tested in test/detections.test.ts). */
const CHECKOUT_EXAMPLES = new Set(['detections.yml']);

function workflowProblems(name: string, text: string): string[] {
  const steps = actionSteps(parse(text));
  const problems: string[] = [];
  if (steps.length === 0 && !CHECKOUT_EXAMPLES.has(name)) problems.push(`${name}: no step uses ${ACTION}`);
  for (const step of steps) {
    if (step.uses !== `${ACTION}@v1`) problems.push(`${name}: uses ${step.uses}, not @v1`);
    const given = Object.keys(step.with ?? {});
    for (const input of given) if (!inputs.has(input)) problems.push(`${name}: unknown input ${input}`);
    if (!given.includes('token')) problems.push(`${name}: no token input`);
  }
  const ids = new Set(steps.map((step) => step.id).filter(Boolean));
  for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (ids.has(id) && !outputs.has(output!)) problems.push(`${name}: unknown output ${output}`);
  }
  return problems;
}

/** Kebab-case words in inline code that are not inputs or outputs, but legitimately appear. */
const OTHER_KEBAB_WORDS = new Set([
  'secure-copy',
  'prettier-ignore',
  'cancel-in-progress',
  'runs-on',
  'timeout-minutes',
]);
/** `key: value` spans that are workflow keys or permissions, not inputs. */
const WORKFLOW_KEYS = new Set(['contents', 'issues', 'actions', 'uses', 'permissions', 'runs-on']);

/** Inputs/outputs a Markdown document names in inline code that action.yml does not have. */
function unknownNames(name: string, markdown: string): string[] {
  const prose = markdown.replace(/^ *```[\s\S]*?^ *```/gm, '');
  const problems: string[] = [];
  for (const [, span] of prose.matchAll(/`([^`\n]+)`/g)) {
    const keyValue = /^([a-z][a-z-]*): \S/.exec(span!);
    if (keyValue && !WORKFLOW_KEYS.has(keyValue[1]!) && !inputs.has(keyValue[1]!)) {
      problems.push(`${name}: \`${span}\` sets an unknown input`);
    }
    if (/^[a-z]+(-[a-z]+)+$/.test(span!) && !inputs.has(span!) && !outputs.has(span!)) {
      if (!OTHER_KEBAB_WORDS.has(span!)) problems.push(`${name}: \`${span}\` is no input or output`);
    }
  }
  return problems;
}

describe('names in the README, docs and examples', () => {
  it('the quick start and every other workflow block in the README parse and use only existing inputs', () => {
    const yamlBlocks = codeBlocks(readme).filter((block) => block.lang === 'yaml');
    expect(yamlBlocks.length).toBeGreaterThan(0);
    expect(
      yamlBlocks.flatMap((block, i) => workflowProblems(`README yaml block ${i + 1}`, block.body)),
    ).toEqual([]);
  });

  it('every example workflow parses and uses only existing inputs and outputs', async () => {
    const files = (await readdir(path.join(ROOT, 'examples'))).filter((file) => file.endsWith('.yml'));
    expect(files.sort()).toEqual([
      'backfill.yml',
      'detections.yml',
      'multi-account.yml',
      'repo-mode.yml',
      's3.yml',
      'scheduled-export.yml',
    ]);
    const problems: string[] = [];
    for (const file of files) problems.push(...workflowProblems(file, await read(`examples/${file}`)));
    expect(problems).toEqual([]);
  });

  it('the example workflows do what their names promise', async () => {
    const stepOf = async (file: string) => actionSteps(parse(await read(`examples/${file}`)))[0]!.with!;
    expect(await stepOf('repo-mode.yml')).toMatchObject({
      destination: 'repo',
      'storage-repo': 'acme/security-logs',
      'storage-token': '${{ secrets.STORAGE_TOKEN }}',
    });
    expect(await stepOf('multi-account.yml')).toMatchObject({
      token: '${{ secrets[matrix.secret] }}',
      'state-key': expect.stringContaining('${{ matrix.account }}'),
    });
    const backfill = parse(await read('examples/backfill.yml')) as {
      on: { workflow_dispatch: { inputs: Record<string, unknown> } };
    };
    expect(Object.keys(backfill.on.workflow_dispatch.inputs)).toContain('start-time');
    expect(await stepOf('backfill.yml')).toMatchObject({ 'start-time': '${{ inputs.start-time }}' });
  });

  it('every input or output named in inline code exists in action.yml', async () => {
    const problems = unknownNames('README.md', readme);
    for (const file of OTHER_DOCS) problems.push(...unknownNames(file, await read(file)));
    expect(problems).toEqual([]);
    // The check itself catches a misspelt input and a made-up output.
    expect(unknownNames('x', 'set `storage-repository: a/b` and read `events-count`')).toHaveLength(2);
  });

  it('the columns the README names exist in the feed they are listed for', () => {
    const rows = section(readme, 'Files and columns').matchAll(/^\| `(\w+)` +\| (.*) \|$/gm);
    const problems: string[] = [];
    let feeds = 0;
    for (const [, feed, cells] of rows) {
      if (!(FEEDS as readonly string[]).includes(feed!)) continue;
      feeds++;
      const known = new Set(SCHEMAS[feed as Feed].map((column) => column.name));
      for (const [, column] of cells!.matchAll(/`(\w+)`/g)) {
        if (!known.has(column!)) problems.push(`${feed}.${column}`);
      }
    }
    expect(feeds).toBe(FEEDS.length);
    expect(problems).toEqual([]);
  });

  it('the CLI flags and exit codes in the README are the CLI’s', async () => {
    const stdout = new PassThrough();
    const help: Buffer[] = [];
    stdout.on('data', (chunk: Buffer) => help.push(chunk));
    expect(await main(['--help'], { env: {}, stdout, stderr: new PassThrough() })).toBe(0);
    const helpText = Buffer.concat(help).toString();
    const cli = section(readme, 'Run it locally (CLI)');
    const flags = new Set([...cli.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]));
    expect(flags.size).toBeGreaterThanOrEqual(10);
    expect([...flags].filter((flag) => !helpText.includes(`${flag} `))).toEqual([]);

    expect(EXIT).toEqual({ ok: 0, failure: 1, badInput: 2, auth: 3, interrupted: 130 });
    for (const phrase of [
      '`0` done',
      '`2` bad input',
      '`3` the token was refused',
      '`130` stopped with Ctrl-C',
      '`1` anything else',
    ]) {
      expect(cli).toContain(phrase);
    }
  });
});

describe('the README’s CLI commands', () => {
  const DAY = 86_400_000;
  let sim: EventsApiSimulator;
  let work: string;

  beforeAll(async () => {
    sim = await EventsApiSimulator.start({ seed: 8, rateLimit: false });
    const now = Date.now();
    for (const feed of FEEDS)
      sim.generate(feed, 1_500, { from: new Date(now - 6 * DAY), to: new Date(now - 60_000) });
    work = await mkdtemp(path.join(os.tmpdir(), 'docs-readme-'));
  });
  afterAll(async () => {
    await sim?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('export the simulated events as written, and a second run finds nothing new', async () => {
    const tested = codeBlocks(readme).filter((block) => block.mark === 'tested: cli');
    expect(tested).toHaveLength(1);
    const commands = tested[0]!.body;
    expect(commands).toContain('node dist/cli.js');
    expect(commands).toContain('https://events.1password.com');
    expect(commands).toContain('./1password-events');

    // The README's placeholders: the US server and an output folder in the current directory.
    const out = path.join(work, '1password-events');
    const script = commands
      .replaceAll('https://events.1password.com', sim.url)
      .replaceAll('./1password-events', out);
    const token = sim.issueToken();
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: ROOT,
      env: { ...process.env, OP_EVENTS_TOKEN: token },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain(token);
    expect(code, stderr).toBe(0);

    const files = (await readdir(out, { recursive: true })).map(String);
    expect(files.filter((file) => file.endsWith('.parquet')).length).toBeGreaterThan(0);
    expect(files.filter((file) => file.endsWith('.ndjson.gz')).length).toBeGreaterThan(0);
    expect(files).toContain(path.join('_state', 'state.json'));

    // Every simulated event exported exactly once: the manifests' counts add up to the truth, and the
    // second command found nothing new.
    const manifests = files.filter((file) => file.startsWith('_manifests') && file.endsWith('.json'));
    const exported: Record<string, number> = {};
    for (const manifest of manifests) {
      const { feeds } = JSON.parse(await readFile(path.join(out, manifest), 'utf8')) as {
        feeds: Record<string, { count: number }>;
      };
      for (const [feed, { count }] of Object.entries(feeds)) exported[feed] = (exported[feed] ?? 0) + count;
    }
    expect(exported).toEqual(Object.fromEntries(FEEDS.map((feed) => [feed, sim.eventCount(feed)])));
    // The CLI's closing lines, one per feed; the second run's lines say 0.
    expect(stderr.match(/^(signinattempts|itemusages|auditevents): 100% done, 0 events/gm)).toHaveLength(
      FEEDS.length,
    );
  });
});
