/**
 * Every rule in detections/ against a real export: a month of simulated traffic exported by the CLI,
 * the rules run on it clean (each quiet, or within its stated bound), then the simulator's named
 * incidents planted and exported by a second run, and each rule must find its incident. The SQL is
 * exactly what scripts/detections.mjs prepares for the DuckDB CLI, run by DuckDB's Node API.
 * Everyday traffic can add to an incident (the victim shares one more item that day), so counts
 * are lower bounds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { main } from '../src/cli/main.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import {
  EventsApiSimulator,
  INCIDENTS,
  privilegedGroups,
  type IncidentName,
  type PlantedIncident,
} from './sim/events-api/index.ts';
import { FOREIGN_CITIES } from './sim/events-api/generator-data.ts';
import { startGitHubRestSim } from './sim/github/rest.ts';
// The runner is plain JavaScript for workflows; its Markdown helpers are tested directly too.
// @ts-expect-error -- an .mjs script without type declarations
import { escapeCell, markdownTable } from '../scripts/detections.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'detections.mjs');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MONTH: Record<Feed, number> = { signinattempts: 4_000, itemusages: 6_000, auditevents: 3_000 };

type Row = Record<string, unknown>;

/**
 * What each rule must find, and how many rows it may show on clean traffic (0 = quiet). The bounds
 * of digest-like rules are what a month of the simulator's company gives in two days, with margin.
 */
const EXPECTATIONS: Record<
  string,
  { incident: IncidentName; finds: (rows: Row[], i: PlantedIncident) => boolean; cleanBound: number }
> = {
  'brute-force': {
    incident: 'brute-force',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && Number(r.failures_in_15_min) >= 10),
    cleanBound: 0,
  },
  'password-spray': {
    incident: 'password-spray',
    finds: (rows, i) => rows.some((r) => r.ip === i.subject.ip && Number(r.accounts) >= 25),
    cleanBound: 0,
  },
  'failures-then-success': {
    incident: 'brute-force',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && r.ip === i.subject.ip),
    cleanBound: 0,
  },
  'mfa-failure-burst': {
    incident: 'mfa-fatigue',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && Number(r.failures_in_15_min) >= 8),
    cleanBound: 0,
  },
  'impossible-travel': {
    incident: 'compromised-account',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && r.to_ip === i.subject.ip),
    cleanBound: 2,
  },
  'new-country-sign-in': {
    incident: 'compromised-account',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && r.new_country === i.subject.country),
    cleanBound: 6,
  },
  'bulk-item-access': {
    incident: 'compromised-account',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && Number(r.exports) >= 12),
    cleanBound: 0,
  },
  'item-shares': {
    incident: 'compromised-account',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && Number(r.items_shared) >= 6),
    cleanBound: 1,
  },
  'privileged-group-change': {
    incident: 'privilege-escalation',
    finds: (rows, i) =>
      rows.filter((r) => r.by_user === i.subject.actor).length === 3 &&
      rows.some((r) => r.member === i.subject.user && r.group_name === 'Owners'),
    cleanBound: 0,
  },
  'token-lifecycle': {
    incident: 'token-created-and-revoked',
    finds: (rows, i) => rows.some((r) => r.by_user === i.subject.actor && r.created_and_revoked === true),
    cleanBound: 6,
  },
  'mfa-disabled': {
    incident: 'mfa-disabled',
    finds: (rows, i) => rows.some((r) => r.by_user === i.subject.actor && r.affected_user === i.subject.user),
    cleanBound: 3,
  },
  'duo-changes': {
    incident: 'mfa-disabled',
    finds: (rows, i) => rows.some((r) => r.by_user === i.subject.actor && r.change === 'Duo disabled'),
    cleanBound: 2,
  },
  'master-password-secret-key': {
    incident: 'compromised-account',
    finds: (rows, i) => rows.filter((r) => r.user === i.subject.user && r.ip === i.subject.ip).length === 2,
    cleanBound: 2,
  },
  'travel-mode': {
    incident: 'travel-mode',
    finds: (rows, i) => rows.filter((r) => r.by_user === i.subject.actor).length === 2,
    cleanBound: 2,
  },
  'vault-delete-purge': {
    incident: 'vault-destruction',
    finds: (rows, i) =>
      rows.some((r) => r.by_user === i.subject.actor && Number(r.purged) + Number(r.vaults_deleted) === 10),
    cleanBound: 0,
  },
  'admin-changes': {
    incident: 'mfa-disabled',
    finds: (rows, i) =>
      rows.some((r) => r.by_user === i.subject.actor && r.change === 'firewall rules changed'),
    cleanBound: 15,
  },
};

