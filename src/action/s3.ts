/**
 * destination: s3, loaded only when it is chosen (`await import('./s3.ts')` in destination.ts), so
 * the artifact and repo paths never load the AWS SDK: the bundler puts this module and the SDK in a
 * chunk of their own.
 */
import type { Config, S3Settings } from '../config.ts';
import type { Logger } from '../logger.ts';
import { createS3Client } from '../s3/client.ts';
import type { S3Target } from '../s3/target.ts';
import { S3Sink } from '../sinks/s3.ts';
import { S3StateStore } from '../state/s3-store.ts';

export interface S3Destination {
  store: S3StateStore;
  sink: S3Sink;
}

/** One client, one store and one sink per run: the sink commits with the ETag the store read. */
export function s3Destination(
  settings: S3Settings,
  compaction: Config['compaction'],
  run: { runId: string; runAttempt: string },
  logger: Logger,
): S3Destination {
  const target: S3Target = {
    client: createS3Client({
      region: settings.region,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    }),
    bucket: settings.bucket,
    prefix: settings.prefix,
    encryption: settings.encryption,
    logger,
  };
  const store = new S3StateStore(target);
  // The `compaction` input: auto merges finished days of committed files in the sink
  // (src/sinks/s3-compaction.ts), off keeps every part.
  const sink = new S3Sink({
    target,
    store,
    runId: run.runId,
    runAttempt: run.runAttempt,
    compaction: compaction === 'auto',
  });
  return { store, sink };
}
