/**
 * The environment @actions/cache and @actions/artifact read at call time, for tests that drive the
 * real libraries in-process against the Actions services simulator: a fresh workspace per test,
 * the runner's variables set, and everything restored afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ActionsServices } from '../sim/github/actions-services.ts';

export interface RunnerEnv {
  workspace: string;
  /** Puts process.env back as it was. */
  restore(): void;
}

export async function useRunnerEnv(services: ActionsServices, root: string): Promise<RunnerEnv> {
  const saved = { ...process.env };
  const workspace = join(root, randomUUID());
  await mkdir(join(workspace, 'runner-temp'), { recursive: true });
  Object.assign(process.env, services.env(), {
    RUNNER_TEMP: join(workspace, 'runner-temp'),
    GITHUB_WORKSPACE: workspace,
  });
  // github.com (not GHES), and no cache mode restriction.
  delete process.env.GITHUB_SERVER_URL;
  delete process.env.ACTIONS_CACHE_MODE;
  return {
    workspace,
    restore: () => {
      process.env = saved;
    },
  };
}
