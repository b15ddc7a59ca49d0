/**
 * Events Reporting bearer tokens: JWT-shaped (ES256 header, `aud` and `1password.com/fts` claims as
 * 1Password's own client reads them), remembered by the simulator so that only tokens it issued, not
 * revoked and not expired, are accepted. The signature is an HMAC stand-in: nobody verifies it.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { FEEDS, type Feed } from '../../../src/onepassword/feeds.ts';

export interface IssueTokenOptions {
  features?: Feed[];
  account?: string;
  /** Host put into `aud` (default `events.1password.com`, as a real US-region token). */
  audHost?: string;
  issuedAt?: Date;
  expiresAt?: Date;
  integrationUuid?: string;
}

export interface TokenRecord {
  features: Feed[];
  account: string;
  integrationUuid: string;
  issuedAt: number;
  expiresAt?: number;
  revoked: boolean;
  /** Stable, non-reversible id of the token for logs and per-token rate limits. */
  hash: string;
}

export interface TokenDefaults {
  account: string;
  integrationUuid: string;
  now: () => number;
}

export class TokenRegistry {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly secret = randomBytes(32);

  constructor(private readonly defaults: TokenDefaults) {}

  issue(options: IssueTokenOptions = {}): string {
    const issuedAt = options.issuedAt?.getTime() ?? this.defaults.now();
    const features = [...(options.features ?? FEEDS)];
    const account = options.account ?? this.defaults.account;
    const integrationUuid = options.integrationUuid ?? this.defaults.integrationUuid;
    const header = { alg: 'ES256', kid: randomBase32(26), typ: 'JWT' };
    const payload: Record<string, unknown> = {
      '1password.com/auuid': account,
      '1password.com/fts': features,
      aud: [options.audHost ?? 'events.1password.com'],
      iss: 'com.1password.b5',
      sub: integrationUuid,
      iat: Math.floor(issuedAt / 1000),
      jti: randomBase32(26),
    };
    if (options.expiresAt) payload.exp = Math.floor(options.expiresAt.getTime() / 1000);
    const signingInput = `${base64urlJson(header)}.${base64urlJson(payload)}`;
    // ES256 signatures are 64 bytes; an HMAC-SHA512 has the same length and shape.
    const signature = createHmac('sha512', this.secret).update(signingInput).digest('base64url');
    const token = `${signingInput}.${signature}`;
    this.tokens.set(token, {
      features,
      account,
      integrationUuid,
      issuedAt,
      ...(options.expiresAt ? { expiresAt: options.expiresAt.getTime() } : {}),
      revoked: false,
      hash: tokenHash(token),
    });
    return token;
  }

  revoke(token: string): void {
    const record = this.tokens.get(token);
    if (record) record.revoked = true;
  }

  /** The record behind a live bearer token, or undefined (unknown, malformed, revoked, expired). */
  authenticate(token: string | undefined, now: number): TokenRecord | undefined {
    if (token === undefined) return undefined;
    const record = this.tokens.get(token);
    if (!record || record.revoked) return undefined;
    if (record.expiresAt !== undefined && now >= record.expiresAt) return undefined;
    return record;
  }
}

/** The token of an `Authorization: Bearer <token>` header, if the header has that form. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** What logs keep instead of a token: 16 hex digits of its SHA-256. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function randomBase32(length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  for (const byte of randomBytes(length)) out += alphabet[byte & 31]!;
  return out;
}
