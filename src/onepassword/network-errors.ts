/**
 * Which network failures no retry is likely to fix. They still get one more attempt (a blip is
 * possible), then the run stops with a message naming the host, instead of backing off for minutes.
 */
export type NetworkProblem = 'tls' | 'protocol' | 'dns' | 'refused';

/** The error code of a library or Node error, when it is a plain identifier (never free text). */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : undefined;
}

export function classifyNetworkError(error: unknown): NetworkProblem | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (code === 'ENOTFOUND') return 'dns';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code.startsWith('HPE_')) return 'protocol';
  if (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
  ) {
    return 'tls';
  }
  return undefined;
}

/** What a permanent problem means, for the one error line a user reads. */
export function describeNetworkProblem(problem: NetworkProblem, code: string): string {
  switch (problem) {
    case 'dns':
      return `unknown host (${code})`;
    case 'refused':
      return `connection refused (${code})`;
    case 'protocol':
      return `the server did not answer in HTTP (${code}); is it an http:// server given as https://, or the reverse?`;
    case 'tls':
      return `TLS failed (${code}); is it an http:// server given as https://, or a certificate the system does not trust?`;
  }
}
