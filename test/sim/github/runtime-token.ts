/**
 * The runner's ACTIONS_RUNTIME_TOKEN is a JWT that @actions/artifact decodes (never verifies) to find
 * the run and job backend ids in its `scp` claim. An unsigned `alg: none` token is enough.
 */
export function makeRuntimeToken(runBackendId: string, jobBackendId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = { typ: 'JWT', alg: 'none' };
  const claims = {
    scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
    ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]),
    iat: Math.floor(Date.now() / 1000),
  };
  return `${encode(header)}.${encode(claims)}.`;
}
