/**
 * Builders of one v2 event per feed, following the reference schemas (§3.4-3.6) field by field and
 * in the documented key order. Optional parts (location, aux_*, object_details, MSP-only fields) are
 * present or omitted the way the reference describes.
 */
import type { RawEvent } from '../../../src/onepassword/types.ts';
import {
  AUDIT_ACTION_OBJECTS,
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  FOREIGN_CITIES,
  ITEM_USAGE_ACTION_WEIGHTS,
  SIGN_IN_CATEGORY_WEIGHTS,
  SIGN_IN_TYPES_BY_CATEGORY,
  type City,
  type SignInCategory,
  type SignInType,
} from './generator-data.ts';
import { ip, PRIVILEGED_GROUP_COUNT, type World, type WorldUser } from './generator-world.ts';
import { Random, WeightedChoice } from './random.ts';
import type { Realism } from './realism.ts';
import { formatRfc3339, type Instant, type TimestampPrecision } from './timestamps.ts';

/** What every builder gets: the randomness, the population and the event's instant. */
export interface EventContext {
  random: Random;
  world: World;
  instant: Instant;
  realism: Realism;
  /** Formats an instant in the feed's precision, occasionally in a local (non-UTC) offset. */
  stamp: (instant: Instant, precision: TimestampPrecision, location?: City) => string;
}

const RATES = {
  /** External (MSP) users act this often; their events carry the MSP-only fields. */
  externalActor: 0.03,
  /** Events of internal users that still carry the MSP-only fields (the account is managed by an MSP). */
  mspFields: 0.06,
  missingLocation: 0.04,
  travelling: 0.08,
};

const categoryChoice = new WeightedChoice(SIGN_IN_CATEGORY_WEIGHTS);
const typeChoices = Object.fromEntries(
  Object.entries(SIGN_IN_TYPES_BY_CATEGORY).map(([category, types]) => [category, new WeightedChoice(types)]),
) as Record<SignInCategory, WeightedChoice<SignInType>>;
const itemActionChoice = new WeightedChoice(ITEM_USAGE_ACTION_WEIGHTS);

export function buildSignInAttempt(ctx: EventContext): RawEvent {
  const { random, world } = ctx;
  const user = pickActor(ctx);
  const device = random.pick(user.devices);
  const category = categoryChoice.pick(random);
  const type = typeChoices[category].pick(random);
  // A blocked attempt comes from elsewhere; a report-only match is the user, wherever they are.
  const blocked = category === 'firewall_failed' || !ctx.realism.trips;
  const firewall = category === 'firewall_failed' || category === 'firewall_reported_success';
  const place = firewall && blocked ? random.pick(FOREIGN_CITIES) : whereIs(ctx, user);
  const clientIp = firewall && blocked ? ip(random) : device.ip;
  const location = random.chance(RATES.missingLocation) ? undefined : place;
  const msp = user.external || random.chance(RATES.mspFields);
  const event: RawEvent = {
    uuid: random.base32(26),
    session_uuid: random.base32(26),
    timestamp: ctx.stamp(ctx.instant, 'seconds', location),
    category,
    type,
    country: countryOf(ctx, place, 0.3),
    details: firewall ? { value: firewallDetail(type, place, clientIp) } : null,
    target_user: userV2(user, msp),
    client: { ...device.client, ip_address: clientIp },
  };
  if (location) event.location = locationOf(ctx, location);
  if (msp) event.account_uuid = world.accountUuid;
  return event;
}

export function buildItemUsage(ctx: EventContext): RawEvent {
  const { random, world } = ctx;
  const user = pickActor(ctx);
  const device = random.pick(user.devices);
  const item = random.pick(world.items);
  const place = whereIs(ctx, user);
  const location = random.chance(RATES.missingLocation) ? undefined : place;
  const msp = user.external || random.chance(RATES.mspFields);
  const event: RawEvent = {
    uuid: random.base32(26),
    timestamp: ctx.stamp(ctx.instant, 'millis', location),
    used_version: item.version,
    vault_uuid: item.vaultUuid,
    item_uuid: item.uuid,
    action: itemActionChoice.pick(random),
    user: userV2(user, msp),
    client: { ...device.client, ip_address: device.ip },
  };
  if (location) event.location = locationOf(ctx, location);
  if (msp) event.account_uuid = world.accountUuid;
  return event;
}

type Party = 'user' | 'vault' | 'item' | 'group' | 'device' | 'other';

/** A realistic audit action: what is acted on, and what the aux fields describe. */
interface AuditShape {
  action: (typeof AUDIT_ACTIONS)[number];
  objectType: (typeof AUDIT_OBJECT_TYPES)[number];
  object: Party;
  aux?: Party;
  auxInfo?: (random: Random) => string;
}

const role = (random: Random) => random.pick(['R', 'M']);
const vaultAcl = (random: Random) => random.pick(['1048562', '1048560', '32', '2097142']);

