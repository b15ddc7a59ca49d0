#!/usr/bin/env node
/**
 * Runs the detections (detections/*.sql) around the DuckDB CLI and turns their results into GitHub
 * issues. Plain Node (built-ins and fetch only), so a workflow runs it with the runner's `node`
 * without installing anything; examples/detections.yml shows the whole job.
 *
 *   node scripts/detections.mjs prepare --export DIR --out WORK [--rules DIR] [--lists FILE] [--lookback 2d | --since TIME]
 *     Writes WORK/<rule>.sql (the variables, detections/_setup.sql, the rule) for every rule whose
 *     feeds the export holds, and WORK/rules.json. Run each with `duckdb -json < WORK/<rule>.sql`
 *     into WORK/<rule>.json (a failure's message into WORK/<rule>.error).
 *
 *   node scripts/detections.mjs report --work WORK --repo OWNER/NAME [--labels a,b] [--run-url URL]
 *     One issue per rule with matches, found again by a hidden marker: opened, updated (a comment
 *     when the matches change), closed when the rule comes back clean. Needs GITHUB_TOKEN;
 *     GITHUB_API_URL (set on Actions runners) defaults to https://api.github.com.
 */
/* global fetch, AbortSignal -- Node 20+ globals; the lint config lists only the older ones */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const FEEDS = ['signinattempts', 'itemusages', 'auditevents'];
const MARKER = '1password-events-detection';
/** Rows shown in an issue; the rest is counted. GitHub refuses bodies over 65,536 characters. */
const MAX_ROWS = 50;
const MAX_CELL = 200;
const MAX_BODY = 60_000;

const usage = `usage:
  node scripts/detections.mjs prepare --export DIR --out WORK [--rules DIR] [--lists FILE] [--lookback 2d | --since TIME]
  node scripts/detections.mjs report --work WORK --repo OWNER/NAME [--labels a,b] [--run-url URL] [--allow-public-repo]`;

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------
// Rules

/** `-- key: value` lines of a rule's header, and the comment text (without `--`). */
export function parseRule(file) {
  const text = readFileSync(file, 'utf8');
  const header = {};
  const comment = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('--')) break;
    const body = line.replace(/^-- ?/, '');
    const field = /^(title|feeds|attack): (.*)$/.exec(body);
    if (field) header[field[1]] = field[2].trim();
    else comment.push(body);
  }
  const id = path.basename(file, '.sql');
  if (!header.title || !header.feeds)
    throw new Error(`${file}: the header needs "-- title:" and "-- feeds:" lines`);
  const feeds = header.feeds.split(',').map((feed) => feed.trim());
  for (const feed of feeds) if (!FEEDS.includes(feed)) throw new Error(`${file}: unknown feed "${feed}"`);
  return {
    id,
    title: header.title,
    feeds,
    attack: header.attack ?? '',
    description: comment.join('\n').trim(),
    text,
  };
}

export function listRules(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql') && !name.startsWith('_'))
    .sort()
    .map((name) => parseRule(path.join(dir, name)));
}

/** A SQL string literal. */
const sqlString = (text) => `'${String(text).replaceAll("'", "''")}'`;

function hasParquet(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((name) => String(name).endsWith('.parquet'));
}

/** `2d`, `36h`, `90m` -> milliseconds. */
function parseLookback(text) {
  const match = /^(\d+)([dhm])$/.exec(text);
  if (!match) throw new UsageError(`--lookback must look like 2d, 36h or 90m, not "${text}"`);
  return Number(match[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2]];
}

