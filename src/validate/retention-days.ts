import { InputError } from '../errors.ts';

/**
 * `retention-days`: a whole number of days from 1 to 90 written in plain digits. `Number()` alone
 * would read `1e1` as 10 and `0x10` as 16. Empty means the repository's default.
 */
export function parseRetentionDays(value: string, input = 'retention-days'): number | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(days >= 1 && days <= 90)) {
    throw new InputError(
      input,
      `"${value}" is not a whole number of days from 1 to 90 (empty: the repository default)`,
    );
  }
  return days;
}
