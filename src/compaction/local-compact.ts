/**
 * Compaction of a tree in a local folder (the CLI's `compact` command), safe to interrupt at any
 * point and to run again:
 *
 * 1. a group is merged into `.compaction/stage/` (outside the tree's globs);
 * 2. a journal `.compaction/journal.json` is written (temp name, then rename) listing the new
 *    files with their SHA-256 and the parts they replace;
 * 3. the new files are renamed into the tree, then the parts are deleted, then the journal.
 *
 * A run that finds a journal first finishes it: when every new file is in place (or still staged)
 * the parts are deleted; when a new file is missing (the stage was lost) the parts are all still
 * there, so the new files already in the tree are removed instead and the group is merged again.
 * Either way no event is ever in the tree twice once the command returns, nor missing.
 *
 * Each group's record is kept in `_manifests/<runId>-<runAttempt>.json` (replaced and written files
 * with SHA-256), which is also how `gather.ts` knows not to bring a merged part back.
 */
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { silentLogger, type Logger } from '../logger.ts';
import type { WrittenFile } from '../output/files.ts';
import { parsePartPath } from '../output/layout.ts';
import { writeCompactionManifest } from '../output/manifest.ts';
import { mergeGroups } from './compact.ts';
import { sha256OfFile } from '../output/run-writer.ts';
import { listLocalTree, localReader, notFound } from './local-tree.ts';
import { planCompaction } from './plan.ts';
import type { CompactionBudget } from './types.ts';

export const WORK_DIR = '.compaction';
const JOURNAL = 'journal.json';
const STAGE = 'stage';
const LOCK = 'lock';

export interface LocalCompactOptions {
  now: number;
  runId: string;
  runAttempt: string;
  logger?: Logger;
  /** Stops after the group in progress. */
  signal?: AbortSignal;
  rowGroupSize?: number;
  maxFileBytes?: number;
  budget?: Partial<CompactionBudget>;
  /** When the run started (for the manifest). */
  startedAt?: Date;
}

export interface LocalCompactReport {
  /** A journal of an interrupted run was finished (or rolled back) first. */
  recovered: 'none' | 'finished' | 'rolled-back';
  filesBefore: number;
  filesAfter: number;
  replaced: WrittenFile[];
  written: WrittenFile[];
  skipped: number;
  /** Groups left (budget or interrupt): run the command again. */
  deferred: number;
  manifest?: string;
}

interface Journal {
  written: { path: string; sha256: string }[];
  replaced: string[];
}

export async function compactLocalTree(
  root: string,
  options: LocalCompactOptions,
): Promise<LocalCompactReport> {
  const work = path.join(root, WORK_DIR);
  await mkdir(work, { recursive: true });
  const release = await lock(work);
  try {
    return await compactLocked(root, options);
  } finally {
    await release();
  }
}

async function compactLocked(root: string, options: LocalCompactOptions): Promise<LocalCompactReport> {
  const logger = options.logger ?? silentLogger;
  const work = path.join(root, WORK_DIR);
  const stage = path.join(work, STAGE);
  const recovered = await recoverJournal(root, logger);
  await rm(stage, { recursive: true, force: true });

  const listing = await listLocalTree(root);
  const plan = planCompaction(listing, {
    now: options.now,
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    budget: { maxFiles: Infinity, maxBytes: Infinity, ...options.budget },
  });
  const report: LocalCompactReport = {
    recovered,
    filesBefore: listing.length,
    filesAfter: listing.length,
    replaced: [],
    written: [],
    skipped: 0,
    deferred: plan.deferred,
  };
  const existing = listing.map((file) => file.path);
  const reader = localReader(root);
  for (const [index, group] of plan.groups.entries()) {
    if (options.signal?.aborted) {
      report.deferred += plan.groups.length - index;
      break;
    }
    const result = await mergeGroups([group], {
      reader,
      workDir: stage,
      runId: options.runId,
      runAttempt: options.runAttempt,
      existing,
      logger,
      ...(options.rowGroupSize !== undefined ? { rowGroupSize: options.rowGroupSize } : {}),
      ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    });
    report.skipped += result.skipped.length;
    const merged = result.merged[0];
    if (!merged) continue;
    await applyJournal(root, {
      written: merged.written.map(({ path: file, sha256 }) => ({ path: file, sha256 })),
      replaced: merged.replaced.map((file) => file.path),
    });
    existing.push(...merged.written.map((file) => file.path));
    report.replaced.push(...merged.replaced);
    report.written.push(...merged.written);
    report.filesAfter += merged.written.length - merged.replaced.length;
    // The record after each group: an interrupt later still leaves the merged parts on record.
    report.manifest = await writeCompactionManifest(root, {
      runId: options.runId,
      runAttempt: options.runAttempt,
      startedAt: options.startedAt ?? new Date(options.now),
      finishedAt: new Date(),
      replaced: report.replaced,
      written: report.written,
    });
  }
  await rm(stage, { recursive: true, force: true });
  return report;
}

