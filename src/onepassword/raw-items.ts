/**
 * The text of each element of a response's top-level `items` array, exactly as the server wrote it,
 * so NDJSON can keep the API's bytes (spacing, key order, `\u003c` escapes) instead of re-serialising.
 *
 * Only ever run on a body that `JSON.parse` already accepted: the scanner relies on the text being
 * valid JSON and only has to find where values start and end.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Raw texts of the `items` elements (surrounding whitespace trimmed, line breaks between tokens
 * removed so each stays one NDJSON line), `[]` for `items: null`, undefined when the body has no
 * top-level `items` array. With duplicate `items` keys the last one wins, as in `JSON.parse`.
 */
export function rawItems(body: string): string[] | undefined {
  let pos = skipSpace(body, 0);
  if (body.charCodeAt(pos) !== OPEN_BRACE) return undefined;
  pos = skipSpace(body, pos + 1);
  let found: string[] | undefined;
  while (body.charCodeAt(pos) === QUOTE) {
    const keyEnd = skipString(body, pos);
    const key = JSON.parse(body.slice(pos, keyEnd)) as string;
    pos = skipSpace(body, keyEnd);
    if (body.charCodeAt(pos) !== COLON) return undefined;
    pos = skipSpace(body, pos + 1);
    const valueEnd = skipValue(body, pos);
    if (key === 'items') found = splitArray(body, pos, valueEnd);
    pos = skipSpace(body, valueEnd);
    if (body.charCodeAt(pos) !== COMMA) break;
    pos = skipSpace(body, pos + 1);
  }
  return found;
}

/** Elements of the array at [start, end), or [] for `null`, or undefined for any other value. */
function splitArray(body: string, start: number, end: number): string[] | undefined {
  if (body.startsWith('null', start)) return [];
  if (body.charCodeAt(start) !== OPEN_BRACKET) return undefined;
  const items: string[] = [];
  let pos = skipSpace(body, start + 1);
  if (body.charCodeAt(pos) === CLOSE_BRACKET) return items;
  while (pos < end) {
    const itemEnd = skipValue(body, pos);
    items.push(oneLine(body.slice(pos, itemEnd)));
    pos = skipSpace(body, itemEnd);
    if (body.charCodeAt(pos) !== COMMA) break;
    pos = skipSpace(body, pos + 1);
  }
  return items;
}

/** End (exclusive) of the value starting at `pos`. */
function skipValue(body: string, pos: number): number {
  const first = body.charCodeAt(pos);
  if (first === QUOTE) return skipString(body, pos);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // A number or literal: runs until a delimiter.
    let end = pos;
    while (end < body.length && !isDelimiter(body.charCodeAt(end))) end += 1;
    return end;
  }
  let depth = 0;
  for (let i = pos; i < body.length; i += 1) {
    const code = body.charCodeAt(i);
    if (code === QUOTE) {
      i = skipString(body, i) - 1;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return body.length;
}

/** End (exclusive, after the closing quote) of the string starting at `pos`. */
function skipString(body: string, pos: number): number {
  let i = pos + 1;
  for (;;) {
    const quote = body.indexOf('"', i);
    if (quote === -1) return body.length;
    // The quote is escaped when an odd number of backslashes precede it.
    let backslashes = 0;
    while (body.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

function skipSpace(body: string, pos: number): number {
  while (pos < body.length && isSpace(body.charCodeAt(pos))) pos += 1;
  return pos;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function isDelimiter(code: number): boolean {
  return isSpace(code) || code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET;
}

/**
 * JSON strings cannot hold a raw line break, so any CR/LF in an item's text is whitespace between
 * tokens; dropping it keeps the value and its other bytes, and keeps the item on one NDJSON line.
 */
function oneLine(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/[\r\n]+/g, '') : text;
}
