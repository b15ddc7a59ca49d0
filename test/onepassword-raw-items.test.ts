import { describe, expect, it } from 'vitest';
import { parsePageResponse } from '../src/onepassword/responses.ts';
import { rawItems } from '../src/onepassword/raw-items.ts';
import { RAW_JSON } from '../src/onepassword/types.ts';

/** Each raw text must parse to exactly the element JSON.parse saw: the two readings agree. */
function expectAgreement(body: string): string[] {
  const texts = rawItems(body);
  const parsed = JSON.parse(body) as { items: unknown[] | null };
  expect(texts).toBeDefined();
  expect(texts!.map((text) => JSON.parse(text) as unknown)).toEqual(parsed.items ?? []);
  return texts!;
}

describe('rawItems', () => {
  it('keeps spacing, key order and \\u003c escapes of each item exactly', () => {
    const first =
      '{ "uuid" : "A1", "timestamp" : "2026-11-01T00:00:00Z", "aux_info" : "\\u003cscript\\u003e \\u0026 done" }';
    const second =
      '{"uuid":"B2","timestamp":"2026-11-01T00:00:01.12345678Z","n":-1.5e3,"ok":true,"none":null}';
    const body = `{ "cursor" : "c", "has_more" : false, "items" : [ ${first} ,\t${second} ] }`;
    expect(expectAgreement(body)).toEqual([first, second]);
  });

  it('is not fooled by brackets, braces, quotes and backslashes inside strings', () => {
    const item = '{"uuid":"x]}","timestamp":"t","s":"a \\"quoted\\" [b] {c} \\\\","path":"C:\\\\dir\\\\"}';
    const body = `{"items":[${item}],"cursor":"[{","has_more":true}`;
    expect(expectAgreement(body)).toEqual([item]);
  });

  it('takes the last items key, as JSON.parse does, and reads items: null as empty', () => {
    expect(expectAgreement('{"items":[{"uuid":"old","timestamp":"t"}],"items":[]}')).toEqual([]);
    expect(rawItems('{"cursor":"c","has_more":false,"items":null}')).toEqual([]);
    expect(rawItems('{"cursor":"c","has_more":false}')).toBeUndefined();
    expect(rawItems('[1,2]')).toBeUndefined();
  });

  it('drops line breaks between tokens of a pretty-printed item, so it stays one NDJSON line', () => {
    const body = '{\n  "items": [\n    {\n      "uuid": "A",\n      "timestamp": "t"\n    }\n  ]\n}';
    expect(expectAgreement(body)).toEqual(['{      "uuid": "A",      "timestamp": "t"    }']);
  });

  it('an escaped key still names items', () => {
    expect(expectAgreement('{"item\\u0073":[{"uuid":"A","timestamp":"t"}]}')).toEqual([
      '{"uuid":"A","timestamp":"t"}',
    ]);
  });
});

describe('parsePageResponse', () => {
  it('attaches each item its own text, invisible to JSON.stringify and Object.keys', () => {
    const body = '{"cursor":"c","has_more":false,"items":[{"uuid" : "A", "timestamp":"t","x":"\\u003c"}]}';
    const page = parsePageResponse(JSON.parse(body), body)!;
    const [event] = page.items;
    expect(event?.[RAW_JSON]).toBe('{"uuid" : "A", "timestamp":"t","x":"\\u003c"}');
    expect(Object.keys(event!)).toEqual(['uuid', 'timestamp', 'x']);
    expect(JSON.stringify(event)).toBe('{"uuid":"A","timestamp":"t","x":"<"}');
  });

  it('treats items: null as an empty page and still refuses a missing or wrong items', () => {
    const nullBody = '{"cursor":"c","has_more":false,"items":null}';
    expect(parsePageResponse(JSON.parse(nullBody), nullBody)).toEqual({
      cursor: 'c',
      has_more: false,
      items: [],
    });
    expect(parsePageResponse({ cursor: 'c', has_more: false })).toBeUndefined();
    expect(parsePageResponse({ cursor: 'c', has_more: false, items: {} })).toBeUndefined();
    expect(
      parsePageResponse({ cursor: 'c', has_more: false, items: [{ uuid: 1, timestamp: 't' }] }),
    ).toBeUndefined();
  });
});