function prepare(values) {
  if (!values.export || !values.out) throw new UsageError('prepare needs --export and --out');
  const rulesDir = path.resolve(values.rules ?? path.join(import.meta.dirname, '..', 'detections'));
  const exportDir = path.resolve(values.export);
  const lists = path.resolve(values.lists ?? path.join(rulesDir, 'lists.csv'));
  if (values.since && Number.isNaN(Date.parse(values.since)))
    throw new UsageError(`--since is not a time: ${values.since}`);
  const since = values.since
    ? new Date(values.since)
    : new Date(Date.now() - parseLookback(values.lookback ?? '2d'));
  const present = FEEDS.filter((feed) => hasParquet(path.join(exportDir, feed)));
  const setup = readFileSync(path.join(rulesDir, '_setup.sql'), 'utf8');
  // A feed without files has no view: its CREATE VIEW would fail, so it is left out.
  const statements = setup
    .split(/;\s*\n/)
    .filter((statement) => !FEEDS.some((feed) => statement.includes(`/${feed}/`) && !present.includes(feed)))
    .map((statement) => statement.trim())
    .filter((statement) => statement.replace(/^--.*$/gm, '').trim() !== '');
  const prelude = [
    `SET VARIABLE export_dir = ${sqlString(exportDir)};`,
    `SET VARIABLE lists_file = ${sqlString(lists)};`,
    `SET VARIABLE countries_file = ${sqlString(path.join(rulesDir, 'countries.csv'))};`,
    `SET VARIABLE since = TIMESTAMPTZ ${sqlString(since.toISOString())};`,
    ...statements.map((statement) => `${statement};`),
  ].join('\n');

  mkdirSync(values.out, { recursive: true });
  const plan = [];
  for (const rule of listRules(rulesDir)) {
    const missing = rule.feeds.filter((feed) => !present.includes(feed));
    const { text, ...meta } = rule;
    if (missing.length === 0) writeFileSync(path.join(values.out, `${rule.id}.sql`), `${prelude}\n\n${text}`);
    plan.push({ ...meta, skipped: missing.length ? `no ${missing.join(', ')} in the export` : null });
  }
  writeFileSync(
    path.join(values.out, 'rules.json'),
    JSON.stringify({ since: since.toISOString(), rules: plan }, null, 2),
  );
  const runnable = plan.filter((rule) => !rule.skipped).length;
  console.log(`${runnable} of ${plan.length} rules to run, reporting from ${since.toISOString()}`);
  for (const rule of plan) if (rule.skipped) console.log(`  skipped ${rule.id}: ${rule.skipped}`);
}

// ---------------------------------------------------------------------------------------------
// Markdown

/**
 * Outside text as inert Markdown table cell text: every character that could start markup, a link,
 * a mention, an HTML tag or end the cell becomes an HTML entity; line breaks become spaces.
 */
export function escapeCell(value) {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  text = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  if (text.length > MAX_CELL) text = `${text.slice(0, MAX_CELL - 1)}…`;
  return text.replace(/[&<>|`*_[\]()#@~\\!:.=+-]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function markdownTable(rows) {
  if (rows.length === 0) return '';
  const columns = Object.keys(rows[0]);
  const lines = [
    `| ${columns.map(escapeCell).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows
      .slice(0, MAX_ROWS)
      .map((row) => `| ${columns.map((column) => escapeCell(row[column])).join(' | ')} |`),
  ];
  const more = rows.length - MAX_ROWS;
  if (more > 0)
    lines.push('', `${more.toLocaleString('en-US')} more ${more === 1 ? 'row' : 'rows'} not shown.`);
  return lines.join('\n');
}

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function fingerprint(rows) {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
}

function issueBody(rule, rows, since, runUrl) {
  const parts = [
    `<!-- ${MARKER}: ${rule.id} ${fingerprint(rows)} -->`,
    `**${escapeCell(rule.title)}**: ${plural(rows.length, 'match', 'matches')} since ${escapeCell(since)}` +
      (runUrl ? ` ([run](${encodeURI(runUrl)}))` : '') +
      '.',
    '',
    markdownTable(rows),
    '',
    '<details><summary>About this rule</summary>',
    '',
    '```text',
    rule.description.replaceAll('```', "'''"),
    rule.attack ? `MITRE ATT&CK: ${rule.attack}` : '',
    '```',
    '',
    `Rule file: \`detections/${rule.id}.sql\`. This issue closes itself when the rule finds nothing.`,
    '</details>',
  ];
  let body = parts.join('\n');
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n(truncated)`;
  return body;
}

// ---------------------------------------------------------------------------------------------
// GitHub

function github(repo) {
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new UsageError('report needs GITHUB_TOKEN');
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo ?? ''))
    throw new UsageError(`--repo must be OWNER/NAME, not "${repo}"`);
  const api = (process.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const request = async (method, url, body) => {
    const response = await fetch(`${api}/repos/${repo}${url}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/vnd.github+json',
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': '1password-events-export-detections',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      const text = (await response.text()).slice(0, 300);
      throw new Error(`GitHub ${method} ${url.split('?')[0]} answered ${response.status}: ${text}`);
    }
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    return { json: response.status === 204 ? null : await response.json(), next };
  };
  return {
    /** Events name people: their issues must not be readable by anyone on the internet. */
    async refusePublic(allowPublic) {
      const { json } = await request('GET', '');
      if (!allowPublic && (json.private === false || json.visibility === 'public')) {
        throw new UsageError(
          `${repo} is public: detection issues would publish names, emails and IP addresses. ` +
            'Use a private repository, or pass --allow-public-repo.',
        );
      }
    },
    /** Open issues carrying the last label, by rule id from the marker. */
    async openIssues(label) {
      const found = new Map();
      let url = `/issues?state=open&labels=${encodeURIComponent(label)}&per_page=100`;
      for (let page = 0; url && page < 20; page++) {
        const { json, next } = await request('GET', url);
        for (const issue of json) {
          const match = new RegExp(`<!-- ${MARKER}: ([a-z0-9-]+) ([0-9a-f]{16}) -->`).exec(issue.body ?? '');
          if (match && !issue.pull_request && !found.has(match[1]))
            found.set(match[1], { ...issue, fingerprint: match[2] });
        }
        url = next ? next.slice(next.indexOf(`/repos/${repo}`) + `/repos/${repo}`.length) : undefined;
      }
      return found;
    },
    create: (issue) => request('POST', '/issues', issue),
    update: (number, patch) => request('PATCH', `/issues/${number}`, patch),
    comment: (number, body) => request('POST', `/issues/${number}/comments`, { body }),
  };
}

