import { InputError } from '../errors.ts';

/** GitHub refuses longer ref names; git itself has no limit worth meeting. */
const MAX_LENGTH = 255;

/**
 * What git's check-ref-format says is wrong with `name` as a branch, or undefined when it is fine.
 * The rules of `git check-ref-format --branch`, applied to `refs/heads/<name>`.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  if (name.startsWith('refs/')) return 'must be a branch name without refs/heads/ (e.g. main)';
  // eslint-disable-next-line no-control-regex -- control characters are what git refuses
  if (/[\x00-\x20\x7f]/.test(name)) return 'contains a space, a line break or a control character';
  if (/[~^:?*[\\]/.test(name)) return 'contains one of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'contains ..';
  if (name.includes('@{') || name === '@') return 'contains @{ or is @';
  if (name.startsWith('-')) return 'starts with -';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'has an empty part (leading, trailing or double /)';
  if (name.endsWith('.')) return 'ends with .';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `has a part starting with . ("${part}")`;
    if (part.endsWith('.lock')) return `has a part ending with .lock ("${part}")`;
  }
  return undefined;
}

/** `storage-branch`: empty means the repository's default branch. */
export function parseBranchName(value: string, input = 'storage-branch'): string | undefined {
  const name = value.trim();
  if (name === '') return undefined;
  const problem = branchNameProblem(name);
  if (problem) throw new InputError(input, `"${value}" is not a valid branch name: it ${problem}`);
  return name;
}
