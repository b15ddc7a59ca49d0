/**
 * The population a generated company's events are about: users with their devices and home cities,
 * vaults, items and groups. Built once per (seed, account) so every batch of events of an account
 * talks about the same people.
 */
import {
  CLIENT_PROFILES,
  COMPANY_DOMAIN,
  FIRST_NAMES,
  FOREIGN_CITIES,
  HOME_CITIES,
  LAST_NAMES,
  MSP_DOMAIN,
  type City,
  type ClientProfile,
} from './generator-data.ts';
import { Random, WeightedChoice } from './random.ts';

export interface WorldDevice {
  /** Lower-case base32, as in real session data. */
  uuid: string;
  /** Numeric device id, used as `aux_id` by device audit events. */
  auxId: number;
  client: ClientProfile;
  ip: string;
}

export interface WorldUser {
  uuid: string;
  name: string;
  email: string;
  /** A managed-service-provider employee acting in this account (`user_type: external_user`). */
  external: boolean;
  /** The account the user belongs to: the MSP's for external users. */
  userAccountUuid: string;
  home: City;
  /** Travellers only: where their trips take them (real mode's `trips`). */
  away?: City;
  devices: WorldDevice[];
}

export interface WorldItem {
  uuid: string;
  vaultUuid: string;
  version: number;
}

export interface World {
  accountUuid: string;
  mspAccountUuid: string;
  users: WorldUser[];
  internalUsers: WorldUser[];
  externalUsers: WorldUser[];
  vaults: string[];
  items: WorldItem[];
  groups: string[];
}

const USER_COUNT = 300;
const EXTERNAL_USER_COUNT = 8;
const VAULT_COUNT = 45;
const ITEM_COUNT = 2400;
const GROUP_COUNT = 14;
/** Share of employees who travel for work (whole weeks away, see generator-events.ts). */
const TRAVELLER_SHARE = 0.08;

/** The account a simulator seeded with `seed` serves by default. */
export function defaultAccountUuid(seed: number): string {
  return new Random(seed, 'account').base32(26);
}

const worlds = new Map<string, World>();

/** The first groups are the account's Owners and Administrators (see `privilegedGroups`). */
export const PRIVILEGED_GROUP_COUNT = 2;

/** UUIDs of the Owners and Administrators groups of a generated account, for detection allowlists. */
export function privilegedGroups(
  seed: number,
  accountUuid: string,
): { owners: string; administrators: string } {
  const [owners, administrators] = worldFor(seed, accountUuid).groups as [string, string];
  return { owners, administrators };
}

export function worldFor(seed: number, accountUuid: string): World {
  const key = `${seed}\u0000${accountUuid}`;
  let world = worlds.get(key);
  if (!world) {
    world = buildWorld(seed, accountUuid);
    worlds.set(key, world);
  }
  return world;
}

function buildWorld(seed: number, accountUuid: string): World {
  const random = new Random(seed, 'world', accountUuid);
  const mspAccountUuid = random.base32(26);
  const homes = new WeightedChoice(HOME_CITIES);
  const clients = new WeightedChoice(CLIENT_PROFILES);
  const emails = new Set<string>();
  let nextAuxId = random.int(20_000, 60_000);

  const makeUser = (external: boolean): WorldUser => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const domain = external ? MSP_DOMAIN : COMPANY_DOMAIN;
    let local = `${asciiFold(first)}.${asciiFold(last)}`;
    for (let n = 2; emails.has(`${local}@${domain}`); n++)
      local = `${asciiFold(first)}.${asciiFold(last)}${n}`;
    emails.add(`${local}@${domain}`);
    const deviceCount = random.int(1, 3);
    const devices: WorldDevice[] = [];
    for (let i = 0; i < deviceCount; i++) {
      nextAuxId += random.int(1, 40);
      devices.push({
        uuid: random.base32(26, true),
        auxId: nextAuxId,
        client: clients.pick(random),
        ip: ip(random),
      });
    }
    return {
      uuid: random.base32(26),
      name: `${first} ${last}`,
      email: `${local}@${domain}`,
      external,
      userAccountUuid: external ? mspAccountUuid : accountUuid,
      home: homes.pick(random),
      devices,
    };
  };

  const internalUsers = Array.from({ length: USER_COUNT }, () => makeUser(false));
  const externalUsers = Array.from({ length: EXTERNAL_USER_COUNT }, () => makeUser(true));
  // A separate stream, so the population above stays what it was before travellers existed.
  const travel = new Random(seed, 'travel', accountUuid);
  const destinations = [...FOREIGN_CITIES, ...HOME_CITIES.map(([city]) => city)];
  for (const user of internalUsers) {
    if (!travel.chance(TRAVELLER_SHARE)) continue;
    const away = travel.pick(destinations.filter((city) => city.country !== user.home.country));
    user.away = away;
  }
  const vaults = Array.from({ length: VAULT_COUNT }, () => random.base32(26, true));
  const items = Array.from({ length: ITEM_COUNT }, () => ({
    uuid: random.base32(26, true),
    vaultUuid: random.pick(vaults),
    version: random.int(1, 40),
  }));
  const groups = Array.from({ length: GROUP_COUNT }, () => random.base32(26, true));
  return {
    accountUuid,
    mspAccountUuid,
    users: [...internalUsers, ...externalUsers],
    internalUsers,
    externalUsers,
    vaults,
    items,
    groups,
  };
}

/** An address from the documentation ranges (RFC 5737 / RFC 3849): realistic shape, nobody's real IP. */
export function ip(random: Random): string {
  if (random.chance(0.15)) {
    const hex = () => random.int(0, 0xffff).toString(16);
    return `2001:db8:${hex()}:${hex()}::${hex()}`;
  }
  const prefix = random.pick(['192.0.2', '198.51.100', '203.0.113']);
  return `${prefix}.${random.int(1, 254)}`;
}

function asciiFold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/[^A-Za-z-]/g, '')
    .toLowerCase();
}
