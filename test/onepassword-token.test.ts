import { describe, expect, it } from 'vitest';
import { decodeTokenClaims } from '../src/onepassword/token.ts';

function jwt(payload: unknown): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'ES256', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`;
}

describe('decodeTokenClaims', () => {
  it('reads aud hosts, features, expiry, issue time and account', () => {
    const claims = decodeTokenClaims(
      jwt({
        aud: ['events.1password.eu'],
        '1password.com/fts': ['signinattempts', 'auditevents'],
        exp: 1_800_000_000,
        iat: 1_700_000_000,
        '1password.com/auuid': 'T2WQ6VNHX4KJ7BLZ3MDRC5FYPE',
      }),
    );
    expect(claims).toEqual({
      audHosts: ['events.1password.eu'],
      features: ['signinattempts', 'auditevents'],
      expiresAt: new Date(1_800_000_000_000),
      issuedAt: new Date(1_700_000_000_000),
      account: 'T2WQ6VNHX4KJ7BLZ3MDRC5FYPE',
    });
  });

  it('accepts a single-string aud and omits claims that are absent', () => {
    expect(decodeTokenClaims(jwt({ aud: 'events.1password.ca' }))).toEqual({
      audHosts: ['events.1password.ca'],
    });
  });

  it('ignores claims of the wrong type', () => {
    const claims = decodeTokenClaims(jwt({ aud: 42, '1password.com/fts': 'x', exp: 'soon', iat: null }));
    expect(claims).toEqual({ audHosts: [], features: ['x'] });
  });

  it.each([
    ['an empty string', ''],
    ['an opaque secret', 'ops_not-a-jwt-at-all'],
    ['two segments', 'abc.def'],
    ['a payload that is not base64url', 'abc.d$f.ghi'],
    ['a payload that is not JSON', `abc.${Buffer.from('not json').toString('base64url')}.ghi`],
    ['a payload that is a JSON array', `abc.${Buffer.from('[1,2]').toString('base64url')}.ghi`],
  ])('returns no claims for %s instead of throwing', (_name, token) => {
    expect(decodeTokenClaims(token)).toEqual({ audHosts: [] });
  });
});
