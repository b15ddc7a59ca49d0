/**
 * S3 failures as ExportError('delivery') messages a user can act on: what was being done, where, the
 * service's error code, and for 403 the IAM permission the credentials lack. SDK errors carry no
 * credentials; we still build the message from the code and status only, never from request data.
 */
import { ExportError } from '../errors.ts';

export type S3Operation = 'get' | 'put' | 'list' | 'delete';

export const S3_PERMISSIONS: Record<S3Operation, string> = {
  get: 's3:GetObject',
  put: 's3:PutObject',
  list: 's3:ListBucket',
  delete: 's3:DeleteObject',
};

interface SdkErrorShape {
  name?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown };
}

export function s3StatusOf(error: unknown): number | undefined {
  const e = error as SdkErrorShape | undefined;
  const status = e?.$metadata?.httpStatusCode ?? e?.$response?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The service's error code (`AccessDenied`, `PreconditionFailed`...), or the SDK's error name. */
export function s3CodeOf(error: unknown): string {
  const e = error as SdkErrorShape | undefined;
  const code = typeof e?.Code === 'string' ? e.Code : typeof e?.name === 'string' ? e.name : 'Error';
  return code.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 64) || 'Error';
}

export function isCredentialsError(error: unknown): boolean {
  return (error as SdkErrorShape | undefined)?.name === 'CredentialsProviderError';
}

export interface S3Where {
  bucket: string;
  prefix: string;
  /** The object key, when the operation had one. */
  key?: string;
  /** aws:kms: a 403 may also be the KMS key policy. */
  kms?: boolean;
}

/** `Could not <what> (<status> <code>). <hint>` as a delivery error. */
export function s3Failure(what: string, operation: S3Operation, where: S3Where, error: unknown): ExportError {
  if (error instanceof ExportError) return error;
  const status = s3StatusOf(error);
  const code = s3CodeOf(error);
  const location = where.key ? `s3://${where.bucket}/${where.key}` : `s3://${where.bucket}/${where.prefix}`;
  let hint = '';
  if (isCredentialsError(error)) {
    hint =
      ' No AWS credentials were found: configure them before this step (aws-actions/configure-aws-credentials ' +
      'with OIDC), they are read from the environment by the AWS SDK, never from an input.';
  } else if (status === 403) {
    hint = ` Access denied: ${permissionHint(operation, where)}`;
  } else if (status === 404 && code === 'NoSuchBucket') {
    hint = ` The bucket ${where.bucket} does not exist (check s3-bucket, s3-region and s3-endpoint).`;
  } else if (status === 301 || code === 'PermanentRedirect' || code === 'AuthorizationHeaderMalformed') {
    hint = ` The bucket is in another region: set s3-region to the bucket's region.`;
  }
  const statusText = status === undefined ? code : `${status} ${code}`;
  return new ExportError('delivery', `Could not ${what} ${location} (${statusText}).${hint}`, {
    ...(status === undefined ? {} : { status }),
  });
}

/** Which permission, on which resource, the credentials need for `operation`. */
export function permissionHint(operation: S3Operation, where: S3Where): string {
  const objects = `arn:aws:s3:::${where.bucket}/${where.prefix === '' ? '' : `${where.prefix}/`}*`;
  switch (operation) {
    case 'list':
      return (
        `the credentials need s3:ListBucket on arn:aws:s3:::${where.bucket}` +
        ` (it may be limited to the prefix "${where.prefix === '' ? '' : `${where.prefix}/`}").`
      );
    case 'get':
      // Without s3:ListBucket, S3 answers 403 instead of 404 for an object that does not exist.
      return `the credentials need s3:GetObject on ${objects} (and s3:ListBucket, without which a missing object reads as 403).`;
    case 'put':
      return (
        `the credentials need s3:PutObject on ${objects}` +
        (where.kms ? ' and kms:GenerateDataKey on the s3-kms-key-id key.' : '.')
      );
    case 'delete':
      return `the credentials need s3:DeleteObject on ${objects} (for clean-up and compaction).`;
  }
}