/** Text for a workflow command's message: `%`, CR and LF escaped, so it stays one command. */
function workflowCommandData(text) {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function readResults(work, id) {
  const errorFile = path.join(work, `${id}.error`);
  if (existsSync(errorFile)) {
    const error = readFileSync(errorFile, 'utf8').trim();
    if (error) return { error };
  }
  const file = path.join(work, `${id}.json`);
  if (!existsSync(file)) return { error: 'no result file' };
  const text = readFileSync(file, 'utf8').trim();
  // The DuckDB CLI prints nothing for an empty result.
  if (text === '') return { rows: [] };
  try {
    const rows = JSON.parse(text);
    if (!Array.isArray(rows)) return { error: 'the result is not a JSON array' };
    return { rows };
  } catch (error) {
    return { error: `the result is not JSON: ${error.message}` };
  }
}

async function report(values) {
  if (!values.work) throw new UsageError('report needs --work');
  const plan = JSON.parse(readFileSync(path.join(values.work, 'rules.json'), 'utf8'));
  const labels = (values.labels ?? '1password-events,detection')
    .split(',')
    .map((l) => l.trim())
    .filter(Boolean);
  const gh = github(values.repo);
  await gh.refusePublic(values['allow-public-repo'] === true);
  const open = await gh.openIssues(labels.at(-1));
  const runUrl = values['run-url'] ?? '';
  const summary = { opened: 0, updated: 0, closed: 0, unchanged: 0, clean: 0, failed: 0, skipped: 0 };
  for (const rule of plan.rules) {
    if (rule.skipped) {
      summary.skipped++;
      continue;
    }
    const result = readResults(values.work, rule.id);
    const issue = open.get(rule.id);
    if (result.error) {
      // A rule that could not run says nothing about the incident: its issue stays as it is.
      summary.failed++;
      console.log(
        `::warning::detection ${rule.id} did not run: ${workflowCommandData(result.error.slice(0, 500))}`,
      );
      continue;
    }
    const { rows } = result;
    if (rows.length > 0 && !issue) {
      await gh.create({
        title: `Detection: ${rule.title}`,
        body: issueBody(rule, rows, plan.since, runUrl),
        labels,
      });
      summary.opened++;
    } else if (rows.length > 0 && issue.fingerprint !== fingerprint(rows)) {
      await gh.update(issue.number, { body: issueBody(rule, rows, plan.since, runUrl) });
      await gh.comment(
        issue.number,
        `The matches changed: ${plural(rows.length, 'match', 'matches')} now` +
          (runUrl ? ` ([run](${encodeURI(runUrl)}))` : '') +
          '.',
      );
      summary.updated++;
    } else if (rows.length > 0) {
      summary.unchanged++;
    } else if (issue) {
      await gh.comment(
        issue.number,
        'No matches any more' + (runUrl ? ` ([run](${encodeURI(runUrl)}))` : '') + ': closing.',
      );
      await gh.update(issue.number, { state: 'closed', state_reason: 'completed' });
      summary.closed++;
    } else {
      summary.clean++;
    }
  }
  console.log(
    Object.entries(summary)
      .map(([key, n]) => `${n} ${key}`)
      .join(', '),
  );
  return summary;
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      export: { type: 'string' },
      out: { type: 'string' },
      rules: { type: 'string' },
      lists: { type: 'string' },
      lookback: { type: 'string' },
      since: { type: 'string' },
      work: { type: 'string' },
      repo: { type: 'string' },
      labels: { type: 'string' },
      'run-url': { type: 'string' },
      'allow-public-repo': { type: 'boolean' },
    },
  });
  if (command === 'prepare') return prepare(values);
  if (command === 'report') return report(values);
  throw new UsageError(`unknown command "${command ?? ''}"`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('detections.mjs')) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(
      error instanceof UsageError ? `${error.message}\n${usage}` : `detections: ${error.message}`,
    );
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
}
