/**
 * `npm run demo`: a month of a 300-person company's 1Password activity on the built-in Events API
 * simulator, with one incident planted in it; exported by the real CLI (dist/cli.js, built by the npm
 * script), then checked by every detection (detections/*.sql) the way examples/detections.yml does.
 * Prints what a security engineer wants first: the incident, then where the files are.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Feed } from '../src/onepassword/feeds.ts';
import { EventsApiSimulator, privilegedGroups } from '../test/sim/events-api/index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.resolve('demo-output');
const EXPORT = path.join(OUT, '1password-events');
const WORK = path.join(OUT, 'detections');
const SEED = 2026;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MONTH: Array<[feed: Feed, label: string, count: number, late: number]> = [
  ['signinattempts', 'sign-in attempt', 14_000, 0],
  ['itemusages', 'item usage', 28_000, 0.02], // uploaded when clients sync: some arrive late
  ['auditevents', 'audit event', 8_000, 0],
];

// One way to write numbers everywhere: grouped digits, and the noun agreeing with the count.
const number = (n: number) => n.toLocaleString('en-US');
const count = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;
const utc = (text: unknown) => `${String(text).slice(0, 16).replace('T', ' ')} UTC`;
const say = (line = '') => console.log(line);
const text = (value: unknown) => String(value);

type Row = Record<string, unknown>;

/** One readable line per finding, for the rules a compromised account sets off; others generic. */
const SENTENCES: Record<string, (r: Row) => string> = {
  'new-country-sign-in': (r) =>
    `${text(r.user)} signed in from ${text(r.new_country)} (${text(r.cities)}) for the first time, at ${utc(r.first_sign_in)}; usually ${text(r.usual_countries)}`,
  'impossible-travel': (r) =>
    `${text(r.user)}: ${text(r.from_place)} at ${utc(r.from_time)}, then ${text(r.to_place)} at ${utc(r.to_time)}: ${number(Number(r.km))} km at ${number(Number(r.km_per_hour))} km/h`,
  'bulk-item-access': (r) =>
    `${text(r.user)} exported ${count(Number(r.exports), 'item')} in the hour from ${utc(r.hour)}, from ${text(r.ip_addresses)} (${text(r.countries)})`,
  'item-shares': (r) =>
    `${text(r.user)} shared ${count(Number(r.items_shared), 'item')} from ${text(r.ip_addresses)} (${text(r.countries)})`,
  'master-password-secret-key': (r) =>
    `${text(r.change)} for ${text(r.user)} at ${utc(r.timestamp)} from ${text(r.ip)} (${text(r.country)}), an address new for them`,
};

function sentence(rule: string, row: Row): string {
  const template = SENTENCES[rule];
  if (template) return template(row);
  return Object.entries(row)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
}

async function exportWithCli(url: string, token: string): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'dist', 'cli.js'), '--server-url', url, '--out', EXPORT, '--start-time', '35d'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OP_EVENTS_TOKEN: token } },
    );
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, log }));
  });
}

async function runDetections(): Promise<{ title: string; id: string; rows: Row[] }[]> {
  const { owners, administrators } = privilegedGroups(SEED, simAccount);
  const lists = path.join(OUT, 'lists.csv');
  await writeFile(
    lists,
    `kind,value,note\nprivileged_group,${owners},Owners\nprivileged_group,${administrators},Administrators\n`,
  );
  const prepared = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts', 'detections.mjs'),
      'prepare',
      '--export',
      EXPORT,
      '--out',
      WORK,
      '--lists',
      lists,
    ],
    { encoding: 'utf8' },
  );
  if (prepared.status !== 0) throw new Error(`detections prepare failed: ${prepared.stderr}`);
  const plan = JSON.parse(await readFile(path.join(WORK, 'rules.json'), 'utf8')) as {
    rules: { id: string; title: string; skipped: string | null }[];
  };
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const results = [];
  for (const rule of plan.rules.filter((r) => !r.skipped)) {
    const sql = await readFile(path.join(WORK, `${rule.id}.sql`), 'utf8');
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson() as Row[];
    results.push({ id: rule.id, title: rule.title, rows });
  }
  connection.closeSync();
  instance.closeSync();
  return results;
}

let simAccount = '';

