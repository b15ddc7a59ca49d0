/**
 * Named incidents to plant in otherwise normal traffic, so that detections (detections/*.sql) can be
 * shown to find them. Each incident is a short, deterministic sequence of v2 events about the
 * generated company's own people (generator-world.ts), shaped like the generator's events, plus a
 * `subject` saying what a detection should point at.
 */
import type { Feed } from '../../../src/onepassword/feeds.ts';
import type { RawEvent } from '../../../src/onepassword/types.ts';
import { FOREIGN_CITIES, type City } from './generator-data.ts';
import { countryOf, locationOf, userV1, type EventContext } from './generator-events.ts';
import { ip, worldFor, type World, type WorldUser } from './generator-world.ts';
import { Random } from './random.ts';
import { resolveRealism, type Realism, type RealismOption } from './realism.ts';
import { formatRfc3339, type TimestampPrecision } from './timestamps.ts';

export const INCIDENTS = [
  'brute-force',
  'password-spray',
  'mfa-fatigue',
  'compromised-account',
  'privilege-escalation',
  'token-created-and-revoked',
  'mfa-disabled',
  'vault-destruction',
  'travel-mode',
] as const;

export type IncidentName = (typeof INCIDENTS)[number];

export interface PlantedIncident {
  name: IncidentName;
  /** When the incident starts (its events lie within two hours around it). */
  at: Date;
  /** One line for a person: who did what. */
  summary: string;
  /** What a detection should name: the victim or actor (email), the attacker's IP, the new country. */
  subject: { user?: string; actor?: string; ip?: string; country?: string };
  events: Partial<Record<Feed, RawEvent[]>>;
}

export interface BuildIncidentOptions {
  seed: number;
  accountUuid: string;
  at: Date;
  realism?: RealismOption;
}

const MINUTE = 60_000;

/** The events of one incident; deterministic for (seed, account, name, at). */
export function buildIncident(name: IncidentName, options: BuildIncidentOptions): PlantedIncident {
  const world = worldFor(options.seed, options.accountUuid);
  const kit = new Kit(
    new Random(options.seed, 'incident', name, options.at.getTime()),
    world,
    resolveRealism(options.realism),
  );
  return { name, at: options.at, ...PLANTERS[name](kit, options.at.getTime()) };
}

type Planted = Omit<PlantedIncident, 'name' | 'at'>;

