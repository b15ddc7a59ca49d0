import { ExportError } from '../errors.ts';
import { resolveBranch } from '../github/repository.ts';
import { describeGitHubError, httpStatusOf } from '../github/request-error.ts';
import { repoStatePath, type StorageTarget } from '../github/storage-layout.ts';
import type { StateDocument } from './document.ts';
import { MAX_STATE_BYTES, readStateDocument } from './parse.ts';
import type { StateRead, StateStore } from './store.ts';

export type RepoStateStoreOptions = StorageTarget;

/**
 * The state committed with the data in the storage repository (`<storagePath>/_state/state.json` at
 * the branch head). It is the authoritative copy in repo mode, so read failures are errors, not
 * misses; a document that fails validation is ignored with a warning. Saving happens in the repo sink's commit, which carries the state next to the files.
 */
export class RepoStateStore implements StateStore {
  readonly name = 'repo' as const;
  private readonly options: RepoStateStoreOptions;

  constructor(options: RepoStateStoreOptions) {
    this.options = options;
  }

  /** The valid committed document, or undefined (none, or refused after a warning). */
  async load(): Promise<StateDocument | undefined> {
    const read = await this.read();
    if (read.status === 'refused')
      this.options.logger.warning(`Ignoring the state in ${read.origin}: ${read.reason}.`);
    return read.status === 'found' ? read.doc : undefined;
  }

  async read(): Promise<StateRead> {
    const { octokit, owner, repo } = this.options;
    const path = repoStatePath(this.options.storagePath);
    const branch = await resolveBranch(octokit, { owner, repo }, this.options.branch);
    const origin = `${owner}/${repo}@${branch}:${path}`;
    let data: unknown;
    try {
      ({ data } = await octokit.rest.repos.getContent({
        owner,
        repo,
        path,
        ref: branch,
      }));
    } catch (error) {
      // 404: no such file yet, no such branch yet, or an empty repository. All mean "no state".
      if (httpStatusOf(error) === 404) return { status: 'absent' };
      throw new ExportError(
        'delivery',
        `Could not read the state ${origin}: ${describeGitHubError(error)}.`,
        {
          status: httpStatusOf(error),
        },
      );
    }
    const content = contentBytes(data, origin);
    const reading =
      typeof content === 'string' ? { ok: false as const, reason: content } : readStateDocument(content);
    return reading.ok
      ? { status: 'found', doc: reading.doc, origin }
      : { status: 'refused', origin, reason: reading.reason };
  }

  save(): Promise<{ saved: boolean; detail: string }> {
    return Promise.resolve({
      saved: true,
      detail: 'saved in the storage repository commit, together with the data',
    });
  }
}

/**
 * The file's bytes from the JSON form of the contents API, which states the size before any content:
 * a file past MAX_STATE_BYTES is refused unread (GitHub leaves `content` empty above 1 MB anyway).
 * A string is the reason the response is not a usable state file.
 */
function contentBytes(data: unknown, origin: string): Buffer | string {
  const file = data as { type?: unknown; size?: unknown; content?: unknown; encoding?: unknown } | null;
  if (file?.type !== 'file' || typeof file.size !== 'number') {
    throw new ExportError('delivery', `Could not read the state ${origin}: the response was not a file.`);
  }
  if (file.size > MAX_STATE_BYTES) {
    return `it is ${file.size} bytes, more than the ${MAX_STATE_BYTES} a state document can be`;
  }
  if (typeof file.content !== 'string' || file.encoding !== 'base64') {
    throw new ExportError('delivery', `Could not read the state ${origin}: the response held no content.`);
  }
  return Buffer.from(file.content, 'base64');
}
