/**
 * Compaction, the stage shared by the repo sink, the S3 sink and the CLI: plan which days to merge
 * (plan.ts), merge each group into new files in a local folder, and say what they replace. The
 * caller then delivers the new files and removes the replaced ones in one step it can make safe
 * (one commit; a manifest written before any delete; a journal for a local folder).
 *
 * A merged group is checked before it is reported: the new files hold exactly as many rows as the
 * parts. A group that cannot be merged (a part unreadable, of another schema, or changed while it
 * was read) is skipped with a warning and left as it is: compaction never blocks an export.
 */
import path from 'node:path';
import { silentLogger } from '../logger.ts';
import { assertSafeNamePart } from '../output/layout.ts';
import {
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_NDJSON_BLOCK_BYTES,
  DEFAULT_ROW_GROUP_SIZE,
} from '../output/limits.ts';
import { NdjsonFileWriter } from '../output/ndjson-writer.ts';
import { ParquetFileWriter } from '../output/parquet-writer.ts';
import { copyNdjsonLines } from './merge-ndjson.ts';
import { copyParquetRows } from './merge-parquet.ts';
import { MergedOutput, type OutputNames } from './merged-output.ts';
import { planCompaction } from './plan.ts';
import type {
  CompactionGroup,
  CompactionResult,
  GroupResult,
  MergeOptions,
  PlanOptions,
  ReplacedFile,
  StoredFile,
} from './types.ts';

export type * from './types.ts';
export { planCompaction } from './plan.ts';

/** Plans (see plan.ts) and merges in one call. */
export async function compact(
  listing: readonly StoredFile[],
  options: MergeOptions & PlanOptions,
): Promise<CompactionResult> {
  const plan = planCompaction(listing, {
    ...options,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  });
  const result = await mergeGroups(plan.groups, options);
  return { ...result, deferred: result.deferred + plan.deferred };
}

/** Merges each group into `workDir`; groups left unmerged when `signal` fires count as deferred. */
export async function mergeGroups(
  groups: readonly CompactionGroup[],
  options: MergeOptions,
): Promise<CompactionResult> {
  assertSafeNamePart('runId', options.runId);
  assertSafeNamePart('runAttempt', options.runAttempt);
  const logger = options.logger ?? silentLogger;
  const names: OutputNames = {
    workDir: path.resolve(options.workDir),
    runId: options.runId,
    runAttempt: options.runAttempt,
    taken: new Set(options.existing),
  };
  const result: CompactionResult = { merged: [], skipped: [], deferred: 0 };
  for (const [index, group] of groups.entries()) {
    if (options.signal?.aborted) {
      result.deferred += groups.length - index;
      break;
    }
    try {
      const merged = await mergeGroup(group, options, names);
      logger.info(
        `Compacted ${group.dir}: ${merged.replaced.length} ${group.format} files into ${merged.written.length} ` +
          `(${merged.written.reduce((sum, file) => sum + file.rows, 0)} events).`,
      );
      result.merged.push(merged);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warning(`Compaction of ${group.dir} skipped, its files stay as they are: ${reason}`);
      result.skipped.push({ group, reason });
    }
  }
  return result;
}

async function mergeGroup(
  group: CompactionGroup,
  options: MergeOptions,
  names: OutputNames,
): Promise<GroupResult> {
  const bounds = {
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxFileRows: options.maxFileRows ?? Infinity,
  };
  const replaced: ReplacedFile[] = [];
  const describe = (file: Omit<ReplacedFile, 'feed' | 'format' | 'date'>): ReplacedFile => ({
    ...file,
    feed: group.feed,
    format: group.format,
    date: group.date,
  });
  if (group.format === 'parquet') {
    const output = new MergedOutput(group, names, (tempPath) =>
      ParquetFileWriter.create(tempPath, {
        feed: group.feed,
        rowGroupSize: options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE,
        ...bounds,
      }),
    );
    return finishGroup(group, replaced, output, async () => {
      for (const file of group.files) {
        replaced.push(describe(await copyParquetRows(group.feed, options.reader, file, output)));
      }
    });
  }
  const output = new MergedOutput(group, names, (tempPath) =>
    NdjsonFileWriter.create(tempPath, {
      ...bounds,
      blockBytes: options.ndjsonBlockBytes ?? DEFAULT_NDJSON_BLOCK_BYTES,
    }),
  );
  return finishGroup(group, replaced, output, async () => {
    for (const file of group.files) {
      replaced.push(describe(await copyNdjsonLines(options.reader, file, output)));
    }
  });
}

async function finishGroup<W extends ParquetFileWriter | NdjsonFileWriter>(
  group: CompactionGroup,
  replaced: ReplacedFile[],
  output: MergedOutput<W>,
  copy: () => Promise<void>,
): Promise<GroupResult> {
  try {
    await copy();
    const written = await output.finish();
    const rowsIn = replaced.reduce((sum, file) => sum + file.rows, 0);
    const rowsOut = written.reduce((sum, file) => sum + file.rows, 0);
    if (rowsIn !== rowsOut) {
      throw new Error(`the merged files hold ${rowsOut} rows, the parts ${rowsIn}`);
    }
    return { group, replaced, written };
  } catch (error) {
    await output.abort();
    throw error;
  }
}
