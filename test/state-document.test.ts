import { describe, expect, it } from 'vitest';

import { MemoryLogger } from '../src/logger.ts';
import { RECENT_UUIDS_LIMIT } from '../src/state/document.ts';
import type { StateDocument } from '../src/state/document.ts';
import { nextState } from '../src/state/merge.ts';
import {
  MAX_CURSOR_LENGTH,
  MAX_STATE_BYTES,
  MAX_UUID_LENGTH,
  acceptedState,
  readStateDocument,
  serializeStateDocument,
} from '../src/state/parse.ts';

function doc(updatedAt: string, overrides: Partial<StateDocument> = {}): StateDocument {
  return {
    schema: 1,
    account: 'ACCOUNT1',
    server: 'https://events.1password.com',
    updatedAt,
    writtenBy: '100-1',
    feeds: {
      signinattempts: {
        cursor: 'cursor-a',
        apiVersion: 'v2',
        savedAt: updatedAt,
        recentUuids: ['u1', 'u2'],
        newestEventTime: '2026-11-01T00:00:00Z',
      },
    },
    ...overrides,
  };
}

const uuids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

const ok = doc('2026-11-02T10:00:00Z');
const withFeed = (feed: Record<string, unknown>) =>
  JSON.stringify({ ...ok, feeds: { itemusages: { ...ok.feeds.signinattempts, ...feed } } });

describe('readStateDocument', () => {
  it('reads back what serializeStateDocument wrote, from text or bytes', () => {
    const text = serializeStateDocument(ok);
    expect(readStateDocument(text)).toEqual({ ok: true, doc: ok });
    expect(readStateDocument(Buffer.from(text))).toEqual({ ok: true, doc: ok });
  });

  it(`accepts exactly ${RECENT_UUIDS_LIMIT} uuids per feed, and a document at the size cap`, () => {
    const full = withFeed({ recentUuids: uuids('ZZZZZZZZZZZZZZZZZZZZZZ', RECENT_UUIDS_LIMIT) });
    expect(readStateDocument(full).ok).toBe(true);
    const padded = serializeStateDocument(ok).replace(
      /\n$/,
      ' '.repeat(MAX_STATE_BYTES - Buffer.byteLength(serializeStateDocument(ok)) + 1),
    );
    expect(Buffer.byteLength(padded)).toBe(MAX_STATE_BYTES);
    expect(readStateDocument(padded).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"schema":1,', /not JSON/],
    ['an array', '[1,2]', /not a JSON object/],
    ['an unknown top-level field', JSON.stringify({ ...ok, extra: 1 }), /unknown field "extra"/],
    ['an unknown feed field', withFeed({ mine: true }), /"feeds\.itemusages" has an unknown field "mine"/],
    ['an account that is not a string', JSON.stringify({ ...ok, account: 7 }), /"account"/],
    ['an account with a newline', JSON.stringify({ ...ok, account: 'A\n::add-mask::x' }), /"account"/],
    ['a server with a path', JSON.stringify({ ...ok, server: 'https://evil.example/x' }), /"server"/],
    ['a server with credentials', JSON.stringify({ ...ok, server: 'https://u:p@evil.example' }), /"server"/],
    ['a server that is not http(s)', JSON.stringify({ ...ok, server: 'file:///etc' }), /"server"/],
    ['a server that is not http(s)', JSON.stringify({ ...ok, server: 'file:///etc' }), /"server"/],
    ['a bad time', JSON.stringify(doc('yesterday')), /"updatedAt" is not an RFC 3339 time/],
    [
      'a legacy date Date.parse accepts, with a command in its comment',
      JSON.stringify(doc('Tue, 01 Dec 2026 10:00:00 GMT (\n::warning::forged)')),
      /"updatedAt"/,
    ],
    ['February 30', JSON.stringify(doc('2026-02-30T00:00:00Z')), /"updatedAt"/],
    ['a time without a zone', JSON.stringify(doc('2026-11-02T10:00:00')), /"updatedAt"/],
    [
      'a writtenBy with a workflow command',
      JSON.stringify({ ...ok, writtenBy: '1\n::stop-commands::x' }),
      /"writtenBy"/,
    ],
    ['an unknown feed', JSON.stringify({ ...ok, feeds: { emails: {} } }), /unknown feed "emails"/],
    ['a cursor that is not a string', withFeed({ cursor: 5 }), /feeds\.itemusages\.cursor/],
    ['an empty cursor', withFeed({ cursor: '' }), /feeds\.itemusages\.cursor/],
    ['a cursor with a newline', withFeed({ cursor: 'abc\ndef' }), /feeds\.itemusages\.cursor/],
    [
      'a cursor too long',
      withFeed({ cursor: 'c'.repeat(MAX_CURSOR_LENGTH + 1) }),
      /feeds\.itemusages\.cursor/,
    ],
    ['an unknown api version', withFeed({ apiVersion: 'v9' }), /apiVersion/],
    ['a bad savedAt', withFeed({ savedAt: '2026-13-01T00:00:00Z' }), /savedAt/],
    ['a bad newestEventTime', withFeed({ newestEventTime: 'now' }), /newestEventTime/],
    ['uuids that are not strings', withFeed({ recentUuids: [1] }), /recentUuids/],
    ['uuids that are too long', withFeed({ recentUuids: ['u'.repeat(MAX_UUID_LENGTH + 1)] }), /recentUuids/],
    [
      `more than ${RECENT_UUIDS_LIMIT} uuids`,
      withFeed({ recentUuids: uuids('u', RECENT_UUIDS_LIMIT + 1) }),
      new RegExp(`holds ${RECENT_UUIDS_LIMIT + 1} uuids, more than the ${RECENT_UUIDS_LIMIT}`),
    ],
  ])('refuses %s with a reason naming the field', (_what, text, reason) => {
    const reading = readStateDocument(text);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason).toMatch(reason);
    // The reason never carries a line break or a workflow command from the document.
    expect(!reading.ok && reading.reason).not.toMatch(/[\r\n]|::/);
  });

  it('refuses a document over the size cap on its length alone (the 261 MB case is in the bench)', () => {
    // Valid JSON of a shape that would pass every other check except the uuid count.
    const oversized = withFeed({ recentUuids: uuids('0123456789ABCDEFGHIJKLMNOP', 60_000) });
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(MAX_STATE_BYTES);
    expect(readStateDocument(oversized)).toEqual({
      ok: false,
      reason: `it is ${Buffer.byteLength(oversized)} bytes, more than the ${MAX_STATE_BYTES} a state document can be`,
    });
  });

  it('treats an unknown schema as unreadable, marked as written by a newer release', () => {
    const reading = readStateDocument(JSON.stringify({ ...ok, schema: 2 }));
    expect(reading).toEqual({
      ok: false,
      unknownSchema: true,
      reason: 'it has schema 2, which this version does not know (written by a newer release?)',
    });
  });

  it('acceptedState warns with the origin and the reason, and returns nothing', () => {
    const logger = new MemoryLogger();
    expect(acceptedState(readStateDocument('[]'), 'cache entry k-1', logger)).toBeUndefined();
    expect(logger.lines).toEqual([
      'warning: Ignoring the state in cache entry k-1: it is not a JSON object.',
    ]);
    expect(acceptedState({ ok: true, doc: ok }, 'x', logger)).toBe(ok);
  });
});

