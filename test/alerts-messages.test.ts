import { tokenExpiry } from '../src/onepassword/token-expiry.ts';
import { describe, expect, it } from 'vitest';
import { alertMarker, hasAlertMarker, stampAlertMarker } from '../src/alerts/alert.ts';
import {
  authFailedAlert,
  cursorRefusedAlert,
  stuckFeedAlert,
  lostStateAlert,
  missingScopeAlert,
  tokenExpiringAlert,
} from '../src/alerts/messages.ts';

import { expectInertMarkdown, HTML_MARKDOWN } from './support/markdown-checks.ts';

const at = new Date('2026-11-20T08:30:00.000Z');
const runUrl = 'https://github.com/acme/audit/actions/runs/123456/attempts/1';
const DAY = 24 * 60 * 60 * 1000;

describe('tokenExpiry', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  const inDays = (days: number) => ({ exp: (now.getTime() + days * DAY) / 1000 });

  it('says nothing about a token without exp (1Password tokens default to never expiring)', () => {
    expect(tokenExpiry({}, now)).toEqual({ expired: false, expiringSoon: false });
    expect(tokenExpiry(undefined, now)).toEqual({ expired: false, expiringSoon: false });
    expect(tokenExpiry({ exp: 'soon' }, now)).toEqual({ expired: false, expiringSoon: false });
  });

  it('is quiet beyond 14 days and warns within them', () => {
    expect(tokenExpiry(inDays(20), now)).toMatchObject({ daysLeft: 20, expired: false, expiringSoon: false });
    expect(tokenExpiry(inDays(14.01), now)).toMatchObject({ daysLeft: 14, expiringSoon: false });
    expect(tokenExpiry(inDays(14), now)).toMatchObject({ daysLeft: 14, expiringSoon: true });
    expect(tokenExpiry(inDays(13.5), now)).toMatchObject({
      daysLeft: 13,
      expired: false,
      expiringSoon: true,
    });
    expect(tokenExpiry(inDays(0.2), now)).toMatchObject({ daysLeft: 0, expiringSoon: true });
  });

  it('reports an expired token as expired, not as expiring', () => {
    const expiry = tokenExpiry(inDays(-1), now);
    expect(expiry).toMatchObject({ expired: true, expiringSoon: false, daysLeft: 0 });
    expect(expiry.expiresAt?.toISOString()).toBe('2026-10-31T00:00:00.000Z');
  });

  it('accepts the decoded claims shape (expiresAt) as well as the raw exp', () => {
    const expiresAt = new Date(now.getTime() + 3 * DAY);
    expect(tokenExpiry({ expiresAt }, now)).toEqual({
      expiresAt,
      daysLeft: 3,
      expired: false,
      expiringSoon: true,
    });
  });
});

describe('authFailedAlert', () => {
  const facts = { at, runUrl, server: 'https://events.1password.eu', account: 'ACME', namespace: 'ns-1' };

  it('says what failed, when, where, the run, and what to check', () => {
    const alert = authFailedAlert(facts);
    expect(alert.kind).toBe('auth-failed');
    expect(alert.body).toContain('401 Unauthorized');
    expect(alert.body).toContain('`https://events.1password.eu`');
    expect(alert.body).toContain('2026-11-20T08:30:00Z');
    expect(alert.body).toContain('`ACME`');
    expect(alert.body).toContain(runUrl);
    expect(alert.body).toContain('Events Reporting');
    expect(alert.body).toContain('regenerated');
    for (const server of [
      'events.1password.com',
      'events.1password.ca',
      'events.1password.eu',
      'events.ent.1password.com',
    ]) {
      expect(alert.body).toContain(`https://${server}`);
    }
    expect(alert.body).toContain('Integrations → Events Reporting');
    expect(alert.body).toMatch(/update the repository secret/i);
    expect(alert.summary).toContain('401 Unauthorized at `https://events.1password.eu`');
    expect(hasAlertMarker(alert.body, 'auth-failed', 'ns-1')).toBe(true);
  });

  it('says when an expired token expired', () => {
    const alert = authFailedAlert({
      ...facts,
      reason: 'expired',
      expiredAt: new Date('2026-11-19T00:00:00Z'),
    });
    expect(alert.body).toContain('expired at 2026-11-19T00:00:00Z');
    expect(alert.summary).toContain('the token expired at 2026-11-19T00:00:00Z');
    expect(authFailedAlert(facts).body).not.toContain('expired at');
  });

  it('keeps the title stable across runs and times, and tells accounts apart', () => {
    const first = authFailedAlert(facts);
    const later = authFailedAlert({
      ...facts,
      at: new Date('2027-01-01T00:00:00Z'),
      runUrl: 'https://x/runs/9',
    });
    expect(later.title).toBe(first.title);
    expect(first.title).toBe('1Password events export: the Events Reporting token was refused (ACME)');
    expect(authFailedAlert({ ...facts, account: undefined }).title).toBe(
      '1Password events export: the Events Reporting token was refused',
    );
  });
});

