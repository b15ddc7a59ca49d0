/**
 * Static vocabulary of the generator: the documented enums (reference §3) and the pools a mid-size
 * company's events are drawn from. Coordinates are the real ones (latitude, then longitude).
 */

// prettier-ignore
export const AUDIT_ACTIONS = [
  'activate', 'addgsso', 'begin', 'beginr', 'cancel', 'cancelr', 'changeks', 'changela', 'changemp',
  'changenm', 'changesk', 'chngasso', 'chngdsso', 'chngpsso', 'complete', 'completr', 'convert', 'create',
  'dealldev', 'delete', 'delgsso', 'delshare', 'deolddev', 'detchild', 'disblduo', 'disblmfa', 'disblsso',
  'dlgsess', 'dvrfydmn', 'enblduo', 'enblmfa', 'enblsso', 'expire', 'export', 'grant', 'hide', 'join',
  'launchi', 'leave', 'musercom', 'muserdec', 'patch', 'propose', 'provsn', 'prsndall', 'purge', 'rdmchild',
  'reactive', 'reauth', 'replace', 'resendts', 'revoke', 'role', 'sdvcsso', 'sendpkg', 'sendts', 'share',
  'ssotknv', 'suspend', 'tdvcsso', 'trename', 'trevoke', 'trvlaway', 'trvlback', 'tverify', 'uisas',
  'unhide', 'unknown', 'unlink', 'updatduo', 'update', 'updatea', 'updatfw', 'updatmfa', 'upguest',
  'uvrfydmn', 'verify', 'view', 'vrfydmn',
] as const;

// prettier-ignore
export const AUDIT_OBJECT_TYPES = [
  'account', 'card', 'cred', 'device', 'dlgdsess', 'ec', 'famchild', 'file', 'gm', 'group', 'gva', 'invite',
  'item', 'itemhist', 'items', 'miguser', 'mngdacc', 'pm', 'report', 'sa', 'satoken', 'slackapp', 'sso',
  'ssotkn', 'sub', 'template', 'user', 'uva', 'vault', 'vaultkey',
] as const;

// prettier-ignore
export const ITEM_USAGE_ACTIONS = [
  'enter-item-edit-mode', 'export', 'fill', 'other', 'reveal', 'secure-copy', 'select-sso-provider',
  'server-create', 'server-fetch', 'server-update', 'share',
] as const;

// prettier-ignore
export const SIGN_IN_CATEGORIES = [
  'success', 'credentials_failed', 'mfa_failed', 'sso_failed', 'modern_version_failed', 'firewall_failed',
  'firewall_reported_success',
] as const;

// prettier-ignore
export const SIGN_IN_TYPES = [
  'all_blocked', 'anonymous_blocked', 'code_bad', 'code_disabled', 'code_timeout', 'continent_blocked',
  'country_blocked', 'credentials_ok', 'duo_bad', 'duo_disabled', 'duo_native_bad', 'duo_timeout', 'federated',
  'ip_blocked', 'mfa_missing', 'mfa_ok', 'modern_version_missing', 'modern_version_old', 'non_sso_user',
  'password_secret_bad', 'platform_secret_bad', 'platform_secret_disabled', 'platform_secret_proxy',
  'service_account_sso_denied', 'sso_user_mismatch', 'totp_bad', 'totp_disabled', 'totp_timeout', 'u2f_bad',
  'u2f_disabled', 'u2f_timeout',
] as const;

export type SignInCategory = (typeof SIGN_IN_CATEGORIES)[number];
export type SignInType = (typeof SIGN_IN_TYPES)[number];

/** Which sign-in types go with which category, with relative weights. */
// prettier-ignore
export const SIGN_IN_TYPES_BY_CATEGORY: Record<SignInCategory, ReadonlyArray<readonly [SignInType, number]>> = {
  success: [['mfa_ok', 45], ['credentials_ok', 30], ['federated', 20], ['platform_secret_proxy', 5]],
  credentials_failed: [['password_secret_bad', 80], ['platform_secret_bad', 12], ['platform_secret_disabled', 8]],
  mfa_failed: [
    ['totp_bad', 25], ['totp_timeout', 10], ['totp_disabled', 3], ['u2f_bad', 8], ['u2f_timeout', 8],
    ['u2f_disabled', 2], ['duo_bad', 8], ['duo_timeout', 8], ['duo_disabled', 2], ['duo_native_bad', 4],
    ['code_bad', 8], ['code_timeout', 4], ['code_disabled', 2], ['mfa_missing', 8],
  ],
  sso_failed: [['sso_user_mismatch', 50], ['non_sso_user', 40], ['service_account_sso_denied', 10]],
  modern_version_failed: [['modern_version_old', 70], ['modern_version_missing', 30]],
  firewall_failed: [
    ['country_blocked', 45], ['continent_blocked', 15], ['ip_blocked', 20], ['anonymous_blocked', 15],
    ['all_blocked', 5],
  ],
  firewall_reported_success: [
    ['country_blocked', 45], ['continent_blocked', 15], ['ip_blocked', 20], ['anonymous_blocked', 15],
    ['all_blocked', 5],
  ],
};

