/**
 * Everything a run of the bundled action talks to, on 127.0.0.1: the Events API simulator, the
 * Actions cache/artifact services and the GitHub REST simulator. `run()` runs dist/index.js through
 * the harness the way a scheduled workflow would, with a new run id each time.
 */
import { gunzipSync } from 'node:zlib';
import { EventsApiSimulator } from '../sim/events-api/index.ts';
import { startActionsServices, type ActionsServices } from '../sim/github/actions-services.ts';
import { startGitHubRestSim, type GitHubRestSim } from '../sim/github/rest.ts';
import { runAction, type RunActionResult } from '../harness/run-action.ts';
import type { RawEvent } from '../../src/onepassword/types.ts';

export const REPOSITORY = 'acme/security';
export const GITHUB_TOKEN = 'ghs_WorkflowToken0123456789abcdefABCDEF';

export interface World {
  events: EventsApiSimulator;
  actions: ActionsServices;
  rest: GitHubRestSim;
  opToken: string;
  run(
    inputs?: Record<string, string>,
    options?: { env?: Record<string, string>; attempt?: number; private?: boolean },
  ): Promise<RunActionResult>;
  results: RunActionResult[];
  close(): Promise<void>;
}

let nextRunId = 7_000_000_000 + Math.floor(Math.random() * 1_000_000) * 100;

export async function startWorld(options: { seed?: number } = {}): Promise<World> {
  const events = await EventsApiSimulator.start({ seed: options.seed ?? 5 });
  const actions = await startActionsServices();
  const rest = await startGitHubRestSim();
  rest.createRepo(REPOSITORY, { visibility: 'private' });
  rest.addToken(GITHUB_TOKEN, {
    [REPOSITORY]: { contents: 'read', issues: 'write', actions: 'read', metadata: 'read' },
  });
  const opToken = events.issueToken();
  const results: RunActionResult[] = [];
  return {
    events,
    actions,
    rest,
    opToken,
    results,
    async run(inputs = {}, runOptions = {}) {
      const runId = String(nextRunId++);
      const result = await runAction({
        inputs: { token: opToken, 'server-url': events.url, ...inputs },
        githubToken: GITHUB_TOKEN,
        env: {
          ...actions.env(),
          GITHUB_API_URL: rest.url,
          GITHUB_REPOSITORY: REPOSITORY,
          GITHUB_REPOSITORY_OWNER: 'acme',
          GITHUB_RUN_ID: runId,
          GITHUB_RUN_ATTEMPT: String(runOptions.attempt ?? 1),
          ...runOptions.env,
        },
        event: {
          schedule: '*/15 * * * *',
          repository: { full_name: REPOSITORY, private: runOptions.private ?? true },
        },
      });
      results.push(result);
      return result;
    },
    async close() {
      await Promise.all(results.map((r) => r.cleanup()));
      await Promise.all([events.close(), actions.close(), rest.close()]);
    },
  };
}

/** Events of one feed found in a set of files (path -> bytes), from the NDJSON.gz files. */
export function ndjsonEvents(files: Map<string, Buffer>, feed: string): RawEvent[] {
  const events: RawEvent[] = [];
  for (const [path, bytes] of files) {
    if (!path.startsWith(`${feed}/`) && !path.includes(`/${feed}/`)) continue;
    if (!path.endsWith('.ndjson.gz')) continue;
    for (const line of gunzipSync(bytes).toString('utf8').split('\n'))
      if (line) events.push(JSON.parse(line) as RawEvent);
  }
  return events;
}

export const byUuid = (a: { uuid: string }, b: { uuid: string }) => a.uuid.localeCompare(b.uuid);
