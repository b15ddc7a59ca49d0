/**
 * The generator's events follow the reference schemas exactly, reach every enum value, and carry the
 * awkward-but-real shapes (precisions, offsets, nulls, missing and unknown fields) at testable rates.
 * No HTTP: the generator is used directly.
 */
import { describe, expect, it } from 'vitest';
import type { Feed } from '../src/onepassword/feeds.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  ITEM_USAGE_ACTIONS,
  SIGN_IN_CATEGORIES,
  SIGN_IN_TYPES,
  defaultAccountUuid,
  generateEvents,
} from './sim/events-api/generator.ts';

const TO = new Date('2026-11-01T00:00:00Z');
const FROM = new Date(TO.getTime() - 14 * 86_400_000);
// The documented shapes, as the idealised mode makes them; real mode is tested in events-api-sim-realism.test.ts.
const options = { seed: 42, from: FROM, to: TO, realism: 'idealised' as const };

// One shared sample per feed keeps the file fast.
const sample: Record<Feed, RawEvent[]> = {
  auditevents: generateEvents('auditevents', 30_000, options),
  itemusages: generateEvents('itemusages', 20_000, options),
  signinattempts: generateEvents('signinattempts', 20_000, options),
};
const all = Object.values(sample).flat();

const UPPER_UUID = /^[A-Z2-7]{26}$/;
const LOWER_UUID = /^[a-z2-7]{26}$/;
const AUDIT_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}(Z|[+-]\d\d:\d\d)$/;
const ITEM_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(Z|[+-]\d\d:\d\d)$/;
const SIGN_IN_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;

const KNOWN_EXTRAS = ['risk_score', 'device_posture'];
const SCHEMA: Record<Feed, { required: string[]; optional: string[] }> = {
  auditevents: {
    required: [
      'uuid',
      'timestamp',
      'actor_uuid',
      'actor_details',
      'actor_type',
      'actor_account_uuid',
      'account_uuid',
      'action',
      'object_type',
      'object_uuid',
      'session',
    ],
    optional: ['object_details', 'aux_id', 'aux_uuid', 'aux_details', 'aux_info', 'location'],
  },
  itemusages: {
    required: ['uuid', 'timestamp', 'used_version', 'vault_uuid', 'item_uuid', 'action', 'user', 'client'],
    optional: ['location', 'account_uuid'],
  },
  signinattempts: {
    required: [
      'uuid',
      'session_uuid',
      'timestamp',
      'category',
      'type',
      'country',
      'details',
      'target_user',
      'client',
    ],
    optional: ['location', 'account_uuid'],
  },
};
const CLIENT_FIELDS = [
  'app_name',
  'app_version',
  'platform_name',
  'platform_version',
  'os_name',
  'os_version',
  'ip_address',
];
const LOCATION_FIELDS = ['country', 'region', 'city', 'latitude', 'longitude'];

const values = (events: RawEvent[], key: string) => new Set(events.map((event) => event[key]));
const share = (events: RawEvent[], test: (event: RawEvent) => boolean) =>
  events.filter(test).length / events.length;

/**
 * What is wrong with an event against its schema (empty when nothing). Collected as strings and
 * asserted once per feed: an `expect` per field of 70,000 events would be slow.
 */
