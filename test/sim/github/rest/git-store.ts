import { createHash } from 'node:crypto';

/**
 * A repository's git objects, hashed exactly as git hashes them (so a blob sha here equals
 * `git hash-object`), with the tree operations the Git Data API needs: flatten a tree to paths, and
 * build nested trees back from paths.
 */
export type EntryType = 'blob' | 'tree';

export interface TreeEntry {
  name: string;
  /** As the API reports it: 100644, 100755, 120000, 040000, 160000. */
  mode: string;
  type: EntryType;
  sha: string;
}

export interface Signature {
  name: string;
  email: string;
  /** ISO 8601, second precision, UTC. */
  date: string;
}

export interface CommitData {
  tree: string;
  parents: string[];
  message: string;
  author: Signature;
  committer: Signature;
}

export type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | { type: 'commit'; commit: CommitData };

/** A file in a flattened tree. */
export interface FlatFile {
  mode: string;
  sha: string;
}

/** A tree entry with its full path, as GET /git/trees answers it. */
export interface PathEntry {
  path: string;
  mode: string;
  type: EntryType;
  sha: string;
  size?: number;
}

export class GitStore {
  private readonly objects = new Map<string, GitObject>();

  get(sha: string): GitObject | undefined {
    return this.objects.get(sha);
  }

  blob(sha: string): Buffer | undefined {
    const object = this.objects.get(sha);
    return object?.type === 'blob' ? object.content : undefined;
  }

  tree(sha: string): TreeEntry[] | undefined {
    const object = this.objects.get(sha);
    return object?.type === 'tree' ? object.entries : undefined;
  }

  commit(sha: string): CommitData | undefined {
    const object = this.objects.get(sha);
    return object?.type === 'commit' ? object.commit : undefined;
  }

  putBlob(content: Buffer): string {
    const sha = hashObject('blob', content);
    this.objects.set(sha, { type: 'blob', content });
    return sha;
  }

  putTree(entries: TreeEntry[]): string {
    const sorted = [...entries].sort((a, b) => compareGitNames(a, b));
    const body = Buffer.concat(
      sorted.map((entry) =>
        Buffer.concat([
          Buffer.from(`${entry.mode.replace(/^0+/, '')} ${entry.name}\0`),
          Buffer.from(entry.sha, 'hex'),
        ]),
      ),
    );
    const sha = hashObject('tree', body);
    this.objects.set(sha, { type: 'tree', entries: sorted });
    return sha;
  }

  putCommit(commit: CommitData): string {
    const lines = [`tree ${commit.tree}`, ...commit.parents.map((parent) => `parent ${parent}`)];
    lines.push(`author ${signatureLine(commit.author)}`, `committer ${signatureLine(commit.committer)}`);
    const sha = hashObject('commit', Buffer.from(`${lines.join('\n')}\n\n${commit.message}`));
    this.objects.set(sha, { type: 'commit', commit });
    return sha;
  }

  /** Every file under a tree, by full path. */
  flatten(treeSha: string, prefix = '', into = new Map<string, FlatFile>()): Map<string, FlatFile> {
    for (const entry of this.tree(treeSha) ?? []) {
      const path = prefix + entry.name;
      if (entry.type === 'tree') this.flatten(entry.sha, `${path}/`, into);
      else into.set(path, { mode: entry.mode, sha: entry.sha });
    }
    return into;
  }

  /** Builds nested tree objects for a set of file paths and returns the root tree sha. */
  buildTree(files: Map<string, FlatFile>): string {
    const direct: TreeEntry[] = [];
    const subdirs = new Map<string, Map<string, FlatFile>>();
    for (const [path, file] of files) {
      const slash = path.indexOf('/');
      if (slash === -1) {
        direct.push({ name: path, mode: file.mode, type: 'blob', sha: file.sha });
        continue;
      }
      const dir = path.slice(0, slash);
      const children = subdirs.get(dir) ?? new Map<string, FlatFile>();
      children.set(path.slice(slash + 1), file);
      subdirs.set(dir, children);
    }
    for (const [dir, children] of subdirs) {
      direct.push({ name: dir, mode: '040000', type: 'tree', sha: this.buildTree(children) });
    }
    return this.putTree(direct);
  }

  /** Tree entries with full paths; recursive listings include the subtrees themselves, as GitHub's do. */
  listTree(treeSha: string, recursive: boolean, prefix = ''): PathEntry[] {
    const result: PathEntry[] = [];
    for (const entry of this.tree(treeSha) ?? []) {
      const path = prefix + entry.name;
      const size = entry.type === 'blob' ? this.blob(entry.sha)?.length : undefined;
      result.push({
        path,
        mode: entry.mode,
        type: entry.type,
        sha: entry.sha,
        ...(size === undefined ? {} : { size }),
      });
      if (recursive && entry.type === 'tree') result.push(...this.listTree(entry.sha, true, `${path}/`));
    }
    return result;
  }

  /** Whether `ancestor` is `descendant` or reachable from it through parents. */
  isAncestor(ancestor: string, descendant: string): boolean {
    const seen = new Set<string>();
    const queue = [descendant];
    while (queue.length > 0) {
      const sha = queue.pop() as string;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...(this.commit(sha)?.parents ?? []));
    }
    return false;
  }
}

/** A path is either a file or a directory: setting one replaces whatever stood in its way. */
export function setFile(files: Map<string, FlatFile>, path: string, file: FlatFile): void {
  for (const existing of [...files.keys()]) if (existing.startsWith(`${path}/`)) files.delete(existing);
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) files.delete(parts.slice(0, i).join('/'));
  files.set(path, file);
}

function hashObject(type: string, body: Buffer): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]))
    .digest('hex');
}

/** git orders tree entries by name, comparing a directory as if its name ended in '/'. */
function compareGitNames(a: TreeEntry, b: TreeEntry): number {
  const key = (entry: TreeEntry) => Buffer.from(entry.type === 'tree' ? `${entry.name}/` : entry.name);
  return Buffer.compare(key(a), key(b));
}

function signatureLine(signature: Signature): string {
  const seconds = Math.floor(Date.parse(signature.date) / 1000);
  return `${signature.name} <${signature.email}> ${seconds} +0000`;
}
