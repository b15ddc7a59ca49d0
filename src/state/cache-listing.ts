import type { Octokit } from '@octokit/rest';

/** Keys listed at most: a page of the REST listing is plenty for the entries a restore may try. */
const PAGE_SIZE = 100;

/**
 * Lists the keys of this repository's Actions cache entries that start with a prefix, newest first
 * (REST API, `actions: read`), on the ref the run reads its cache from. The cache service itself only
 * ever returns the newest match of a prefix; this lets a restore look past a newest entry it cannot
 * trust (src/state/cache-store.ts).
 */
export function cacheKeyLister(
  octokit: Octokit,
  repository: { owner: string; repo: string },
  ref?: string,
): (prefix: string) => Promise<string[]> {
  return async (prefix) => {
    const { data } = await octokit.rest.actions.getActionsCacheList({
      ...repository,
      key: prefix,
      ...(ref ? { ref } : {}),
      sort: 'created_at',
      direction: 'desc',
      per_page: PAGE_SIZE,
    });
    return data.actions_caches.flatMap((entry) =>
      typeof entry.key === 'string' && entry.key.startsWith(prefix) ? [entry.key] : [],
    );
  };
}
