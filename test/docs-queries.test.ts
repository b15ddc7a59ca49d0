/**
 * docs/queries.md and docs/schema.md against a real export: a month of simulated events exported by
 * the CLI, then every ```sql block of the cookbook run by DuckDB from the export folder, and the
 * documented columns compared with what DuckDB reads from the files.
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import { EventsApiSimulator } from './sim/events-api/index.ts';

const DAY = 86_400_000;
const MONTH: Record<Feed, number> = { signinattempts: 4_000, itemusages: 6_000, auditevents: 3_000 };
const ROOT = path.resolve(import.meta.dirname, '..');

interface SqlBlock {
  /** The nearest heading above the block, to name the test. */
  heading: string;
  sql: string;
}

/** Every ```sql block of a Markdown document, with the heading it sits under. */
function sqlBlocks(markdown: string): SqlBlock[] {
  const blocks: SqlBlock[] = [];
  let heading = '(top)';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '');
    if (line.trim() !== '```sql') continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) body.push(lines[i]!);
    blocks.push({ heading, sql: body.join('\n') });
  }
  return blocks;
}

/**
 * The cookbook's paths are relative to the export folder; DuckDB resolves relative paths against
 * the process's working directory, which a test cannot change safely. Make them absolute instead.
 */
function inExportFolder(sql: string, folder: string): string {
  return sql.replace(
    /'((?:ndjson\/)?(?:signinattempts|itemusages|auditevents|_manifests)[^']*(?:\/|\.parquet)[^']*)'/g,
    (_match, relative: string) => `'${path.join(folder, relative)}'`,
  );
}