const PLANTERS: Record<IncidentName, (kit: Kit, at: number) => Planted> = {
  'brute-force': (kit, at) => {
    const victim = kit.homeUser();
    const place = kit.foreignCity();
    const attacker = kit.attackerIp();
    const signIns: RawEvent[] = [];
    for (let i = 0; i < 30; i++) {
      signIns.push(
        kit.signIn(at + i * 23_000, victim, 'credentials_failed', 'password_secret_bad', place, attacker),
      );
    }
    signIns.push(kit.signIn(at + 12 * MINUTE, victim, 'success', 'credentials_ok', place, attacker));
    return {
      summary: `30 wrong passwords for ${victim.email} from ${attacker} in 12 minutes, then a successful sign-in`,
      subject: { user: victim.email, ip: attacker },
      events: { signinattempts: signIns },
    };
  },

  'password-spray': (kit, at) => {
    const place = kit.foreignCity();
    const attacker = kit.attackerIp();
    const targets = kit.distinctUsers(25);
    const signIns = targets.map((user, i) =>
      kit.signIn(at + i * 95_000, user, 'credentials_failed', 'password_secret_bad', place, attacker),
    );
    return {
      summary: `one address (${attacker}) tried a password against 25 accounts in 40 minutes`,
      subject: { ip: attacker },
      events: { signinattempts: signIns },
    };
  },

  'mfa-fatigue': (kit, at) => {
    const victim = kit.homeUser();
    const place = kit.foreignCity();
    const attacker = kit.attackerIp();
    const signIns: RawEvent[] = [];
    for (let i = 0; i < 8; i++) {
      const type = i % 2 === 0 ? 'duo_bad' : 'duo_timeout';
      signIns.push(kit.signIn(at + i * 70_000, victim, 'mfa_failed', type, place, attacker));
    }
    signIns.push(kit.signIn(at + 10 * MINUTE, victim, 'success', 'mfa_ok', place, attacker));
    return {
      summary: `8 rejected Duo prompts for ${victim.email} in 9 minutes, then one accepted`,
      subject: { user: victim.email, ip: attacker },
      events: { signinattempts: signIns },
    };
  },

  'compromised-account': (kit, at) => {
    const victim = kit.homeUser();
    const place = kit.foreignCity();
    const attacker = kit.attackerIp();
    const home = victim.devices[0]!;
    const signIns = [
      kit.signIn(at - 50 * MINUTE, victim, 'success', 'mfa_ok', victim.home, home.ip),
      kit.signIn(at, victim, 'success', 'mfa_ok', place, attacker),
    ];
    const items = kit.distinctItems(18);
    const usages = items.map((item, i) =>
      kit.itemUsage(at + (3 + i) * MINUTE, victim, item, i < 12 ? 'export' : 'share', place, attacker),
    );
    const audits = [
      kit.audit(at + 25 * MINUTE, victim, 'changemp', 'user', place, attacker, { objectUser: victim }),
      kit.audit(at + 26 * MINUTE, victim, 'changesk', 'user', place, attacker, { objectUser: victim }),
    ];
    return {
      summary:
        `${victim.email} signed in from ${place.city}, ${place.countryName} 50 minutes after ${victim.home.city}, ` +
        `exported 12 items, shared 6, then changed the master password and Secret Key`,
      subject: { user: victim.email, ip: attacker, country: place.countryName },
      events: { signinattempts: signIns, itemusages: usages, auditevents: audits },
    };
  },

  'privilege-escalation': (kit, at) => {
    const actor = kit.homeUser();
    const promoted = kit.homeUser();
    const [owners, administrators] = kit.world.groups as [string, string];
    const device = actor.devices[0]!;
    const join = (offset: number, group: string, user: WorldUser) =>
      kit.audit(at + offset, actor, 'join', 'gm', actor.home, device.ip, {
        objectUuid: group,
        auxUser: user,
        auxInfo: 'M',
      });
    return {
      summary: `${actor.email} added ${promoted.email} and themself to the Owners and Administrators groups`,
      subject: { actor: actor.email, user: promoted.email },
      events: {
        auditevents: [
          join(0, administrators, promoted),
          join(MINUTE, owners, promoted),
          join(2 * MINUTE, owners, actor),
        ],
      },
    };
  },

  'token-created-and-revoked': (kit, at) => {
    const actor = kit.homeUser();
    const device = actor.devices[0]!;
    const sa = kit.random.base32(26);
    const token = kit.random.base32(26, true);
    const audit = (
      offset: number,
      action: string,
      objectType: string,
      objectUuid: string,
      auxInfo?: string,
    ) =>
      kit.audit(at + offset, actor, action, objectType, actor.home, device.ip, {
        objectUuid,
        ...(auxInfo ? { auxInfo } : {}),
      });
    return {
      summary: `${actor.email} created a service account and a token for it, then revoked the token 20 minutes later`,
      subject: { actor: actor.email },
      events: {
        auditevents: [
          audit(0, 'create', 'sa', sa, 'ci-deploy'),
          audit(MINUTE, 'create', 'satoken', token, 'ci-deploy <read & write>'),
          audit(21 * MINUTE, 'revoke', 'satoken', token),
          audit(22 * MINUTE, 'dealldev', 'sa', sa),
        ],
      },
    };
  },

  'mfa-disabled': (kit, at) => {
    const actor = kit.homeUser();
    const victim = kit.homeUser();
    const device = actor.devices[0]!;
    const account = kit.world.accountUuid;
    return {
      summary: `${actor.email} turned off two-factor authentication for ${victim.email}, disabled Duo and changed the firewall rules`,
      subject: { actor: actor.email, user: victim.email },
      events: {
        auditevents: [
          kit.audit(at, actor, 'disblmfa', 'user', actor.home, device.ip, { objectUser: victim }),
          kit.audit(at + 2 * MINUTE, actor, 'updatduo', 'account', actor.home, device.ip, {
            objectUuid: account,
          }),
          kit.audit(at + 3 * MINUTE, actor, 'disblduo', 'account', actor.home, device.ip, {
            objectUuid: account,
          }),
          kit.audit(at + 5 * MINUTE, actor, 'updatfw', 'account', actor.home, device.ip, {
            objectUuid: account,
            auxInfo: 'country allowlist',
          }),
        ],
      },
    };
  },

  'vault-destruction': (kit, at) => {
    const actor = kit.homeUser();
    const device = actor.devices[0]!;
    const vaults = kit.distinctVaults(2);
    const items = kit.distinctItems(8);
    const audits = [
      ...items.map((item, i) =>
        kit.audit(at + i * 30_000, actor, 'purge', 'item', actor.home, device.ip, {
          objectUuid: item.uuid,
          auxUuid: item.vaultUuid,
        }),
      ),
      ...vaults.map((vault, i) =>
        kit.audit(at + (10 + i) * MINUTE, actor, 'delete', 'vault', actor.home, device.ip, {
          objectUuid: vault,
        }),
      ),
    ];
    return {
      summary: `${actor.email} purged 8 items and deleted 2 vaults in 11 minutes`,
      subject: { actor: actor.email },
      events: { auditevents: audits },
    };
  },

  'travel-mode': (kit, at) => {
    const actor = kit.homeUser();
    const device = actor.devices[0]!;
    return {
      summary: `${actor.email} turned Travel Mode on, then off again 40 minutes later`,
      subject: { actor: actor.email },
      events: {
        auditevents: [
          kit.audit(at, actor, 'trvlaway', 'user', actor.home, device.ip, { objectUser: actor }),
          kit.audit(at + 40 * MINUTE, actor, 'trvlback', 'user', actor.home, device.ip, {
            objectUser: actor,
          }),
        ],
      },
    };
  },
};

