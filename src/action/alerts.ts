/**
 * The action's view of alert issues: builds each alert from what the run saw and hands it to
 * AlertIssues. With `alert-issues: false` (or no GitHub token) every call is a no-op.
 */
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { AlertKind } from '../alerts/alert.ts';
import { AlertIssues } from '../alerts/issues.ts';
import {
  authFailedAlert,
  cursorRefusedAlert,
  stuckFeedAlert,
  lostStateAlert,
  missingScopeAlert,
  stateConflictAlert,
  tokenExpiringAlert,
} from '../alerts/messages.ts';
import type { Feed } from '../onepassword/feeds.ts';
import type { ActionContext } from './context.ts';
import type { GitHubClients } from './github-clients.ts';

export class ActionAlerts {
  private readonly issues?: AlertIssues;
  private readonly facts: { runUrl: string; namespace: string; at: Date };
  private account?: string;

  constructor(options: {
    config: Config;
    context: ActionContext;
    github: GitHubClients;
    logger: Logger;
    now: () => Date;
  }) {
    const { config, context, github, logger, now } = options;
    // Several accounts in one repository are told apart by state-key (one per account).
    const namespace = config.stateKey;
    this.facts = { runUrl: context.runUrl, namespace, at: now() };
    if (!config.alertIssues) return;
    if (!github.workflow) {
      logger.warning(
        'alert-issues is true but github-token is empty: no alert issue can be opened or closed.',
      );
      return;
    }
    this.issues = new AlertIssues({
      octokit: github.workflow,
      repository: context.repository,
      labels: config.alertLabels,
      namespace,
      runUrl: context.runUrl,
      logger,
      now,
    });
  }

  /** Once known, the account is named in the issues' titles and bodies. */
  setAccount(account: string): void {
    this.account = account;
  }

  private get common() {
    return { ...this.facts, account: this.account };
  }

  async authFailed(details: {
    server: string;
    reason?: 'expired' | 'unauthorized';
    expiredAt?: Date;
  }): Promise<void> {
    await this.issues?.raise(authFailedAlert({ ...this.common, ...details }));
  }

  async missingScope(missing: Feed[], granted: Feed[]): Promise<void> {
    await this.issues?.raise(missingScopeAlert({ ...this.common, missing, granted }));
  }

  async lostState(feeds: Feed[], startTime: Date, lastExportAt?: Date): Promise<void> {
    await this.issues?.raise(lostStateAlert({ ...this.common, feeds, startTime, lastExportAt }));
  }

  async stateConflict(conflict: { what: string; todo: string }): Promise<void> {
    await this.issues?.raise(stateConflictAlert({ ...this.common, ...conflict }));
  }

  async tokenExpiring(expiresAt: Date, daysLeft: number): Promise<void> {
    await this.issues?.raise(tokenExpiringAlert({ ...this.common, expiresAt, daysLeft }));
  }

  async stuckFeed(feeds: Feed[], detail: string): Promise<void> {
    await this.issues?.raise(stuckFeedAlert({ ...this.common, feeds, detail }));
  }

  async cursorRefused(feeds: Feed[], restartFrom: Date, fromNewestEvent: boolean): Promise<void> {
    await this.issues?.raise(cursorRefusedAlert({ ...this.common, feeds, restartFrom, fromNewestEvent }));
  }

  async resolve(kind: AlertKind, note: string): Promise<void> {
    await this.issues?.resolve(kind, note);
  }
}
