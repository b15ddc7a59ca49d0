/** The three Events API feeds. Each is also the feature name a token must carry to read it. */
export const FEEDS = ['signinattempts', 'itemusages', 'auditevents'] as const;
export type Feed = (typeof FEEDS)[number];

export const API_VERSIONS = ['v1', 'v2'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export function isFeed(value: string): value is Feed {
  return (FEEDS as readonly string[]).includes(value);
}

/** Path of a feed's data endpoint, e.g. `/api/v2/signinattempts`. */
export function feedPath(feed: Feed, version: ApiVersion): string {
  return `/api/${version}/${feed}`;
}