describe('missingScopeAlert', () => {
  it('names the missing feeds, how to add them, and that the others keep running', () => {
    const alert = missingScopeAlert({
      at,
      runUrl,
      missing: ['auditevents'],
      granted: ['signinattempts', 'itemusages'],
    });
    expect(alert.kind).toBe('missing-scope');
    expect(alert.body).toContain('`auditevents` (audit events)');
    expect(alert.body).toContain('issue a new token');
    expect(alert.body).toContain('sign-in attempts, item usages, audit events');
    expect(alert.body).toContain('keep being exported');
    expect(alert.body).toContain('`events: signinattempts,itemusages`');
    expect(alert.body).toMatch(/update the repository secret/i);
    expect(alert.summary).toContain('auditevents');
  });

  it('says nothing is exported when the token grants none of the feeds', () => {
    const alert = missingScopeAlert({ at, runUrl, missing: ['signinattempts', 'auditevents'], granted: [] });
    expect(alert.body).toContain('nothing is exported');
    expect(alert.body).not.toContain('`events: ');
    expect(alert.body).not.toMatch(/\n\n\n/);
  });
});

describe('lostStateAlert', () => {
  it('explains the possible gap and how to backfill it', () => {
    const alert = lostStateAlert({
      at,
      runUrl,
      feeds: ['signinattempts', 'itemusages'],
      startTime: new Date('2026-11-19T08:30:00Z'),
      lastExportAt: new Date('2026-11-10T06:00:00Z'),
    });
    expect(alert.kind).toBe('lost-state');
    expect(alert.body).toContain(
      'Events between the last export (2026-11-10T06:00:00Z) and 2026-11-19T08:30:00Z may be missing',
    );
    expect(alert.body).toContain('workflow_dispatch');
    expect(alert.body).toContain('`start-time: 2026-11-10T06:00:00Z`');
    expect(alert.body).toContain('120 days');
    expect(alert.body).toContain('PARTITION BY uuid');
    expect(alert.body).toContain(runUrl);
  });

  it('does not claim a gap when start-time reaches back before the last export', () => {
    const alert = lostStateAlert({
      at,
      runUrl,
      feeds: ['auditevents'],
      startTime: new Date('2026-07-23T08:30:00Z'),
      lastExportAt: new Date('2026-11-10T06:00:00Z'),
    });
    expect(alert.body).not.toContain('may be missing from');
    expect(alert.body).toContain('no events should be missing');
    expect(alert.body).toContain('drop duplicates on `uuid`');
  });

  it('without the time of the last export says where to find it, with no placeholder left', () => {
    const alert = lostStateAlert({ at, runUrl, feeds: ['auditevents'], startTime: at });
    expect(alert.body).not.toMatch(/<time of|<[a-z ]+>/);
    expect(alert.body).toContain('`start-time` set to the time of the last successful export');
  });
});

describe('tokenExpiringAlert', () => {
  it('says when the token expires and what to do before it does', () => {
    const alert = tokenExpiringAlert({
      at,
      runUrl,
      expiresAt: new Date('2026-11-29T00:00:00Z'),
      daysLeft: 8,
    });
    expect(alert.kind).toBe('token-expiring');
    expect(alert.body).toContain('2026-11-29T00:00:00Z');
    expect(alert.body).toContain('in 8 days');
    expect(alert.body).toContain('Integrations → Events Reporting');
    expect(alert.summary).toBe('The Events Reporting token expires at 2026-11-29T00:00:00Z (in 8 days).');
    expect(tokenExpiringAlert({ at, runUrl, expiresAt: at, daysLeft: 0 }).body).toContain(
      'in less than a day',
    );
  });
});

describe('outside text in an alert stays text', () => {
  it('an account and a server full of HTML, Markdown, pipes and newlines', () => {
    const hostile = {
      at,
      runUrl,
      server: `https://x${HTML_MARKDOWN}`,
      account: HTML_MARKDOWN,
      namespace: 'n',
    };
    const alerts = [
      authFailedAlert(hostile),
      missingScopeAlert({ ...hostile, missing: ['itemusages'], granted: ['signinattempts'] }),
      lostStateAlert({ ...hostile, feeds: ['auditevents'], startTime: at }),
      tokenExpiringAlert({ ...hostile, expiresAt: at, daysLeft: 3 }),
    ];
    for (const alert of alerts) {
      expectInertMarkdown(alert.body);
      expectInertMarkdown(alert.summary);
      expect(alert.title).not.toMatch(/[\r\n]/);
      expect(alert.title.length).toBeLessThanOrEqual(256);
    }
    expect(alerts[0]!.body).toContain('\\<img src\\=x');
  });

  it('a title stays within the 256 characters GitHub allows', () => {
    const alert = authFailedAlert({ at, runUrl, server: 's', account: 'a'.repeat(1000) });
    expect(alert.title).toHaveLength(256);
    expect(alert.title.endsWith('…')).toBe(true);
  });
});

