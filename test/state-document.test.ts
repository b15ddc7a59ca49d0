import { describe, expect, it } from 'vitest';

import { isExportError } from '../src/errors.ts';
import { MemoryLogger } from '../src/logger.ts';
import { RECENT_UUIDS_LIMIT } from '../src/state/document.ts';
import type { StateDocument } from '../src/state/document.ts';
import { newer, nextState } from '../src/state/merge.ts';
import { parseStateDocument, serializeStateDocument } from '../src/state/parse.ts';

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

describe('parseStateDocument', () => {
  it('reads back what serializeStateDocument wrote', () => {
    const original = doc('2026-11-02T10:00:00Z');
    const logger = new MemoryLogger();
    expect(parseStateDocument(serializeStateDocument(original), 'test', logger)).toEqual(original);
    expect(logger.lines).toEqual([]);
  });

  it.each([
    ['not JSON', '{"schema":1,', /not JSON/],
    ['an array', '[1,2]', /not a JSON object/],
    ['a missing account', JSON.stringify({ ...doc('2026-11-02T10:00:00Z'), account: 7 }), /"account"/],
    ['a bad time', JSON.stringify(doc('yesterday')), /"updatedAt" is not a time/],
    [
      'an unknown feed',
      JSON.stringify({ ...doc('2026-11-02T10:00:00Z'), feeds: { emails: {} } }),
      /unknown feed "emails"/,
    ],
    [
      'a cursor that is not a string',
      JSON.stringify({
        ...doc('2026-11-02T10:00:00Z'),
        feeds: {
          itemusages: { cursor: 5, apiVersion: 'v2', savedAt: '2026-11-02T10:00:00Z', recentUuids: [] },
        },
      }),
      /feeds\.itemusages\.cursor/,
    ],
    [
      'uuids that are not strings',
      JSON.stringify({
        ...doc('2026-11-02T10:00:00Z'),
        feeds: {
          itemusages: { cursor: 'c', apiVersion: 'v2', savedAt: '2026-11-02T10:00:00Z', recentUuids: [1] },
        },
      }),
      /recentUuids/,
    ],
  ])('rejects %s with an error naming where the document came from', (_what, text, reason) => {
    let caught: unknown;
    try {
      parseStateDocument(text, 'cache entry k-1', new MemoryLogger());
    } catch (error) {
      caught = error;
    }
    expect(isExportError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/^State in cache entry k-1 is not a valid state document/);
    expect((caught as Error).message).toMatch(reason);
  });

  it('treats an unknown schema as no state, with a warning', () => {
    const logger = new MemoryLogger();
    const text = JSON.stringify({ ...doc('2026-11-02T10:00:00Z'), schema: 2 });
    expect(parseStateDocument(text, 'state.json', logger)).toBeUndefined();
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^warning: State in state\.json has schema 2/);
  });
});

describe('newer', () => {
  it('keeps the later updatedAt, whatever the order, and the first one on a tie', () => {
    const old = doc('2026-11-01T00:00:00Z');
    const recent = doc('2026-11-01T00:00:01.5+00:00');
    expect(newer(old, recent)).toBe(recent);
    expect(newer(recent, old)).toBe(recent);
    const twin = doc('2026-11-01T00:00:00.000Z');
    expect(newer(old, twin)).toBe(old);
    expect(newer(twin, old)).toBe(twin);
    expect(newer(undefined, old)).toBe(old);
    expect(newer(old, undefined)).toBe(old);
    expect(newer(undefined, undefined)).toBeUndefined();
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
