import { InputError } from '../errors.ts';
import { decodeTokenClaims } from './token.ts';
import { isLoopbackHost } from '../validate/loopback-host.ts';

export const DEFAULT_SERVER_URL = 'https://events.1password.com';

/** Old tokens carry this audience instead of a host; it says nothing about the server. */
const LEGACY_AUDIENCE = 'com.1password.streamingservice';
const ACCEPTED = 'use https://events.1password.com, .ca, .eu or events.ent.1password.com';

export interface ResolvedServerUrl {
  /** Origin only: scheme, host and port, no trailing slash. */
  url: string;
  source: 'input' | 'token' | 'default';
}

/**
 * Picks the Events API base URL: the `server-url` input if given, else the host in the token's `aud`
 * claim, else the US server. Error messages describe the problem without echoing the value, so a
 * token pasted into the wrong input is never printed.
 */
export function resolveServerUrl(explicit: string | undefined, token: string): ResolvedServerUrl {
  const input = explicit?.trim() ?? '';
  if (input !== '') return { url: normaliseServerUrl(input, 'server-url'), source: 'input' };

  const audience = decodeTokenClaims(token).audHosts.find(
    (host) => host.trim() !== '' && host.trim() !== LEGACY_AUDIENCE,
  );
  if (audience !== undefined) {
    const host = audience.trim();
    const candidate = host.includes('://') ? host : `https://${host}`;
    return { url: normaliseServerUrl(candidate, "the token's aud claim"), source: 'token' };
  }
  return { url: DEFAULT_SERVER_URL, source: 'default' };
}

/** Validates a base URL and reduces it to its origin. `origin` names where the value came from. */
export function normaliseServerUrl(value: string, origin = 'server-url'): string {
  const fail = (problem: string): never => {
    throw new InputError(
      'server-url',
      `${origin === 'server-url' ? '' : `${origin}: `}${problem}; ${ACCEPTED}`,
    );
  };

  let url: URL;
  try {
    url = new URL(value.replace(/\/+$/, ''));
  } catch {
    return fail('not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    fail(`the scheme must be https:// (got ${url.protocol}//)`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    fail(
      'http:// is only allowed to a loopback host (127.0.0.0/8, ::1, localhost); the Events API needs https://',
    );
  }
  if (url.username !== '' || url.password !== '') fail('the URL must not contain credentials');
  if (url.pathname !== '/' && url.pathname !== '')
    fail('the URL must not contain a path (give the server origin only)');
  if (url.search !== '' || url.hash !== '') fail('the URL must not contain a query or fragment');
  return `${url.protocol}//${url.host}`;
}