describe('markers', () => {
  it('separates kinds and namespaces, including one namespace that prefixes another', () => {
    const body = stampAlertMarker('text', 'auth-failed', 'acct');
    expect(hasAlertMarker(body, 'auth-failed', 'acct')).toBe(true);
    expect(hasAlertMarker(body, 'auth-failed', 'acc')).toBe(false);
    expect(hasAlertMarker(body, 'auth-failed', 'acct2')).toBe(false);
    expect(hasAlertMarker(body, 'missing-scope', 'acct')).toBe(false);
  });

  it('cannot be closed early by a namespace holding -->', () => {
    const marker = alertMarker('lost-state', 'a --> b');
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
  });

  it('replaces a builder marker with the namespace of the issue', () => {
    const alert = authFailedAlert({ at, runUrl, server: 'https://events.1password.com', namespace: 'other' });
    const stamped = stampAlertMarker(alert.body, 'auth-failed', 'mine');
    expect(hasAlertMarker(stamped, 'auth-failed', 'mine')).toBe(true);
    expect(stamped).not.toContain('ns=other');
    expect(stamped.match(/<!-- 1password-events-export/g)).toHaveLength(1);
  });
});

describe('no token reaches an alert', () => {
  it('accepts no token field, and ignores one smuggled in', () => {
    const token = 'eyJhbGciOiJFUzI1NiJ9.eyJhdWQiOlsiZXZlbnRzLjFwYXNzd29yZC5jb20iXX0.c2lnbmF0dXJl';
    const smuggled = { at, runUrl, server: 'https://events.1password.com', token } as unknown as Parameters<
      typeof authFailedAlert
    >[0];
    const alerts = [
      authFailedAlert(smuggled),
      missingScopeAlert({ ...smuggled, missing: ['auditevents'], granted: [] }),
      lostStateAlert({ ...smuggled, feeds: ['auditevents'], startTime: at }),
      tokenExpiringAlert({ ...smuggled, expiresAt: at, daysLeft: 1 }),
    ];
    for (const alert of alerts) {
      expect(JSON.stringify(alert)).not.toContain(token);
      expect(JSON.stringify(alert)).not.toContain(token.split('.')[2]);
    }
    // @ts-expect-error the builders have no parameter that could carry a token
    authFailedAlert({ at, runUrl, server: 'https://events.1password.com', token });
  });
});

describe('stuckFeedAlert', () => {
  it('names the feed, what the server did, that the others were exported and nothing is lost', () => {
    const alert = stuckFeedAlert({
      at,
      runUrl,
      server: 'https://events.1password.com',
      namespace: 'ns-1',
      feeds: ['signinattempts'],
      detail: 'has_more: true 5 times in a row without moving the cursor',
    });
    expect(alert.kind).toBe('stuck-feed');
    expect(hasAlertMarker(alert.body, 'stuck-feed', 'ns-1')).toBe(true);
    expect(alert.body).toContain('`signinattempts` (sign-in attempts)');
    expect(alert.body).toContain('has_more: true 5 times in a row without moving the cursor');
    expect(alert.body).toContain('The other feeds were exported');
    expect(alert.body).toContain('Nothing is lost');
    expect(alert.body).toContain(runUrl);
    expect(alert.summary).toContain('signinattempts');
  });
});

describe('cursorRefusedAlert', () => {
  it('names the restart point and that late events older than it may be missing', () => {
    const alert = cursorRefusedAlert({
      at,
      runUrl,
      namespace: 'ns-1',
      feeds: ['auditevents'],
      restartFrom: new Date('2026-11-19T23:59:58.123Z'),
      fromNewestEvent: true,
    });
    expect(alert.kind).toBe('cursor-refused');
    expect(hasAlertMarker(alert.body, 'cursor-refused', 'ns-1')).toBe(true);
    expect(alert.body).toContain('400 Bad Request');
    expect(alert.body).toContain('the newest event it had exported (2026-11-19T23:59:58Z)');
    expect(alert.body).toContain('with a time older than 2026-11-19T23:59:58Z, may be missing');
    expect(alert.body).toContain('| Restarted from | 2026-11-19T23:59:58Z |');
    expect(alert.summary).toBe(
      'The Events API refused the saved cursor of `auditevents` (audit events); restarted from 2026-11-19T23:59:58Z.',
    );
  });

  it('says when it had to fall back to start-time', () => {
    const alert = cursorRefusedAlert({
      at,
      runUrl,
      feeds: ['itemusages'],
      restartFrom: new Date('2026-08-01T00:00:00Z'),
      fromNewestEvent: false,
    });
    expect(alert.body).toContain(
      '`start-time` (2026-08-01T00:00:00Z), because the saved state held no event time',
    );
    expect(alert.body).toContain('may be exported twice');
  });
});