let sim: EventsApiSimulator;
let work: string;
let exportDir: string;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;
let since: Date;
let listsFile: string;
const incidents = new Map<IncidentName, PlantedIncident>();
const clean = new Map<string, Row[]>();
const planted = new Map<string, Row[]>();

async function exportOnce(token: string): Promise<void> {
  const stderr = new PassThrough();
  const log: Buffer[] = [];
  stderr.on('data', (chunk: Buffer) => log.push(chunk));
  const code = await main(
    ['--server-url', sim.url, '--out', exportDir, '--start-time', '35d', '--run-id', 'detections'],
    { env: { OP_EVENTS_TOKEN: token }, stdout: new PassThrough(), stderr },
  );
  if (code !== 0) throw new Error(`the CLI exited with ${code}:\n${Buffer.concat(log).toString()}`);
}

/** `node scripts/detections.mjs prepare` into `out`, then every prepared rule through DuckDB. */
async function runRules(out: string, listsFile: string): Promise<Map<string, Row[]>> {
  const prepared = spawnSync(
    process.execPath,
    [
      SCRIPT,
      'prepare',
      '--export',
      exportDir,
      '--out',
      out,
      '--lists',
      listsFile,
      '--since',
      since.toISOString(),
    ],
    { encoding: 'utf8' },
  );
  expect(prepared.status, prepared.stderr).toBe(0);
  const results = new Map<string, Row[]>();
  for (const file of (await readdir(out)).filter((name) => name.endsWith('.sql')).sort()) {
    const sql = await readFile(path.join(out, file), 'utf8');
    let rows: Row[];
    try {
      rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
    }
    results.set(file.replace(/\.sql$/, ''), rows);
  }
  return results;
}

beforeAll(async () => {
  sim = await EventsApiSimulator.start({ seed: 2026, rateLimit: false });
  const now = Date.now();
  for (const feed of FEEDS) {
    sim.generate(feed, MONTH[feed], {
      from: new Date(now - 30 * DAY),
      to: new Date(now - 60_000),
      late: feed === 'itemusages' ? 0.02 : 0,
    });
  }
  work = await mkdtemp(path.join(os.tmpdir(), 'detections-'));
  exportDir = path.join(work, 'export');
  since = new Date(now - 2 * DAY);
  const { owners, administrators } = privilegedGroups(2026, sim.defaultAccount);
  listsFile = path.join(work, 'lists.csv');
  await writeFile(
    listsFile,
    `# the simulated company's privileged groups\nkind,value,note\nprivileged_group,${owners},Owners\nprivileged_group,${administrators},Administrators\n`,
  );
  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();

  const token = sim.issueToken();
  await exportOnce(token);
  for (const [id, rows] of await runRules(path.join(work, 'clean'), listsFile)) clean.set(id, rows);

  // Rules that count per clock hour must see each incident inside one hour, whatever the time the
  // test runs at: start each incident a few minutes after an hour begins.
  const hourStart = Math.floor(now / HOUR) * HOUR + 5 * 60_000;
  INCIDENTS.forEach((name, i) => {
    incidents.set(name, sim.plantIncident(name, { at: new Date(hourStart - 20 * HOUR + i * HOUR) }));
  });
  await exportOnce(token);
  for (const [id, rows] of await runRules(path.join(work, 'planted'), listsFile)) planted.set(id, rows);
}, 120_000);