let sim: EventsApiSimulator;
let work: string;
let exportDir: string;
let duckdb: DuckDBInstance;
let connection: DuckDBConnection;
/** Rows of the Parquet file copied under a second name: the repeats the dedupe queries must find. */
let repeatedRows = 0;
let blocks: SqlBlock[];

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
  work = await mkdtemp(path.join(os.tmpdir(), 'docs-queries-'));
  exportDir = path.join(work, '1password-events');
  const stderr = new PassThrough();
  const log: Buffer[] = [];
  stderr.on('data', (chunk: Buffer) => log.push(chunk));
  const code = await main(
    [
      '--server-url',
      sim.url,
      '--out',
      exportDir,
      '--formats',
      'parquet,ndjson',
      '--start-time',
      '35d',
      '--run-id',
      'docs',
    ],
    { env: { OP_EVENTS_TOKEN: sim.issueToken() }, stdout: new PassThrough(), stderr },
  );
  if (code !== 0) throw new Error(`the CLI exited with ${code}:\n${Buffer.concat(log).toString()}`);

  // A later run that exported some sign-ins again (as after a failed cache save).
  const dayDir = path.join(
    exportDir,
    'signinattempts',
    (await readdir(path.join(exportDir, 'signinattempts')))[0]!,
  );
  const [first] = (await readdir(dayDir)).filter((name) => name.endsWith('.parquet'));
  await copyFile(path.join(dayDir, first!), path.join(dayDir, 'part-repeat-1-0001.parquet'));

  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();
  const counted = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM read_parquet('${path.join(dayDir, first!)}')`,
  );
  repeatedRows = Number(counted.getRowObjectsJS()[0]!.n);
  blocks = sqlBlocks(await readFile(path.join(ROOT, 'docs', 'queries.md'), 'utf8'));
}, 60_000);

afterAll(async () => {
  connection?.closeSync();
  duckdb?.closeSync();
  await sim?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const result = await connection.runAndReadAll(inExportFolder(sql, exportDir));
  return result.getRowObjectsJS();
}

describe('docs/queries.md', () => {
  it('has a query for every question it promises', () => {
    const text = blocks.map((b) => b.sql).join('\n');
    expect(blocks.length).toBeGreaterThanOrEqual(12);
    for (const needle of [
      "category NOT IN ('success', 'firewall_reported_success')",
      "category = 'firewall_failed'",
      "action IN ('reveal', 'secure-copy', 'export')",
      'PARTITION BY uuid',
    ]) {
      expect(text).toContain(needle);
    }
  });

  it('indexes every rule of detections/ once, under the title its header gives', async () => {
    const markdown = await readFile(path.join(ROOT, 'docs', 'queries.md'), 'utf8');
    const rules = (await readdir(path.join(ROOT, 'detections'))).filter(
      (name) => name.endsWith('.sql') && !name.startsWith('_'),
    );
    const indexed = [...markdown.matchAll(/^\| \[([a-z-]+)\]\(\.\.\/detections\/\1\.sql\) +\| ([^|]+) \|/gm)];
    expect(indexed.map((m) => `${m[1]}.sql`).sort()).toEqual(rules.sort());
    for (const [, id, title] of indexed) {
      const header = await readFile(path.join(ROOT, 'detections', `${id}.sql`), 'utf8');
      expect(header).toContain(`-- title: ${title!.trim()}\n`);
    }
  });

  it('every query answers with at least one row from the export folder', async () => {
    const empty: string[] = [];
    for (const block of blocks) {
      let rows: Record<string, unknown>[];
      try {
        rows = await query(block.sql);
      } catch (error) {
        throw new Error(`query under "${block.heading}" failed: ${(error as Error).message}\n${block.sql}`, {
          cause: error,
        });
      }
      if (rows.length === 0) empty.push(`${block.heading}: ${block.sql.split('\n')[0]}`);
    }
    expect(empty).toEqual([]);
  });

  it('the repeat count finds the re-exported file, and the deduplicated views hold each event once', async () => {
    const repeats = blocks.find((b) => b.sql.includes('AS repeats'));
    expect(repeats).toBeDefined();
    const counts = Object.fromEntries(
      (await query(repeats!.sql)).map((row) => [row.feed, Number(row.repeats)]),
    );
    expect(counts).toEqual({ signinattempts: repeatedRows, itemusages: 0, auditevents: 0 });
    expect(repeatedRows).toBeGreaterThan(0);

    const views = blocks.find((b) => b.sql.includes('CREATE OR REPLACE VIEW'));
    expect(views).toBeDefined();
    const events = Object.fromEntries((await query(views!.sql)).map((row) => [row.feed, Number(row.events)]));
    expect(events).toEqual(MONTH);
  });

  it('the firewall query sees exactly the blocked sign-ins of the ground truth', async () => {
    const firewall = blocks.find((b) => b.sql.includes("WHERE category = 'firewall_failed'\nGROUP BY ALL"));
    expect(firewall).toBeDefined();
    const rows = await query(firewall!.sql);
    const blocked = rows.reduce((sum, row) => sum + Number(row.blocked), 0);
    const truth = sim.groundTruth('signinattempts').filter((e) => e.category === 'firewall_failed');
    // The repeated file may hold a few blocked sign-ins twice: the total is at least the truth.
    expect(blocked).toBeGreaterThanOrEqual(truth.length);
    expect(blocked).toBeLessThanOrEqual(truth.length + repeatedRows);
  });
});

describe('docs/schema.md', () => {
  /** `| `column` | TYPE | ... |` rows of the table under `## <feed>`. */
  function documentedColumns(markdown: string, feed: Feed): { name: string; type: string }[] {
    const section = markdown.split(/^## /m).find((part) => part.startsWith(`${feed}\n`));
    if (!section) throw new Error(`docs/schema.md has no "## ${feed}" section`);
    return [...section.matchAll(/^\| `([a-z_]+)` +\| ([A-Z][A-Z ]*[A-Z]) +\|/gm)].map((m) => ({
      name: m[1]!,
      type: m[2]!,
    }));
  }

  it.each(FEEDS)('lists the columns of %s exactly as DuckDB reads them, in order', async (feed) => {
    const markdown = await readFile(path.join(ROOT, 'docs', 'schema.md'), 'utf8');
    const documented = documentedColumns(markdown, feed);
    const described = await query(
      `DESCRIBE SELECT * FROM read_parquet('${feed}/date=*/*.parquet', hive_partitioning = true)`,
    );
    expect(documented).toEqual(
      described.map((row) => ({ name: String(row.column_name), type: String(row.column_type) })),
    );
  });
});
