/**
 * Every rule in detections/ against a real export: a month of simulated traffic exported by the CLI,
 * the rules run on it clean (each quiet, or within its stated bound), then the simulator's named
 * incidents planted and exported by a second run, and each rule must find its incident. The SQL is
 * exactly what scripts/detections.mjs prepares for the DuckDB CLI, run by DuckDB's Node API.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import {
  EventsApiSimulator,
  INCIDENTS,
  privilegedGroups,
  type IncidentName,
  type PlantedIncident,
} from './sim/events-api/index.ts';

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
    finds: (rows, i) => rows.some((r) => r.ip === i.subject.ip && Number(r.accounts) === 25),
    cleanBound: 0,
  },
  'failures-then-success': {
    incident: 'brute-force',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && r.ip === i.subject.ip),
    cleanBound: 0,
  },
  'mfa-failure-burst': {
    incident: 'mfa-fatigue',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && Number(r.failures_in_15_min) === 8),
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
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && Number(r.exports) === 12),
    cleanBound: 0,
  },
  'item-shares': {
    incident: 'compromised-account',
    finds: (rows, i) => rows.some((r) => r.user === i.subject.user && Number(r.items_shared) === 6),
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
      rows = (await connection.runAndReadAll(sql)).getRowObjectsJson() as Row[];
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
  const listsFile = path.join(work, 'lists.csv');
  await writeFile(
    listsFile,
    `# the simulated company's privileged groups\nkind,value,note\nprivileged_group,${owners},Owners\nprivileged_group,${administrators},Administrators\n`,
  );
  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();

  const token = sim.issueToken();
  await exportOnce(token);
  for (const [id, rows] of await runRules(path.join(work, 'clean'), listsFile)) clean.set(id, rows);

  INCIDENTS.forEach((name, i) => {
    incidents.set(name, sim.plantIncident(name, { at: new Date(now - 20 * HOUR + i * HOUR) }));
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

  it('prints the numbers the closing report quotes', () => {
    const lines = Object.keys(EXPECTATIONS).map(
      (id) =>
        `${id.padEnd(28)} clean ${String(clean.get(id)!.length).padStart(3)}  planted ${planted.get(id)!.length}`,
    );
    console.log(lines.join('\n'));
    expect(lines).toHaveLength(Object.keys(EXPECTATIONS).length);
  });
});