afterAll(async () => {
  connection?.closeSync();
  duckdb?.closeSync();
  await sim?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('detections/', () => {
  it('has a test expectation for every rule, and every rule ran', async () => {
    const files = (await readdir(path.join(ROOT, 'detections')))
      .filter((name) => name.endsWith('.sql') && !name.startsWith('_'))
      .map((name) => name.replace(/\.sql$/, ''))
      .sort();
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(files);
    expect([...planted.keys()].sort()).toEqual(files);
    expect([...clean.keys()].sort()).toEqual(files);
  });

  it('every rule has the header a reader and the runner need', async () => {
    for (const id of Object.keys(EXPECTATIONS)) {
      const text = await readFile(path.join(ROOT, 'detections', `${id}.sql`), 'utf8');
      const header = text
        .split('\n')
        .filter((line) => line.startsWith('--'))
        .join('\n');
      for (const part of ['-- title: ', '-- feeds: ', 'Finds: ', 'Why: ', 'Tuning: ', 'False positives: ']) {
        expect(header, `${id} lacks "${part}"`).toContain(part);
      }
    }
  });

  it.each(Object.entries(EXPECTATIONS))('%s finds its planted incident', (id, expectation) => {
    const incident = incidents.get(expectation.incident)!;
    const rows = planted.get(id)!;
    expect(
      expectation.finds(rows, incident),
      `${id} on ${incident.name}: ${JSON.stringify(rows, null, 1)}`,
    ).toBe(true);
  });

  it.each(Object.entries(EXPECTATIONS))('%s stays within its bound on clean traffic', (id, expectation) => {
    const rows = clean.get(id)!;
    expect(rows.length, `${id} on clean traffic: ${JSON.stringify(rows, null, 1)}`).toBeLessThanOrEqual(
      expectation.cleanBound,
    );
    // The clean rows cannot be the incident's: it was planted later.
    const incident = incidents.get(expectation.incident)!;
    expect(expectation.finds(rows, incident)).toBe(false);
  });

  it('the lists silence what they name: a country (as a code), a user’s country, an address', async () => {
    const compromised = incidents.get('compromised-account')!;
    const bruteForce = incidents.get('brute-force')!;
    const code = FOREIGN_CITIES.find((city) => city.countryName === compromised.subject.country)!.country;
    const bruteCountry = (planted.get('new-country-sign-in')!.find((r) => r.user === bruteForce.subject.user)
      ?.new_country ?? 'none') as string;
    const lists = path.join(work, 'lists-allow.csv');
    await writeFile(
      lists,
      [
        'kind,value,note',
        `country,${code},the code of the name the rule reports`,
        `user_country,${bruteForce.subject.user!.toUpperCase()}=${bruteCountry},case does not matter`,
        `ip,${bruteForce.subject.ip},"an office, say"`,
      ].join('\n'),
    );
    const allowed = await runRules(path.join(work, 'allowed'), lists);
    const newCountry = allowed.get('new-country-sign-in')!;
    expect(
      planted.get('new-country-sign-in')!.some((r) => r.new_country === compromised.subject.country),
    ).toBe(true);
    expect(newCountry.some((r) => r.new_country === compromised.subject.country)).toBe(false);
    expect(newCountry.some((r) => r.user === bruteForce.subject.user)).toBe(false);
    expect(allowed.get('brute-force')!.some((r) => r.user === bruteForce.subject.user)).toBe(false);
  });

  it('skips the rules of a feed the export does not hold, and runs the others', async () => {
    const partial = path.join(work, 'partial');
    await mkdir(partial);
    for (const feed of ['signinattempts', 'auditevents'])
      await symlink(path.join(exportDir, feed), path.join(partial, feed));
    const out = path.join(work, 'partial-rules');
    const prepared = spawnSync(
      process.execPath,
      [
        SCRIPT,
        'prepare',
        '--export',
        partial,
        '--out',
        out,
        '--lists',
        listsFile,
        '--since',
        since.toISOString(),
      ],
      { encoding: 'utf8' },
    );
    expect(prepared.status, prepared.stderr).toBe(0);
    expect(prepared.stdout).toContain('14 of 16 rules to run');
    expect(prepared.stdout).toContain('skipped item-shares: no itemusages in the export');
    const plan = JSON.parse(await readFile(path.join(out, 'rules.json'), 'utf8')) as {
      rules: { id: string; skipped: string | null }[];
    };
    expect(plan.rules.filter((r) => r.skipped).map((r) => r.id)).toEqual(['bulk-item-access', 'item-shares']);
    const sql = await readFile(path.join(out, 'brute-force.sql'), 'utf8');
    expect(sql).not.toContain('/itemusages/');
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
    expect(rows).toEqual(planted.get('brute-force'));
  });

  it('refuses bad arguments with a usage message', () => {
    for (const args of [
      ['prepare'],
      ['prepare', '--export', '.', '--out', 'x', '--lookback', '2 days'],
      ['nope'],
    ]) {
      const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', cwd: work });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage:');
    }
  });

  it('prints the numbers the closing report quotes', () => {
    const lines = Object.keys(EXPECTATIONS).map(
      (id) =>
        `${id.padEnd(28)} clean ${String(clean.get(id)!.length).padStart(3)}  planted ${planted.get(id)!.length}`,
    );
    console.log(lines.join('\n'));
    expect(lines).toHaveLength(Object.keys(EXPECTATIONS).length);
  });
});

/**
 * `duckdb -bail -json < rule.sql` as the workflow calls it, answered by DuckDB's Node API: the rows as
 * one JSON array (nothing for no rows), an error on stderr with exit status 1.
 */
function fakeDuckdb(): string {
  return `#!${process.execPath}
import { DuckDBInstance } from '${import.meta.resolve('@duckdb/node-api')}';
const args = process.argv.slice(2);
if (args.join(' ') !== '-bail -json') { console.error('unexpected duckdb arguments: ' + args.join(' ')); process.exit(2); }
let sql = '';
for await (const chunk of process.stdin) sql += chunk;
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
try {
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
  if (rows.length > 0) process.stdout.write(JSON.stringify(rows) + '\\n');
} catch (error) {
  console.error('Error: ' + error.message);
  process.exitCode = 1;
}
`;
}

interface Step {
  name: string;
  run?: string;
}

describe('examples/detections.yml end to end', () => {
  const REPO = 'acme/security-events';
  const GITHUB_TOKEN = 'ghs_detections_test_token';
  let github: Awaited<ReturnType<typeof startGitHubRestSim>>;
  let workspace: string;
  let steps: Step[];
  let workflowEnv: Record<string, string>;

  beforeAll(async () => {
    const workflow = parseYaml(await readFile(path.join(ROOT, 'examples', 'detections.yml'), 'utf8')) as {
      jobs: { detect: { env: Record<string, string>; steps: Step[] } };
    };
    steps = workflow.jobs.detect.steps;
    workflowEnv = workflow.jobs.detect.env;
    github = await startGitHubRestSim();
    github.createRepo(REPO, { visibility: 'private' });
    github.createRepo('acme/public-site', { visibility: 'public' });
    github.addToken(GITHUB_TOKEN, {
      [REPO]: { issues: 'write', contents: 'read', metadata: 'read' },
      'acme/public-site': { issues: 'write', contents: 'read', metadata: 'read' },
    });
    // The job's workspace after the two checkouts: the storage repository and this project.
    workspace = await mkdtemp(path.join(os.tmpdir(), 'detections-workflow-'));
    await mkdir(path.join(workspace, 'storage', '.github'), { recursive: true });
    await symlink(exportDir, path.join(workspace, 'storage', workflowEnv.STORAGE_PATH!));
    await writeFile(path.join(workspace, 'storage', workflowEnv.LISTS_FILE!), await readFile(listsFile));
    await symlink(ROOT, path.join(workspace, 'kit'));
    await mkdir(path.join(workspace, 'bin'));
    await writeFile(path.join(workspace, 'bin', 'duckdb'), fakeDuckdb());
    await chmod(path.join(workspace, 'bin', 'duckdb'), 0o755);
  }, 30_000);

  afterAll(async () => {
    await github?.close();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  /** Runs a step's `run:` with bash in the workspace, as the runner would. */
  function runStep(
    name: string,
    env: Record<string, string> = {},
  ): Promise<{ code: number; output: string }> {
    const step = steps.find((s) => s.name === name);
    if (!step?.run) throw new Error(`no step "${name}" with a run script`);
    return new Promise((resolve, reject) => {
      const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', step.run!], {
        cwd: workspace,
        env: {
          PATH: `${path.join(workspace, 'bin')}:${path.dirname(process.execPath)}:${process.env.PATH}`,
          HOME: workspace,
          STORAGE_PATH: workflowEnv.STORAGE_PATH!,
          LISTS_FILE: workflowEnv.LISTS_FILE!,
          LOOKBACK: '2d',
          GITHUB_TOKEN,
          GITHUB_API_URL: github.url,
          GITHUB_REPOSITORY: REPO,
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_RUN_ID: '4242',
          ...env,
        },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code: code ?? 1, output }));
    });
  }

  const openIssues = () => github.issues(REPO).filter((issue) => issue.state === 'open');

  it('opens one issue per rule with matches, with the rows as an escaped table', async () => {
    await rm(path.join(workspace, 'work'), { recursive: true, force: true });
    const ran = await runStep('Run the detections');
    expect(ran.code, ran.output).toBe(0);
    const filed = await runStep('File issues');
    expect(filed.code, filed.output).toBe(0);

    const withMatches = [...planted].filter(([, rows]) => rows.length > 0).map(([id]) => id);
    expect(withMatches.length).toBe(Object.keys(EXPECTATIONS).length);
    const issues = openIssues();
    expect(issues).toHaveLength(withMatches.length);
    for (const id of withMatches) {
      const issue = issues.find((i) => (i.body ?? '').includes(`<!-- 1password-events-detection: ${id} `));
      expect(issue, id).toBeDefined();
      expect(issue!.labels).toEqual(['1password-events', 'detection']);
      expect(issue!.title).toMatch(/^Detection: /);
    }
    const bruteForce = incidents.get('brute-force')!;
    const issue = issues.find((i) => i.title === 'Detection: Brute force against one account')!;
    expect(issue.body).toContain(`| ${escapeCell(bruteForce.subject.user)} |`);
    expect(issue.body).toContain('https://github.com/acme/security-events/actions/runs/4242');
    expect(issue.body).not.toContain(GITHUB_TOKEN);
  }, 120_000);

  it('a second report of the same matches changes nothing: no duplicate, no comment', async () => {
    const before = JSON.stringify(github.issues(REPO));
    const filed = await runStep('File issues');
    expect(filed.code, filed.output).toBe(0);
    expect(filed.output).toContain(`${Object.keys(EXPECTATIONS).length} unchanged`);
    expect(JSON.stringify(github.issues(REPO))).toBe(before);
  }, 120_000);

  it('a rule that fails leaves its issue open; changed matches update the issue with a comment', async () => {
    const work = path.join(workspace, 'work');
    await writeFile(
      path.join(work, 'travel-mode.error'),
      'Error: IO Error: No files found\n::set-output name=x::y',
    );
    await writeFile(path.join(work, 'brute-force.json'), '[]');
    const rows = JSON.parse(await readFile(path.join(work, 'token-lifecycle.json'), 'utf8')) as Row[];
    await writeFile(path.join(work, 'token-lifecycle.json'), JSON.stringify(rows.slice(1)));
    const filed = await runStep('File issues');
    expect(filed.code, filed.output).toBe(0);
    // The failure's message is one escaped workflow command, never a second one.
    expect(filed.output).toContain(
      '::warning::detection travel-mode did not run: Error: IO Error: No files found%0A::set-output',
    );
    expect(filed.output.split('\n').filter((line) => line.startsWith('::'))).toHaveLength(1);

    const all = github.issues(REPO);
    const byRule = (id: string) => all.find((i) => (i.body ?? '').includes(`detection: ${id} `))!;
    expect(byRule('travel-mode').state).toBe('open');
    expect(byRule('brute-force').state).toBe('closed');
    expect(byRule('brute-force').comments.map((c) => c.body)).toEqual([
      'No matches any more ([run](https://github.com/acme/security-events/actions/runs/4242)): closing.',
    ]);
    const token = byRule('token-lifecycle');
    expect(token.state).toBe('open');
    expect(token.comments).toHaveLength(1);
    expect(token.comments[0]!.body).toContain(`${rows.length - 1} matches now`);
  });

  it('closes every issue when the rules come back clean', async () => {
    await rm(path.join(workspace, 'work'), { recursive: true, force: true });
    // A one-minute window: nothing planted or generated falls in it.
    expect((await runStep('Run the detections', { LOOKBACK: '1m' })).code).toBe(0);
    const filed = await runStep('File issues');
    expect(filed.code, filed.output).toBe(0);
    expect(openIssues()).toEqual([]);
    expect(github.issues(REPO)).toHaveLength(Object.keys(EXPECTATIONS).length);
  }, 120_000);

  it('refuses to file issues in a public repository', async () => {
    const filed = await runStep('File issues', { GITHUB_REPOSITORY: 'acme/public-site' });
    expect(filed.code).toBe(2);
    expect(filed.output).toContain('acme/public-site is public');
    expect(github.issues('acme/public-site')).toEqual([]);
  });

  it('escapes outside text: no live HTML, links, mentions or extra cells', () => {
    const hostile = {
      user: 'eve|x@evil.example',
      note: '<img src=x onerror=alert(1)> [click](https://evil.example) @octocat #1 **bold** `code`\n| injected | row |',
    };
    const table = markdownTable([hostile]) as string;
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    // Two columns: three unescaped pipes per line, whatever the cells hold.
    for (const line of lines) expect(line.match(/\|/g)).toHaveLength(3);
    for (const live of ['<img', '](', '@octocat', '**', '`', 'https://']) expect(table).not.toContain(live);
    expect(table).not.toMatch(/(^|[^&])#1/); // an issue reference; `&#124;` is the escaped pipe
    expect(escapeCell('a'.repeat(500)).length).toBeLessThan(260);
  });
});