function schemaProblems(feed: Feed, event: RawEvent): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${feed} ${event.uuid}: ${what}`);
  };
  const { required, optional } = SCHEMA[feed];
  const keys = Object.keys(event).filter((key) => !KNOWN_EXTRAS.includes(key));
  for (const key of required) check(keys.includes(key), `missing ${key}`);
  for (const key of keys) check([...required, ...optional].includes(key), `unexpected ${key}`);
  check(UPPER_UUID.test(event.uuid), 'uuid');

  const user = (value: unknown, v2Allowed: boolean, name: string) => {
    const u = value as Record<string, unknown>;
    check(UPPER_UUID.test(String(u.uuid)) && typeof u.name === 'string', `${name} uuid/name`);
    check(/^[a-z0-9.-]+@[a-z0-9.-]+$/.test(String(u.email)), `${name} email`);
    const fields = Object.keys(u).join();
    const v2 = fields === 'uuid,name,email,user_type,user_account_uuid';
    check(fields === 'uuid,name,email' || (v2Allowed && v2), `${name} fields ${fields}`);
    if (v2) check(['user', 'external_user'].includes(String(u.user_type)), `${name} user_type`);
    if (v2) check(UPPER_UUID.test(String(u.user_account_uuid)), `${name} user_account_uuid`);
  };
  const client = (value: unknown) => {
    const c = value as Record<string, unknown>;
    for (const field of CLIENT_FIELDS) check(typeof c[field] === 'string', `client.${field}`);
    check(/^(\d+\.\d+\.\d+\.\d+|[0-9a-f:]+)$/.test(String(c.ip_address)), 'client.ip_address');
  };
  if (event.location !== undefined) {
    const l = event.location as Record<string, unknown>;
    for (const field of LOCATION_FIELDS.slice(0, 3)) check(typeof l[field] === 'string', `location.${field}`);
    for (const field of LOCATION_FIELDS.slice(3)) check(typeof l[field] === 'number', `location.${field}`);
    check(Math.abs(l.latitude as number) <= 90 && Math.abs(l.longitude as number) <= 180, 'coordinates');
  }

  if (feed === 'auditevents') {
    check(AUDIT_TIME.test(event.timestamp), `timestamp ${event.timestamp}`);
    user(event.actor_details, true, 'actor_details');
    check(event.actor_uuid === (event.actor_details as { uuid?: string }).uuid, 'actor_uuid');
    check(['user', 'external_user'].includes(String(event.actor_type)), 'actor_type');
    check(typeof event.object_uuid === 'string', 'object_uuid');
    if (event.object_details !== undefined) user(event.object_details, false, 'object_details');
    if (event.aux_details !== undefined) {
      user(event.aux_details, false, 'aux_details');
      check(event.aux_uuid === (event.aux_details as { uuid?: string }).uuid, 'aux_uuid of aux_details');
    }
    if (event.aux_id !== undefined)
      check(Number.isInteger(event.aux_id) && Number(event.aux_id) > 0, 'aux_id');
    if (event.aux_info !== undefined) check(typeof event.aux_info === 'string', 'aux_info');
    const session = event.session as Record<string, unknown>;
    const sessionKeys = Object.keys(session).filter((key) => key !== 'auth_method');
    check(sessionKeys.join() === 'uuid,login_time,device_uuid,ip', 'session fields');
    check(AUDIT_TIME.test(String(session.login_time)), 'session.login_time');
    check(LOWER_UUID.test(String(session.device_uuid)), 'session.device_uuid');
  }
  if (feed === 'itemusages') {
    check(ITEM_TIME.test(event.timestamp), `timestamp ${event.timestamp}`);
    check(Number.isInteger(event.used_version), 'used_version');
    check(
      LOWER_UUID.test(String(event.vault_uuid)) && LOWER_UUID.test(String(event.item_uuid)),
      'vault/item',
    );
    user(event.user, true, 'user');
    client(event.client);
  }
  if (feed === 'signinattempts') {
    check(SIGN_IN_TIME.test(event.timestamp), `timestamp ${event.timestamp}`);
    check(UPPER_UUID.test(String(event.session_uuid)), 'session_uuid');
    check(typeof event.country === 'string', 'country');
    user(event.target_user, true, 'target_user');
    client(event.client);
    const details = event.details as { value?: unknown } | null;
    if (String(event.category).startsWith('firewall')) {
      check(
        details !== null && Object.keys(details).join() === 'value' && typeof details.value === 'string',
        'details',
      );
    } else {
      check(details === null, 'details should be null');
    }
  }
  return problems;
}

describe('schemas', () => {
  it.each(['auditevents', 'itemusages', 'signinattempts'] as const)(
    '%s events have exactly the documented fields and types',
    (feed) => {
      expect(sample[feed].flatMap((event) => schemaProblems(feed, event))).toEqual([]);
    },
  );

  it('puts object_details only on user objects and aux_details only with an aux user', () => {
    for (const event of sample.auditevents) {
      if (event.object_details !== undefined) expect(event.object_type).toBe('user');
      if (event.object_details !== undefined)
        expect(event.object_uuid).toBe((event.object_details as { uuid: string }).uuid);
    }
    const withAuxId = share(sample.auditevents, (e) => e.aux_id !== undefined);
    expect(withAuxId).toBeGreaterThan(0.05);
    expect(withAuxId).toBeLessThan(0.5);
    expect(
      share(sample.auditevents, (e) => e.aux_uuid === undefined && e.aux_id === undefined),
    ).toBeGreaterThan(0.05);
  });

  it('uses real coordinates for the cities', () => {
    const toronto = sample.itemusages.find((e) => (e.location as { city?: string })?.city === 'Toronto');
    expect(toronto?.location).toEqual({
      country: 'CA',
      region: 'Ontario',
      city: 'Toronto',
      latitude: 43.6532,
      longitude: -79.3832,
    });
  });
});

describe('enum coverage', () => {
  it('reaches every audit action and object type', () => {
    expect([...values(sample.auditevents, 'action')].sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect([...values(sample.auditevents, 'object_type')].sort()).toEqual([...AUDIT_OBJECT_TYPES].sort());
    expect(values(sample.auditevents, 'actor_type')).toEqual(new Set(['user', 'external_user']));
  });

  it('reaches every item usage action', () => {
    expect([...values(sample.itemusages, 'action')].sort()).toEqual([...ITEM_USAGE_ACTIONS].sort());
  });

  it('reaches every sign-in category and type, u2f_timeout and federated included', () => {
    expect([...values(sample.signinattempts, 'category')].sort()).toEqual([...SIGN_IN_CATEGORIES].sort());
    const types = values(sample.signinattempts, 'type');
    expect([...types].sort()).toEqual([...SIGN_IN_TYPES].sort());
    expect(types.has('u2f_timeout') && types.has('federated')).toBe(true);
  });

  it('is realistic: mostly successful sign-ins, mostly fills', () => {
    expect(share(sample.signinattempts, (e) => e.category === 'success')).toBeGreaterThan(0.7);
    expect(share(sample.itemusages, (e) => e.action === 'fill')).toBeGreaterThan(0.35);
  });
});

describe('awkward but real shapes', () => {
  it('stamps some events in non-UTC offsets (-03:00, +09:00 among them)', () => {
    const offsets = new Set(all.map((e) => /([+-]\d\d:\d\d)$/.exec(e.timestamp)?.[1]).filter(Boolean));
    expect(offsets).toContain('-03:00');
    expect(offsets).toContain('+09:00');
    const local = share(all, (e) => !e.timestamp.endsWith('Z'));
    expect(local).toBeGreaterThan(0.005);
    expect(local).toBeLessThan(0.05);
  });

  it('leaves out the location sometimes', () => {
    for (const feed of ['auditevents', 'itemusages', 'signinattempts'] as const) {
      const missing = share(sample[feed], (e) => e.location === undefined);
      expect(missing, feed).toBeGreaterThan(0.01);
      expect(missing, feed).toBeLessThan(0.1);
    }
  });

  it('adds the MSP-only fields sometimes, with external users among them', () => {
    for (const feed of ['itemusages', 'signinattempts'] as const) {
      const msp = sample[feed].filter((e) => e.account_uuid !== undefined);
      expect(msp.length / sample[feed].length, feed).toBeGreaterThan(0.03);
      expect(msp.length / sample[feed].length, feed).toBeLessThan(0.2);
      const users = msp.map(
        (e) => (feed === 'itemusages' ? e.user : e.target_user) as Record<string, unknown>,
      );
      expect(users.every((u) => u.user_type !== undefined)).toBe(true);
      expect(users.some((u) => u.user_type === 'external_user')).toBe(true);
    }
    const external = sample.auditevents.filter((e) => e.actor_type === 'external_user');
    expect(external.length).toBeGreaterThan(0);
    for (const event of external) expect(event.actor_account_uuid).not.toBe(event.account_uuid);
  });

  it('adds unknown fields sometimes, at the top level and inside nested objects', () => {
    const topLevel = all.filter((e) => KNOWN_EXTRAS.some((key) => key in e));
    expect(topLevel.length).toBeGreaterThan(100);
    expect(topLevel.some((e) => typeof e.risk_score === 'number')).toBe(true);
    expect(topLevel.some((e) => typeof e.device_posture === 'object')).toBe(true);
    const nested = all.filter(
      (e) =>
        (e.client as Record<string, unknown> | undefined)?.browser_engine !== undefined ||
        (e.location as Record<string, unknown> | undefined)?.accuracy_radius_km !== undefined ||
        (e.session as Record<string, unknown> | undefined)?.auth_method !== undefined,
    );
    expect(nested.length).toBeGreaterThan(50);
    expect(topLevel.length / all.length).toBeLessThan(0.02);
  });

  it('includes non-ASCII names (so byte and character lengths differ)', () => {
    expect(sample.itemusages.some((e) => /[^ -~]/.test((e.user as { name: string }).name))).toBe(true);
  });
});

describe('identity, time and determinism', () => {
  it('gives every event a unique uuid, across feeds, streams and seeds', () => {
    const more = [
      ...generateEvents('itemusages', 20_000, { ...options, stream: 1 }),
      ...generateEvents('itemusages', 20_000, { ...options, seed: 43 }),
    ];
    const uuids = [...all, ...more].map((e) => e.uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('is deterministic for a seed and stream, and different for another stream', () => {
    expect(generateEvents('auditevents', 200, options)).toEqual(generateEvents('auditevents', 200, options));
    const a = generateEvents('signinattempts', 50, { ...options, stream: 'x' });
    expect(generateEvents('signinattempts', 50, { ...options, stream: 'x' })).toEqual(a);
    expect(generateEvents('signinattempts', 50, { ...options, stream: 'y' })[0]!.uuid).not.toBe(a[0]!.uuid);
  });

  it('spreads on-time events over the range in ingest (timestamp) order, shaped by working hours', () => {
    const times = sample.itemusages.map((e) => Date.parse(e.timestamp));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(FROM.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(TO.getTime());
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    const hour = (t: number) => new Date(t).getUTCHours();
    const office = times.filter((t) => hour(t) >= 14 && hour(t) < 20).length; // 9-15 at UTC-5
    const night = times.filter((t) => hour(t) >= 5 && hour(t) < 11).length; // 0-6 at UTC-5
    expect(office).toBeGreaterThan(4 * night);
  });

  it('places late arrivals before `from`, at the requested rate', () => {
    const events = generateEvents('itemusages', 10_000, { ...options, late: 0.1 });
    const late = events.filter((e) => Date.parse(e.timestamp) < FROM.getTime());
    expect(late.length / events.length).toBeGreaterThan(0.08);
    expect(late.length / events.length).toBeLessThan(0.12);
    for (const event of late)
      expect(FROM.getTime() - Date.parse(event.timestamp)).toBeLessThanOrEqual(72 * 3_600_000);
  });

  it('uses the given account for the account fields', () => {
    expect(new Set(sample.auditevents.map((e) => e.account_uuid))).toEqual(new Set([defaultAccountUuid(42)]));
    const other = generateEvents('auditevents', 20, {
      ...options,
      accountUuid: 'T2WQ6VNHX4KJ7BLZ3MDRC5FYPE',
    });
    expect(new Set(other.map((e) => e.account_uuid))).toEqual(new Set(['T2WQ6VNHX4KJ7BLZ3MDRC5FYPE']));
  });
});
