/**
 * Twirp over JSON, as the protobuf-ts clients in @actions/cache and @actions/artifact speak it.
 * Field names arrive in proto (snake_case) form; the clients accept either form back. Every reply,
 * errors included, carries a JSON body because the clients `JSON.parse` whatever they get.
 */
export interface TwirpReply {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export type TwirpRequest = Record<string, unknown>;

export function ok(body: Record<string, unknown>): TwirpReply {
  return { status: 200, body };
}

/** A Twirp error: `code` is the Twirp error code, `msg` the text the clients surface. */
export function twirpError(
  status: number,
  code: string,
  msg: string,
  headers?: Record<string, string>,
): TwirpReply {
  return headers ? { status, body: { code, msg }, headers } : { status, body: { code, msg } };
}

export function stringField(request: TwirpRequest, name: string): string {
  const value = request[name];
  return typeof value === 'string' ? value : '';
}

/** Wrapper types (google.protobuf.StringValue/Int64Value) are sent as their bare value in JSON. */
export function wrappedValue(request: TwirpRequest, name: string): string | undefined {
  const value = request[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'value' in value) return String(value.value);
  return undefined;
}

/** int64 fields travel as decimal strings. */
export function int64Field(request: TwirpRequest, name: string): number | undefined {
  const value = request[name];
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  if (typeof value === 'number') return value;
  return undefined;
}