// prettier-ignore
export const SIGN_IN_CATEGORY_WEIGHTS: ReadonlyArray<readonly [SignInCategory, number]> = [
  ['success', 82], ['credentials_failed', 7], ['mfa_failed', 4], ['sso_failed', 1.5],
  ['modern_version_failed', 0.5], ['firewall_failed', 3], ['firewall_reported_success', 2],
];

// prettier-ignore
export const ITEM_USAGE_ACTION_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['fill', 45], ['secure-copy', 18], ['reveal', 10], ['server-fetch', 8], ['enter-item-edit-mode', 5],
  ['server-update', 4], ['server-create', 2], ['select-sso-provider', 2.5], ['other', 3], ['share', 1.5],
  ['export', 1],
];

export interface City {
  city: string;
  region: string;
  country: string;
  countryName: string;
  continent: string;
  latitude: number;
  longitude: number;
  /** Standard UTC offset in minutes, used when an event is stamped in local time. */
  utcOffset: number;
}

// prettier-ignore
function city(
  name: string, region: string, country: string, countryName: string, continent: string,
  latitude: number, longitude: number, utcOffset: number,
): City {
  return { city: name, region, country, countryName, continent, latitude, longitude, utcOffset };
}

/** Where employees live and work: weighted towards the offices. */
// prettier-ignore
export const HOME_CITIES: ReadonlyArray<readonly [City, number]> = [
  [city('Toronto', 'Ontario', 'CA', 'Canada', 'North America', 43.6532, -79.3832, -300), 30],
  [city('New York', 'New York', 'US', 'United States', 'North America', 40.7128, -74.006, -300), 18],
  [city('San Francisco', 'California', 'US', 'United States', 'North America', 37.7749, -122.4194, -480), 10],
  [city('Austin', 'Texas', 'US', 'United States', 'North America', 30.2672, -97.7431, -360), 5],
  [city('Montreal', 'Quebec', 'CA', 'Canada', 'North America', 45.5019, -73.5674, -300), 6],
  [city('Vancouver', 'British Columbia', 'CA', 'Canada', 'North America', 49.2827, -123.1207, -480), 4],
  [city('London', 'England', 'GB', 'United Kingdom', 'Europe', 51.5074, -0.1278, 0), 8],
  [city('Munich', 'Bavaria', 'DE', 'Germany', 'Europe', 48.1374, 11.5755, 60), 4],
  [city('Berlin', 'Berlin', 'DE', 'Germany', 'Europe', 52.52, 13.405, 60), 3],
  [city('Zürich', 'Zurich', 'CH', 'Switzerland', 'Europe', 47.3769, 8.5417, 60), 2],
  [city('Warsaw', 'Masovian Voivodeship', 'PL', 'Poland', 'Europe', 52.2297, 21.0122, 60), 2],
  [city('Buenos Aires', 'Buenos Aires', 'AR', 'Argentina', 'South America', -34.6037, -58.3816, -180), 2],
  [city('São Paulo', 'São Paulo', 'BR', 'Brazil', 'South America', -23.5505, -46.6333, -180), 2],
  [city('Tokyo', 'Tokyo', 'JP', 'Japan', 'Asia', 35.6762, 139.6503, 540), 2],
  [city('Sydney', 'New South Wales', 'AU', 'Australia', 'Oceania', -33.8688, 151.2093, 600), 1],
  [city('Bengaluru', 'Karnataka', 'IN', 'India', 'Asia', 12.9716, 77.5946, 330), 1],
];

