import type { Octokit } from '@octokit/rest';
import { ExportError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { hasAlertMarker, stampAlertMarker } from './alert.ts';
import type { Alert, AlertKind } from './alert.ts';
import { alertFailureWarning } from './github-errors.ts';
import { ensureLabels } from './labels.ts';
import { formatTime } from './messages.ts';
import { countFailure, firstTally, readTally, withStatus } from './tally.ts';
import type { Tally } from './tally.ts';

export interface AlertIssuesOptions {
  octokit: Octokit;
  /** `owner/name` of the repository that gets the issues. */
  repository: string;
  /** Put on every alert issue; the first one also narrows the search for open alert issues. */
  labels: string[];
  /** Separates several exports in one repository (e.g. state-key + account): each gets its own issues. */
  namespace: string;
  runUrl: string;
  logger: Logger;
  now: () => Date;
}

/**
 * `commented`: a repeat failure a day or more after the last comment; `updated`: a repeat within
 * the day, counted in the issue's status only (no notification).
 */
export type RaiseResult =
  | { action: 'created' | 'commented' | 'updated'; issueNumber: number }
  | { action: 'failed'; warning: string };

export interface ResolveResult {
  /** Number of the issue that was commented on and closed. */
  closed?: number;
  warning?: string;
}

interface OpenIssue {
  number: number;
  body: string;
}

/**
 * One GitHub issue per open problem: `raise` opens it or comments on it, `resolve` closes it. Neither
 * throws: a missing permission becomes a warning, so the run's own outcome is what the job reports.
 */
export class AlertIssues {
  private readonly octokit: Octokit;
  private readonly repo: { owner: string; repo: string };
  private readonly options: AlertIssuesOptions;
  /** All open issues carrying the first label, listed once per instance. */
  private openIssues?: Promise<OpenIssue[]>;
  private labelsReady = false;
  /** Operations run one at a time, so two raises of one kind cannot both create an issue. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: AlertIssuesOptions) {
    const [owner, repo, ...rest] = options.repository.split('/');
    if (!owner || !repo || rest.length > 0) {
      throw new ExportError('internal', `alert repository must be "owner/name", got "${options.repository}"`);
    }
    this.octokit = options.octokit;
    this.repo = { owner, repo };
    this.options = options;
  }

  raise(alert: Alert): Promise<RaiseResult> {
    return this.serialize(async () => {
      let doing = 'open the alert issue';
      try {
        const existing = (await this.findOpen(alert.kind))[0];
        if (existing) {
          doing = `update alert issue #${existing.number}`;
          const previous = readTally(existing.body);
          const { tally, comment } = countFailure(previous, this.options.now());
          if (comment) {
            await this.octokit.rest.issues.createComment({
              ...this.repo,
              issue_number: existing.number,
              body: this.comment(this.stillFailing(previous, alert)),
            });
          }
          const body = withStatus(existing.body, tally, alert.summary);
          await this.octokit.rest.issues.update({ ...this.repo, issue_number: existing.number, body });
          existing.body = body;
          this.options.logger.info(
            `Alert issue #${existing.number} (${alert.kind}): ${tally.runs} failed runs${comment ? ', comment added' : ''}.`,
          );
          return { action: comment ? 'commented' : 'updated', issueNumber: existing.number };
        }
        const issueNumber = await this.create(alert);
        this.options.logger.info(`Alert issue #${issueNumber} (${alert.kind}) opened: ${alert.title}`);
        return { action: 'created', issueNumber };
      } catch (error) {
        return { action: 'failed', warning: this.warn(error, doing) };
      }
    });
  }

  /** Comments on and closes the open issue of this kind, if there is one; otherwise writes nothing. */
  resolve(kind: AlertKind, note: string): Promise<ResolveResult> {
    return this.serialize(async () => {
      let doing = 'look for an alert issue to close';
      try {
        const open = await this.findOpen(kind);
        // Normally one; a race between two runs may have left more, and all of them have recovered.
        for (const issue of open) {
          doing = `close alert issue #${issue.number}`;
          const issue_number = issue.number;
          await this.octokit.rest.issues.createComment({
            ...this.repo,
            issue_number,
            body: this.comment(`**Recovered:** ${note}${this.outage(readTally(issue.body))}`),
          });
          await this.octokit.rest.issues.update({
            ...this.repo,
            issue_number,
            state: 'closed',
            state_reason: 'completed',
          });
          await this.forget(issue.number);
          this.options.logger.info(`Alert issue #${issue.number} (${kind}) closed: ${note}`);
        }
        return open[0] ? { closed: open[0].number } : {};
      } catch (error) {
        return { warning: this.warn(error, doing) };
      }
    });
  }

  private async create(alert: Alert): Promise<number> {
    const labels = this.options.labels;
    if (!this.labelsReady) {
      await ensureLabels(this.octokit, this.repo, labels);
      this.labelsReady = true;
    }
    const body = withStatus(
      stampAlertMarker(alert.body, alert.kind, this.options.namespace),
      firstTally(this.options.now()),
      alert.summary,
    );
    const { data } = await this.octokit.rest.issues.create({
      ...this.repo,
      title: alert.title,
      body,
      labels,
    });
    // GitHub silently drops labels when the token lacks push access; without the first label the
    // next run could not find this issue again, so add whatever did not stick.
    (await this.listOpen()).push({ number: data.number, body });
    const stuck = new Set(data.labels.map((label) => (typeof label === 'string' ? label : label.name)));
    const missing = labels.filter((label) => !stuck.has(label));
    if (missing.length > 0) {
      await this.octokit.rest.issues.addLabels({ ...this.repo, issue_number: data.number, labels: missing });
    }
    return data.number;
  }

  /** Open issues of this kind in this namespace, oldest first. */
  private async findOpen(kind: AlertKind): Promise<OpenIssue[]> {
    const open = await this.listOpen();
    return open.filter((issue) => hasAlertMarker(issue.body, kind, this.options.namespace));
  }

  private listOpen(): Promise<OpenIssue[]> {
    if (!this.openIssues) {
      const firstLabel = this.options.labels[0];
      const listing = this.octokit
        .paginate(this.octokit.rest.issues.listForRepo, {
          ...this.repo,
          state: 'open',
          per_page: 100,
          ...(firstLabel ? { labels: firstLabel } : {}),
        })
        .then((issues) =>
          issues
            .filter((issue) => !issue.pull_request)
            .map((issue) => ({ number: issue.number, body: issue.body ?? '' }))
            .sort((a, b) => a.number - b.number),
        );
      // A failed listing is not kept: the next call may succeed.
      listing.catch(() => {
        if (this.openIssues === listing) this.openIssues = undefined;
      });
      this.openIssues = listing;
    }
    return this.openIssues;
  }

  private async forget(issueNumber: number): Promise<void> {
    const open = await this.listOpen();
    const index = open.findIndex((issue) => issue.number === issueNumber);
    if (index >= 0) open.splice(index, 1);
  }

  /** The daily comment: how many runs failed since the last one, and the latest error. */
  private stillFailing(previous: Tally | undefined, alert: Alert): string {
    const now = this.time();
    if (!previous) return `**Happened again** at ${now}: ${alert.summary}`;
    const runs = previous.sinceComment + 1;
    return (
      `**Still failing:** ${runs} run${runs === 1 ? '' : 's'} failed since ${formatTime(previous.lastCommentAt)} ` +
      `(${previous.runs + 1} since ${formatTime(previous.firstAt)}). Latest, at ${now}: ${alert.summary}`
    );
  }

  /** How long the problem lasted, for the recovery comment. */
  private outage(tally: Tally | undefined): string {
    if (!tally) return '';
    return ` (${tally.runs} failed run${tally.runs === 1 ? '' : 's'} between ${formatTime(tally.firstAt)} and ${formatTime(tally.lastAt)})`;
  }

  private comment(headline: string): string {
    return `${headline}\n\nRun: ${this.options.runUrl}`;
  }

  private time(): string {
    return formatTime(this.options.now());
  }

  private warn(error: unknown, doing: string): string {
    const warning = alertFailureWarning(error, doing, this.options.repository);
    this.options.logger.warning(warning);
    return warning;
  }

  private serialize<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
