import { InputError } from '../errors.ts';
import { decodeTokenClaims } from './token.ts';
import { isLoopbackHost } from '../validate/loopback-host.ts';

export const DEFAULT_SERVER_URL = 'https://events.1password.com';

/** Old tokens carry this audience instead of a host; it says nothing about the server. */
const LEGACY_AUDIENCE = 'com.1password.streamingservice';
const ACCEPTED = 'use https://events.1password.com, .ca, .eu or events.ent.1password.com';
/** The Events API hosts: the only places a server read from the (unverified) token may send it. */
export const EVENTS_API_HOSTS = [
  'events.1password.com',
  'events.1password.ca',
  'events.1password.eu',
  'events.ent.1password.com',
] as const;

export interface ResolvedServerUrl {
  /** Origin only: scheme, host and port, no trailing slash. */
  url: string;
  source: 'input' | 'token' | 'default';
}

/**
 * Picks the Events API base URL: the `server-url` input if given, else the host in the token's `aud`
 * claim, else the US server. Error messages describe the problem without echoing the value, so a
 * token pasted into the wrong input is never printed.
 *
 * The token's claims are not verified by us, so a host taken from them must be one of the Events API
 * hosts: anyone who can hand over a crafted token must not be able to make the run send it elsewhere.
 * An explicit server-url is the user's own choice and only has to be well formed. `setting` is how the
 * user names the server in messages (`server-url` in the action, `--server-url` in the CLI).
 */
export function resolveServerUrl(
  explicit: string | undefined,
  token: string,
  setting = 'server-url',
): ResolvedServerUrl {
  const input = explicit?.trim() ?? '';
  if (input !== '') return { url: normaliseServerUrl(input, 'server-url', setting), source: 'input' };

  const audience = decodeTokenClaims(token).audHosts.find(
    (host) => host.trim() !== '' && host.trim() !== LEGACY_AUDIENCE,
  );
  if (audience !== undefined) {
    const host = audience.trim();
    const candidate = host.includes('://') ? host : `https://${host}`;
    const url = normaliseServerUrl(candidate, "the token's aud claim", setting);
    if (!(EVENTS_API_HOSTS as readonly string[]).includes(url.replace(/^https:\/\//, ''))) {
      throw new InputError(
        setting,
        `the token names a server that is not a 1Password Events API host, so the token is not sent there; set ${setting} to your account's Events API URL (${ACCEPTED.replace(/^use /, '')})`,
      );
    }
    return { url, source: 'token' };
  }
  return { url: DEFAULT_SERVER_URL, source: 'default' };
}

/** Validates a base URL and reduces it to its origin. `origin` names where the value came from. */
export function normaliseServerUrl(value: string, origin = 'server-url', setting = 'server-url'): string {
  const fail = (problem: string): never => {
    throw new InputError(setting, `${origin === 'server-url' ? '' : `${origin}: `}${problem}; ${ACCEPTED}`);
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