/** Where blocked sign-ins come from. */
// prettier-ignore
export const FOREIGN_CITIES: readonly City[] = [
  city('Lagos', 'Lagos', 'NG', 'Nigeria', 'Africa', 6.5244, 3.3792, 60),
  city('Singapore', 'Singapore', 'SG', 'Singapore', 'Asia', 1.3521, 103.8198, 480),
  city('Bucharest', 'Bucharest', 'RO', 'Romania', 'Europe', 44.4268, 26.1025, 120),
  city('Hanoi', 'Hanoi', 'VN', 'Vietnam', 'Asia', 21.0278, 105.8342, 420),
  city('Lima', 'Lima', 'PE', 'Peru', 'South America', -12.0464, -77.0428, -300),
  city('São Paulo', 'São Paulo', 'BR', 'Brazil', 'South America', -23.5505, -46.6333, -180),
];

// prettier-ignore
export const FIRST_NAMES = [
  'Priya', 'Tomasz', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Sophia', 'Mateo', 'Isabella', 'Ethan',
  'Mia', 'Aiden', 'Chloé', 'Hiroshi', 'Yuki', 'Amara', 'Kwame', 'Fatima', 'Omar', 'Leila', 'Arjun', 'Ananya',
  'Wei', 'Mei', 'Jae-won', 'Min-ji', 'Diego', 'Valentina', 'Sebastián', 'Camila', 'Lukas', 'Hannah', 'Jonas',
  'Léa', 'Søren', 'Ingrid', 'Łukasz', 'Zofia', 'Dmitri', 'Anastasia', 'Giulia', 'Marco', 'Aisling', 'Ciarán',
  'Zoë', 'Noémie', 'Renée', 'José', 'Nadia', 'Samuel', 'Grace', 'Daniel', 'Chen', 'Rafael', 'Elif', 'Emre',
  'Thandiwe', 'Kofi',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Ramanathan', 'Wielgosz', 'Nguyen', 'Smith', 'Tremblay', 'Roy', 'Gagnon', 'Martin', 'Müller', 'Schmidt',
  'Kowalski', 'Nowak', 'García', 'Fernández', 'Silva', 'Santos', 'Tanaka', 'Suzuki', 'Kim', 'Park', 'Patel',
  'Sharma', 'Okafor', 'Mensah', 'Haddad', 'Khan', 'Ivanova', 'Rossi', 'Bianchi', "O'Brien", 'Murphy',
  'Johansson', 'Larsen', 'Dubois', 'Lefèvre', 'Wong', 'Chen', 'Li', 'Cohen', 'Levi', 'Brown', 'Wilson',
  'Taylor', 'Anderson', 'Thompson', 'Lee', 'Walker', 'Hall', 'Young', 'King', 'Wright', 'Lopez', 'Hill',
  'Scott', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell',
] as const;

export const COMPANY_DOMAIN = 'northwind-labs.example';
export const MSP_DOMAIN = 'bluefin-msp.example';

/** What a device runs, shaped like the Client object (reference §3.3). */
export interface ClientProfile {
  app_name: string;
  app_version: string;
  platform_name: string;
  platform_version: string;
  os_name: string;
  os_version: string;
}

// prettier-ignore
export const CLIENT_PROFILES: ReadonlyArray<readonly [ClientProfile, number]> = [
  [{ app_name: '1Password Browser Extension', app_version: '81104003', platform_name: 'Chrome', platform_version: '131.0.6778.86', os_name: 'MacOSX', os_version: '15.1' }, 20],
  [{ app_name: '1Password Browser Extension', app_version: '81104003', platform_name: 'Chrome', platform_version: '131.0.6778.86', os_name: 'Windows', os_version: '10.0.22631' }, 12],
  [{ app_name: '1Password Browser Extension', app_version: '81104003', platform_name: 'Firefox', platform_version: '131.0', os_name: 'Windows', os_version: '10.0.22631' }, 5],
  [{ app_name: '1Password Browser Extension', app_version: '81103020', platform_name: 'Edge', platform_version: '130.0.2849.80', os_name: 'Windows', os_version: '10.0.26100' }, 4],
  [{ app_name: '1Password Browser Extension', app_version: '81104003', platform_name: 'Safari', platform_version: '18.1', os_name: 'MacOSX', os_version: '15.1' }, 4],
  [{ app_name: '1Password Extension', app_version: '20127', platform_name: 'Chrome', platform_version: '128.0.6613.120', os_name: 'Linux', os_version: '6.8.0' }, 1],
  [{ app_name: '1Password for Mac', app_version: '81104003', platform_name: 'MacBookPro18,3', platform_version: '', os_name: 'MacOSX', os_version: '15.1' }, 14],
  [{ app_name: '1Password for Mac', app_version: '81103020', platform_name: 'Mac15,6', platform_version: '', os_name: 'MacOSX', os_version: '14.7.1' }, 6],
  [{ app_name: '1Password for Windows', app_version: '81104003', platform_name: 'Latitude 7440', platform_version: '', os_name: 'Windows', os_version: '10.0.22631' }, 10],
  [{ app_name: '1Password for Linux', app_version: '81104003', platform_name: 'x86_64', platform_version: '', os_name: 'Linux', os_version: '6.8.0-48-generic' }, 3],
  [{ app_name: '1Password for iOS', app_version: '81104003', platform_name: 'iPhone15,2', platform_version: '', os_name: 'iOS', os_version: '18.1' }, 8],
  [{ app_name: '1Password for Android', app_version: '81104002', platform_name: 'Pixel 8', platform_version: '', os_name: 'Android', os_version: '15' }, 5],
  [{ app_name: '1Password CLI', app_version: '2300501', platform_name: 'arm64', platform_version: 'Apple M2 Pro', os_name: 'MacOSX', os_version: '15.1' }, 3],
  [{ app_name: '1Password.com', app_version: '1812', platform_name: 'Chrome', platform_version: '131.0.0.0', os_name: 'MacOSX', os_version: '10.15.7' }, 4],
  [{ app_name: '1Password SCIM Bridge', app_version: '2.9.5', platform_name: 'Go', platform_version: 'go1.23.2', os_name: 'Linux', os_version: '' }, 1],
];

