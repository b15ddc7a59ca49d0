/**
 * The run manifest, `_manifests/<run_id>-<run_attempt>.json`: what the run exported, per feed
 * (count, first/last event time, cursor before/after) and per file (rows, bytes, SHA-256). A run
 * that compacted stored files also lists the files it replaced and the ones it wrote instead.
 * Keys come in a fixed order and optional values are null rather than missing, so manifests of
 * different runs diff cleanly. Cursors are not secret; the token is never passed in.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FEEDS, type ApiVersion, type Feed } from '../onepassword/feeds.ts';
import { USER_AGENT } from '../version.ts';
import type { WrittenFile } from './files.ts';
import { assertSafeNamePart, manifestPath } from './layout.ts';

export interface ManifestFeedInput {
  count: number;
  firstEventTime?: string;
  lastEventTime?: string;
  cursorBefore?: string;
  cursorAfter?: string;
}

export interface ManifestInput {
  runId: string;
  runAttempt: string;
  startedAt: Date | string;
  finishedAt: Date | string;
  server: string;
  account?: string;
  apiVersion: ApiVersion;
  feeds: Partial<Record<Feed, ManifestFeedInput>>;
  files: readonly WrittenFile[];
  /** Files this run's compaction replaced and wrote (src/compaction). */
  compaction?: { replaced: readonly WrittenFile[]; written: readonly WrittenFile[] };
}

export interface ManifestFeed {
  count: number;
  firstEventTime: string | null;
  lastEventTime: string | null;
  cursorBefore: string | null;
  cursorAfter: string | null;
  files: number;
}

export interface Manifest {
  manifestVersion: 1;
  generator: string;
  runId: string;
  runAttempt: string;
  startedAt: string;
  finishedAt: string;
  server: string;
  account: string | null;
  apiVersion: ApiVersion;
  feeds: Partial<Record<Feed, ManifestFeed>>;
  files: WrittenFile[];
  /** Null when the run compacted nothing. */
  compaction: { replaced: WrittenFile[]; written: WrittenFile[] } | null;
}

export function buildManifest(input: ManifestInput): Manifest {
  assertSafeNamePart('runId', input.runId);
  assertSafeNamePart('runAttempt', input.runAttempt);
  const feeds: Partial<Record<Feed, ManifestFeed>> = {};
  for (const feed of FEEDS) {
    const entry = input.feeds[feed];
    if (!entry) continue;
    feeds[feed] = {
      count: entry.count,
      firstEventTime: entry.firstEventTime ?? null,
      lastEventTime: entry.lastEventTime ?? null,
      cursorBefore: entry.cursorBefore ?? null,
      cursorAfter: entry.cursorAfter ?? null,
      files: input.files.filter((file) => file.feed === feed).length,
    };
  }
  const compaction = input.compaction;
  return {
    manifestVersion: 1,
    generator: USER_AGENT,
    runId: input.runId,
    runAttempt: input.runAttempt,
    startedAt: isoTime(input.startedAt),
    finishedAt: isoTime(input.finishedAt),
    server: input.server,
    account: input.account ?? null,
    apiVersion: input.apiVersion,
    feeds,
    files: fileList(input.files),
    compaction: compaction
      ? { replaced: fileList(compaction.replaced), written: fileList(compaction.written) }
      : null,
  };
}

/** Files sorted by path, each with its keys in a fixed order. */
function fileList(files: readonly WrittenFile[]): WrittenFile[] {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => ({
      path: file.path,
      feed: file.feed,
      format: file.format,
      date: file.date,
      rows: file.rows,
      bytes: file.bytes,
      sha256: file.sha256,
    }));
}

/** Writes the manifest (via a temporary name, so it is never seen half-written); returns its relative path. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<string> {
  const relative = manifestPath(manifest.runId, manifest.runAttempt);
  const target = path.join(outDir, ...relative.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp`);
  await writeFile(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temp, target);
  return relative;
}

function isoTime(value: Date | string): string {
  return typeof value === 'string' ? value : value.toISOString();
}
