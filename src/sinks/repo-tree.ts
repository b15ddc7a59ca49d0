/**
 * The storage repository's files under `storage-path`, as compaction sees them (src/compaction):
 * a listing with sizes, and a reader that fetches blobs through the Git Data API. GitHub serves a
 * blob whole, so the reader keeps the last blob it fetched: the ranged reads of one large Parquet
 * file (footer, then row groups) cost one request.
 */
import type { StoredFileReader, StoredTree } from '../compaction/types.ts';
import type { GitData } from './git-data.ts';

/** The tree at `rootTreeSha` below `storagePath`; empty when the folder does not exist yet. */
export async function repoStoredTree(
  git: GitData,
  rootTreeSha: string,
  storagePath: string,
): Promise<StoredTree> {
  let treeSha: string | undefined = rootTreeSha;
  for (const segment of storagePath.split('/').filter(Boolean)) {
    treeSha = (await git.getTree(treeSha, false)).trees.get(segment);
    if (!treeSha) return { files: [], reader: blobReader(git, new Map()), truncated: false };
  }
  const listing = await git.getTree(treeSha, true);
  const blobs = new Map(listing.files.map((file) => [file.path, { sha: file.sha, size: file.size }]));
  return {
    files: listing.files.map((file) => ({ path: file.path, bytes: file.size })),
    reader: blobReader(git, blobs),
    truncated: listing.truncated,
  };
}

function blobReader(
  git: GitData,
  blobs: ReadonlyMap<string, { sha: string; size: number }>,
): StoredFileReader {
  /** The blob of the last partial read: a large file is read by ranges, one after the other. */
  let last: { sha: string; bytes: Promise<Buffer> } | undefined;
  return {
    async read(path, start, end) {
      const blob = blobs.get(path);
      if (!blob) throw new Error(`${path} is not in the storage repository's listing`);
      if (start === 0 && end === blob.size) return git.getBlob(blob.sha);
      if (last?.sha !== blob.sha) {
        last = { sha: blob.sha, bytes: git.getBlob(blob.sha) };
        last.bytes.catch(() => {}); // awaited below; a failed fetch is dropped, not kept
      }
      const current = last;
      try {
        return (await current.bytes).subarray(start, end);
      } catch (error) {
        if (last === current) last = undefined;
        throw error;
      }
    },
  };
}
