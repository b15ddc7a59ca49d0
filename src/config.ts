/**
 * Inputs -> a validated, typed Config. Every input is checked before anything talks to a server;
 * each bad input gives one line naming the input and what it accepts.
 */
import path from 'node:path';
import { parseDuration } from './time/duration.ts';
import { parseRfc3339 } from './time/rfc3339.ts';
import { InputError } from './errors.ts';
import { INPUT, INPUT_DEFAULTS, type InputName } from './inputs.ts';
import { API_VERSIONS, FEEDS, type ApiVersion, type Feed } from './onepassword/feeds.ts';
import { FORMATS, type Format } from './output/files.ts';
import { parseArtifactName } from './validate/artifact-name.ts';
import { parseBranchName } from './validate/branch-name.ts';
import { githubTokenProblem } from './validate/github-token.ts';
import { checkLabels } from './validate/labels.ts';
import { checkOutputDir } from './validate/output-dir.ts';
import { parseRepoName, type RepoName } from './validate/repo-name.ts';
import { parseRetentionDays } from './validate/retention-days.ts';
import { parseS3Bucket } from './validate/s3-bucket.ts';
import { parseS3Endpoint, parseS3Region } from './validate/s3-endpoint.ts';
import { parseStoragePath } from './validate/storage-path.ts';
import type { S3Encryption } from './s3/target.ts';
import { tokenShapeProblem } from './validate/token.ts';

