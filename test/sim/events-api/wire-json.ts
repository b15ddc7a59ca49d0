/**
 * JSON text the way the Events API's bodies look in captures: `{"a": 1, "b": [1, 2]}` (a space after
 * `:` and `,`) with `<`, `>` and `&` escaped as `\u003c`, `\u003e`, `\u0026` (Go's encoding/json
 * default). The values are the same as JSON.stringify's; only the bytes differ, which is what a
 * byte-faithful NDJSON writer must keep.
 */
export function spacedJson(value: unknown): string {
  const compact = JSON.stringify(value);
  // One pass over the compact text: outside strings a space follows `:` and `,`; inside strings
  // the characters Go escapes are escaped. JSON.stringify never leaves a raw `"` inside a string.
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i++) {
    const c = compact.charCodeAt(i);
    if (c === 0x5c /* \ */ && inString) {
      i++;
      continue;
    }
    if (c === 0x22 /* " */) inString = !inString;
    else if (!inString && (c === 0x3a /* : */ || c === 0x2c) /* , */) {
      out += compact.slice(from, i + 1) + ' ';
      from = i + 1;
    } else if (inString && GO_ESCAPED.has(c)) {
      out += compact.slice(from, i) + `\\u${c.toString(16).padStart(4, '0')}`;
      from = i + 1;
    }
  }
  return out + compact.slice(from);
}

/** `<`, `>`, `&`, U+2028, U+2029: what Go's encoding/json escapes by default beyond JSON's minimum. */
const GO_ESCAPED = new Set([0x3c, 0x3e, 0x26, 0x2028, 0x2029]);

export type WireStyle = 'spaced' | 'compact';

export function serialise(value: unknown, style: WireStyle): string {
  return style === 'spaced' ? spacedJson(value) : JSON.stringify(value);
}