/**
 * Which object types each audit action acts on (reference §3.4 lists the two enums without pairing
 * them; these pairs follow what each action does, e.g. `changemp` is a user's master password,
 * `disblduo` the account's Duo integration). Real mode draws its rare actions from this table, so
 * `changemp` never lands on a `slackapp`. Every action and every object type appears at least once.
 */
// prettier-ignore
export const AUDIT_ACTION_OBJECTS: Readonly<Record<(typeof AUDIT_ACTIONS)[number], readonly (typeof AUDIT_OBJECT_TYPES)[number][]>> = {
  activate: ['user'], addgsso: ['sso'], begin: ['miguser'], beginr: ['user'], cancel: ['invite', 'sub'],
  cancelr: ['user'], changeks: ['user'], changela: ['user'], changemp: ['user'], changenm: ['user'],
  changesk: ['user'], chngasso: ['sso'], chngdsso: ['sso'], chngpsso: ['sso'], complete: ['miguser'],
  completr: ['user'], convert: ['account'], create: ['vault', 'item', 'device', 'invite', 'group', 'satoken', 'slackapp', 'ssotkn', 'sa', 'template', 'file', 'cred', 'card', 'ec'],
  dealldev: ['sa', 'user'], delete: ['vault', 'item', 'device', 'group', 'user', 'slackapp', 'sa', 'file', 'cred', 'card', 'itemhist'],
  delgsso: ['sso'], delshare: ['item'], deolddev: ['user'], detchild: ['famchild'], disblduo: ['account'],
  disblmfa: ['user', 'account'], disblsso: ['sso'], dlgsess: ['dlgdsess'], dvrfydmn: ['account'],
  enblduo: ['account'], enblmfa: ['user', 'account'], enblsso: ['sso'], expire: ['invite'], export: ['items'],
  grant: ['uva', 'gva'], hide: ['template'], join: ['gm'], launchi: ['item'], leave: ['gm'],
  musercom: ['mngdacc'], muserdec: ['mngdacc'], patch: ['user'], propose: ['user'], provsn: ['user'],
  prsndall: ['invite'], purge: ['item', 'vault'], rdmchild: ['famchild'], reactive: ['user'], reauth: ['device'],
  replace: ['user'], resendts: ['user'], revoke: ['uva', 'gva', 'ssotkn', 'satoken'], role: ['gm'],
  sdvcsso: ['device'], sendpkg: ['pm'], sendts: ['user'], share: ['item'], ssotknv: ['ssotkn'],
  suspend: ['user'], tdvcsso: ['device'], trename: ['vault'], trevoke: ['satoken'], trvlaway: ['user'],
  trvlback: ['user'], tverify: ['ssotkn'], uisas: ['account'], unhide: ['template'], unknown: ['account'],
  unlink: ['user'], updatduo: ['account'], update: ['item', 'vault', 'account', 'group', 'user', 'vaultkey', 'sub'],
  updatea: ['account'], updatfw: ['account'], updatmfa: ['user', 'account'], upguest: ['user'],
  uvrfydmn: ['account'], verify: ['user'], view: ['report', 'itemhist'], vrfydmn: ['account'],
};
