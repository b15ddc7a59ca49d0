/** Helpers shared by the Events API client and pager tests (not a test file itself). */
import type { FeedPage, FeedPager } from '../src/onepassword/pager.ts';
import type { RawEvent } from '../src/onepassword/types.ts';

export const DAY = 86_400_000;

/** Runs a pager to the end, keeping every page it handed out. */
export async function drain(pager: FeedPager): Promise<{ events: RawEvent[]; pages: FeedPage[] }> {
  const pages: FeedPage[] = [];
  for await (const page of pager.pages()) pages.push(page);
  return { events: pages.flatMap((page) => page.events), pages };
}

/** The rejection of a promise that must fail. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected the promise to reject');
}

/** Everything an error could show a reader: message, stack, JSON and own fields, down the cause chain. */
export function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    if (current instanceof Error) {
      texts.push(current.message, current.stack ?? '', String(current));
      texts.push(JSON.stringify(current, Object.getOwnPropertyNames(current)));
      current = current.cause;
    } else {
      texts.push(typeof current === 'string' ? current : JSON.stringify(current));
      break;
    }
  }
  return texts;
}

/** The token and its three JWT segments: none of them may appear anywhere. */
export function tokenFragments(token: string): string[] {
  return [token, ...token.split('.').filter((part) => part.length >= 16)];
}
