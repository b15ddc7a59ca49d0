/**
 * The Parquet columns of each feed and the flattening of an event into them.
 *
 * Every documented v2 field (v1 fields are a subset) gets a typed snake_case column; nested objects
 * are flattened with `_` (`client.ip_address` -> `client_ip_address`). The columns of a feed never
 * depend on the data: a field an event lacks is null.
 *
 * Nothing is lost: whatever a column cannot hold goes to the `extra` column, a JSON object shaped
 * like the event itself, holding only those parts:
 * - fields the schema does not know, at any depth: `{"risk_score":0.3,"client":{"new_field":1}}`;
 * - values of the wrong type, raw (the column is null): `{"aux_id":"12"}`, `{"location":"n/a"}`;
 * - timestamps that are not RFC 3339: `{"timestamp":"yesterday"}`;
 * - strings with unpaired UTF-16 surrogates, which UTF-8 columns cannot hold exactly;
 * - integers outside the exactly representable range (|n| > 2^53 - 1) for INT64 columns.
 * Merging `extra` back into the columns rebuilds the event (see `unflattenRow`), except for what
 * Parquet deliberately normalises:
 * - a known field that is null, absent, or an empty known object all read as null columns
 *   (`details: null` and no `details` look the same; the NDJSON keeps the difference);
 * - timestamps are instants in UTC with microsecond precision: the original offset and any digits
 *   below the microsecond (truncated) are only in the NDJSON.
 */
import type { Feed } from '../onepassword/feeds.ts';
import { formatMicrosUtc, parseRfc3339Micros } from '../time/rfc3339.ts';

export type ColumnType = 'string' | 'timestamp' | 'int64' | 'double';

export interface Column {
  /** snake_case column name, e.g. `client_ip_address`. */
  name: string;
  type: ColumnType;
  /** Where the value sits in the event, e.g. `['client', 'ip_address']`. Empty for `extra`. */
  path: readonly string[];
}

/** A column value as the writers take it: timestamps in microseconds, int64 as BigInt. */
export type RowValue = string | number | bigint | null;
export type Row = Record<string, RowValue>;

export const EXTRA_COLUMN = 'extra';

type FieldTree = { readonly [field: string]: ColumnType | FieldTree };

const USER: FieldTree = { uuid: 'string', name: 'string', email: 'string' };
const USER_V2: FieldTree = { ...USER, user_type: 'string', user_account_uuid: 'string' };
const CLIENT: FieldTree = {
  app_name: 'string',
  app_version: 'string',
  platform_name: 'string',
  platform_version: 'string',
  os_name: 'string',
  os_version: 'string',
  ip_address: 'string',
};
const LOCATION: FieldTree = {
  country: 'string',
  region: 'string',
  city: 'string',
  latitude: 'double',
  longitude: 'double',
};

/** The documented v2 event shapes (API reference §3), in documentation order. */
const FIELD_TREES: Record<Feed, FieldTree> = {
  signinattempts: {
    uuid: 'string',
    session_uuid: 'string',
    timestamp: 'timestamp',
    category: 'string',
    type: 'string',
    country: 'string',
    details: { value: 'string' },
    target_user: USER_V2,
    client: CLIENT,
    location: LOCATION,
    account_uuid: 'string',
  },
  itemusages: {
    uuid: 'string',
    timestamp: 'timestamp',
    used_version: 'int64',
    vault_uuid: 'string',
    item_uuid: 'string',
    action: 'string',
    user: USER_V2,
    client: CLIENT,
    location: LOCATION,
    account_uuid: 'string',
  },
  auditevents: {
    uuid: 'string',
    timestamp: 'timestamp',
    actor_uuid: 'string',
    actor_details: USER_V2,
    actor_type: 'string',
    actor_account_uuid: 'string',
    account_uuid: 'string',
    action: 'string',
    object_type: 'string',
    object_uuid: 'string',
    object_details: USER,
    aux_id: 'int64',
    aux_uuid: 'string',
    aux_details: USER,
    aux_info: 'string',
    session: { uuid: 'string', login_time: 'timestamp', device_uuid: 'string', ip: 'string' },
    location: LOCATION,
  },
};

/** A field tree compiled against column positions, so flattening is one walk with no lookups by name. */
type CompiledTree = Map<string, { type: ColumnType; index: number } | { children: CompiledTree }>;

interface CompiledSchema {
  columns: Column[];
  tree: CompiledTree;
  extraIndex: number;
}

function compile(tree: FieldTree, path: string[], columns: Column[]): CompiledTree {
  const compiled: CompiledTree = new Map();
  for (const [field, spec] of Object.entries(tree)) {
    const fieldPath = [...path, field];
    if (typeof spec === 'string') {
      compiled.set(field, { type: spec, index: columns.length });
      columns.push({ name: fieldPath.join('_'), type: spec, path: fieldPath });
    } else {
      compiled.set(field, { children: compile(spec, fieldPath, columns) });
    }
  }
  return compiled;
}

