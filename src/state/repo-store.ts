import { ExportError } from '../errors.ts';
import { resolveBranch } from '../github/repository.ts';
import { describeGitHubError, httpStatusOf } from '../github/request-error.ts';
import { repoStatePath, type StorageTarget } from '../github/storage-layout.ts';
import type { StateDocument } from './document.ts';
import { parseStateDocument } from './parse.ts';
import type { StateStore } from './store.ts';

export type RepoStateStoreOptions = StorageTarget;

/**
 * The state committed with the data in the storage repository (`<storagePath>/_state/state.json` at
 * the branch head). It is the authoritative copy in repo mode, so read failures are errors, not
 * misses. Saving happens in the repo sink's commit, which carries the state next to the files.
 */
export class RepoStateStore implements StateStore {
  readonly name = 'repo' as const;
  private readonly options: RepoStateStoreOptions;

  constructor(options: RepoStateStoreOptions) {
    this.options = options;
  }

  async load(): Promise<StateDocument | undefined> {
    const { octokit, owner, repo, logger } = this.options;
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
        mediaType: { format: 'raw' },
      }));
    } catch (error) {
      // 404: no such file yet, no such branch yet, or an empty repository. All mean "no state".
      if (httpStatusOf(error) === 404) return undefined;
      throw new ExportError(
        'delivery',
        `Could not read the state ${origin}: ${describeGitHubError(error)}.`,
        {
          status: httpStatusOf(error),
        },
      );
    }
    return parseStateDocument(contentText(data, origin), origin, logger);
  }

  save(): Promise<{ saved: boolean; detail: string }> {
    return Promise.resolve({
      saved: true,
      detail: 'saved in the storage repository commit, together with the data',
    });
  }
}

/**
 * The raw media type gives the bytes (Octokit hands them over as text or an ArrayBuffer, depending on
 * the content type); a server that ignores it sends the base64 JSON form.
 */
function contentText(data: unknown, origin: string): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  const file = data as { type?: unknown; content?: unknown; encoding?: unknown } | null;
  if (file?.type === 'file' && typeof file.content === 'string' && file.encoding === 'base64') {
    return Buffer.from(file.content, 'base64').toString('utf8');
  }
  throw new ExportError('delivery', `Could not read the state ${origin}: the response was not a file.`);
}
