/**
 * Deterministic generator of realistic v2 events for a mid-size company (about 300 people).
 * The same seed, stream and options always give the same events. Usable without HTTP.
 */
import type { Feed } from '../../../src/onepassword/feeds.ts';
import type { RawEvent } from '../../../src/onepassword/types.ts';
import type { City } from './generator-data.ts';
import {
  buildAuditEvent,
  buildItemUsage,
  buildSignInAttempt,
  type EventContext,
} from './generator-events.ts';
import { defaultAccountUuid, worldFor } from './generator-world.ts';
import { Random } from './random.ts';
import { resolveRealism, type RealismOption } from './realism.ts';
import { formatRfc3339, type Instant, type TimestampPrecision } from './timestamps.ts';

export {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  ITEM_USAGE_ACTIONS,
  SIGN_IN_CATEGORIES,
  SIGN_IN_TYPES,
} from './generator-data.ts';
export { defaultAccountUuid } from './generator-world.ts';

export interface GenerateEventsOptions {
  /** Seed of the population and the events; default 1. */
  seed?: number;
  /** Distinguishes batches generated with the same seed (the simulator counts its calls). */
  stream?: number | string;
  /** Range of the on-time timestamps; default the 24 hours before `to`, `to` default now. */
  from?: Date;
  to?: Date;
  /** Fraction (0..1) of late arrivals: their timestamp lies 1 hour to 3 days before `from`. */
  late?: number;
  /** Account the events belong to; default `defaultAccountUuid(seed)`. */
  accountUuid?: string;
  /** Default `real` (see realism.ts); `idealised` gives the tidier shapes of earlier versions. */
  realism?: RealismOption;
}

/** How often the less common shapes appear: rare enough to be realistic, common enough to test. */
const RATES = {
  localOffset: 0.02,
  unknownTopLevelField: 0.006,
  unknownNestedField: 0.004,
};

const BUILDERS: Record<Feed, (ctx: EventContext) => RawEvent> = {
  signinattempts: buildSignInAttempt,
  itemusages: buildItemUsage,
  auditevents: buildAuditEvent,
};

const HOUR = 3_600_000;

/** `count` events of `feed`, in ingest order: on-time events ascending by timestamp, late ones among them. */
export function generateEvents(feed: Feed, count: number, options: GenerateEventsOptions = {}): RawEvent[] {
  const seed = options.seed ?? 1;
  const accountUuid = options.accountUuid ?? defaultAccountUuid(seed);
  const to = options.to?.getTime() ?? Date.now();
  const from = options.from?.getTime() ?? to - 24 * HOUR;
  if (!(to >= from)) throw new Error('generateEvents: `to` must not be before `from`');
  const late = options.late ?? 0;
  const random = new Random(seed, 'events', feed, options.stream ?? 0, accountUuid);
  const world = worldFor(seed, accountUuid);
  const realism = resolveRealism(options.realism);
  const stamp = (instant: Instant, precision: TimestampPrecision, location?: City) =>
    formatRfc3339(
      instant,
      precision,
      random.chance(RATES.localOffset) ? localOffset(random, location) : 0,
      realism.goFractions,
    );

  const times = sampleWorkingTimes(random, count, from, to);
  const events: RawEvent[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const ms = random.chance(late) ? from - random.int(HOUR, 72 * HOUR) : (times[i] as number);
    const instant: Instant = { ms, subNanos: random.int(0, 999_999) };
    const event = BUILDERS[feed]({ random, world, instant, stamp, realism });
    addUnknownFields(random, event);
    events[i] = event;
  }
  return events;
}

/** The offset of where the event happened, or one of the reference's examples when that is UTC. */
function localOffset(random: Random, location?: City): number {
  if (location && location.utcOffset !== 0) return location.utcOffset;
  return random.pick([-180, 540]);
}

/**
 * The API grows: some events carry a field the documented schema does not have yet, at the top level
 * or inside a nested object. Clients must keep them.
 */
function addUnknownFields(random: Random, event: RawEvent): void {
  if (random.chance(RATES.unknownTopLevelField)) {
    if (random.chance(0.5)) event.risk_score = random.int(0, 100) / 100;
    else event.device_posture = { managed: random.chance(0.8), checks: ['disk_encryption', 'os_up_to_date'] };
  }
  if (random.chance(RATES.unknownNestedField)) {
    const nested = ['client', 'location', 'session'].find(
      (key) => typeof event[key] === 'object' && event[key] !== null,
    );
    if (nested === 'client') (event.client as Record<string, unknown>).browser_engine = 'Blink';
    if (nested === 'location')
      (event.location as Record<string, unknown>).accuracy_radius_km = random.int(5, 200);
    if (nested === 'session') (event.session as Record<string, unknown>).auth_method = 'srp';
  }
}

/**
 * `count` ascending times in [from, to], denser in North American working hours and on weekdays
 * (rejection sampling against a day/week profile).
 */
function sampleWorkingTimes(random: Random, count: number, from: number, to: number): Float64Array {
  const times = new Float64Array(count);
  const span = to - from;
  for (let i = 0; i < count; i++) {
    let t = from + Math.floor(random.next() * (span + 1));
    for (let tries = 0; tries < 32 && random.next() > activity(t); tries++) {
      t = from + Math.floor(random.next() * (span + 1));
    }
    times[i] = t;
  }
  return times.sort();
}

/** Relative activity (0..1] at a time, by the local hour and weekday of a UTC-5 office. */
function activity(ms: number): number {
  const local = new Date(ms - 5 * HOUR);
  const hour = local.getUTCHours();
  const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
  const daily = hour >= 8 && hour < 18 ? 1 : hour >= 6 && hour < 22 ? 0.35 : 0.06;
  return weekend ? daily * 0.25 : daily;
}