/**
 * One compaction per folder at a time: `.compaction/lock` holds the pid. A lock whose process is
 * gone (killed) is taken over. Returns the release, which removes `.compaction` when it is empty.
 */
async function lock(work: string): Promise<() => Promise<void>> {
  const file = path.join(work, LOCK);
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isSafeInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new Error(`another compaction (process ${pid}) is working on this folder`, { cause: error });
      }
      await rm(file, { force: true });
    }
  }
  return async () => {
    await rm(file, { force: true });
    await rmdir(work).catch(() => {}); // kept when a journal or stage is left
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Steps 2 and 3 of the file comment, for one merged group staged in `.compaction/stage`. */
async function applyJournal(root: string, journal: Journal): Promise<void> {
  const work = path.join(root, WORK_DIR);
  const target = path.join(work, JOURNAL);
  await writeFile(`${target}.tmp`, `${JSON.stringify(journal)}\n`);
  await rename(`${target}.tmp`, target);
  await finishJournal(root, journal);
}

/** Moves staged files into the tree, then deletes the parts and the journal. */
async function finishJournal(root: string, journal: Journal): Promise<void> {
  for (const file of journal.written) {
    const staged = path.join(root, WORK_DIR, STAGE, ...file.path.split('/'));
    const final = path.join(root, ...file.path.split('/'));
    if ((await sha256OrNull(final)) === file.sha256) continue;
    await mkdir(path.dirname(final), { recursive: true });
    await rename(staged, final);
  }
  for (const part of journal.replaced) await rm(path.join(root, ...part.split('/')), { force: true });
  await rm(path.join(root, WORK_DIR, JOURNAL), { force: true });
}

async function recoverJournal(root: string, logger: Logger): Promise<LocalCompactReport['recovered']> {
  const file = path.join(root, WORK_DIR, JOURNAL);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
  const journal = parseJournal(text, file);
  let complete = true;
  for (const written of journal.written) {
    const final = path.join(root, ...written.path.split('/'));
    const staged = path.join(root, WORK_DIR, STAGE, ...written.path.split('/'));
    if ((await sha256OrNull(final)) === written.sha256) continue;
    if ((await sha256OrNull(staged)) === written.sha256) continue;
    complete = false;
  }
  if (complete) {
    await finishJournal(root, journal);
    logger.info(`Finished the compaction an earlier run left halfway (${journal.replaced.length} parts).`);
    return 'finished';
  }
  for (const part of journal.replaced) {
    if ((await sha256OrNull(path.join(root, ...part.split('/')))) === null) {
      throw new Error(
        `${file}: an interrupted compaction lost both a new file and a part (${part}); ` +
          'restore the folder from its source (e.g. download the artifacts again), then delete the journal',
      );
    }
  }
  for (const written of journal.written)
    await rm(path.join(root, ...written.path.split('/')), { force: true });
  await rm(file, { force: true });
  logger.info('Rolled back a compaction an earlier run left halfway; its days are merged again.');
  return 'rolled-back';
}

function parseJournal(text: string, file: string): Journal {
  const fail = (): never => {
    throw new Error(`${file} is not a compaction journal; if no compaction is running, delete it`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail();
  }
  const journal = value as { written?: unknown; replaced?: unknown } | null;
  const isPart = (p: unknown) => typeof p === 'string' && parsePartPath(p) !== null;
  const isWritten = (w: unknown) => {
    const entry = w as { path?: unknown; sha256?: unknown } | null;
    return (
      typeof entry === 'object' &&
      entry !== null &&
      isPart(entry.path) &&
      typeof entry.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(entry.sha256)
    );
  };
  if (
    typeof journal !== 'object' ||
    journal === null ||
    !Array.isArray(journal.written) ||
    !Array.isArray(journal.replaced) ||
    !journal.replaced.every(isPart) ||
    !journal.written.every(isWritten)
  ) {
    fail();
  }
  return journal as Journal;
}

function sha256OrNull(file: string): Promise<string | null> {
  return sha256OfFile(file).catch(notFound);
}
