import { describe, expect, it } from 'vitest';
import { ConfigErrors, parseConfig, parseStartTime, type RunContext } from '../src/config.ts';

const context: RunContext = {
  repository: 'acme/security',
  runId: '42',
  runAttempt: '1',
  runnerTemp: '/tmp/runner',
};
const now = new Date('2026-11-27T12:00:00Z');

function parse(inputs: Record<string, string>) {
  const values: Record<string, string> = { token: 'tok', ...inputs };
  return parseConfig((name) => values[name] ?? '', context, now);
}

function errorsOf(inputs: Record<string, string>): string[] {
  try {
    parse(inputs);
  } catch (error) {
    if (error instanceof ConfigErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  throw new Error('expected ConfigErrors');
}

describe('parseConfig', () => {
  it('applies the contract defaults', () => {
    const config = parse({});
    expect(config.events).toBe('auto');
    expect(config.apiVersion).toBe('v2');
    expect(config.formats).toEqual(['parquet']);
    expect(config.destination).toBe('artifact');
    expect(config.outputDir).toBe('/tmp/runner/1password-events');
    expect(config.artifactName).toBe('1password-events-42-1');
    expect(config.storageRepo).toEqual({ owner: 'acme', repo: 'security' });
    expect(config.storagePath).toBe('1password-events');
    expect(config.stateKey).toBe('1password-events');
    expect(config.maxDurationMs).toBe(0);
    expect(config.alertIssues).toBe(true);
    expect(config.alertLabels).toEqual(['1password-events']);
    expect(config.allowPublicRepo).toBe(false);
    expect(config.startTime.toISOString()).toBe('2026-07-30T12:00:00.000Z'); // 120 days back
  });

  it('parses lists, durations and times', () => {
    const config = parse({
      events: 'itemusages, signinattempts',
      formats: 'ndjson,parquet',
      'start-time': '2026-11-01T00:00:00-03:00',
      'max-duration': '45m',
      'retention-days': '14',
      'alert-labels': 'security, 1password',
    });
    expect(config.events).toEqual(['itemusages', 'signinattempts']);
    expect(config.formats).toEqual(['ndjson', 'parquet']);
    expect(config.startTime.toISOString()).toBe('2026-11-01T03:00:00.000Z');
    expect(config.maxDurationMs).toBe(45 * 60_000);
    expect(config.retentionDays).toBe(14);
    expect(config.alertLabels).toEqual(['security', '1password']);
  });

  it.each([
    [
      { events: 'foo' },
      'Invalid events: unknown "foo"; use a comma list of signinattempts, itemusages, auditevents, auto',
    ],
    [{ formats: 'csv' }, 'Invalid formats: unknown "csv"; use a comma list of parquet, ndjson'],
    [{ destination: 'ftp' }, 'Invalid destination: "ftp" is not one of artifact, repo, s3, none'],
    [{ destination: 's3' }, 'Invalid s3-bucket: missing; destination: s3 needs the bucket name'],
    [
      { destination: 's3', 's3-bucket': 'Bad_Bucket' },
      'Invalid s3-bucket: "Bad_Bucket" is not a bucket name',
    ],
    [{ destination: 's3', 's3-bucket': 'b-1', 's3-prefix': 'a/../b' }, 'Invalid s3-prefix'],
    [
      { destination: 's3', 's3-bucket': 'b-1', 's3-sse': 'aes' },
      'Invalid s3-sse: "aes" is not one of AES256, aws:kms',
    ],
    [
      { destination: 's3', 's3-bucket': 'b-1', 's3-kms-key-id': 'k1' },
      'Invalid s3-kms-key-id: is only used with s3-sse: aws:kms',
    ],
    [
      { destination: 's3', 's3-bucket': 'b-1', 's3-endpoint': 'https://key:secret@minio.example' },
      'Invalid s3-endpoint: must not contain credentials',
    ],
    [
      { destination: 's3', 's3-bucket': 'b-1', 's3-endpoint': 'http://minio.example:9000' },
      'Invalid s3-endpoint: must be an https:// URL',
    ],
    [{ destination: 's3', 's3-bucket': 'b-1', 's3-region': 'Mars 1' }, 'Invalid s3-region'],
    [{ 'api-version': 'v3' }, 'Invalid api-version: "v3" is not one of v1, v2'],
    [{ 'start-time': 'yesterday' }, 'Invalid start-time: "yesterday" is neither an RFC 3339 time'],
    [{ 'start-time': '2027-01-01T00:00:00Z' }, 'Invalid start-time: "2027-01-01T00:00:00Z" is in the future'],
    [{ 'max-duration': 'forever' }, 'Invalid max-duration: "forever" is not a duration'],
    [{ 'alert-issues': 'yes' }, 'Invalid alert-issues: "yes" is not true or false'],
    [{ 'retention-days': '365' }, 'Invalid retention-days: "365" is not a whole number of days from 1 to 90'],
    [{ 'storage-repo': 'not a repo' }, 'Invalid storage-repo: "not a repo" is not of the form owner/name'],
    [{ 'storage-path': '../escape' }, 'Invalid storage-path: "../escape" must be a relative folder'],
    [{ 'state-key': 'a,b' }, 'Invalid state-key: "a,b" must be 1-200 characters'],
    [{ token: '' }, 'Invalid token: missing'],
    [{ events: 'auto,itemusages' }, 'Invalid events: "auto" cannot be combined with feed names'],
    [{ 'start-time': '200000000d' }, 'Invalid start-time: "200000000d" reaches further back than any date'],
  ])('refuses %o naming the input', (inputs, message) => {
    const errors = errorsOf(inputs);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it('reports every bad input at once', () => {
    const errors = errorsOf({ events: 'foo', formats: 'csv', destination: 'ftp' });
    expect(errors.map((e) => e.split(':')[0])).toEqual([
      'Invalid events',
      'Invalid formats',
      'Invalid destination',
    ]);
  });

  it('needs a token for repo mode', () => {
    expect(errorsOf({ destination: 'repo' })[0]).toContain('Invalid storage-token: missing');
    expect(parse({ destination: 'repo', 'github-token': 'ghs_x' }).destination).toBe('repo');
    expect(
      parse({
        destination: 's3',
        's3-bucket': 'acme-logs',
        's3-prefix': '/x/y/',
        's3-region': 'eu-west-1',
        's3-sse': 'aws:kms',
        's3-kms-key-id': 'alias/events',
      }).s3,
    ).toEqual({
      bucket: 'acme-logs',
      prefix: 'x/y',
      region: 'eu-west-1',
      encryption: { mode: 'aws:kms', keyId: 'alias/events' },
    });
  });

  it('never puts the token in an error', () => {
    const secret = 'eyJhbGciOiJFUzI1NiJ9.secret part.sig';
    const errors = errorsOf({ token: secret, events: secret });
    expect(errors.join('\n')).toContain('Invalid token: contains spaces');
    // The events error quotes the (lower-cased) value the user typed, which is not the token input.
    expect(errors.find((e) => e.startsWith('Invalid token'))).not.toContain('secret');
  });
});

describe('parseStartTime', () => {
  it('accepts durations back from now', () => {
    expect(parseStartTime('90m', now).toISOString()).toBe('2026-11-27T10:30:00.000Z');
    expect(parseStartTime('36h', now).toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(parseStartTime('7d', now).toISOString()).toBe('2026-11-20T12:00:00.000Z');
  });
});
