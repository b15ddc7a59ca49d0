/**
 * Phase 2: is the token usable, and what may it export? An expired token is refused without a
 * request; the introspection decides the feeds and the account. Each finding opens or resolves its
 * alert issue.
 */
import { ExportError, isExportError } from '../errors.ts';
import { TOKEN_EXPIRY_WARNING_DAYS, tokenExpiry } from '../onepassword/token-expiry.ts';
import { decodeTokenClaims } from '../onepassword/token.ts';
import { assertSomeFeed, openSession, type Session } from '../pipeline.ts';
import type { ActionRun } from './run.ts';

export async function authorise(run: ActionRun, feedLogger: ActionRun['logger']): Promise<Session> {
  const { alerts, report, server } = run;
  // A token whose expiry has passed would only earn a 401: say why without asking.
  const expiry = tokenExpiry(decodeTokenClaims(run.config.token), run.startedAt);
  if (expiry.expired) {
    report.outputs.authFailed = true;
    await alerts.authFailed({ server, reason: 'expired', expiredAt: expiry.expiresAt });
    throw new ExportError(
      'auth',
      `The token expired at ${expiry.expiresAt?.toISOString()}; issue a new one in the Events Reporting integration and update the secret.`,
    );
  }

  let session: Session;
  try {
    session = await openSession(run.config, server, {
      clock: run.clock,
      logger: feedLogger,
      serverSource: run.serverSource,
    });
  } catch (error) {
    if (isExportError(error, 'auth')) {
      report.outputs.authFailed = true;
      await alerts.authFailed({ server });
    }
    throw error;
  }
  await alerts.resolve('auth-failed', 'The Events API accepted the token again.');

  if (expiry.expiringSoon && expiry.expiresAt) {
    report.warn(
      `The Events Reporting token expires on ${expiry.expiresAt.toISOString()} (in ${expiry.daysLeft} days); issue a new one and update the secret.`,
    );
    await alerts.tokenExpiring(expiry.expiresAt, expiry.daysLeft ?? 0);
  } else {
    await alerts.resolve(
      'token-expiring',
      `The token no longer expires within ${TOKEN_EXPIRY_WARNING_DAYS} days.`,
    );
  }

  const { feeds, missing, granted } = session;
  if (missing.length > 0) {
    report.warn(
      `The token does not grant ${missing.join(', ')}; exporting ${feeds.join(', ') || 'nothing'}. Issue a token with those event types in the Events Reporting integration.`,
    );
    await alerts.missingScope(missing, granted);
  } else {
    await alerts.resolve('missing-scope', `The token now grants every requested feed (${feeds.join(', ')}).`);
  }
  assertSomeFeed(session);
  alerts.setAccount(session.account);
  return session;
}
