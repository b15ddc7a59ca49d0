/**
 * `1password-events-export`: the same pipeline as the action, from a terminal. State lives in a local
 * file, files stay in --out. Exit codes: 0 done, 2 bad input, 3 authentication failure, 1 anything else.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.ts';
import { ConfigErrors, parseConfig } from '../config.ts';
import { InputError, isExportError } from '../errors.ts';
import { INPUT, INPUT_DEFAULTS, type InputName } from '../inputs.ts';
import { DEFAULT_SERVER_URL, resolveServerUrl } from '../onepassword/server-url.ts';
import { STATE_FILE } from '../output/layout.ts';
import { assertSomeFeed, openSession, runExport, usableState } from '../pipeline.ts';
import { FileStateStore } from '../state/file-store.ts';
import { formatDuration } from '../time/duration.ts';
import { VERSION } from '../version.ts';
import { StderrProgress } from './progress.ts';

export const EXIT = { ok: 0, failure: 1, badInput: 2, auth: 3 } as const;

const HELP = `Usage: 1password-events-export [options]

Export 1Password Events API events (sign-in attempts, item usages, audit events) to Parquet/NDJSON.
The token is read from the OP_EVENTS_TOKEN environment variable or from --token-file (never a flag:
it would land in your shell history).

Options:
  --server-url URL      Events API base URL (default: the host in the token, else ${DEFAULT_SERVER_URL})
  --token-file PATH     read the token from this file instead of OP_EVENTS_TOKEN
  --events LIST         comma list of signinattempts, itemusages, auditevents, or auto (default: ${INPUT_DEFAULTS.events})
  --formats LIST        comma list of parquet, ndjson (default: ${INPUT_DEFAULTS.formats})
  --out DIR             output directory (default: ./1password-events)
  --state-file PATH     state document to resume from and update (default: <out>/${STATE_FILE})
  --start-time TIME     where a feed without saved state starts: RFC 3339 or 90m, 36h, 7d (default: ${INPUT_DEFAULTS['start-time']})
  --max-duration DUR    stop pulling after this long (e.g. 45m) and save progress (default: no limit)
  --api-version V       v1 or v2 (default: ${INPUT_DEFAULTS['api-version']})
  --run-id ID           label of this run in file names (default: the current time)
  -h, --help            show this help
  --version             print the version

Exit codes: 0 done, 2 bad input, 3 authentication failure, 1 anything else.`;

/** The flag (or variable) that sets each input the CLI uses; the other inputs keep their defaults. */
const FLAG_OF_INPUT: Partial<Record<InputName, string>> = {
  token: 'OP_EVENTS_TOKEN / --token-file',
  'server-url': '--server-url',
  events: '--events',
  formats: '--formats',
  'start-time': '--start-time',
  'max-duration': '--max-duration',
  'api-version': '--api-version',
  'output-dir': '--out',
};

/** Where a terminal user gets the token from; config.ts only says what is wrong. */
const TOKEN_HINT = 'set OP_EVENTS_TOKEN or pass --token-file PATH';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
}

