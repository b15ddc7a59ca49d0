/**
 * Wire types of the 1Password Events API (v1/v2). Events are kept as the raw objects the API sent:
 * the writers flatten them, NDJSON keeps them verbatim, and unknown fields must survive.
 */

/**
 * Where an event read from a response keeps its own text, exactly as the server sent it (see
 * raw-items.ts). A symbol key: JSON.stringify, Object.keys and the Parquet flattening never see it.
 */
export const RAW_JSON: unique symbol = Symbol('raw JSON of an event');

/** One event as the API sent it. Only `uuid` and `timestamp` are relied on before flattening. */
export type RawEvent = { uuid: string; timestamp: string; [RAW_JSON]?: string } & Record<string, unknown>;

/** Body that starts a new position (ResetCursor in the API reference). */
export interface ResetCursor {
  limit?: number;
  start_time?: string;
  end_time?: string;
}

/** Body that continues from an opaque cursor. */
export interface CursorRequest {
  cursor: string;
}

export type PageRequest = ResetCursor | CursorRequest;

/** The 200 response envelope of every data endpoint. */
export interface PageResponse {
  cursor: string;
  has_more: boolean;
  items: RawEvent[];
}

/** Normalised result of `GET /api/v2/auth/introspect` (or the v1 PascalCase path). */
export interface Introspection {
  uuid: string;
  issuedAt: string;
  features: string[];
  accountUuid?: string;
}
