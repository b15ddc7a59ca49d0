/**
 * One export from start to files, shared by the action and the CLI: open a session with the Events
 * API (client, introspection, feeds, account), decide which saved state may be resumed, pull every
 * feed into files and compute the state to save once they are delivered. The shells keep only what
 * differs: where inputs, state and reports come from and go to.
 */
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { ExportError } from './errors.ts';
import {
  decideFeeds,
  exportToFiles,
  nextStateDocument,
  type ExportedFiles,
  type FeedProgress,
} from './export.ts';
import type { Logger } from './logger.ts';
import { EventsClient } from './onepassword/client.ts';
import type { Feed } from './onepassword/feeds.ts';
import { RateBudget } from './onepassword/rate-budget.ts';
import { decodeTokenClaims, type TokenClaims } from './onepassword/token.ts';
import type { Introspection } from './onepassword/types.ts';
import { belongsTo, type StateDocument } from './state/document.ts';

/** The settings of an export, a subset of Config that the CLI fills from its flags. */
export type ExportSettings = Pick<
  Config,
  'token' | 'events' | 'apiVersion' | 'startTime' | 'formats' | 'maxDurationMs'
>;

export interface Session {
  server: string;
  client: EventsClient;
  claims: TokenClaims;
  introspection: Introspection;
  /** Feeds to pull: requested and granted. */
  feeds: Feed[];
  /** Requested but not granted by the token. */
  missing: Feed[];
  granted: Feed[];
  account: string;
}

export interface SessionDeps {
  clock: Clock;
  logger: Logger;
  /** How messages name the server setting (`server-url`, or `--server-url` in the CLI) and where it came from. */
  serverSetting?: string;
  serverSource?: 'input' | 'token' | 'default';
  /** Told when a request starts waiting for the API's rate limit (ms), for progress lines. */
  onRateLimitWait?: (waitMs: number) => void;
}

/** Builds the client and introspects the token (401 -> ExportError 'auth'). No feed is pulled yet. */
export async function openSession(
  settings: ExportSettings,
  server: string,
  deps: SessionDeps,
): Promise<Session> {
  const client = new EventsClient({
    serverUrl: server,
    token: settings.token,
    clock: deps.clock,
    budget: new RateBudget({ clock: deps.clock, onWait: deps.onRateLimitWait }),
    logger: deps.logger,
    serverSetting: deps.serverSetting,
    serverSource: deps.serverSource,
  });
  const claims = decodeTokenClaims(settings.token);
  const introspection = await client.introspect();
  const { feeds, missing, granted } = decideFeeds(settings.events, introspection.features);
  const account = introspection.accountUuid ?? claims.account ?? introspection.uuid;
  return { server, client, claims, introspection, feeds, missing, granted, account };
}

/** The scope failure both shells stop on, after they reported which feeds are missing. */
export function assertSomeFeed(session: Session): void {
  if (session.feeds.length === 0)
    throw new ExportError('scope', 'The token grants none of the requested feeds; nothing to export.');
}

/** The saved state this session may resume from: only a document of the same account and server. */
export function usableState(doc: StateDocument | undefined, session: Session): StateDocument | undefined {
  return doc && belongsTo(doc, session) ? doc : undefined;
}

export interface RunOptions {
  previous: StateDocument | undefined;
  outDir: string;
  runId: string;
  runAttempt: string;
  startedAt: Date;
  clock: Clock;
  logger: Logger;
  onPage?: (progress: FeedProgress) => void;
  /** Aborted to stop early and keep what was written (the CLI's Ctrl-C). */
  signal?: AbortSignal;
}

export interface ExportResult extends ExportedFiles {
  /** The state to save once the files are delivered (and only then). */
  state: StateDocument;
  total: number;
  morePending: boolean;
}

/** Pulls every feed of the session into files in `outDir`, manifest included, within max-duration. */
export async function runExport(
  session: Session,
  settings: ExportSettings,
  options: RunOptions,
): Promise<ExportResult> {
  const deadline =
    settings.maxDurationMs > 0 ? options.startedAt.getTime() + settings.maxDurationMs : undefined;
  const exported = await exportToFiles({
    client: session.client,
    clock: options.clock,
    logger: options.logger,
    feeds: session.feeds,
    apiVersion: settings.apiVersion,
    startTime: settings.startTime,
    previous: options.previous,
    outDir: options.outDir,
    runId: options.runId,
    runAttempt: options.runAttempt,
    formats: settings.formats,
    server: session.server,
    account: session.account,
    startedAt: options.startedAt,
    deadline,
    onPage: options.onPage,
    signal: options.signal,
  });
  const state = nextStateDocument(options.previous, exported.outcomes, {
    account: session.account,
    server: session.server,
    runLabel: `${options.runId}-${options.runAttempt}`,
    apiVersion: settings.apiVersion,
    now: new Date(options.clock.now()),
  });
  return {
    ...exported,
    state,
    total: exported.outcomes.reduce((sum, o) => sum + o.events, 0),
    morePending: exported.outcomes.some((o) => o.stoppedByDeadline || o.interrupted === true),
  };
}
