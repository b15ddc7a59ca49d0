import { InputError } from '../errors.ts';
import { isLoopbackHost } from './loopback-host.ts';

/**
 * `s3-endpoint`: an https:// URL of an S3-compatible service (http:// only to a loopback host, for
 * tests and local gateways), without credentials, query or fragment: it is logged as it is.
 */
export function parseS3Endpoint(value: string, input = 's3-endpoint'): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InputError(
      input,
      `"${value}" is not a URL (e.g. https://<account-id>.r2.cloudflarestorage.com)`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new InputError(input, `must be an https:// URL (http:// only to a loopback host)`);
  }
  if (url.username || url.password) {
    throw new InputError(input, 'must not contain credentials; they come from the AWS environment');
  }
  if (url.search || url.hash) throw new InputError(input, 'must not have a query or fragment');
  return url.toString().replace(/\/$/, '');
}

/** `s3-region`: an AWS region name (`eu-west-1`) or a service's own (`auto` for R2). */
export function parseS3Region(value: string, input = 's3-region'): string {
  const region = value.trim();
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(region)) {
    throw new InputError(input, `"${value}" is not a region name (e.g. us-east-1, eu-central-1, auto)`);
  }
  return region;
}
