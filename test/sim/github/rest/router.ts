import type { IncomingHttpHeaders } from 'node:http';

import type { Level, Permissions, Scope, TokenGrant } from './auth.ts';
import type { Renderer } from './render.ts';
import type { RepoState } from './repo-state.ts';

/** The pieces every REST route handler works with. */
export interface RestRequest {
  method: string;
  /** Decoded path, without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Bytes sent as-is instead of JSON (raw media type). */
  raw?: Buffer;
}

/** Simulator-wide services the handlers share. */
export interface SimServices {
  apiUrl: string;
  /** Current time as GitHub prints it: ISO 8601, second precision, UTC. */
  now(): string;
  /** Database ids are global on GitHub. */
  nextId(): number;
  /** Consumes one pending "someone else committed first" fault; true when one was pending. */
  takeRefConflict(): boolean;
  recordForcedUpdate(update: { repo: string; ref: string; sha: string }): void;
}

export interface RouteContext {
  req: RestRequest;
  params: Record<string, string>;
  repo: RepoState;
  render: Renderer;
  grant: TokenGrant;
  permissions: Permissions | undefined;
  sim: SimServices;
}

export interface Route {
  method: string;
  /** `/repos/:owner/:repo/...`; `*` matches the rest of the path (param `rest`). */
  pattern: string;
  scope: Scope;
  level: Level;
  /** Git Data endpoints answer 409 "Git Repository is empty." before the first commit. */
  gitData?: boolean;
  handle(ctx: RouteContext): RestReply;
}

export interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (segment === '*') {
        names.push('rest');
        return '(.+)';
      }
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}/?$`), names };
}

export function match(
  routes: CompiledRoute[],
  method: string,
  path: string,
):
  | { route: CompiledRoute; params: Record<string, string> }
  | { route: undefined; params: Record<string, string> } {
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = route.regex.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, index) => (params[name] = found[index + 1] ?? ''));
    return { route, params };
  }
  return { route: undefined, params: {} };
}

// ---- replies ------------------------------------------------------------------------------------

const DOCS = 'https://docs.github.com/rest';

export function json(status: number, body: unknown, headers?: Record<string, string>): RestReply {
  return headers ? { status, body, headers } : { status, body };
}

export function fail(status: number, message: string, headers?: Record<string, string>): RestReply {
  return json(status, { message, documentation_url: DOCS, status: String(status) }, headers);
}

export function notFound(): RestReply {
  return fail(404, 'Not Found');
}

/** GitHub's 422 "Validation Failed" with one structured error. */
export function validationFailed(resource: string, field: string, code: string, message?: string): RestReply {
  const error: Record<string, string> = { resource, field, code };
  if (message) error.message = message;
  return json(422, { message: 'Validation Failed', errors: [error], documentation_url: DOCS, status: '422' });
}

/** The fields GitHub says are missing: `Invalid request.\n\n"x" wasn't supplied.` */
export function missingField(field: string): RestReply {
  return fail(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
}

// ---- body helpers -------------------------------------------------------------------------------

export function bodyObject(req: RestRequest): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
    ? (req.body as Record<string, unknown>)
    : {};
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  return typeof value === 'string' ? value : undefined;
}

/** `per_page` (default 30, max 100) and `page` (default 1) as GitHub reads them. */
export function pageOf<T>(
  req: RestRequest,
  items: T[],
  apiUrl: string,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string) => {
    const query = new URLSearchParams(req.query);
    query.set('per_page', String(perPage));
    query.set('page', String(n));
    return `<${apiUrl}${encodeURI(req.path)}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}
