/**
 * The action's inputs: every name once, with the default action.yml declares. The CLI maps its flags
 * onto the same names and gets the same defaults, and test/inputs.test.ts checks both against
 * action.yml. Defaults that depend on the run (output-dir, artifact-name, storage-repo, github-token)
 * are '' here and resolved in src/config.ts.
 */
export const INPUT = {
  token: 'token',
  serverUrl: 'server-url',
  events: 'events',
  apiVersion: 'api-version',
  startTime: 'start-time',
  formats: 'formats',
  destination: 'destination',
  outputDir: 'output-dir',
  artifactName: 'artifact-name',
  retentionDays: 'retention-days',
  storageRepo: 'storage-repo',
  storageBranch: 'storage-branch',
  storagePath: 'storage-path',
  storageToken: 'storage-token',
  githubToken: 'github-token',
  stateKey: 'state-key',
  maxDuration: 'max-duration',
  alertIssues: 'alert-issues',
  alertLabels: 'alert-labels',
  allowPublicRepo: 'allow-public-repo',
  compaction: 'compaction',
  s3Bucket: 's3-bucket',
  s3Prefix: 's3-prefix',
  s3Region: 's3-region',
  s3Endpoint: 's3-endpoint',
  s3Sse: 's3-sse',
  s3KmsKeyId: 's3-kms-key-id',
} as const;

export type InputName = (typeof INPUT)[keyof typeof INPUT];

/** Inputs whose values are secrets: masked before anything else happens. */
export const SECRET_INPUTS: readonly InputName[] = [INPUT.token, INPUT.storageToken, INPUT.githubToken];

/** Literal defaults, exactly as action.yml declares them ('' = resolved at run time). */
export const INPUT_DEFAULTS: Record<InputName, string> = {
  token: '',
  'server-url': '',
  events: 'auto',
  'api-version': 'v2',
  'start-time': '120d',
  formats: 'parquet',
  destination: 'artifact',
  'output-dir': '',
  'artifact-name': '',
  'retention-days': '',
  'storage-repo': '',
  'storage-branch': '',
  'storage-path': '1password-events',
  'storage-token': '',
  'github-token': '${{ github.token }}',
  'state-key': '1password-events',
  'max-duration': '0',
  'alert-issues': 'true',
  'alert-labels': '1password-events',
  'allow-public-repo': 'false',
  compaction: 'auto',
  's3-bucket': '',
  's3-prefix': '1password-events',
  's3-region': '',
  's3-endpoint': '',
  's3-sse': '',
  's3-kms-key-id': '',
};
