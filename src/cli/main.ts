/**
 * `1password-events-export`: the same pipeline as the action, from a terminal. State lives in a local
 * file, files stay in --out. Exit codes: 0 done, 2 bad input, 3 authentication failure, 1 anything else.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { systemClock } from '../clock.ts';
import { ConfigErrors, parseConfig, type Config } from '../config.ts';
import { InputError, isExportError } from '../errors.ts';
import { resolveServerUrl } from '../onepassword/server-url.ts';
import { manifestPath, STATE_FILE } from '../output/layout.ts';
import { assertSomeFeed, openSession, runExport, usableState } from '../pipeline.ts';
import { FileStateStore } from '../state/file-store.ts';
import { formatDuration } from '../time/duration.ts';
import { VERSION } from '../version.ts';
import { compactCommand } from './compact.ts';
import { describeInputError, HELP, inputsOfFlags, parseFlags, type Flags } from './flags.ts';
import { neutraliseLine } from '../text/log-line.ts';
import { OutputLock } from './lock.ts';
import type { WorkerMessage } from './messages.ts';
import { StderrProgress } from './progress.ts';

export const EXIT = { ok: 0, failure: 1, badInput: 2, auth: 3, interrupted: 130 } as const;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Aborted by the first Ctrl-C: stop after the page in hand and save what was written. */
  stop?: AbortSignal;
  /** Tells the launcher which files are this run's and when its state is saved (see bin.ts). */
  announce?: (message: WorkerMessage) => void;
}

export async function main(
  argv: string[],
  io: CliIo = { env: process.env, stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  // Lines may quote inputs and API errors; the CLI may run inside a workflow step.
  const say = (line: string) => io.stderr.write(`${neutraliseLine(line)}\n`);
  if (argv[0] === 'compact') return compactCommand(argv.slice(1), io);
  const parsed = parseFlags(argv);
  if ('error' in parsed) {
    say(`error: ${parsed.error}`);
    return EXIT.badInput;
  }
  const { flags } = parsed;
  if (flags.help) {
    io.stdout.write(`${HELP}\n`);
    return EXIT.ok;
  }
  if (flags.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }

  const settings = await readSettings(flags, io, say);
  if (typeof settings === 'number') return settings;
  return exportCommand(settings, io, say);
}

/** What one export needs, from the flags and the environment; an exit code after a bad input. */
interface CliSettings {
  config: Config;
  server: string;
  serverSource: 'input' | 'token' | 'default';
  outDir: string;
  runId: string;
  startedAt: Date;
  stateFile: string;
}

async function readSettings(
  flags: Flags,
  io: CliIo,
  say: (line: string) => void,
): Promise<CliSettings | number> {
  const startedAt = new Date(systemClock.now());
  const outDir = path.resolve(flags.out ?? '1password-events');
  const runId = await unusedRunId(
    outDir,
    flags['run-id'] ?? startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*$/, ''),
    flags['run-id'] !== undefined ? say : undefined,
  );
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

  const inputs = inputsOfFlags(flags, token, outDir);
  let config: Config;
  let server: string;
  let serverSource: CliSettings['serverSource'];
  try {
    config = parseConfig(
      (name) => inputs[name] ?? '',
      { repository: 'local/cli', runId, runAttempt: '1', runnerTemp: outDir },
      startedAt,
    );
    ({ url: server, source: serverSource } = resolveServerUrl(
      config.serverUrl,
      config.token,
      '--server-url',
    ));
  } catch (error) {
    const errors =
      error instanceof ConfigErrors ? error.errors : error instanceof InputError ? [error] : undefined;
    if (!errors) throw error;
    for (const e of errors) say(`error: ${describeInputError(e)}`);
    return EXIT.badInput;
  }

  const stateFile = path.resolve(flags['state-file'] ?? path.join(outDir, ...STATE_FILE.split('/')));
  return { config, server, serverSource, outDir, runId, startedAt, stateFile };
}

/**
 * A run id whose manifest is not in outDir yet: a reused --run-id (or two runs in the same second)
 * gets a suffix, so no earlier run's manifest is overwritten (data files never are: see run-writer.ts).
 */
async function unusedRunId(outDir: string, wanted: string, say?: (line: string) => void): Promise<string> {
  const taken = (id: string) =>
    access(path.join(outDir, ...manifestPath(id, '1').split('/'))).then(
      () => true,
      () => false,
    );
  let id = wanted;
  for (let n = 2; await taken(id); n++) id = `${wanted}-${n}`;
  if (id !== wanted)
    say?.(
      `note: --run-id ${wanted} was used before in ${outDir}; this run is ${id}, so nothing earlier is overwritten`,
    );
  return id;
}

/** Pull into files, then (only then) save the state file; one line per feed at the end. */
async function exportCommand(settings: CliSettings, io: CliIo, say: (line: string) => void): Promise<number> {
  const { config, server, outDir, runId, startedAt } = settings;
  const clock = systemClock;
  const progress = new StderrProgress(io.stderr);
  const logger = progress.logger();
  let lock: OutputLock | undefined;
  try {
    lock = await OutputLock.acquire(outDir, startedAt);
    io.announce?.({ type: 'run', run: { outDir, runId, runAttempt: '1' } });
    const session = await openSession(config, server, {
      clock,
      logger,
      serverSetting: '--server-url',
      serverSource: settings.serverSource,
      onRateLimitWait: (ms) => progress.waiting(ms),
    });
    if (session.missing.length > 0)
      logger.warning(
        `the token does not grant ${session.missing.join(', ')}; exporting ${session.feeds.join(', ') || 'nothing'}`,
      );
    assertSomeFeed(session);

    const store = new FileStateStore(settings.stateFile);
    const loaded = await store.load();
    const previous = usableState(loaded, session);
    if (loaded && !previous)
      logger.warning(`the state file belongs to another account or server; starting from --start-time`);
    if (io.stop?.aborted) {
      say('Stopped before any event was requested; nothing was written.');
      return EXIT.interrupted;
    }

    const { outcomes, written, state } = await runExport(session, config, {
      previous,
      outDir,
      runId,
      runAttempt: '1',
      startedAt,
      clock,
      logger,
      onPage: (p) => progress.update(p),
      signal: io.stop,
    });
    // Files are on disk: the local equivalent of "delivered". Only now does the state move.
    const saved = await store.save(state);
    if (!saved.saved) {
      progress.finish(outcomes);
      say(
        `error: the files are written but the state file was not (${saved.detail}); the next run would export these events again`,
      );
      return EXIT.failure;
    }
    io.announce?.({ type: 'state-saved' });

    const elapsed = clock.now() - startedAt.getTime();
    progress.finish(outcomes);
    say(`${written.length} files in ${outDir} (${formatDuration(elapsed)})`);
    if (outcomes.some((o) => o.interrupted)) {
      const total = outcomes.reduce((sum, o) => sum + o.events, 0);
      say(
        `Interrupted: the ${total.toLocaleString('en-US')} events written so far are saved, and the state file (${settings.stateFile}) records where each feed stopped.`,
      );
      say('Run the same command again to continue from there; nothing is fetched twice.');
      return EXIT.interrupted;
    }
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
  } finally {
    await lock?.release();
  }
}