/** Builds incident events in the generator's shapes, from one random stream. */
class Kit {
  private readonly used = new Set<string>();

  constructor(
    readonly random: Random,
    readonly world: World,
    readonly realism: Realism,
  ) {}

  /** Someone who never travels (so a foreign sign-in is news), not used yet by this incident. */
  homeUser(): WorldUser {
    for (;;) {
      const user = this.random.pick(this.world.internalUsers);
      if (user.away || this.used.has(user.uuid)) continue;
      this.used.add(user.uuid);
      return user;
    }
  }

  distinctUsers(count: number): WorldUser[] {
    return Array.from({ length: count }, () => this.homeUser());
  }

  distinctItems(count: number): World['items'] {
    const items = new Set<World['items'][number]>();
    while (items.size < count) items.add(this.random.pick(this.world.items));
    return [...items];
  }

  distinctVaults(count: number): string[] {
    const vaults = new Set<string>();
    while (vaults.size < count) vaults.add(this.random.pick(this.world.vaults));
    return [...vaults];
  }

  foreignCity(): City {
    return this.random.pick(FOREIGN_CITIES.filter((city) => city.country !== 'BR'));
  }

  attackerIp(): string {
    return ip(this.random);
  }

  private context(ms: number): EventContext {
    const instant = { ms, subNanos: this.random.int(0, 999_999) };
    const stamp = (i: typeof instant, precision: TimestampPrecision) =>
      formatRfc3339(i, precision, 0, this.realism.goFractions);
    return { random: this.random, world: this.world, instant, stamp, realism: this.realism };
  }

  signIn(
    ms: number,
    user: WorldUser,
    category: string,
    type: string,
    place: City,
    clientIp: string,
  ): RawEvent {
    const ctx = this.context(ms);
    const device = user.devices[0]!;
    return {
      uuid: this.random.base32(26),
      session_uuid: this.random.base32(26),
      timestamp: ctx.stamp(ctx.instant, 'seconds'),
      category,
      type,
      country: countryOf(ctx, place, 0.3),
      details: null,
      target_user: userV1(user),
      client: { ...device.client, ip_address: clientIp },
      location: locationOf(ctx, place),
    };
  }

  itemUsage(
    ms: number,
    user: WorldUser,
    item: World['items'][number],
    action: string,
    place: City,
    clientIp: string,
  ): RawEvent {
    const ctx = this.context(ms);
    return {
      uuid: this.random.base32(26),
      timestamp: ctx.stamp(ctx.instant, 'millis'),
      used_version: item.version,
      vault_uuid: item.vaultUuid,
      item_uuid: item.uuid,
      action,
      user: userV1(user),
      client: { ...user.devices[0]!.client, ip_address: clientIp },
      location: locationOf(ctx, place),
    };
  }

  audit(
    ms: number,
    actor: WorldUser,
    action: string,
    objectType: string,
    place: City,
    sessionIp: string,
    parts: {
      objectUser?: WorldUser;
      objectUuid?: string;
      auxUser?: WorldUser;
      auxUuid?: string;
      auxInfo?: string;
    },
  ): RawEvent {
    const ctx = this.context(ms);
    const event: RawEvent = {
      uuid: this.random.base32(26),
      timestamp: ctx.stamp(ctx.instant, 'nanos'),
      actor_uuid: actor.uuid,
      actor_details: userV1(actor),
      actor_type: 'user',
      actor_account_uuid: actor.userAccountUuid,
      account_uuid: this.world.accountUuid,
      action,
      object_type: objectType,
      object_uuid: parts.objectUser?.uuid ?? parts.objectUuid ?? this.random.base32(26, true),
    };
    if (parts.objectUser) event.object_details = userV1(parts.objectUser);
    if (parts.auxUser) {
      event.aux_uuid = parts.auxUser.uuid;
      event.aux_details = userV1(parts.auxUser);
    } else if (parts.auxUuid) event.aux_uuid = parts.auxUuid;
    if (parts.auxInfo) event.aux_info = parts.auxInfo;
    event.session = {
      uuid: this.random.base32(26),
      login_time: formatRfc3339(
        { ms: ms - 5 * MINUTE, subNanos: this.random.int(0, 999_999) },
        'nanos',
        0,
        this.realism.goFractions,
      ),
      device_uuid: actor.devices[0]!.uuid,
      ip: sessionIp,
    };
    event.location = locationOf(ctx, place);
    return event;
  }
}
