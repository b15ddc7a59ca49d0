/**
 * The simulator's real mode (the default) looks like captured Events API data (reference §10), and
 * `realism: 'idealised'` keeps the tidier shapes older tests were written against.
 */
import { describe, expect, it } from 'vitest';
import type { Feed } from '../src/onepassword/feeds.ts';
import type { RawEvent } from '../src/onepassword/types.ts';
import { AUDIT_ACTION_OBJECTS } from './sim/events-api/generator-data.ts';
import { generateEvents } from './sim/events-api/generator.ts';
import { EventsApiSimulator, INCIDENTS, privilegedGroups } from './sim/events-api/index.ts';
import { spacedJson } from './sim/events-api/wire-json.ts';

const TO = new Date('2026-11-01T00:00:00Z');
const FROM = new Date(TO.getTime() - 28 * 86_400_000);
const real: Record<Feed, RawEvent[]> = {
  auditevents: generateEvents('auditevents', 20_000, { seed: 7, from: FROM, to: TO }),
  itemusages: generateEvents('itemusages', 5_000, { seed: 7, from: FROM, to: TO }),
  signinattempts: generateEvents('signinattempts', 10_000, { seed: 7, from: FROM, to: TO }),
};
const idealised = generateEvents('auditevents', 5_000, { seed: 7, from: FROM, to: TO, realism: 'idealised' });

const locationCountries = (events: RawEvent[]) =>
  events.map((e) => (e.location as { country?: string } | undefined)?.country).filter(Boolean) as string[];

