/**
 * Reads the claims of an Events Reporting token without verifying it. The exporter only needs hints
 * from it (which server, which features, when it expires); the server does the real checking.
 * Nothing here may put the token, or any part of it, into an error or a log line.
 */

export interface TokenClaims {
  /** Hosts from the `aud` claim (the events server, e.g. `events.1password.com`), in claim order. */
  audHosts: string[];
  /** Feature names from the `1password.com/fts` claim. */
  features?: string[];
  expiresAt?: Date;
  issuedAt?: Date;
  /** Account UUID, when the token names one. */
  account?: string;
}

const FEATURES_CLAIM = '1password.com/fts';
/** Claims that have been seen (or are plausible) for the account UUID, most specific first. */
const ACCOUNT_CLAIMS = ['1password.com/auuid', 'account_uuid', 'account'] as const;

/** Decodes the JWT payload. Anything that is not a readable JWT yields `{ audHosts: [] }`, never an error. */
export function decodeTokenClaims(token: string): TokenClaims {
  const payload = readPayload(token);
  if (payload === undefined) return { audHosts: [] };

  const claims: TokenClaims = { audHosts: stringList(payload['aud']) ?? [] };
  const features = stringList(payload[FEATURES_CLAIM]);
  if (features !== undefined) claims.features = features;
  const expiresAt = epochSeconds(payload['exp']);
  if (expiresAt !== undefined) claims.expiresAt = expiresAt;
  const issuedAt = epochSeconds(payload['iat']);
  if (issuedAt !== undefined) claims.issuedAt = issuedAt;
  for (const name of ACCOUNT_CLAIMS) {
    const value = payload[name];
    if (typeof value === 'string' && value !== '') {
      claims.account = value;
      break;
    }
  }
  return claims;
}

function readPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[1] === undefined || !/^[A-Za-z0-9_-]+={0,2}$/.test(parts[1]))
    return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** JWT allows a single string where a list is expected (`aud`); normalise to a list of strings. */
function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  return value.filter((entry): entry is string => typeof entry === 'string');
}

function epochSeconds(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
