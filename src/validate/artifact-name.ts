import { InputError } from '../errors.ts';

/**
 * Characters the artifact service refuses in a name. The same list @actions/artifact checks (in
 * lib/internal/upload/path-and-artifact-name-validation.js, not exported), but there it is checked
 * only at upload, after the whole pull: here before any request.
 */
const REFUSED = new Map([
  ['"', 'a double quote'],
  [':', 'a colon'],
  ['<', 'a less-than sign'],
  ['>', 'a greater-than sign'],
  ['|', 'a vertical bar'],
  ['*', 'an asterisk'],
  ['?', 'a question mark'],
  ['\r', 'a carriage return'],
  ['\n', 'a line feed'],
  ['\\', 'a backslash'],
  ['/', 'a slash'],
]);

export function parseArtifactName(value: string, input = 'artifact-name'): string {
  const name = value.trim();
  const found = [...REFUSED].filter(([char]) => name.includes(char)).map(([, label]) => label);
  if (found.length > 0) {
    throw new InputError(
      input,
      `contains ${found.join(', ')}; artifact names may not contain " : < > | * ? \\ / or line breaks`,
    );
  }
  return name;
}
