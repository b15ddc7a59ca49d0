/**
 * Brings the files of other trees into one folder before it is compacted: the folders
 * `gh run download` makes (one per artifact, each holding the export layout), or other exports.
 *
 * Idempotent: a file already in the folder (same SHA-256) is skipped; a part that a compaction of
 * the folder already merged (listed as replaced, with the same SHA-256, in one of its manifests) is
 * not brought back, so gathering the same downloads again never duplicates an event. A different
 * file under a name already taken is never overwritten (a warning says so). Each file is copied
 * under a temporary dot-name and renamed, so an interrupt leaves no half file under a real name.
 */
import { copyFile, mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { silentLogger, type Logger } from '../logger.ts';
import { FEEDS } from '../onepassword/feeds.ts';
import { sha256OfFile } from '../output/run-writer.ts';
import { listLocalTree, notFound } from './local-tree.ts';

export interface GatherReport {
  /** Trees found in the sources. */
  trees: number;
  copied: number;
  /** Already in the folder, or already merged by an earlier compaction. */
  present: number;
  /** Names taken by a different file: left out, with a warning. */
  conflicts: number;
}

const MANIFESTS = '_manifests';
const TREE_ENTRIES = new Set<string>([...FEEDS, 'ndjson', MANIFESTS]);

export async function gatherTrees(
  sources: readonly string[],
  root: string,
  logger: Logger = silentLogger,
): Promise<GatherReport> {
  const report: GatherReport = { trees: 0, copied: 0, present: 0, conflicts: 0 };
  const merged = await mergedParts(root);
  const target = path.resolve(root);
  for (const source of sources) {
    for (const tree of await findTrees(source)) {
      if (path.resolve(tree) === target) continue;
      report.trees++;
      const files = [...(await listLocalTree(tree)).map((file) => file.path), ...(await manifestFiles(tree))];
      for (const relative of files) {
        const from = path.join(tree, ...relative.split('/'));
        const to = path.join(root, ...relative.split('/'));
        const sha256 = await sha256OfFile(from);
        if (merged.has(`${relative}\0${sha256}`)) {
          report.present++;
          continue;
        }
        const there = await sha256OfFile(to).catch(notFound);
        if (there === sha256) {
          report.present++;
          continue;
        }
        if (there !== null) {
          report.conflicts++;
          logger.warning(`${relative} in ${tree} differs from the file of that name in ${root}; left out`);
          continue;
        }
        await mkdir(path.dirname(to), { recursive: true });
        const temp = path.join(path.dirname(to), `.${path.basename(to)}.tmp`);
        await copyFile(from, temp);
        await rename(temp, to);
        report.copied++;
      }
    }
  }
  return report;
}

/** `source` itself when it holds the layout, else its subfolders that do (one per artifact). */
async function findTrees(source: string): Promise<string[]> {
  const info = await stat(source).catch(notFound);
  if (!info?.isDirectory()) throw new Error(`${source} is not a folder`);
  if (await holdsLayout(source)) return [source];
  const trees: string[] = [];
  for (const entry of await readdir(source, { withFileTypes: true })) {
    const folder = path.join(source, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && (await holdsLayout(folder))) trees.push(folder);
  }
  return trees.sort();
}

async function holdsLayout(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries.some((entry) => entry.isDirectory() && TREE_ENTRIES.has(entry.name));
}

async function manifestFiles(tree: string): Promise<string[]> {
  const entries = await readdir(path.join(tree, MANIFESTS), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /^[A-Za-z0-9][A-Za-z0-9_.-]*\.json$/.test(entry.name))
    .map((entry) => `${MANIFESTS}/${entry.name}`);
}

/** `path\0sha256` of every part the folder's manifests say a compaction replaced. */
async function mergedParts(root: string): Promise<Set<string>> {
  const merged = new Set<string>();
  for (const relative of await manifestFiles(root)) {
    let manifest: unknown;
    try {
      manifest = JSON.parse(await readFile(path.join(root, relative), 'utf8'));
    } catch {
      continue;
    }
    const replaced = (manifest as { compaction?: { replaced?: unknown } } | null)?.compaction?.replaced;
    if (!Array.isArray(replaced)) continue;
    for (const item of replaced as unknown[]) {
      const file = item as { path?: unknown; sha256?: unknown } | null;
      if (file && typeof file.path === 'string' && typeof file.sha256 === 'string') {
        merged.add(`${file.path}\0${file.sha256}`);
      }
    }
  }
  return merged;
}