// prettier-ignore
const COMMON_AUDIT_SHAPES = new WeightedChoice<AuditShape>([
  [{ action: 'join', objectType: 'gm', object: 'group', aux: 'user', auxInfo: role }, 8],
  [{ action: 'leave', objectType: 'gm', object: 'group', aux: 'user' }, 2],
  [{ action: 'role', objectType: 'gm', object: 'group', aux: 'user', auxInfo: role }, 1],
  [{ action: 'grant', objectType: 'uva', object: 'vault', aux: 'user', auxInfo: vaultAcl }, 7],
  [{ action: 'revoke', objectType: 'uva', object: 'vault', aux: 'user' }, 2],
  [{ action: 'grant', objectType: 'gva', object: 'vault', aux: 'group', auxInfo: vaultAcl }, 2],
  [{ action: 'create', objectType: 'vault', object: 'vault' }, 2],
  [{ action: 'trename', objectType: 'vault', object: 'vault' }, 0.5],
  [{ action: 'delete', objectType: 'vault', object: 'vault' }, 0.4],
  [{ action: 'create', objectType: 'item', object: 'item', aux: 'vault' }, 6],
  [{ action: 'update', objectType: 'item', object: 'item', aux: 'vault' }, 9],
  [{ action: 'delete', objectType: 'item', object: 'item', aux: 'vault' }, 2],
  [{ action: 'purge', objectType: 'item', object: 'item', aux: 'vault' }, 0.4],
  [{ action: 'share', objectType: 'item', object: 'item', aux: 'vault', auxInfo: () => 'expires in 7 days' }, 1],
  [{ action: 'create', objectType: 'device', object: 'device', aux: 'device' }, 5],
  [{ action: 'reauth', objectType: 'device', object: 'device', aux: 'device' }, 2],
  [{ action: 'delete', objectType: 'device', object: 'device', aux: 'device' }, 1],
  [{ action: 'dlgsess', objectType: 'dlgdsess', object: 'other', aux: 'device', auxInfo: () => 'CLI' }, 3],
  [{ action: 'create', objectType: 'invite', object: 'other', auxInfo: () => 'invite accepted' }, 1.5],
  [{ action: 'provsn', objectType: 'user', object: 'user' }, 1],
  [{ action: 'activate', objectType: 'user', object: 'user' }, 1],
  [{ action: 'suspend', objectType: 'user', object: 'user' }, 0.4],
  [{ action: 'reactive', objectType: 'user', object: 'user' }, 0.2],
  [{ action: 'changemp', objectType: 'user', object: 'user' }, 1],
  [{ action: 'enblmfa', objectType: 'user', object: 'user', auxInfo: () => 'totp' }, 0.8],
  [{ action: 'beginr', objectType: 'user', object: 'user', aux: 'user' }, 0.3],
  [{ action: 'completr', objectType: 'user', object: 'user', aux: 'user' }, 0.2],
  [{ action: 'create', objectType: 'satoken', object: 'other', aux: 'other' }, 0.3],
  [{ action: 'update', objectType: 'account', object: 'other' }, 0.3],
  [{ action: 'updatfw', objectType: 'account', object: 'other', auxInfo: () => 'country allowlist' }, 0.2],
  [{ action: 'view', objectType: 'report', object: 'other' }, 0.5],
  [{ action: 'expire', objectType: 'invite', object: 'other' }, 0.2],
]);

/** Share of audit events drawn uniformly from the whole enum, so that every action and type shows up. */
const AUDIT_TAIL_RATE = 0.07;

const PAIRED_TAIL = Object.entries(AUDIT_ACTION_OBJECTS).flatMap(([action, types]) =>
  types.map((objectType) => ({ action, objectType }) as Pick<AuditShape, 'action' | 'objectType'>),
);

function auditShape(random: Random, realism: Realism): AuditShape {
  if (!random.chance(AUDIT_TAIL_RATE)) return COMMON_AUDIT_SHAPES.pick(random);
  if (realism.pairedAuditActions) {
    const { action, objectType } = random.pick(PAIRED_TAIL);
    const object: Party = objectType === 'user' ? 'user' : objectType === 'vault' ? 'vault' : 'other';
    const aux: Party | undefined =
      objectType === 'gm' || objectType === 'uva' ? 'user' : objectType === 'gva' ? 'group' : undefined;
    return { action, objectType, object, ...(aux ? { aux } : {}) };
  }
  const objectType = random.pick(AUDIT_OBJECT_TYPES);
  const object: Party = objectType === 'user' ? 'user' : objectType === 'vault' ? 'vault' : 'other';
  const aux = random.pick<Party | undefined>([undefined, undefined, 'user', 'device', 'other']);
  return { action: random.pick(AUDIT_ACTIONS), objectType, object, ...(aux ? { aux } : {}) };
}

