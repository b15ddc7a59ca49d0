import { describe, expect, it } from 'vitest';
import { FEEDS, type Feed } from '../src/onepassword/feeds.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import { flattenEvent, SCHEMAS, unflattenRow } from '../src/output/schema.ts';
import {
  AUDIT_CASES,
  AUDIT_EXAMPLE,
  ITEM_USAGE_CASES,
  ITEM_USAGE_EXAMPLE,
  SIGNIN_CASES,
  SIGNIN_EXAMPLE,
  type Case,
} from './fixtures/output/events.ts';
import { expectedMicros } from './fixtures/output/readback.ts';

const CASES: Record<Feed, Case[]> = {
  signinattempts: SIGNIN_CASES,
  itemusages: ITEM_USAGE_CASES,
  auditevents: AUDIT_CASES,
};

const columnTypes = (feed: Feed) => Object.fromEntries(SCHEMAS[feed].map((c) => [c.name, c.type]));

describe('SCHEMAS', () => {
  it('gives every feed uuid, timestamp and extra, with unique snake_case names', () => {
    for (const feed of FEEDS) {
      const names = SCHEMAS[feed].map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names[0]).toBe('uuid');
      expect(names.at(-1)).toBe('extra');
      expect(columnTypes(feed)).toMatchObject({ uuid: 'string', timestamp: 'timestamp', extra: 'string' });
      for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('types the documented fields', () => {
    expect(columnTypes('signinattempts')).toMatchObject({
      session_uuid: 'string',
      details_value: 'string',
      target_user_email: 'string',
      target_user_user_type: 'string',
      target_user_user_account_uuid: 'string',
      client_ip_address: 'string',
      location_country: 'string',
      location_latitude: 'double',
      location_longitude: 'double',
      account_uuid: 'string',
    });
    expect(columnTypes('itemusages')).toMatchObject({
      used_version: 'int64',
      user_email: 'string',
      client_os_version: 'string',
      account_uuid: 'string',
    });
    expect(columnTypes('auditevents')).toMatchObject({
      actor_details_user_type: 'string',
      actor_type: 'string',
      actor_account_uuid: 'string',
      object_details_email: 'string',
      aux_id: 'int64',
      aux_details_name: 'string',
      session_login_time: 'timestamp',
      session_device_uuid: 'string',
      location_city: 'string',
    });
    expect(SCHEMAS.itemusages.map((c) => c.name)).toEqual([
      'uuid',
      'timestamp',
      'used_version',
      'vault_uuid',
      'item_uuid',
      'action',
      'user_uuid',
      'user_name',
      'user_email',
      'user_user_type',
      'user_user_account_uuid',
      'client_app_name',
      'client_app_version',
      'client_platform_name',
      'client_platform_version',
      'client_os_name',
      'client_os_version',
      'client_ip_address',
      'location_country',
      'location_region',
      'location_city',
      'location_latitude',
      'location_longitude',
      'account_uuid',
      'extra',
    ]);
    expect(SCHEMAS.signinattempts).toHaveLength(26);
    expect(SCHEMAS.auditevents).toHaveLength(33);
  });
});

describe('flattenEvent', () => {
  it('flattens the reference audit example to typed columns with no extra', () => {
    expect(flattenEvent('auditevents', AUDIT_EXAMPLE)).toEqual({
      uuid: 'R7KQ2WJ5NFBXDGC3LHT4MPVZ6A',
      timestamp: expectedMicros('2026-10-14T09:21:37.418263Z'),
      actor_uuid: 'KD3HZ7QWLMNB5RT2XCV4PJ6GYE',
      actor_details_uuid: 'KD3HZ7QWLMNB5RT2XCV4PJ6GYE',
      actor_details_name: 'Priya Ramanathan',
      actor_details_email: 'priya.ramanathan@example.org',
      actor_details_user_type: null,
      actor_details_user_account_uuid: null,
      actor_type: 'user',
      actor_account_uuid: 'T2WQ6VNHX4KJ7BLZ3MDRC5FYPE',
      account_uuid: 'T2WQ6VNHX4KJ7BLZ3MDRC5FYPE',
      action: 'join',
      object_type: 'gm',
      object_uuid: 'ws4n7gqxk2abd5hfyjl3mzrt6e',
      object_details_uuid: null,
      object_details_name: null,
      object_details_email: null,
      aux_id: 48213n,
      aux_uuid: 'NB6TFQ2XZ7HWKJ4LCM3DVRP5YA',
      aux_details_uuid: 'NB6TFQ2XZ7HWKJ4LCM3DVRP5YA',
      aux_details_name: 'Tomasz Wielgosz',
      aux_details_email: 't.wielgosz@example.org',
      aux_info: 'R',
      session_uuid: 'HV5MZQ3KTL7WXB2NFJ6RCYD4PE',
      session_login_time: expectedMicros('2026-10-14T08:02:11.007341Z'),
      session_device_uuid: 'p6xqv3lmzk2wbn7hfdjr5tcy4a',
      session_ip: '198.51.100.23',
      location_country: 'DE',
      location_region: 'Bavaria',
      location_city: 'Munich',
      location_latitude: 48.1374,
      location_longitude: 11.5755,
      extra: null,
    });
  });

  it('flattens the item usage and sign-in examples, MSP fields included', () => {
    expect(flattenEvent('itemusages', ITEM_USAGE_EXAMPLE)).toMatchObject({
      used_version: 7n,
      user_user_type: 'user',
      user_user_account_uuid: 'T2WQ6VNHX4KJ7BLZ3MDRC5FYPE',
      client_app_version: '81104003',
      extra: null,
    });
    expect(flattenEvent('signinattempts', SIGNIN_EXAMPLE)).toMatchObject({
      details_value: 'Brazil',
      target_user_user_type: 'external_user',
      client_platform_version: '',
      location_city: 'São Paulo',
      location_latitude: -23.5505,
      extra: null,
    });
  });

  it('keeps unknown fields, at any depth, in extra, shaped like the event', () => {
    const row = flattenEvent('signinattempts', {
      uuid: 'u',
      timestamp: '2026-10-14T09:30:45Z',
      risk_score: 0.3,
      client: { ip_address: '192.0.2.1', new_field: 1 },
    });
    expect(row.client_ip_address).toBe('192.0.2.1');
    expect(row.extra).toBe('{"risk_score":0.3,"client":{"new_field":1}}');
  });

  it('puts wrong-typed values in extra and null in the column, without throwing', () => {
    const row = flattenEvent('auditevents', {
      uuid: 'u',
      timestamp: '2026-10-14T09:30:45Z',
      aux_id: '12',
      aux_info: 5,
      actor_details: 'someone',
      location: { latitude: '48.1', longitude: 11.5 },
      session: { login_time: 'later' },
    });
    expect(row).toMatchObject({
      aux_id: null,
      aux_info: null,
      actor_details_uuid: null,
      location_latitude: null,
      location_longitude: 11.5,
      session_login_time: null,
    });
    expect(JSON.parse(row.extra as string)).toEqual({
      aux_id: '12',
      aux_info: 5,
      actor_details: 'someone',
      location: { latitude: '48.1' },
      session: { login_time: 'later' },
    });
  });

  it('maps details: null and a missing details to the same null column, extra untouched', () => {
    const base = { uuid: 'u', timestamp: '2026-10-14T09:30:45Z' };
    const withNull = flattenEvent('signinattempts', { ...base, details: null });
    const without = flattenEvent('signinattempts', base);
    expect(withNull).toEqual(without);
    expect(withNull.details_value).toBeNull();
    expect(withNull.extra).toBeNull();
  });

  it('keeps an unparseable event timestamp in extra', () => {
    const row = flattenEvent('itemusages', { uuid: 'u', timestamp: '14/10/2026 09:30' });
    expect(row.timestamp).toBeNull();
    expect(JSON.parse(row.extra as string)).toEqual({ timestamp: '14/10/2026 09:30' });
  });

  it('keeps integers beyond 2^53 and fractions out of INT64 columns', () => {
    expect(
      flattenEvent('itemusages', { uuid: 'u', timestamp: '2026-10-14T09:30:45Z', used_version: 7.5 }),
    ).toMatchObject({
      used_version: null,
      extra: '{"used_version":7.5}',
    });
    const big = flattenEvent('auditevents', {
      uuid: 'u',
      timestamp: '2026-10-14T09:30:45Z',
      aux_id: 2 ** 53,
    });
    expect(big.aux_id).toBeNull();
    expect(JSON.parse(big.extra as string)).toEqual({ aux_id: 2 ** 53 });
    expect(
      flattenEvent('auditevents', { uuid: 'u', timestamp: '2026-10-14T09:30:45Z', aux_id: -(2 ** 53 - 1) })
        .aux_id,
    ).toBe(-(2n ** 53n - 1n));
  });

  it('keeps strings with unpaired surrogates in extra, where JSON escapes them exactly', () => {
    const event = JSON.parse(
      '{"uuid":"u","timestamp":"2026-10-14T09:30:45Z","user":{"name":"bad \\ud800 name","email":"ok 😀"}}',
    );
    const row = flattenEvent('itemusages', event as RawEvent);
    expect(row.user_name).toBeNull();
    expect(row.user_email).toBe('ok 😀');
    expect(row.extra).toBe('{"user":{"name":"bad \\ud800 name"}}');
    expect((JSON.parse(row.extra as string) as { user: { name: string } }).user.name).toBe('bad \ud800 name');
  });

  it('treats a field named __proto__ as data, without touching any prototype', () => {
    const event = JSON.parse(
      '{"uuid":"u","timestamp":"2026-10-14T09:30:45Z","__proto__":{"polluted":true},"client":{"__proto__":1}}',
    ) as RawEvent;
    const row = flattenEvent('signinattempts', event);
    expect(row.extra).toBe('{"__proto__":{"polluted":true},"client":{"__proto__":1}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const rebuilt = unflattenRow('signinattempts', row);
    expect(Object.getOwnPropertyDescriptor(rebuilt, '__proto__')?.value).toEqual({ polluted: true });
  });
});

describe('unflattenRow', () => {
  /** The event as Parquet can give it back: null/empty known parts dropped, timestamps in canonical UTC. */
  function normalise(feed: Feed, event: Record<string, unknown>): unknown {
    const rebuilt = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
    const timestampPaths = SCHEMAS[feed].filter((c) => c.type === 'timestamp').map((c) => c.path);
    for (const path of timestampPaths) {
      const parent = path.length === 1 ? rebuilt : (rebuilt[path[0]!] as Record<string, unknown> | undefined);
      const value = parent?.[path.at(-1)!];
      if (
        parent &&
        typeof value === 'string' &&
        /^\d{4}-\d{2}-\d{2}T[\d:]+(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)
      ) {
        const micros = expectedMicros(value);
        parent[path.at(-1)!] =
          new Date(Number(micros / 1000n)).toISOString().slice(0, 23) +
          String(micros % 1000n).padStart(3, '0') +
          'Z';
      }
    }
    const known = new Set(SCHEMAS[feed].filter((c) => c.path.length > 0).map((c) => c.path.join('.')));
    const prune = (node: Record<string, unknown>, prefix: string) => {
      for (const [field, value] of Object.entries(node)) {
        const path = prefix ? `${prefix}.${field}` : field;
        const isKnownObject = [...known].some((k) => k.startsWith(`${path}.`));
        if (value === null && (known.has(path) || isKnownObject)) delete node[field];
        else if (isKnownObject && typeof value === 'object' && !Array.isArray(value)) {
          prune(value as Record<string, unknown>, path);
          if (Object.keys(value as object).length === 0) delete node[field];
        }
      }
    };
    prune(rebuilt, '');
    return rebuilt;
  }

  it('rebuilds every crafted event from its columns and extra', () => {
    for (const feed of FEEDS) {
      for (const { event } of CASES[feed]) {
        const rebuilt = JSON.parse(JSON.stringify(unflattenRow(feed, flattenEvent(feed, event))));
        expect(rebuilt, `${feed} ${event.uuid}`).toEqual(normalise(feed, event));
      }
    }
  });

  it('produces the documented extra for every crafted event', () => {
    for (const feed of FEEDS) {
      for (const { event, extra } of CASES[feed]) {
        const row = flattenEvent(feed, event);
        expect(
          row.extra === null ? undefined : JSON.parse(row.extra as string),
          `${feed} ${event.uuid}`,
        ).toEqual(extra);
      }
    }
  });
});
