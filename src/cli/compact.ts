/**
 * `1password-events-export compact FOLDER`: merges each finished UTC day's part files of FOLDER
 * into one file per feed and format, the way repo mode does (src/compaction). With `--from`, the
 * trees of downloaded artifacts (`gh run download` makes one folder per artifact) or of other
 * exports are brought into FOLDER first. Safe to interrupt (Ctrl-C stops after the day in
 * progress; a kill is finished by the next run) and to run again.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gatherTrees } from '../compaction/gather.ts';
import { compactLocalTree } from '../compaction/local-compact.ts';
import { formatDuration } from '../time/duration.ts';
import type { Logger } from '../logger.ts';
import { neutraliseLine } from '../text/log-line.ts';

export const COMPACT_HELP = `Usage: 1password-events-export compact [--from DIR]... FOLDER

Merge the part files of each UTC day that ended over an hour ago into one file per feed and format
(more only past the 25 MiB file size bound), in FOLDER: an export's --out folder, or a folder of
downloaded artifacts. Readers then open a few files instead of thousands.

Options:
  --from DIR    first copy in the files of DIR: a tree of the export layout, or a folder of them
                (what \`gh run download\` writes: one folder per artifact). Repeatable. Files already
                in FOLDER, or already merged there, are skipped; DIR is left as it is.
  -h, --help    show this help

Interrupt it at any time (Ctrl-C stops after the day in progress) and run it again: it finishes
what was left and never writes an event twice.
Exit codes: 0 done, 2 bad input, 1 anything else.`;

export interface CompactIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now?: () => number;
  /** Aborted on Ctrl-C (the CLI's entry point wires SIGINT to it). */
  signal?: AbortSignal;
}

const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

export async function compactCommand(argv: string[], io: CompactIo): Promise<number> {
  const say = (line: string) => io.stderr.write(`${neutraliseLine(line)}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        from: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    say(`error: ${(error as Error).message.split('\n')[0]} (see compact --help)`);
    return EXIT.badInput;
  }
  if (parsed.values.help) {
    io.stdout.write(`${COMPACT_HELP}\n`);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) {
    say('error: compact takes one FOLDER (see compact --help)');
    return EXIT.badInput;
  }
  const folder = path.resolve(parsed.positionals[0]!);
  const sources = parsed.values.from ?? [];
  for (const dir of [folder, ...sources]) {
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) {
      say(`error: ${dir} is not a folder`);
      return EXIT.badInput;
    }
  }

  const now = io.now ?? Date.now;
  const startedAt = new Date(now());
  const logger: Logger = {
    info: () => {},
    warning: (message) => say(`warning: ${message}`),
    debug: () => {},
  };
  try {
    if (sources.length > 0) {
      const gathered = await gatherTrees(sources, folder, logger);
      say(
        `Gathered ${gathered.copied} files from ${gathered.trees} folders (${gathered.present} already there` +
          `${gathered.conflicts > 0 ? `, ${gathered.conflicts} left out` : ''}).`,
      );
    }
    const report = await compactLocalTree(folder, {
      now: startedAt.getTime(),
      startedAt,
      runId: startedAt.toISOString().replace(/[-:]/g, '').replace(/\..*$/, ''),
      runAttempt: 'compact',
      logger,
      ...(io.signal ? { signal: io.signal } : {}),
    });
    if (report.recovered === 'finished') say('Finished the compaction an interrupted run left.');
    if (report.recovered === 'rolled-back') say('Undid the compaction an interrupted run left halfway.');
    const elapsed = formatDuration(now() - startedAt.getTime());
    if (report.replaced.length === 0) {
      say(`Nothing to compact in ${folder}: ${report.filesBefore} data files (${elapsed}).`);
    } else {
      const events = report.written.reduce((sum, file) => sum + file.rows, 0);
      say(
        `Compacted ${folder}: ${report.replaced.length} files merged into ${report.written.length} ` +
          `(${events} events); ${report.filesBefore} data files before, ${report.filesAfter} after (${elapsed}).`,
      );
    }
    if (report.skipped > 0) {
      say(`${report.skipped} days of a feed were left as they are (see the warnings).`);
    }
    if (report.deferred > 0) {
      say(`Stopped with ${report.deferred} days still to merge: run the same command again.`);
    }
    return report.skipped > 0 ? EXIT.failure : EXIT.ok;
  } catch (error) {
    say(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}