export function buildAuditEvent(ctx: EventContext): RawEvent {
  const { random, world } = ctx;
  const actor = pickActor(ctx);
  const device = random.pick(actor.devices);
  const shape = auditShape(random, ctx.realism);
  const place = whereIs(ctx, actor);
  const location = random.chance(RATES.missingLocation) ? undefined : place;
  const loginTime: Instant = {
    ms: ctx.instant.ms - random.int(60_000, 10 * 3_600_000),
    subNanos: random.int(0, 999_999),
  };
  const event: RawEvent = {
    uuid: random.base32(26),
    timestamp: ctx.stamp(ctx.instant, 'nanos', location),
    actor_uuid: actor.uuid,
    actor_details: ctx.realism.mspFieldsOnActor
      ? userV2(actor, actor.external || random.chance(RATES.mspFields))
      : userV1(actor),
    actor_type: actor.external ? 'external_user' : 'user',
    actor_account_uuid: actor.userAccountUuid,
    account_uuid: world.accountUuid,
    action: shape.action,
    object_type: shape.objectType,
  };
  const objectUser = shape.object === 'user' ? random.pick(world.internalUsers) : undefined;
  event.object_uuid = objectUser ? objectUser.uuid : partyUuid(ctx, shape.object);
  if (objectUser) event.object_details = userV1(objectUser);
  if (shape.aux === 'device') event.aux_id = device.auxId;
  if (shape.aux && shape.aux !== 'device') {
    const auxUser = shape.aux === 'user' ? random.pick(world.internalUsers) : undefined;
    event.aux_uuid = auxUser ? auxUser.uuid : partyUuid(ctx, shape.aux);
    if (auxUser) event.aux_details = userV1(auxUser);
  }
  if (shape.auxInfo) event.aux_info = shape.auxInfo(random);
  event.session = {
    uuid: random.base32(26),
    login_time: formatRfc3339(loginTime, 'nanos', 0, ctx.realism.goFractions),
    device_uuid: device.uuid,
    ip: device.ip,
  };
  if (location) event.location = locationOf(ctx, location);
  return event;
}

function pickActor({ random, world }: EventContext): WorldUser {
  return random.chance(RATES.externalActor)
    ? random.pick(world.externalUsers)
    : random.pick(world.internalUsers);
}

const WEEK = 7 * 86_400_000;
/** Trips change on Sunday 06:00 UTC, the quietest hour of the week (the epoch was a Thursday). */
const TRIP_WEEK_START = 3 * 86_400_000 + 6 * 3_600_000;
const TRIP_WEEK_SHARE = 0.4;

/**
 * Idealised: mostly at home, sometimes (per event) in a foreign city. Real (`trips`): a traveller is
 * away for whole weeks (a deterministic draw per user and week), everyone else is at home.
 */
function whereIs({ random, realism, instant }: EventContext, user: WorldUser): City {
  if (!realism.trips) return random.chance(RATES.travelling) ? random.pick(FOREIGN_CITIES) : user.home;
  if (!user.away) return user.home;
  const week = Math.floor((instant.ms - TRIP_WEEK_START) / WEEK);
  return new Random(user.uuid, 'trip', week).chance(TRIP_WEEK_SHARE) ? user.away : user.home;
}

/** The country as a code or, with `countryNames`, as a full name `nameShare` of the time. */
export function countryOf({ random, realism }: EventContext, city: City, nameShare: number): string {
  return realism.countryNames && random.chance(nameShare) ? city.countryName : city.country;
}

function partyUuid(ctx: EventContext, party: Party): string {
  const { random, world } = ctx;
  switch (party) {
    case 'vault':
      return random.pick(world.vaults);
    case 'item':
      return random.pick(world.items).uuid;
    case 'group':
      // Nobody joins the privileged groups in everyday traffic (real mode): that is an incident.
      return random.pick(
        ctx.realism.pairedAuditActions ? world.groups.slice(PRIVILEGED_GROUP_COUNT) : world.groups,
      );
    default:
      return random.base32(26, true);
  }
}

export function userV1(user: WorldUser): Record<string, unknown> {
  return { uuid: user.uuid, name: user.name, email: user.email };
}

/** UserV2: the MSP-only fields appear only on events of MSP-managed accounts. */
function userV2(user: WorldUser, msp: boolean): Record<string, unknown> {
  if (!msp) return userV1(user);
  return {
    ...userV1(user),
    user_type: user.external ? 'external_user' : 'user',
    user_account_uuid: user.userAccountUuid,
  };
}

/** Captures show full names in `location.country`, the documentation example a code: both occur. */
export function locationOf(ctx: EventContext, city: City): Record<string, unknown> {
  return {
    country: countryOf(ctx, city, 0.8),
    region: city.region,
    city: city.city,
    latitude: city.latitude,
    longitude: city.longitude,
  };
}

/** `details.value` of a firewall sign-in: what the rule matched. */
function firewallDetail(type: SignInType, place: City, clientIp: string): string {
  switch (type) {
    case 'country_blocked':
      return place.countryName;
    case 'continent_blocked':
      return place.continent;
    case 'ip_blocked':
      return clientIp;
    case 'anonymous_blocked':
      return 'Anonymous proxy';
    default:
      return 'All locations';
  }
}
