/**
 * Feeds are pulled concurrently, so their log lines interleave. This logger keeps each feed's lines
 * (those starting with `<feed>:`) and prints them as one collapsible group per feed once the pull is
 * over; warnings and other lines go out at once, so problems and progress stay live.
 */
import type { Logger } from '../logger.ts';
import { FEEDS, type Feed } from '../onepassword/feeds.ts';
import * as log from './safe-log.ts';

export class FeedGroupedLog {
  private readonly lines = new Map<Feed, string[]>();

  logger(): Logger {
    return {
      info: (message) => {
        const feed = FEEDS.find((f) => message.startsWith(`${f}:`));
        if (feed) this.lines.set(feed, [...(this.lines.get(feed) ?? []), message]);
        else log.info(message);
      },
      warning: (message) => log.warning(message),
      debug: (message) => log.debug(message),
    };
  }

  /** One group per feed, titled with its last line (the feed's totals). */
  flush(): void {
    for (const feed of FEEDS) {
      const lines = this.lines.get(feed);
      if (!lines?.length) continue;
      log.startGroup(lines[lines.length - 1]!);
      for (const line of lines) log.info(line);
      log.endGroup();
    }
    this.lines.clear();
  }
}
