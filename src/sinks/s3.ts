import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ExportError } from '../errors.ts';
import { deleteObjects, listObjects, putBytes, putFile, readText } from '../s3/objects.ts';
import {
  ABANDONED_GRACE_MS,
  MAX_PENDING_BYTES,
  PENDING_VERSION,
  classifyPending,
  isCreatedBy,
  isRunId,
  parsePending,
  pendingPath,
  sameState,
  serializePending,
  type PendingRun,
  type StateIdentity,
} from '../s3/pending.ts';
import { S3_PENDING_DIR, s3Uri, type S3Target } from '../s3/target.ts';
import { STATE_FILE } from '../output/layout.ts';
import type { StateDocument } from '../state/document.ts';
import type { S3StateStore } from '../state/s3-store.ts';
import type { CompactionBudget } from '../compaction/compact.ts';
import { compactPrefix, recordInManifest, type S3Compaction } from './s3-compaction.ts';
import { regularFileSize } from './local-file.ts';
import { isInsideRelative } from './repo-files.ts';
import type { Delivery, DeliveryResult, Sink } from './sink.ts';

export interface S3SinkOptions {
  target: S3Target;
  /** This run's ids: `writtenBy` of the state it writes is `<id>-<attempt>`. */
  runId: string;
  runAttempt: string;
  /** `compaction: auto`: merge finished days of committed files (src/sinks/s3-compaction.ts). */
  compaction?: boolean | { budget?: Partial<CompactionBudget> };
  /** The store the run restored from: its ETag is the condition of the state write. */
  store: S3StateStore;
  /** Files uploaded at once. */
  uploadConcurrency?: number;
  now?: () => number;
}

interface LocalFile {
  path: string;
  absolutePath: string;
  bytes: number;
}

/** What the clean-up of other runs' leftovers did, for the log. */
interface Housekeeping {
  finished: number;
  abandoned: number;
  /** Runs that started from the current state and may still commit. */
  waiting: string[];
}

/**
 * `destination: s3`: the run's files under `s3-prefix`, then `_state/state.json` written last with a
 * conditional write. Exactly-once without a transaction rests on the pending-run markers of
 * src/s3/pending.ts (protocol in docs/s3.md): whatever a run that did not commit left behind is
 * deleted by a later run, and what a committed run still had to delete is finished by the next one.
 */
export class S3Sink implements Sink {
  readonly name = 's3' as const;
  private readonly options: S3SinkOptions;
  private readonly uri: string;

  constructor(options: S3SinkOptions) {
    this.options = options;
    this.uri = s3Uri(options.target.bucket, options.target.prefix);
  }

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const { target, store } = this.options;
    const run = delivery.state.writtenBy;
    if (!isRunId(run))
      throw new ExportError('internal', `Run id ${JSON.stringify(run)} cannot name S3 objects.`);
    // Everything that can be refused is refused before the first write.
    let files = await this.checkFiles(delivery.outDir, delivery.files, run);
    const { doc: current } = await store.tagged();
    assertSameWriter(current, delivery, this.uri);
    const base = current ? identity(current) : null;

    const before = await this.housekeep(base);
    const uncommitted = [...before.waiting];