describe('nextState', () => {
  const update = {
    account: 'ACCOUNT1',
    server: 'https://events.1password.com',
    updatedAt: '2026-11-03T00:00:00Z',
    writtenBy: '200-2',
  };

  it('starts a document from nothing', () => {
    const next = nextState(undefined, {
      ...update,
      feeds: {
        itemusages: { cursor: 'c1', apiVersion: 'v1', deliveredUuids: ['a', 'b'], newestEventTime: 't' },
      },
    });
    expect(next).toEqual({
      schema: 1,
      ...update,
      feeds: {
        itemusages: {
          cursor: 'c1',
          apiVersion: 'v1',
          savedAt: update.updatedAt,
          recentUuids: ['a', 'b'],
          newestEventTime: 't',
        },
      },
    });
  });

  it('moves updated feeds forward and carries the others over unchanged', () => {
    const previous = doc('2026-11-02T00:00:00Z', {
      feeds: {
        ...doc('2026-11-02T00:00:00Z').feeds,
        auditevents: {
          cursor: 'audit',
          apiVersion: 'v2',
          savedAt: '2026-11-02T00:00:00Z',
          recentUuids: ['x'],
        },
      },
    });
    const next = nextState(previous, {
      ...update,
      feeds: { signinattempts: { cursor: 'cursor-b', apiVersion: 'v2', deliveredUuids: ['u2', 'u3'] } },
    });
    expect(next.feeds.auditevents).toEqual(previous.feeds.auditevents);
    expect(next.feeds.signinattempts).toEqual({
      cursor: 'cursor-b',
      apiVersion: 'v2',
      savedAt: update.updatedAt,
      // u2 was seen again: it moves to its newest position instead of appearing twice.
      recentUuids: ['u1', 'u2', 'u3'],
      // Nothing newer was delivered: the previous newest event time stays.
      newestEventTime: '2026-11-01T00:00:00Z',
    });
    expect(next.updatedAt).toBe(update.updatedAt);
    expect(next.writtenBy).toBe('200-2');
    // The previous document is not modified.
    expect(previous.feeds.signinattempts?.cursor).toBe('cursor-a');
  });

  it(`keeps only the newest ${RECENT_UUIDS_LIMIT} uuids`, () => {
    const previous = doc('2026-11-02T00:00:00Z', {
      feeds: {
        signinattempts: {
          cursor: 'c',
          apiVersion: 'v2',
          savedAt: '2026-11-02T00:00:00Z',
          recentUuids: uuids('old-', 1500),
        },
      },
    });
    const delivered = uuids('new-', 800);
    const recent = nextState(previous, {
      ...update,
      feeds: { signinattempts: { cursor: 'c2', apiVersion: 'v2', deliveredUuids: delivered } },
    }).feeds.signinattempts!.recentUuids;
    expect(recent).toHaveLength(RECENT_UUIDS_LIMIT);
    expect(recent.slice(-800)).toEqual(delivered);
    expect(recent[0]).toBe('old-300');
    expect(recent[RECENT_UUIDS_LIMIT - 801]).toBe('old-1499');

    const huge = uuids('run-', RECENT_UUIDS_LIMIT + 50);
    const onlyNew = nextState(previous, {
      ...update,
      feeds: { signinattempts: { cursor: 'c3', apiVersion: 'v2', deliveredUuids: huge } },
    }).feeds.signinattempts!.recentUuids;
    expect(onlyNew).toEqual(huge.slice(50));
  });

  it('does not carry over the feeds of another account or server', () => {
    const previous = doc('2026-11-02T00:00:00Z', { server: 'https://events.ent.1password.com' });
    const next = nextState(previous, {
      ...update,
      feeds: { itemusages: { cursor: 'c', apiVersion: 'v2', deliveredUuids: [] } },
    });
    expect(Object.keys(next.feeds)).toEqual(['itemusages']);
    expect(next.feeds.itemusages?.recentUuids).toEqual([]);
  });
});
