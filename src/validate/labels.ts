import { InputError } from '../errors.ts';

/** GitHub refuses a label name longer than this (422 "name is too long"). */
export const MAX_LABEL_LENGTH = 50;

/** `alert-labels`, already split on commas: each one a name GitHub accepts. */
export function checkLabels(labels: readonly string[], input = 'alert-labels'): string[] {
  // Counted in code points, as GitHub counts them.
  const tooLong = labels.filter((label) => Array.from(label).length > MAX_LABEL_LENGTH);
  if (tooLong.length > 0) {
    throw new InputError(
      input,
      `${tooLong.map((label) => `"${label.slice(0, 20)}…"`).join(', ')} longer than ${MAX_LABEL_LENGTH} characters, the most GitHub accepts for a label`,
    );
  }
  // eslint-disable-next-line no-control-regex -- control characters make no label
  const unprintable = labels.filter((label) => /[\x00-\x1f\x7f]/.test(label));
  if (unprintable.length > 0) throw new InputError(input, 'a label contains a control character');
  return [...new Set(labels)];
}
