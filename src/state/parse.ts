import { API_VERSIONS, isFeed } from '../onepassword/feeds.ts';
import { parseRfc3339Micros } from '../time/rfc3339.ts';
import { RECENT_UUIDS_LIMIT } from './document.ts';
import type { StateDocument } from './document.ts';

/**
 * Strict reading of a state document. State comes from places other people can write (a cache entry,
 * an artifact, a commit), so nothing is taken on trust: known fields only, every value of the shape we
 * write, every list and string bounded, and the whole text bounded before it is parsed. A document
 * that fails any check is refused as a whole (never half-used) with a reason that names the field but
 * never echoes the value.
 */

/**
 * Largest state text accepted, in bytes. What we write is far smaller: 3 feeds × RECENT_UUIDS_LIMIT
 * uuids × ≤ 80 bytes a line plus three cursors is about 0.5 MiB at the very most.
 */
export const MAX_STATE_BYTES = 1024 * 1024;
/** Longest cursor accepted (the API's are a few hundred characters). */
export const MAX_CURSOR_LENGTH = 8192;
/** Longest event uuid accepted (the API's are 26 characters). */
export const MAX_UUID_LENGTH = 64;

export type StateReading =
  | { ok: true; doc: StateDocument }
  /** `unknownSchema`: written by a newer release; not broken, just not ours to read. */
  | { ok: false; reason: string; unknownSchema?: boolean };

const DOCUMENT_FIELDS = new Set(['schema', 'account', 'server', 'updatedAt', 'writtenBy', 'feeds']);
const FEED_FIELDS = new Set(['cursor', 'apiVersion', 'savedAt', 'recentUuids', 'newestEventTime']);
/** Account ids: 1Password uuids (26 base32 characters); a little slack, nothing that needs escaping. */
const ACCOUNT_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** `<run_id>-<run_attempt>` in the action, `<timestamp>-1` in the CLI. */
const WRITTEN_BY_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** Cursors: opaque printable ASCII (no control characters, so no line breaks). */
const CURSOR_SHAPE = /^[\x20-\x7e]+$/;
/** Event uuids: printable ASCII without spaces. */
const UUID_SHAPE = /^[\x21-\x7e]+$/;
const LONGEST_TIME = 40;

/**
 * Reads a state document from its bytes (or text). Never throws: every problem is a reason.
 * The size is checked before anything is decoded or parsed, so a huge document costs no memory
 * beyond the bytes the caller already bounded.
 */
export function readStateDocument(input: Uint8Array | string): StateReading {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > MAX_STATE_BYTES) {
    return refuse(`it is ${size} bytes, more than the ${MAX_STATE_BYTES} a state document can be`);
  }
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('it is not JSON');
  }
  if (!isObject(value)) return refuse('it is not a JSON object');
  if (value.schema !== 1) {
    return {
      ok: false,
      unknownSchema: true,
      reason: `it has schema ${describe(value.schema)}, which this version does not know (written by a newer release?)`,
    };
  }
  const problem = documentProblem(value);
  return problem === undefined ? { ok: true, doc: value as unknown as StateDocument } : refuse(problem);
}

/** The first thing wrong with a parsed document of schema 1, or undefined when it is sound. */
function documentProblem(value: Record<string, unknown>): string | undefined {
  const extra = unknownField(value, DOCUMENT_FIELDS);
  if (extra !== undefined) return `it has an unknown field ${extra}`;
  if (typeof value.account !== 'string' || !ACCOUNT_SHAPE.test(value.account)) {
    return '"account" is not an account id';
  }
  if (typeof value.server !== 'string' || !isServerOrigin(value.server)) {
    return '"server" is not a server origin (https://host)';
  }
  if (!isTime(value.updatedAt)) return '"updatedAt" is not an RFC 3339 time';
  if (typeof value.writtenBy !== 'string' || !WRITTEN_BY_SHAPE.test(value.writtenBy)) {
    return '"writtenBy" is not a run label';
  }
  if (!isObject(value.feeds)) return '"feeds" is not an object';
  for (const [feed, feedState] of Object.entries(value.feeds)) {
    if (!isFeed(feed)) return `"feeds" has an unknown feed ${describe(feed)}`;
    const problem = feedProblem(feedState, `feeds.${feed}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function feedProblem(value: unknown, where: string): string | undefined {
  if (!isObject(value)) return `"${where}" is not an object`;
  const extra = unknownField(value, FEED_FIELDS);
  if (extra !== undefined) return `"${where}" has an unknown field ${extra}`;
  if (!isToken(value.cursor, MAX_CURSOR_LENGTH, CURSOR_SHAPE)) {
    return `"${where}.cursor" is not a cursor (printable, at most ${MAX_CURSOR_LENGTH} characters)`;
  }
  if (!(API_VERSIONS as readonly unknown[]).includes(value.apiVersion)) {
    return `"${where}.apiVersion" is not one of ${API_VERSIONS.join(', ')}`;
  }
  if (!isTime(value.savedAt)) return `"${where}.savedAt" is not an RFC 3339 time`;
  const uuids = value.recentUuids;
  if (!Array.isArray(uuids)) return `"${where}.recentUuids" is not a list`;
  if (uuids.length > RECENT_UUIDS_LIMIT) {
    return `"${where}.recentUuids" holds ${uuids.length} uuids, more than the ${RECENT_UUIDS_LIMIT} kept`;
  }
  if (!uuids.every((uuid) => isToken(uuid, MAX_UUID_LENGTH, UUID_SHAPE))) {
    return `"${where}.recentUuids" holds something that is not an event uuid`;
  }
  if (value.newestEventTime !== undefined && !isTime(value.newestEventTime)) {
    return `"${where}.newestEventTime" is not an RFC 3339 time`;
  }
  return undefined;
}

function refuse(reason: string): StateReading {
  return { ok: false, reason };
}

function unknownField(value: Record<string, unknown>, known: ReadonlySet<string>): string | undefined {
  const extra = Object.keys(value).find((key) => !known.has(key));
  return extra === undefined ? undefined : describe(extra);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Times by the exact RFC 3339 parser the output uses (calendar-checked, no legacy Date formats). */
function isTime(value: unknown): value is string {
  return typeof value === 'string' && value.length <= LONGEST_TIME && parseRfc3339Micros(value) !== null;
}

function isToken(value: unknown, maxLength: number, shape: RegExp): value is string {
  return typeof value === 'string' && value.length <= maxLength && shape.test(value);
}

/**
 * An http(s) origin and nothing else (the form src/onepassword/server-url.ts produces). Which server
 * is acceptable is not decided here: a document is only used for the server the run talks to.
 */
function isServerOrigin(value: string): boolean {
  if (value.length > 300) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** A value from the document, quoted and cut short, safe to put in a message. */
function describe(value: unknown): string {
  // JSON.stringify(undefined) is undefined at run time, whatever its type says.
  const text = (JSON.stringify(value) as string | undefined) ?? 'undefined';
  const quoted = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return quoted.replace(/[^\x20-\x7e…]/g, '?');
}

/** The exact bytes every store writes, so copies of one document compare equal. */
export function serializeStateDocument(doc: StateDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * The document of a reading, or undefined after a warning that names the copy and says why it is
 * ignored (the lost-state rules then decide what the run does).
 */
export function acceptedState(
  reading: StateReading,
  origin: string,
  logger: { warning(message: string): void },
): StateDocument | undefined {
  if (reading.ok) return reading.doc;
  logger.warning(`Ignoring the state in ${origin}: ${reading.reason}.`);
  return undefined;
}
