/** What every phase of one action run shares: settings, where it runs, time, log, alerts and report. */
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { ResolvedServerUrl } from '../onepassword/server-url.ts';
import type { ActionAlerts } from './alerts.ts';
import type { ActionContext } from './context.ts';
import type { GitHubClients } from './github-clients.ts';
import type { RunReport } from './report.ts';

export interface ActionRun {
  config: Config;
  /** The Events API base URL, resolved from server-url or the token. */
  server: string;
  /** Where the server came from, so a connection error names the right setting. */
  serverSource: ResolvedServerUrl['source'];
  context: ActionContext;
  clock: Clock;
  startedAt: Date;
  logger: Logger;
  github: GitHubClients;
  alerts: ActionAlerts;
  report: RunReport;
}
