/**
 * Which days to merge in this run. A group is the part files of one feed, format and UTC day. It is
 * merged when the day ended at least `settleMs` ago (one hour: a run just after midnight may still
 * bring events of the day before) and it holds at least two files that are not already full.
 *
 * "Full" means at least half the file size bound: merging produces full files (which the writer
 * closes at about 90% of the bound) and at most one smaller last file, so a compacted day is never
 * merged again until a late part arrives; the late part is then merged with that last file. Files
 * outside the layout (manifests, state, temporary dot-files, the old layout's NDJSON beside the
 * Parquet) are never touched.
 */
import { parsePartPath } from '../output/layout.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../output/limits.ts';
import type { CompactionBudget, CompactionGroup, CompactionPlan, PlanOptions, StoredFile } from './types.ts';

export const DEFAULT_BUDGET: CompactionBudget = {
  maxFiles: 200,
  maxBytes: 128 * 1024 * 1024,
  maxDays: Infinity,
};

export const DEFAULT_SETTLE_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function planCompaction(listing: Iterable<StoredFile>, options: PlanOptions): CompactionPlan {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const budget = { ...DEFAULT_BUDGET, ...options.budget };
  const full = maxFileBytes / 2;

  const byDir = new Map<string, CompactionGroup>();
  for (const file of listing) {
    const location = parsePartPath(file.path);
    if (!location) continue;
    if (Date.parse(`${location.date}T00:00:00Z`) + DAY_MS + settleMs > options.now) continue;
    if (file.bytes >= full) continue;
    let group = byDir.get(location.dir);
    if (!group) {
      const { feed, format, date, dir } = location;
      group = { feed, format, date, dir, files: [], bytes: 0 };
      byDir.set(location.dir, group);
    }
    group.files.push(file);
    group.bytes += file.bytes;
  }

  const due = [...byDir.values()]
    .filter((group) => group.files.length > 1)
    .sort((a, b) => compare(a.date, b.date) || compare(a.dir, b.dir));
  for (const group of due) group.files.sort((a, b) => compare(a.path, b.path));

  const groups: CompactionGroup[] = [];
  const days = new Set<string>();
  let files = 0;
  let bytes = 0;
  for (const group of due) {
    const newDay = !days.has(group.date);
    const fits =
      files + group.files.length <= budget.maxFiles &&
      bytes + group.bytes <= budget.maxBytes &&
      days.size + (newDay ? 1 : 0) <= budget.maxDays;
    if (groups.length > 0 && !fits) break;
    groups.push(group);
    days.add(group.date);
    files += group.files.length;
    bytes += group.bytes;
  }
  return { groups, deferred: due.length - groups.length };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