export const DESTINATIONS = ['artifact', 'repo', 's3', 'none'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** How far back the API keeps events; a start further back is pointless but harmless. */
export const RETENTION_DAYS = 120;

export interface Config {
  token: string;
  /** The raw `server-url` input; resolution against the token happens in the client layer. */
  serverUrl?: string;
  /** Feeds asked for, or 'auto' for every feed the token grants. */
  events: Feed[] | 'auto';
  apiVersion: ApiVersion;
  startTime: Date;
  formats: Format[];
  destination: Destination;
  outputDir: string;
  artifactName: string;
  retentionDays?: number;
  /** `storage-repo`, parsed once (the workflow's own repository when empty). */
  storageRepo: RepoName;
  storageBranch?: string;
  storagePath: string;
  storageToken?: string;
  githubToken?: string;
  stateKey: string;
  /** 0 means no limit. */
  maxDurationMs: number;
  alertIssues: boolean;
  alertLabels: string[];
  allowPublicRepo: boolean;
  /** `auto`: merge finished days in repo and S3 mode (src/compaction); `off`: never rewrite delivered files. */
  compaction: CompactionMode;
  /** destination: s3 only. */
  s3?: S3Settings;
}

export interface S3Settings {
  bucket: string;
  /** `s3-prefix`, normalised like storage-path. */
  prefix: string;
  region: string;
  endpoint?: string;
  encryption: S3Encryption;
}

export const COMPACTION_MODES = ['auto', 'off'] as const;
export type CompactionMode = (typeof COMPACTION_MODES)[number];

/** What the action knows about where it runs (from GITHUB_* / RUNNER_* variables). */
export interface RunContext {
  repository: string;
  runId: string;
  runAttempt: string;
  runnerTemp: string;
}

/** All bad inputs at once, so a user fixes their workflow in one go. */
export class ConfigErrors extends Error {
  readonly errors: InputError[];
  constructor(errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ConfigErrors';
    this.errors = errors;
  }
}

export function parseCommaList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function oneOf<T extends string>(input: string, value: string, accepted: readonly T[]): T {
  const normalised = value.trim().toLowerCase();
  if ((accepted as readonly string[]).includes(normalised)) return normalised as T;
  throw new InputError(input, `"${value}" is not one of ${accepted.join(', ')}`);
}

function listOf<T extends string>(input: string, value: string, accepted: readonly T[]): T[] {
  const items = parseCommaList(value.toLowerCase());
  if (items.length === 0) throw new InputError(input, `empty; use a comma list of ${accepted.join(', ')}`);
  const unknown = items.filter((item) => !(accepted as readonly string[]).includes(item));
  if (unknown.length > 0) {
    throw new InputError(
      input,
      `unknown ${unknown.map((u) => `"${u}"`).join(', ')}; use a comma list of ${accepted.join(', ')}`,
    );
  }
  return [...new Set(items)] as T[];
}

function parseEvents(value: string): Feed[] | 'auto' {
  if (value.trim().toLowerCase() === 'auto') return 'auto';
  const accepted = [...FEEDS, 'auto'] as const;
  const items = listOf('events', value, accepted);
  if (items.includes('auto')) {
    throw new InputError(
      'events',
      '"auto" cannot be combined with feed names; use auto alone or a comma list of ' + FEEDS.join(', '),
    );
  }
  return items as Feed[];
}

/** `start-time`: RFC 3339 or a duration back from now. */
export function parseStartTime(value: string, now: Date, input = 'start-time'): Date {
  const text = value.trim();
  const back = parseDuration(text);
  if (back !== undefined) {
    const start = new Date(now.getTime() - back);
    if (Number.isNaN(start.getTime()))
      throw new InputError(input, `"${value}" reaches further back than any date`);
    return start;
  }
  const at = parseRfc3339(text);
  if (!at) {
    throw new InputError(
      input,
      `"${value}" is neither an RFC 3339 time (2026-08-01T00:00:00Z) nor a duration back from now (90m, 36h, 7d)`,
    );
  }
  if (at.getTime() > now.getTime()) throw new InputError(input, `"${value}" is in the future`);
  return at;
}

/** `max-duration`: 0 or a duration. */
export function parseMaxDuration(value: string, input = 'max-duration'): number {
  const text = value.trim();
  if (text === '' || text === '0') return 0;
  const ms = parseDuration(text);
  if (ms === undefined)
    throw new InputError(input, `"${value}" is not a duration; use 0 (no limit) or e.g. 45m, 2h`);
  return ms;
}

function parseBoolean(input: string, value: string): boolean {
  // The same spellings @actions/core's getBooleanInput accepts (YAML 1.2 core schema).
  if (['true', 'True', 'TRUE'].includes(value.trim())) return true;
  if (['false', 'False', 'FALSE'].includes(value.trim())) return false;
  throw new InputError(input, `"${value}" is not true or false`);
}

function parseStateKey(value: string): string {
  const key = value.trim();
  // Cache keys: at most 512 characters, no commas; the account and run ids are appended.
  if (key === '' || key.length > 200 || /[,\s]/.test(key)) {
    throw new InputError('state-key', `"${value}" must be 1-200 characters without commas or spaces`);
  }
  return key;
}

/**
 * Validate every input. `getInput(name)` returns the raw (possibly empty) input value; the action
 * passes @actions/core's getInput, tests pass a plain object lookup.
 */
export function parseConfig(
  getInput: (name: InputName) => string | undefined,
  context: RunContext,
  now: Date,
): Config {
  const errors: InputError[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof InputError) {
        errors.push(error);
        return undefined;
      }
      throw error;
    }
  };
  /** The trimmed input, or action.yml's default when it is empty. */
  const raw = (name: InputName) => (getInput(name) ?? '').trim() || INPUT_DEFAULTS[name];

  const token = attempt(() => {
    const value = (getInput(INPUT.token) ?? '').trim();
    const problem = tokenShapeProblem(value);
    if (problem) throw new InputError(INPUT.token, problem);
    return value;
  });
  const serverUrl = raw(INPUT.serverUrl) || undefined;
  const events = attempt(() => parseEvents(raw(INPUT.events)));
  const apiVersion = attempt(() => oneOf(INPUT.apiVersion, raw(INPUT.apiVersion), API_VERSIONS));
  const startTime = attempt(() => parseStartTime(raw(INPUT.startTime), now));
  const formats = attempt(() => listOf(INPUT.formats, raw(INPUT.formats), FORMATS));
  const destination = attempt(() => oneOf(INPUT.destination, raw(INPUT.destination), DESTINATIONS));
  const retentionDays = attempt(() => parseRetentionDays(raw(INPUT.retentionDays)));
  const storageRepo = attempt(() =>
    parseRepoName(raw(INPUT.storageRepo) || context.repository, INPUT.storageRepo),
  );
  const storagePath = attempt(() => parseStoragePath(raw(INPUT.storagePath), INPUT.storagePath));
  const stateKey = attempt(() => parseStateKey(raw(INPUT.stateKey)));
  const maxDurationMs = attempt(() => parseMaxDuration(raw(INPUT.maxDuration)));
  const alertIssues = attempt(() => parseBoolean(INPUT.alertIssues, raw(INPUT.alertIssues)));
  const allowPublicRepo = attempt(() => parseBoolean(INPUT.allowPublicRepo, raw(INPUT.allowPublicRepo)));
  const alertLabels = attempt(() => checkLabels(parseCommaList(raw(INPUT.alertLabels)), INPUT.alertLabels));
  const artifactName = attempt(() =>
    parseArtifactName(
      raw(INPUT.artifactName) || `1password-events-${context.runId}-${context.runAttempt}`,
      INPUT.artifactName,
    ),
  );
  const storageBranch = attempt(() => parseBranchName(raw(INPUT.storageBranch), INPUT.storageBranch));
  const outputDir = attempt(() =>
    checkOutputDir(
      raw(INPUT.outputDir) || path.join(context.runnerTemp, '1password-events'),
      INPUT.outputDir,
    ),
  );
  const compaction = attempt(() => oneOf(INPUT.compaction, raw(INPUT.compaction), COMPACTION_MODES));

  // github-token's default is the runner's `${{ github.token }}`: an empty value means there is none.
  const storageToken = (getInput(INPUT.storageToken) ?? '').trim() || undefined;
  const githubToken = (getInput(INPUT.githubToken) ?? '').trim() || undefined;
  for (const [name, value] of [
    [INPUT.storageToken, storageToken],
    [INPUT.githubToken, githubToken],
  ] as const) {
    const problem = value === undefined ? undefined : githubTokenProblem(value);
    if (problem) errors.push(new InputError(name, problem));
  }
  if (destination === 'repo' && !storageToken && !githubToken) {
    errors.push(
      new InputError(
        INPUT.storageToken,
        'missing; destination: repo needs storage-token (or github-token) with contents: write on the storage repository',
      ),
    );
  }
  const s3 = destination === 's3' ? parseS3Settings(raw, errors) : undefined;
  if (errors.length > 0) throw new ConfigErrors(errors);

  return {
    token: token!,
    serverUrl,
    events: events!,
    apiVersion: apiVersion!,
    startTime: startTime!,
    formats: formats!,
    destination: destination!,
    outputDir: outputDir!,
    artifactName: artifactName!,
    retentionDays,
    storageRepo: storageRepo!,
    storageBranch: storageBranch,
    storagePath: storagePath!,
    storageToken,
    githubToken,
    stateKey: stateKey!,
    maxDurationMs: maxDurationMs!,
    alertIssues: alertIssues!,
    alertLabels: alertLabels!.length > 0 ? alertLabels! : [INPUT_DEFAULTS['alert-labels']],
    allowPublicRepo: allowPublicRepo!,
    compaction: compaction!,
    s3,
  };
}

