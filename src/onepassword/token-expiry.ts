/** A token this close to its `exp` gets a `token-expiring` alert. */
export const TOKEN_EXPIRY_WARNING_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TokenExpiry {
  /** From the JWT `exp` claim; absent when the token has none (1Password's default is "Never"). */
  expiresAt?: Date;
  /** Whole days left before `expiresAt` (rounded down, 0 on the last day); absent without `exp`. */
  daysLeft?: number;
  expired: boolean;
  /** Not yet expired, but within TOKEN_EXPIRY_WARNING_DAYS. */
  expiringSoon: boolean;
}

/**
 * Reads the expiry from already-decoded JWT claims: `expiresAt` as decodeTokenClaims gives it, or the
 * raw `exp` (seconds). It takes the claims, never the token, so no alert is built from the secret.
 */
export function tokenExpiry(claims: { expiresAt?: Date; exp?: unknown } | undefined, now: Date): TokenExpiry {
  const expiresAt = claims?.expiresAt ?? fromEpochSeconds(claims?.exp);
  if (expiresAt === undefined || Number.isNaN(expiresAt.getTime()))
    return { expired: false, expiringSoon: false };
  const msLeft = expiresAt.getTime() - now.getTime();
  const expired = msLeft <= 0;
  return {
    expiresAt,
    daysLeft: expired ? 0 : Math.floor(msLeft / DAY_MS),
    expired,
    expiringSoon: !expired && msLeft <= TOKEN_EXPIRY_WARNING_DAYS * DAY_MS,
  };
}

function fromEpochSeconds(exp: unknown): Date | undefined {
  return typeof exp === 'number' && Number.isFinite(exp) ? new Date(exp * 1000) : undefined;
}
