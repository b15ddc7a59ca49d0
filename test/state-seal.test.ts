import { describe, expect, it } from 'vitest';

import type { StateDocument } from '../src/state/document.ts';
import { serializeStateDocument } from '../src/state/parse.ts';
import { MAX_SEALED_BYTES, openSealedState, sealState, stateSealKey } from '../src/state/seal.ts';

const TOKEN = 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImV2ZW50cyJ9.payload-of-the-events-token.signature';
const SERVER = 'https://events.1password.com';

const doc: StateDocument = {
  schema: 1,
  account: 'ACCOUNT1',
  server: SERVER,
  updatedAt: '2026-11-02T10:00:00Z',
  writtenBy: '100-1',
  feeds: {
    signinattempts: {
      cursor: 'cursor-a',
      apiVersion: 'v2',
      savedAt: '2026-11-02T10:00:00Z',
      recentUuids: ['u1'],
    },
  },
};

describe('sealed state', () => {
  const key = stateSealKey(TOKEN, 'ACCOUNT1', SERVER);

  it('opens what it sealed with the same token, account and server', () => {
    expect(openSealedState(sealState(doc, key), stateSealKey(TOKEN, 'ACCOUNT1', SERVER))).toEqual({
      ok: true,
      doc,
    });
    expect(openSealedState(Buffer.from(sealState(doc, key)), key)).toEqual({ ok: true, doc });
  });

  it('never carries the token or the key, only a fingerprint of the key', () => {
    const sealed = sealState(doc, key);
    expect(sealed).not.toContain(TOKEN);
    expect(sealed).not.toContain(key.key.toString('hex'));
    expect(sealed).not.toContain(key.key.toString('base64'));
    expect(JSON.parse(sealed).keyId).toBe(key.id);
  });

  it('refuses a document sealed with another token, or for another account or server', () => {
    const reason =
      'it was not sealed with this Events token (the token was rotated, or someone without the token wrote it)';
    for (const other of [
      stateSealKey(`${TOKEN}x`, 'ACCOUNT1', SERVER),
      stateSealKey(TOKEN, 'ACCOUNT2', SERVER),
      stateSealKey(TOKEN, 'ACCOUNT1', 'https://events.ent.1password.com'),
    ]) {
      expect(openSealedState(sealState(doc, other), key)).toEqual({ ok: false, reason });
    }
  });

  it('refuses an altered document whose key id was kept', () => {
    const envelope = JSON.parse(sealState(doc, key)) as Record<string, string>;
    envelope.state = serializeStateDocument({ ...doc, feeds: {} });
    expect(openSealedState(JSON.stringify(envelope), key)).toEqual({
      ok: false,
      reason: 'its MAC does not match: it was altered after it was written',
    });
  });

  it.each([
    ['a plain state document', serializeStateDocument(doc), /not a sealed state/],
    [
      'an envelope with an extra field',
      JSON.stringify({ ...JSON.parse(sealState(doc, key)), more: 1 }),
      /not a sealed state/,
    ],
    [
      'a MAC that is not hex',
      JSON.stringify({ ...JSON.parse(sealState(doc, key)), mac: 'zz' }),
      /MAC does not match/,
    ],
    ['not JSON', '{', /not JSON/],
    ['a huge envelope', ' '.repeat(MAX_SEALED_BYTES + 1), /more than a sealed state can be/],
  ])('refuses %s', (_what, text, reason) => {
    const opened = openSealedState(text, key);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.reason).toMatch(reason);
  });

  it('validates the sealed document strictly too (a token holder cannot smuggle a bad document)', () => {
    const bad = { ...doc, writtenBy: 'x\n::add-mask::y' };
    expect(openSealedState(sealState(bad, key), key)).toEqual({
      ok: false,
      reason: '"writtenBy" is not a run label',
    });
  });
});
