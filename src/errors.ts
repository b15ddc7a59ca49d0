/**
 * Every failure the exporter reports carries a kind, so the orchestration can decide what to do:
 * fail fast, open an alert, retry, or finish partially. Messages never contain the token.
 */
export type ErrorKind =
  | 'input' // bad configuration; refused before any request
  | 'auth' // 401 from the Events API
  | 'scope' // the token lacks a feature that was asked for
  | 'bad-request' // 400 from the Events API (bad body, forged cursor...)
  | 'rate-limited' // 429 that outlived the retries
  | 'transient' // 5xx, network errors, unparseable bodies that outlived the retries
  | 'unreachable' // unknown host, TLS/protocol mismatch, refused connection: not retried into a long wait
  | 'bad-response' // a body past the size bound or a page larger than asked for: refused, not retried
  | 'stuck-feed' // has_more stayed true while the cursor did not move
  | 'delivery' // writing to the artifact service / storage repository failed
  | 'internal';

export class ExportError extends Error {
  readonly kind: ErrorKind;
  /** HTTP status when the error came from an HTTP response. */
  readonly status?: number;

  constructor(kind: ErrorKind, message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ExportError';
    this.kind = kind;
    if (options.status !== undefined) this.status = options.status;
  }
}

/** A bad input: `input` names the option (`events`, `--start-time`...), the message says what is accepted. */
export class InputError extends ExportError {
  readonly input: string;
  constructor(input: string, message: string) {
    super('input', `Invalid ${input}: ${message}`);
    this.name = 'InputError';
    this.input = input;
  }
}

export function isExportError(error: unknown, kind?: ErrorKind): error is ExportError {
  return error instanceof ExportError && (kind === undefined || error.kind === kind);
}