export async function main(
  argv: string[],
  io: CliIo = { env: process.env, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let flags;
  try {
    flags = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'server-url': { type: 'string' },
        'token-file': { type: 'string' },
        events: { type: 'string' },
        formats: { type: 'string' },
        out: { type: 'string' },
        'state-file': { type: 'string' },
        'start-time': { type: 'string' },
        'max-duration': { type: 'string' },
        'api-version': { type: 'string' },
        'run-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    say(`error: ${(error as Error).message.split('\n')[0]} (see --help)`);
    return EXIT.badInput;
  }
  if (flags.help) {
    io.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  if (flags.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }

  const clock = systemClock;
  const startedAt = new Date(clock.now());
  const outDir = path.resolve(flags.out ?? '1password-events');
  const runId = flags['run-id'] ?? startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  let token = io.env.OP_EVENTS_TOKEN ?? '';
  if (flags['token-file']) {
    try {
      token = (await readFile(flags['token-file'], 'utf8')).trim();
    } catch (error) {
      say(
        `error: Invalid --token-file: cannot read ${flags['token-file']} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
      return EXIT.badInput;
    }
  }

  const inputs: Partial<Record<InputName, string>> = {
    token,
    'server-url': flags['server-url'],
    events: flags.events,
    formats: flags.formats,
    'start-time': flags['start-time'],
    'max-duration': flags['max-duration'],
    'api-version': flags['api-version'],
    'output-dir': outDir,
    destination: 'none',
    'alert-issues': 'false',
  };
  let config;
  let server: string;
  try {
    config = parseConfig(
      (name) => inputs[name] ?? '',
      { repository: 'local/cli', runId, runAttempt: '1', runnerTemp: outDir },
      startedAt,
    );
    server = resolveServerUrl(config.serverUrl, config.token).url;
  } catch (error) {
    const errors =
      error instanceof ConfigErrors ? error.errors : error instanceof InputError ? [error] : undefined;
    if (!errors) throw error;
    for (const e of errors) say(`error: ${describeInputError(e)}`);
    return EXIT.badInput;
  }

  const progress = new StderrProgress(io.stderr);
  const logger = progress.logger();
  try {
    const session = await openSession(config, server, { clock, logger });
    if (session.missing.length > 0)
      logger.warning(
        `the token does not grant ${session.missing.join(', ')}; exporting ${session.feeds.join(', ') || 'nothing'}`,
      );
    assertSomeFeed(session);

    const store = new FileStateStore(
      path.resolve(flags['state-file'] ?? path.join(outDir, ...STATE_FILE.split('/'))),
    );
    const loaded = await store.load();
    const previous = usableState(loaded, session);
    if (loaded && !previous)
      logger.warning(`the state file belongs to another account or server; starting from --start-time`);

    const { outcomes, written, state } = await runExport(session, config, {
      previous,
      outDir,
      runId,
      runAttempt: '1',
      startedAt,
      clock,
      logger,
      onPage: (p) => progress.update(p),
    });
    progress.done();
    // Files are on disk: the local equivalent of "delivered". Only now does the state move.
    const saved = await store.save(state);
    if (!saved.saved) {
      say(
        `error: the files are written but the state file was not (${saved.detail}); the next run would export these events again`,
      );
      return EXIT.failure;
    }

    const elapsed = clock.now() - startedAt.getTime();
    for (const o of outcomes) {
      say(
        `${o.feed.padEnd(15)} ${String(o.events).padStart(9)} new events  ${String(o.pages).padStart(5)} pages${o.stoppedByDeadline ? '  (more pending)' : ''}${o.error ? `  FAILED: ${o.error.message}` : ''}`,
      );
    }
    say(`${written.length} files in ${outDir} (${formatDuration(elapsed)})`);
    const failed = outcomes.find((o) => o.error);
    if (failed?.error) return failed.error.kind === 'auth' ? EXIT.auth : EXIT.failure;
    return EXIT.ok;
  } catch (error) {
    progress.done();
    if (isExportError(error, 'auth')) {
      say(
        `error: ${error.message}. Check the token (Events Reporting integration) and that --server-url matches the account's region.`,
      );
      return EXIT.auth;
    }
    say(
      `error: ${isExportError(error) ? error.message : error instanceof Error ? error.message : String(error)}`,
    );
    return isExportError(error, 'input') ? EXIT.badInput : EXIT.failure;
  }
}

/** An input error in the CLI's words: the flag instead of the input name, terminal hints. */
function describeInputError(error: InputError): string {
  const flag = FLAG_OF_INPUT[error.input as InputName] ?? error.input;
  const message = error.message.replace(`Invalid ${error.input}:`, `Invalid ${flag}:`);
  return error.input === INPUT.token && message.endsWith('missing') ? `${message}; ${TOKEN_HINT}` : message;
}
