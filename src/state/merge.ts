import type { ApiVersion, Feed } from '../onepassword/feeds.ts';
import { belongsTo, RECENT_UUIDS_LIMIT } from './document.ts';
import type { FeedState, StateDocument } from './document.ts';

/** What one run delivered for one feed. */
export interface FeedUpdate {
  /** Cursor after the last delivered page. */
  cursor: string;
  apiVersion: ApiVersion;
  /** uuids of the events delivered by this run, oldest first. */
  deliveredUuids: readonly string[];
  /** Timestamp of the newest delivered event, if the run delivered any. */
  newestEventTime?: string;
}

export interface StateUpdate {
  account: string;
  server: string;
  /** RFC 3339 time the document is written. */
  updatedAt: string;
  /** Run that writes it, e.g. `123456789-1`. */
  writtenBy: string;
  feeds: Partial<Record<Feed, FeedUpdate>>;
}

/**
 * The document to save after a successful delivery. Feeds the run did not touch keep their previous
 * state; updated feeds get the new cursor and their recent uuids extended with the delivered ones
 * (oldest first, duplicates dropped, only the newest RECENT_UUIDS_LIMIT kept).
 *
 * A previous document of another account or server is not carried over: its cursors mean nothing here.
 */
export function nextState(previous: StateDocument | undefined, update: StateUpdate): StateDocument {
  const carried = previous !== undefined && belongsTo(previous, update) ? previous.feeds : {};
  const feeds: Partial<Record<Feed, FeedState>> = { ...carried };
  for (const [feed, feedUpdate] of Object.entries(update.feeds) as [Feed, FeedUpdate][]) {
    const before = carried[feed];
    const newestEventTime = feedUpdate.newestEventTime ?? before?.newestEventTime;
    feeds[feed] = {
      cursor: feedUpdate.cursor,
      apiVersion: feedUpdate.apiVersion,
      savedAt: update.updatedAt,
      recentUuids: boundedRecent(before?.recentUuids ?? [], feedUpdate.deliveredUuids),
      ...(newestEventTime === undefined ? {} : { newestEventTime }),
    };
  }
  return {
    schema: 1,
    account: update.account,
    server: update.server,
    updatedAt: update.updatedAt,
    writtenBy: update.writtenBy,
    feeds,
  };
}

/** Previous then delivered uuids, each once at its newest position, only the last RECENT_UUIDS_LIMIT. */
function boundedRecent(previous: readonly string[], delivered: readonly string[]): string[] {
  const newestFirst: string[] = [];
  const seen = new Set<string>();
  for (const list of [delivered, previous]) {
    for (let i = list.length - 1; i >= 0 && newestFirst.length < RECENT_UUIDS_LIMIT; i--) {
      const uuid = list[i]!;
      if (seen.has(uuid)) continue;
      seen.add(uuid);
      newestFirst.push(uuid);
    }
  }
  return newestFirst.reverse();
}