function compileFeed(feed: Feed): CompiledSchema {
  const columns: Column[] = [];
  const tree = compile(FIELD_TREES[feed], [], columns);
  const extraIndex = columns.length;
  columns.push({ name: EXTRA_COLUMN, type: 'string', path: [] });
  const names = new Set(columns.map((c) => c.name));
  if (names.size !== columns.length) throw new Error(`duplicate column names in the ${feed} schema`);
  return { columns, tree, extraIndex };
}

const COMPILED: Record<Feed, CompiledSchema> = {
  signinattempts: compileFeed('signinattempts'),
  itemusages: compileFeed('itemusages'),
  auditevents: compileFeed('auditevents'),
};

/** The Parquet columns of each feed, `extra` last. The same for every file of a feed. */
export const SCHEMAS: Record<Feed, readonly Column[]> = {
  signinattempts: COMPILED.signinattempts.columns,
  itemusages: COMPILED.itemusages.columns,
  auditevents: COMPILED.auditevents.columns,
};

/** The event as column values in `SCHEMAS[feed]` order (what the Parquet writer buffers). */
export function flattenEventValues(feed: Feed, event: Readonly<Record<string, unknown>>): RowValue[] {
  const { columns, tree, extraIndex } = COMPILED[feed];
  const values: RowValue[] = new Array<RowValue>(columns.length).fill(null);
  const extra = walk(tree, event, values);
  values[extraIndex] = extra === undefined ? null : JSON.stringify(extra);
  return values;
}

/** The event as a row keyed by column name. */
export function flattenEvent(feed: Feed, event: Readonly<Record<string, unknown>>): Row {
  const values = flattenEventValues(feed, event);
  const row: Row = {};
  SCHEMAS[feed].forEach((column, i) => (row[column.name] = values[i] ?? null));
  return row;
}

/**
 * Fill `values` from `object`; return what did not fit the columns (shaped like `object`), or
 * undefined when everything did. Unknown parts are built on null-prototype objects so that a field
 * named `__proto__` stays an ordinary field.
 */
function walk(tree: CompiledTree, object: Readonly<Record<string, unknown>>, values: RowValue[]) {
  let extra: Record<string, unknown> | undefined;
  const keep = (field: string, value: unknown) => {
    extra ??= Object.create(null) as Record<string, unknown>;
    extra[field] = value;
  };
  for (const field of Object.keys(object)) {
    const value = object[field];
    const node = tree.get(field);
    if (node === undefined) {
      // undefined cannot come from JSON; skipping it keeps `extra` null for hand-built events.
      if (value !== undefined) keep(field, value);
    } else if (value === null || value === undefined) {
      // A null known field reads as null columns: nothing to keep.
    } else if ('children' in node) {
      if (isPlainObject(value)) {
        const nested = walk(node.children, value, values);
        if (nested !== undefined) keep(field, nested);
      } else {
        keep(field, value);
      }
    } else {
      const converted = convert(node.type, value);
      if (converted === undefined) keep(field, value);
      else values[node.index] = converted;
    }
  }
  return extra;
}

/** The column value for a JSON value, or undefined when the column cannot hold it exactly. */
function convert(type: ColumnType, value: unknown): RowValue | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' && !hasLoneSurrogate(value) ? value : undefined;
    case 'timestamp':
      return typeof value === 'string' ? (parseRfc3339Micros(value) ?? undefined) : undefined;
    case 'int64':
      return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : undefined;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }
}

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasLoneSurrogate(text: string): boolean {
  return SURROGATE.test(text) && LONE_SURROGATE.test(text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The inverse of flattening: an event rebuilt from a row (columns set at their paths, timestamps in
 * canonical UTC form, then `extra` merged back in). Equal to the original event up to the
 * normalisations listed at the top of this file.
 */
export function unflattenRow(feed: Feed, row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const event: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const column of SCHEMAS[feed]) {
    const value = row[column.name];
    if (column.name === EXTRA_COLUMN || value === null || value === undefined) continue;
    setPath(event, column.path, columnToJson(column.type, value));
  }
  const extra = row[EXTRA_COLUMN];
  if (typeof extra === 'string') mergeInto(event, JSON.parse(extra) as Record<string, unknown>);
  return event;
}

function columnToJson(type: ColumnType, value: unknown): unknown {
  if (type === 'timestamp') return formatMicrosUtc(BigInt(value as bigint | number));
  if (type === 'int64') return Number(value);
  return value;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const field of path.slice(0, -1)) {
    if (!isPlainObject(node[field])) node[field] = Object.create(null) as Record<string, unknown>;
    node = node[field] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(source)) {
    const existing = target[field];
    if (isPlainObject(existing) && isPlainObject(value)) mergeInto(existing, value);
    else target[field] = value;
  }
}