export const S3_SSE_MODES = ['AES256', 'aws:kms'] as const;

/**
 * The s3-* inputs, when destination is s3. The region defaults to the AWS_REGION that
 * aws-actions/configure-aws-credentials exports (then AWS_DEFAULT_REGION, then us-east-1).
 */
function parseS3Settings(raw: (name: InputName) => string, errors: InputError[]): S3Settings | undefined {
  const before = errors.length;
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  const bucketText = raw(INPUT.s3Bucket);
  if (bucketText === '')
    errors.push(new InputError(INPUT.s3Bucket, 'missing; destination: s3 needs the bucket name'));
  const bucket = bucketText === '' ? undefined : attempt(() => parseS3Bucket(bucketText, INPUT.s3Bucket));
  const prefix = attempt(() => parseStoragePath(raw(INPUT.s3Prefix), INPUT.s3Prefix));
  const region = attempt(() =>
    parseS3Region(
      raw(INPUT.s3Region) || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1',
      INPUT.s3Region,
    ),
  );
  const endpointText = raw(INPUT.s3Endpoint);
  const endpoint =
    endpointText === '' ? undefined : attempt(() => parseS3Endpoint(endpointText, INPUT.s3Endpoint));
  const sseText = raw(INPUT.s3Sse);
  const kmsKeyId = raw(INPUT.s3KmsKeyId);
  let encryption: S3Encryption | undefined;
  if (sseText === '') {
    encryption = { mode: 'bucket-default' };
  } else if ((S3_SSE_MODES as readonly string[]).includes(sseText)) {
    encryption =
      sseText === 'aws:kms'
        ? { mode: 'aws:kms', ...(kmsKeyId ? { keyId: kmsKeyId } : {}) }
        : { mode: 'AES256' };
  } else {
    errors.push(
      new InputError(
        INPUT.s3Sse,
        `"${sseText}" is not one of ${S3_SSE_MODES.join(', ')} (empty: the bucket's default encryption)`,
      ),
    );
  }
  if (kmsKeyId !== '' && sseText !== 'aws:kms') {
    errors.push(new InputError(INPUT.s3KmsKeyId, 'is only used with s3-sse: aws:kms'));
  }
  if (kmsKeyId !== '' && !/^[A-Za-z0-9:/_.-]{1,2048}$/.test(kmsKeyId)) {
    errors.push(new InputError(INPUT.s3KmsKeyId, 'must be a KMS key id, alias or ARN'));
  }
  if (errors.length > before) return undefined;
  return {
    bucket: bucket!,
    prefix: prefix!,
    region: region!,
    ...(endpoint ? { endpoint } : {}),
    encryption: encryption!,
  };
}

/** The token that writes to the storage repository: storage-token, else github-token. */
export function storageTokenOf(config: Config): string | undefined {
  return config.storageToken ?? config.githubToken;
}
