/**
 * What is wrong with a GitHub token as typed (github-token, storage-token), or undefined. A token
 * with a space or line break inside cannot go into an Authorization header: the first GitHub request
 * would fail after the whole pull. The message never quotes the token.
 */
export function githubTokenProblem(token: string): string | undefined {
  if (!/^[\x21-\x7e]+$/.test(token))
    return 'contains spaces, line breaks or non-ASCII characters; pass the token from a secret as it is';
  return undefined;
}
