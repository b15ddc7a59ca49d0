/**
 * Compaction in S3 mode: the storage-agnostic stage of src/compaction over the committed data files
 * under the prefix, read with ranged GETs. Merged files are written to a local work folder; the S3
 * sink uploads them, records what they replace (pending-run marker and manifest) before anything is
 * deleted, and deletes the parts only after its state write committed.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compact, type CompactionBudget, type GroupResult } from '../compaction/compact.ts';
import { buildManifest, type Manifest } from '../output/manifest.ts';
import { manifestPath } from '../output/layout.ts';
import { listObjects, readRange } from '../s3/objects.ts';
import { isCreatedBy } from '../s3/pending.ts';
import { S3_PENDING_DIR, type S3Target } from '../s3/target.ts';
import type { StateDocument } from '../state/document.ts';

export interface S3CompactionOptions {
  runId: string;
  runAttempt: string;
  now: number;
  /** Paths this run writes anyway; merged files get other names. */
  ownPaths: readonly string[];
  budget?: Partial<CompactionBudget>;
}

export interface S3Compaction {
  merged: GroupResult[];
  /** Local folder holding the merged files at their relative paths; removed by `dispose`. */
  workDir: string;
  dispose(): Promise<void>;
}

/** Plans and merges; undefined when there is nothing to merge. Never throws for one bad group. */
export async function compactPrefix(
  target: S3Target,
  options: S3CompactionOptions,
): Promise<S3Compaction | undefined> {
  const all = [];
  for await (const object of listObjects(target, '')) {
    if (!object.path.startsWith('_')) all.push({ path: object.path, bytes: object.bytes });
  }
  // Only committed files are merged. A run writes its marker before its first data object, so
  // listing the markers AFTER the data catches every run whose files the listing saw; whatever a
  // run with a marker wrote is left alone (it may be uncommitted, or about to be removed).
  const marked: string[] = [];
  for await (const object of listObjects(target, S3_PENDING_DIR)) {
    const name = object.path.slice(S3_PENDING_DIR.length);
    if (name.endsWith('.json')) marked.push(name.slice(0, -'.json'.length));
  }
  const listing = all.filter((file) => !marked.some((run) => isCreatedBy(file.path, run)));
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'op-s3-compaction-'));
  const dispose = () => rm(workDir, { recursive: true, force: true });
  try {
    const result = await compact(listing, {
      now: options.now,
      reader: { read: (file, start, end) => readRange(target, file, start, end) },
      workDir,
      runId: options.runId,
      runAttempt: options.runAttempt,
      existing: [...listing.map((f) => f.path), ...options.ownPaths],
      logger: target.logger,
      ...(options.budget ? { budget: options.budget } : {}),
    });
    if (result.deferred > 0) target.logger.info(`Compaction: ${result.deferred} day(s) left for later runs.`);
    if (result.merged.length === 0) {
      await dispose();
      return undefined;
    }
    return { merged: result.merged, workDir, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/**
 * Adds the compaction record (replaced parts and new files, with rows and SHA-256) to the run's
 * manifest: the one the export wrote in `outDir`, or a new one in the work folder when the run had
 * no new events. Returns where the manifest to upload is.
 */
export async function recordInManifest(
  compaction: S3Compaction,
  outDir: string,
  hasManifest: boolean,
  state: StateDocument,
  runId: string,
  runAttempt: string,
): Promise<{ path: string; absolutePath: string }> {
  const relative = manifestPath(runId, runAttempt);
  const replaced = compaction.merged.flatMap((group) => group.replaced);
  const written = compaction.merged.flatMap((group) => group.written);
  let manifest: Manifest;
  let absolutePath: string;
  if (hasManifest) {
    absolutePath = path.join(outDir, relative);
    const exported = JSON.parse(await readFile(absolutePath, 'utf8')) as Manifest;
    // Only the compaction record is taken from this one, built as buildManifest builds it; the
    // run's own fields stay exactly as the export wrote them.
    const fresh = buildManifest({
      runId,
      runAttempt,
      startedAt: exported.startedAt,
      finishedAt: exported.finishedAt,
      server: state.server,
      apiVersion: 'v2',
      feeds: {},
      files: exported.files,
      compaction: { replaced, written },
    });
    manifest = { ...exported, compaction: fresh.compaction };
  } else {
    absolutePath = path.join(compaction.workDir, relative);
    const now = new Date();
    const apiVersion = Object.values(state.feeds)[0]?.apiVersion ?? 'v2';
    manifest = buildManifest({
      runId,
      runAttempt,
      startedAt: now,
      finishedAt: now,
      server: state.server,
      account: state.account,
      apiVersion,
      feeds: {},
      files: [],
      compaction: { replaced, written },
    });
  }
  await mkdir(path.dirname(absolutePath), { recursive: true });
  await writeFile(absolutePath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { path: relative, absolutePath };
}
