/** What the handler answers, before the HTTP layer writes it (or a fault mangles it). */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** `Error`: `{"Error":{"Message":...}}` as production sends; `status-message`: the spec 1.4.1 shape. */
export type ErrorShape = 'Error' | 'status-message';

export function jsonResponse(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): SimResponse {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body };
}

export function errorResponse(
  shape: ErrorShape,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): SimResponse {
  const body = shape === 'Error' ? { Error: { Message: message } } : { status, message };
  return jsonResponse(status, JSON.stringify(body), headers);
}