    const compaction = await this.compact(files);
    try {
      const replaces = compaction?.merged.flatMap((g) => g.replaced.map((f) => f.path)) ?? [];
      if (compaction) {
        const manifest = await recordInManifest(
          compaction,
          delivery.outDir,
          files.some((f) => f.path.startsWith('_manifests/')),
          delivery.state,
          this.options.runId,
          this.options.runAttempt,
        );
        const merged = compaction.merged
          .flatMap((g) => g.written)
          .map((w) => ({ path: w.path, absolutePath: join(compaction.workDir, w.path), bytes: w.bytes }));
        files = [
          ...files.filter((f) => f.path !== manifest.path),
          ...merged,
          {
            path: manifest.path,
            absolutePath: manifest.absolutePath,
            bytes: (await stat(manifest.absolutePath)).size,
          },
        ];
      }
      if (files.length === 0 && current && sameFeeds(current, delivery.state)) {
        return { s3Uri: this.uri, compacted: 0, detail: `nothing new for ${this.uri}${describe(before)}` };
      }
      // The marker names everything this run creates and replaces BEFORE any of it happens.
      const pending: PendingRun = {
        pendingVersion: PENDING_VERSION,
        run,
        createdAt: new Date(this.now()).toISOString(),
        base,
        writes: files.map((f) => f.path),
        replaces,
      };
      await putBytes(target, pendingPath(run), serializePending(pending));
      try {
        await this.upload(files);
      } catch (error) {
        await this.discard(pending, 'the upload failed');
        throw error;
      }
      // The commit. An error here is ambiguous (the write may have landed), so nothing is discarded:
      // the next run sees from the state whether this run committed and cleans up accordingly.
      const outcome = await store.commit(delivery.state);
      if (!outcome.committed) {
        await this.discard(pending, 'another run advanced the state');
        throw new ExportError(
          'delivery',
          `${outcome.reason}: another run delivered events since this run read the state, so this run does not ` +
            `advance it and removed the ${files.length} objects it had written. The next run continues from that state. ` +
            'Use a concurrency group so that exports of one account never overlap.',
        );
      }
      return await this.afterCommit(delivery.state, files.length, replaces.length, before, uncommitted);
    } finally {
      await compaction?.dispose();
    }
  }

  /** Deletes what this run replaced and what runs that can no longer commit wrote, then its marker. */
  private async afterCommit(
    state: StateDocument,
    written: number,
    compacted: number,
    before: Housekeeping,
    uncommitted: string[],
  ): Promise<DeliveryResult> {
    const { target } = this.options;
    let after: Housekeeping;
    try {
      after = await this.housekeep(identity(state));
    } catch (error) {
      const message = `The state is saved, but cleaning up after the commit failed (${(error as Error).message}); the next run finishes it.`;
      target.logger.warning(message);
      return {
        s3Uri: this.uri,
        compacted,
        detail: `wrote ${written} objects and the state to ${this.uri}; ${message}`,
      };
    }
    if (uncommitted.length > 0) {
      target.logger.info(
        `Removed what overlapping run(s) ${uncommitted.join(', ')} had written: they can no longer commit.`,
      );
    }
    const compactedText = compacted > 0 ? `, replacing ${compacted} files by compaction` : '';
    const detail = `wrote ${written} objects and the state to ${this.uri}${compactedText}${describe(before)}${describe(after)}`;
    target.logger.info(`S3: ${detail}.`);
    return { s3Uri: this.uri, compacted, detail };
  }

  private async compact(files: readonly LocalFile[]): Promise<S3Compaction | undefined> {
    const setting = this.options.compaction;
    if (!setting) return undefined;
    try {
      return await compactPrefix(this.options.target, {
        runId: this.options.runId,
        runAttempt: this.options.runAttempt,
        now: this.now(),
        ownPaths: files.map((f) => f.path),
        ...(typeof setting === 'object' && setting.budget ? { budget: setting.budget } : {}),
      });
    } catch (error) {
      // Compaction never blocks an export: the parts stay as they are and a later run merges them.
      this.options.target.logger.warning(`Compaction skipped: ${(error as Error).message}`);
      return undefined;
    }
  }

  /**
   * Classifies every pending-run marker against the committed state `current` and acts on it: a
   * committed run's replaced files are deleted (finishing its compaction), an abandoned run's writes
   * are deleted; a run that started from `current` is left alone (it may still commit).
   */
  private async housekeep(current: StateIdentity | null): Promise<Housekeeping> {
    const { target } = this.options;
    const done: Housekeeping = { finished: 0, abandoned: 0, waiting: [] };
    for (const { marker, lastModified } of await this.readMarkers()) {
      const kind = classifyPending(marker, current);
      if (kind === 'committed') {
        await deleteObjects(target, marker.replaces);
        await deleteObjects(target, [pendingPath(marker.run)]);
        done.finished++;
      } else if (kind === 'abandoned') {
        await deleteObjects(target, marker.writes);
        // Kept a while: if that run is still alive it may write more, and the next run deletes it again.
        if (this.now() - lastModified > ABANDONED_GRACE_MS)
          await deleteObjects(target, [pendingPath(marker.run)]);
        done.abandoned++;
      } else {
        done.waiting.push(marker.run);
      }
    }
    return done;
  }

  private async readMarkers(): Promise<{ marker: PendingRun; lastModified: number }[]> {
    const { target } = this.options;
    const markers: { marker: PendingRun; lastModified: number }[] = [];
    for await (const object of listObjects(target, S3_PENDING_DIR)) {
      const name = object.path.slice(S3_PENDING_DIR.length);
      const run = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!isRunId(run)) {
        target.logger.warning(
          `Ignoring s3://${target.bucket}/${object.path}: not a pending-run marker name.`,
        );
        continue;
      }
      const stored = await readText(target, object.path, MAX_PENDING_BYTES);
      if (!stored) continue; // finished by another run in the meantime
      try {
        const marker = parsePending(stored.text, run);
        const createdAt = Date.parse(marker.createdAt);
        markers.push({ marker, lastModified: object.lastModified?.getTime() ?? createdAt });
      } catch (error) {
        // Never act on a marker we cannot read: deleting on a guess could lose committed events.
        target.logger.warning(
          `Ignoring the pending-run marker s3://${target.bucket}/${object.path}: ${(error as Error).message}. Delete it by hand if no run is using it.`,
        );
      }
    }
    return markers;
  }

  /** Data files first (a few at a time), then the manifest that names them. */
  private async upload(files: readonly LocalFile[]): Promise<void> {
    const isManifest = (file: LocalFile) => file.path.startsWith('_manifests/');
    const data = files.filter((file) => !isManifest(file));
    const width = Math.max(1, Math.min(this.options.uploadConcurrency ?? 4, data.length));
    const worker = async () => {
      for (let file = data.shift(); file !== undefined; file = data.shift()) {
        await putFile(this.options.target, file.path, file.absolutePath, file.bytes);
      }
    };
    await Promise.all(Array.from({ length: width }, worker));
    for (const file of files.filter(isManifest)) {
      await putFile(this.options.target, file.path, file.absolutePath, file.bytes);
    }
  }

  /** Best effort, for a run that knows it did not commit: its writes, then its marker. */
  private async discard(pending: PendingRun, why: string): Promise<void> {
    try {
      await deleteObjects(this.options.target, pending.writes);
      await deleteObjects(this.options.target, [pendingPath(pending.run)]);
    } catch (error) {
      this.options.target.logger.warning(
        `Could not remove this run's objects after ${why} (${(error as Error).message}); the next run removes them.`,
      );
    }
  }

  /** Plain relative paths to regular files, each created by this run (so a later run can attribute it). */
  private async checkFiles(outDir: string, paths: readonly string[], run: string): Promise<LocalFile[]> {
    const files: LocalFile[] = [];
    for (const path of new Set(paths)) {
      if (path === STATE_FILE) continue; // the state is written by the commit, last
      if (!isInsideRelative(path)) {
        throw new ExportError(
          'delivery',
          `Refusing to upload "${path}": not a path inside the output directory.`,
        );
      }
      if (!isCreatedBy(path, run)) {
        throw new ExportError(
          'delivery',
          `Refusing to upload "${path}": it is not a file of run ${run} in the export layout.`,
        );
      }
      const absolutePath = join(outDir, path);
      const bytes = await regularFileSize(absolutePath, path, 'upload');
      files.push({ path, absolutePath, bytes });
    }
    return files;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

function identity(doc: StateDocument): StateIdentity {
  return { writtenBy: doc.writtenBy, updatedAt: doc.updatedAt };
}

/**
 * The state in the bucket must be this account's and the one this run resumed from (or none). Any
 * other state means another export shares the prefix, or another run delivered since: writing
 * would store events twice or move the other's position.
 */
function assertSameWriter(current: StateDocument | undefined, delivery: Delivery, uri: string): void {
  if (!current) return;
  const ours = delivery.state;
  if (current.account !== ours.account || current.server !== ours.server) {
    throw new ExportError(
      'delivery',
      `${uri}/${STATE_FILE} holds the export of account ${current.account} at ${current.server}, not ` +
        `${ours.account} at ${ours.server}. Give each account its own s3-prefix. Nothing was written.`,
    );
  }
  if (!delivery.basedOn || !sameState(delivery.basedOn, identity(current))) {
    throw new ExportError(
      'delivery',
      `Run ${current.writtenBy} saved ${uri}/${STATE_FILE} after the state this run resumed from; writing ` +
        'would store events twice, so nothing was written. The next run continues from that state.',
    );
  }
}

function sameFeeds(a: StateDocument, b: StateDocument): boolean {
  return JSON.stringify(a.feeds) === JSON.stringify(b.feeds);
}

function describe(done: Housekeeping): string {
  const parts: string[] = [];
  if (done.finished > 0) parts.push(`finished ${done.finished} committed run(s)`);
  if (done.abandoned > 0) parts.push(`removed the objects of ${done.abandoned} run(s) that did not commit`);
  return parts.length > 0 ? `; ${parts.join(', ')}` : '';
}