const sim = await EventsApiSimulator.start({ seed: SEED });
simAccount = sim.defaultAccount;
try {
  const now = Date.now();
  for (const [feed, , total, late] of MONTH) {
    // A day per batch keeps the ingest order close to chronological, as the real service's is.
    for (let day = 30; day > 0; day--) {
      const from = new Date(now - day * DAY);
      const to = new Date(Math.min(now - 60_000, from.getTime() + DAY));
      sim.generate(feed, Math.round(total / 30), { from, to, late });
    }
  }
  // Start a few minutes into an hour, so the per-hour rules see the whole incident in one hour.
  const incidentAt = Math.floor(now / HOUR) * HOUR - 5 * HOUR + 5 * 60_000;
  const incident = sim.plantIncident('compromised-account', { at: new Date(incidentAt) });
  const planted = MONTH.reduce((sum, [feed]) => sum + sim.eventCount(feed), 0);

  say('1Password events export: demo');
  say();
  say(`A month of a 300-person company's 1Password activity (${count(planted, 'event')}) on a local`);
  say('Events API simulator, with one incident hidden in it. Exporting it with the CLI, then running');
  say('the detections in detections/ over the files.');
  say();

  await rm(OUT, { recursive: true, force: true });
  const exportStarted = Date.now();
  const exported = await exportWithCli(sim.url, sim.issueToken());
  const exportSeconds = (Date.now() - exportStarted) / 1000;
  if (exported.code !== 0) {
    console.error(exported.log);
    console.error(`The CLI exited with ${exported.code}.`);
    process.exit(exported.code);
  }
  const manifests = await readdir(path.join(EXPORT, '_manifests'));
  const manifest = JSON.parse(await readFile(path.join(EXPORT, '_manifests', manifests[0]!), 'utf8')) as {
    feeds: Partial<Record<Feed, { count: number }>>;
    files: unknown[];
  };
  const parts = MONTH.map(([feed, label]) => count(manifest.feeds[feed]?.count ?? 0, label));
  const exportedTotal = MONTH.reduce((sum, [feed]) => sum + (manifest.feeds[feed]?.count ?? 0), 0);
  say(`Exported ${count(exportedTotal, 'event')} in ${exportSeconds.toFixed(1)} s: ${parts.join(', ')}.`);

  const results = await runDetections();
  const victim = incident.subject.user!;
  // In the order the story happened: the sign-in, the distance, what was taken, the lock-out.
  const story = Object.keys(SENTENCES);
  const aboutVictim = results
    .map((r) => ({ ...r, rows: r.rows.filter((row) => Object.values(row).includes(victim)) }))
    .filter((r) => r.rows.length > 0)
    .sort((a, b) => (story.indexOf(a.id) >>> 0) - (story.indexOf(b.id) >>> 0));
  const routine = results.filter((r) => r.rows.length > 0 && !aboutVictim.some((v) => v.id === r.id));
  const quiet = results.filter((r) => r.rows.length === 0);

  say();
  say(`The detections found one account in trouble: ${victim}`);
  for (const finding of aboutVictim) {
    say(`  ${finding.title}`);
    for (const row of finding.rows) say(`    ${sentence(finding.id, row)}`);
  }
  say();
  say(`What was planted: ${incident.summary}.`);
  say();
  say(
    `${count(quiet.length, 'rule')} found nothing` +
      (routine.length
        ? `; ${count(routine.length, 'rule')} listed routine changes of the month to review: ` +
          routine.map((r) => `${text(r.id)} (${count(r.rows.length, 'row')})`).join(', ')
        : '') +
      '.',
  );
  say();
  say(
    `Files: ${path.relative(process.cwd(), EXPORT)}/<feed>/date=YYYY-MM-DD/*.parquet, manifests in _manifests/`,
  );
  say('Query them, e.g. every sign-in of that account:');
  say(
    `  cd ${path.relative(process.cwd(), EXPORT)} && duckdb -c "SELECT timestamp, category, country, client_ip_address ` +
      `FROM read_parquet('signinattempts/date=*/*.parquet', hive_partitioning = true) ` +
      `WHERE target_user_email = '${victim}' ORDER BY timestamp DESC LIMIT 10"`,
  );
  say(
    `Each rule, ready for the DuckDB CLI: duckdb -json < ${path.relative(process.cwd(), WORK)}/<rule>.sql (docs/queries.md)`,
  );
} finally {
  await sim.close();
}