describe('real mode (default)', () => {
  it('writes countries as full names and as codes, in location and on sign-ins', () => {
    const countries = locationCountries(real.itemusages);
    expect(countries).toContain('Canada');
    expect(countries).toContain('CA');
    const names = countries.filter((c) => c.length > 2).length / countries.length;
    expect(names).toBeGreaterThan(0.6);
    expect(names).toBeLessThan(0.95);
    const signIn = new Set(real.signinattempts.map((e) => e.country));
    expect(signIn.has('United States') && signIn.has('US')).toBe(true);
  });

  it('drops trailing zeros of audit fractions as Go does: 8-digit fractions occur', () => {
    const digits = real.auditevents.map((e) => /\.(\d+)/.exec(String(e.timestamp))?.[1]?.length ?? 0);
    const eight = digits.filter((n) => n === 8).length / digits.length;
    expect(eight).toBeGreaterThan(0.05);
    expect(eight).toBeLessThan(0.15);
    expect(digits.filter((n) => n === 9).length / digits.length).toBeGreaterThan(0.8);
    for (const e of real.auditevents) expect(String(e.timestamp)).not.toMatch(/\.\d*0(Z|[+-])/);
  });

  it('invents no MSP fields on audit actor_details', () => {
    for (const e of real.auditevents)
      expect(Object.keys(e.actor_details as object)).toEqual(['uuid', 'name', 'email']);
  });

  it('pairs every audit action with an object type it acts on, and still reaches every action', () => {
    const wrong = real.auditevents.filter(
      (e) =>
        !(AUDIT_ACTION_OBJECTS[e.action as keyof typeof AUDIT_ACTION_OBJECTS] as readonly string[]).includes(
          e.object_type as string,
        ),
    );
    expect(wrong.map((e) => `${String(e.action)} ${String(e.object_type)}`)).toEqual([]);
    expect(new Set(real.auditevents.map((e) => e.action)).size).toBe(
      Object.keys(AUDIT_ACTION_OBJECTS).length,
    );
    // Idealised mode still pairs at random (e.g. an action on a type it never acts on).
    const unpaired = idealised.filter(
      (e) =>
        !(AUDIT_ACTION_OBJECTS[e.action as keyof typeof AUDIT_ACTION_OBJECTS] as readonly string[]).includes(
          e.object_type as string,
        ),
    );
    expect(unpaired.length).toBeGreaterThan(50);
  });

  it('nobody joins the Owners or Administrators group in everyday traffic', () => {
    const { owners, administrators } = privilegedGroups(7, real.auditevents[0]!.account_uuid as string);
    const joins = real.auditevents.filter((e) => e.object_type === 'gm');
    expect(joins.length).toBeGreaterThan(1000);
    expect(joins.filter((e) => e.object_uuid === owners || e.object_uuid === administrators)).toEqual([]);
  });

  it('keeps people at home unless they travel, and travellers away for whole weeks', () => {
    const byUser = new Map<string, Set<string>>();
    for (const e of real.itemusages) {
      const city = (e.location as { city?: string } | undefined)?.city;
      if (!city) continue;
      const email = (e.user as { email: string }).email;
      byUser.set(email, (byUser.get(email) ?? new Set()).add(city));
    }
    const movers = [...byUser.values()].filter((cities) => cities.size > 1).length;
    expect(movers / byUser.size).toBeGreaterThan(0.02);
    expect(movers / byUser.size).toBeLessThan(0.15);
    for (const cities of byUser.values()) expect(cities.size).toBeLessThanOrEqual(2);
  });

  it('serves bodies with spaces after : and , and Go escapes, values unchanged', async () => {
    const sim = await EventsApiSimulator.start({ seed: 3, rateLimit: false });
    try {
      sim.append('auditevents', [
        {
          uuid: 'A',
          timestamp: '2026-11-30T10:00:00.12345678Z',
          action: 'create',
          aux_info: 'ci <read & write>',
        },
      ]);
      const response = await fetch(`${sim.url}/api/v2/auditevents`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sim.issueToken()}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ limit: 10, start_time: '2026-11-01T00:00:00Z' }),
      });
      const text = await response.text();
      expect(text).toMatch(/^\{"cursor": "[^"]+", "has_more": false, "items": \[\{"uuid": "A", /);
      expect(text).toContain('"aux_info": "ci \\u003cread \\u0026 write\\u003e"');
      expect(text).toContain('"timestamp": "2026-11-30T10:00:00.12345678Z"');
      const parsed = JSON.parse(text) as { items: RawEvent[] };
      expect(parsed.items[0]!.aux_info).toBe('ci <read & write>');
    } finally {
      await sim.close();
    }
  });

  it('spacedJson changes bytes only, never values', () => {
    const value = { a: 'x:y, "z" \\ <&>', b: [1, { c: null, d: 'ü\u2028' }], e: {}, f: [] };
    expect(JSON.parse(spacedJson(value))).toEqual(value);
    expect(spacedJson(value)).toBe(
      '{"a": "x:y, \\"z\\" \\\\ \\u003c\\u0026\\u003e", "b": [1, {"c": null, "d": "ü\\u2028"}], "e": {}, "f": []}',
    );
  });

  it('the idealised switch serves compact JSON', async () => {
    const sim = await EventsApiSimulator.start({ seed: 3, rateLimit: false, realism: 'idealised' });
    try {
      sim.generate('signinattempts', 3);
      const response = await fetch(`${sim.url}/api/v2/signinattempts`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sim.issueToken()}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ limit: 10, start_time: '2020-01-01T00:00:00Z' }),
      });
      const text = await response.text();
      expect(text).toMatch(/^\{"cursor":"[^"]+","has_more":false,"items":\[\{"uuid":"/);
      const items = (JSON.parse(text) as { items: RawEvent[] }).items;
      expect(items.every((e) => typeof e.country === 'string' && e.country.length === 2)).toBe(true);
    } finally {
      await sim.close();
    }
  });
});

describe('incidents', () => {
  it('every named incident plants events that the simulator serves, deterministically', async () => {
    const sim = await EventsApiSimulator.start({ seed: 5, rateLimit: false });
    try {
      const at = new Date(Date.now() - 3 * 3_600_000);
      for (const name of INCIDENTS) {
        const incident = sim.plantIncident(name, { at });
        expect(incident.summary.length, name).toBeGreaterThan(20);
        expect(Object.values(incident.events).flat().length, name).toBeGreaterThan(0);
        for (const events of Object.values(incident.events)) {
          for (const e of events)
            expect(Date.parse(String(e.timestamp)), name).toBeGreaterThan(at.getTime() - 3_600_000);
        }
      }
      const total = INCIDENTS.length;
      expect(total).toBe(9);
      expect(sim.eventCount('signinattempts')).toBe(31 + 25 + 9 + 2);
      const again = await EventsApiSimulator.start({ seed: 5, rateLimit: false });
      try {
        expect(again.plantIncident('brute-force', { at })).toEqual(sim.plantIncident('brute-force', { at }));
      } finally {
        await again.close();
      }
    } finally {
      await sim.close();
    }
  });
});
