import type { ApiVersion, Feed } from '../onepassword/feeds.ts';

/**
 * The state the exporter carries from one run to the next, one document per account and server.
 * It moves forward only after the run's files were delivered.
 */
export interface StateDocument {
  schema: 1;
  account: string;
  server: string;
  /** When this document was written (RFC 3339). Newest wins when several stores hold a copy. */
  updatedAt: string;
  /** Run that wrote it, e.g. `123456789-1`. */
  writtenBy: string;
  feeds: Partial<Record<Feed, FeedState>>;
}

export interface FeedState {
  /** Opaque Events API cursor: the position after the last delivered page. */
  cursor: string;
  apiVersion: ApiVersion;
  savedAt: string;
  /** uuids of the newest delivered events (bounded), to drop repeats at the edges. */
  recentUuids: string[];
  /** Timestamp (as the API sent it) of the newest delivered event, if any. */
  newestEventTime?: string;
}

/** How many recent uuids a feed keeps: two full pages covers any overlap a resumed cursor can cause. */
export const RECENT_UUIDS_LIMIT = 2000;

/** Who a state document belongs to: its cursors only mean something to that account and server. */
export interface StateOwner {
  account: string;
  server: string;
}

/** True when `doc` was written for `owner` (the one rule every store and sink applies). */
export function belongsTo(doc: StateOwner, owner: StateOwner): boolean {
  return doc.account === owner.account && doc.server === owner.server;
}
