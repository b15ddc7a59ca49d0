import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { StateDocument } from './document.ts';
import { MAX_STATE_BYTES, readStateDocument, serializeStateDocument } from './parse.ts';
import type { StateReading } from './parse.ts';

/**
 * A state document sealed with a MAC keyed from the Events token, for copies kept where people
 * without the token can write (the Actions cache): anyone who can write a cache entry can plant a
 * document, but only a holder of the token can make one this export accepts. See SECURITY.md.
 *
 * The key is HKDF-SHA256 of the token, bound to the account and server, so it never leaves the
 * process and a document sealed for one account cannot pass as another's. The MAC covers the exact
 * serialized bytes, which the envelope carries as a string: nothing is re-serialized to check it.
 */
export interface StateSealKey {
  readonly key: Buffer;
  /** A short public fingerprint of the key: tells "sealed with another token" from "altered". */
  readonly id: string;
}

const ENVELOPE_FIELDS = ['sealed', 'keyId', 'mac', 'state'] as const;
const HKDF_SALT = '1password-events-export/state-seal/v1';
const MAC_CONTEXT = '1password-events-export state v1\n';
/** The serialized state escaped as a JSON string takes at most twice its bytes, plus the envelope. */
export const MAX_SEALED_BYTES = 2 * MAX_STATE_BYTES + 4096;

export function stateSealKey(token: string, account: string, server: string): StateSealKey {
  const key = Buffer.from(hkdfSync('sha256', token, HKDF_SALT, `${account}\n${server}`, 32));
  const id = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return { key, id };
}

/** The sealed envelope's text: what the cache entry holds. */
export function sealState(doc: StateDocument, seal: StateSealKey): string {
  const state = serializeStateDocument(doc);
  return `${JSON.stringify({ sealed: 1, keyId: seal.id, mac: mac(seal, state), state })}\n`;
}

/**
 * Opens a sealed envelope: bounded, the MAC checked in constant time, then the document read
 * strictly. Never throws; every problem is a reason.
 */
export function openSealedState(input: Uint8Array | string, seal: StateSealKey): StateReading {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > MAX_SEALED_BYTES) {
    return { ok: false, reason: `it is ${size} bytes, more than a sealed state can be` };
  }
  let value: unknown;
  try {
    value = JSON.parse(typeof input === 'string' ? input : Buffer.from(input).toString('utf8'));
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.keys(value).length !== ENVELOPE_FIELDS.length ||
    !ENVELOPE_FIELDS.every((field) => Object.hasOwn(value, field))
  ) {
    return {
      ok: false,
      reason: 'it is not a sealed state (written by an older release, or not by this export)',
    };
  }
  const envelope = value as Record<(typeof ENVELOPE_FIELDS)[number], unknown>;
  if (envelope.sealed !== 1 || typeof envelope.state !== 'string' || typeof envelope.mac !== 'string') {
    return { ok: false, reason: 'it is not a sealed state of a version this release knows' };
  }
  const expected = Buffer.from(mac(seal, envelope.state), 'hex');
  const given = /^[0-9a-f]{64}$/.test(envelope.mac) ? Buffer.from(envelope.mac, 'hex') : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      reason:
        envelope.keyId === seal.id
          ? 'its MAC does not match: it was altered after it was written'
          : 'it was not sealed with this Events token (the token was rotated, or someone without the token wrote it)',
    };
  }
  return readStateDocument(envelope.state);
}

function mac(seal: StateSealKey, state: string): string {
  return createHmac('sha256', seal.key).update(MAC_CONTEXT).update(state, 'utf8').digest('hex');
}
