/**
 * The `npm run bench` row for destination: s3: the bundled action (dist/index.js, as a workflow step
 * runs it) exports the benchmark backlog into a local S3 server (s3rver behind test/sim/s3, on
 * 127.0.0.1), with the same checksum, Content-MD5 and conditional-write path as against AWS. The
 * backlog exported is checked against the manifests in the bucket, so a short export cannot flatter it.
 */
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { runAction } from '../test/harness/run-action.ts';
import { S3Simulator } from '../test/sim/s3/index.ts';

const BUCKET = 'bench-events';
const PREFIX = '1password-events';

export interface S3BenchResult {
  seconds: number;
  events: number;
  objects: number;
  bytes: number;
}

export async function benchS3Export(
  server: { url: string; token: string },
  options: { startTime: string; expectedEvents: number },
): Promise<S3BenchResult> {
  const sim = await S3Simulator.start({ buckets: [BUCKET] });
  const client = new S3Client({
    endpoint: sim.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  try {
    const started = process.hrtime.bigint();
    const result = await runAction({
      inputs: {
        token: server.token,
        'server-url': server.url,
        destination: 's3',
        's3-bucket': BUCKET,
        's3-prefix': PREFIX,
        's3-endpoint': sim.url,
        'start-time': options.startTime,
        'alert-issues': 'false',
      },
      env: {
        GITHUB_REPOSITORY: 'acme/bench',
        GITHUB_RUN_ID: '1',
        GITHUB_RUN_ATTEMPT: '1',
        AWS_ACCESS_KEY_ID: 'S3RVER',
        AWS_SECRET_ACCESS_KEY: 'S3RVER',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      timeoutMs: 30 * 60_000,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await result.cleanup();
    if (result.exitCode !== 0)
      throw new Error(`the S3 export exited with ${result.exitCode}: ${result.stdout.slice(-2000)}`);
    let events = 0;
    let objects = 0;
    let bytes = 0;
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: BUCKET,
          Prefix: `${PREFIX}/`,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
      for (const item of page.Contents ?? []) {
        objects++;
        bytes += item.Size ?? 0;
        if (!item.Key?.startsWith(`${PREFIX}/_manifests/`)) continue;
        const body = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: item.Key }));
        const manifest = JSON.parse(await body.Body!.transformToString()) as {
          feeds: Record<string, { count: number }>;
        };
        for (const feed of Object.values(manifest.feeds)) events += feed.count;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    if (events !== options.expectedEvents)
      throw new Error(`the S3 export delivered ${events} events, not ${options.expectedEvents}`);
    return { seconds, events, objects, bytes };
  } finally {
    client.destroy();
    await sim.close();
  }
}
