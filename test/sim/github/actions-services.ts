import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { ArtifactService } from './artifact-service.ts';
import { BlobStore } from './blob-store.ts';
import { CacheService } from './cache-service.ts';
import { parseJson, readBody, sendJson, startLoopbackServer } from './http-util.ts';
import { makeRuntimeToken } from './runtime-token.ts';
import { twirpError } from './twirp.ts';
import type { TwirpReply, TwirpRequest } from './twirp.ts';

export type { ArtifactView } from './artifact-service.ts';
export type { CacheEntryView, RestoreFailureMode, SaveFailureMode } from './cache-service.ts';
export type { ArtifactService } from './artifact-service.ts';
export type { CacheService } from './cache-service.ts';

export interface ActionsRequestLogEntry {
  method: string;
  /** Path plus query, with the blob signature replaced by `***`. */
  path: string;
  status: number;
  /** `CacheService/CreateCacheEntry` etc. for Twirp calls. */
  rpc?: string;
  /** The JSON request body of a Twirp call (blob bodies are not kept: they are archives). */
  body?: string;
}

export interface ActionsServices {
  /** Origin of the server, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  cache: CacheService;
  artifacts: ArtifactService;
  requestLog: ActionsRequestLogEntry[];
  /** Exceptions that escaped a handler (each also answered 500). A passing test expects none. */
  crashes: unknown[];
  runBackendId: string;
  jobBackendId: string;
  /** The variables the runner gives a node action so @actions/cache and @actions/artifact find us. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.';

/**
 * Starts the Actions results services (cache v2 + artifact v2 Twirp, and their blob storage) on
 * 127.0.0.1. Run it in the test process and the action in a child spawned asynchronously: a
 * `spawnSync` would block this event loop and the action would hang waiting for us.
 */
export async function startActionsServices(
  options: { clock?: { now(): number } } = {},
): Promise<ActionsServices> {
  const now = () => (options.clock ?? Date).now();
  let origin = '';
  const blobs = new BlobStore(() => origin);
  const cache = new CacheService(blobs, now);
  const artifacts = new ArtifactService(blobs, now);
  const requestLog: ActionsRequestLogEntry[] = [];
  const crashes: unknown[] = [];
  const runBackendId = randomUUID();
  const jobBackendId = randomUUID();

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: ActionsRequestLogEntry = { method: req.method ?? 'GET', path: redactedPath(url), status: 0 };
    requestLog.push(entry);
    if (url.pathname.startsWith('/blob/')) {
      entry.status = await blobs.handle(req, res, url);
      return;
    }
    const body = await readBody(req);
    const reply = routeTwirp(req, url, body, entry, { cache, artifacts });
    entry.status = reply.status;
    sendJson(res, reply.status, reply.body, reply.headers);
  };

  const server = await startLoopbackServer(handler, (error) => crashes.push(error));
  origin = server.url;
  const runtimeToken = makeRuntimeToken(runBackendId, jobBackendId);
  return {
    url: server.url,
    cache,
    artifacts,
    requestLog,
    crashes,
    runBackendId,
    jobBackendId,
    env: () => ({
      ACTIONS_RESULTS_URL: `${server.url}/`,
      ACTIONS_CACHE_URL: `${server.url}/`,
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RUNTIME_TOKEN: runtimeToken,
    }),
    close: server.close,
  };
}

function routeTwirp(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  entry: ActionsRequestLogEntry,
  services: { cache: CacheService; artifacts: ArtifactService },
): TwirpReply {
  if (req.method !== 'POST' || !url.pathname.startsWith(TWIRP_PREFIX)) {
    return twirpError(404, 'bad_route', `no route for ${req.method} ${url.pathname}`);
  }
  const [service, method = ''] = url.pathname.slice(TWIRP_PREFIX.length).split('/');
  entry.rpc = `${service}/${method}`;
  entry.body = body.toString('utf8');
  if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
    return twirpError(401, 'unauthenticated', 'missing runtime token');
  }
  let request: TwirpRequest;
  try {
    const parsed = parseJson(body) ?? {};
    if (typeof parsed !== 'object' || parsed === null) throw new SyntaxError('body is not an object');
    request = parsed as TwirpRequest;
  } catch (error) {
    return twirpError(400, 'malformed', `request body is not JSON: ${String(error)}`);
  }
  if (service === 'CacheService') return services.cache.handle(method, request);
  if (service === 'ArtifactService') return services.artifacts.handle(method, request);
  return twirpError(404, 'bad_route', `unknown service ${service}`);
}

function redactedPath(url: URL): string {
  const query = new URLSearchParams(url.search);
  if (query.has('sig')) query.set('sig', '***');
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
