/**
 * What is wrong with an Events Reporting token as typed, or undefined when it looks usable. Only the
 * shape is checked (the server does the real checking); the message never quotes the token.
 */
export function tokenShapeProblem(token: string): string | undefined {
  if (token.trim() === '') return 'missing';
  if (!/^[\x21-\x7e]+$/.test(token))
    return 'contains spaces, line breaks or non-ASCII characters; copy the whole token from the Events Reporting integration';
  return undefined;
}
