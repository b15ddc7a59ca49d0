/**
 * Outside text in Markdown (the job summary, alert issues and comments) must stay text: no HTML,
 * no links, headings, emphasis or images, no extra table cells or rows. Two ways to put it there:
 *
 * - `markdownText`: every ASCII punctuation character backslash-escaped (CommonMark allows that for
 *   all of them), control characters shown as escapes. Safe in a paragraph, a quote or a table cell.
 * - `codeSpan`: monospace, for identifiers (server URL, account). The fence is longer than any run of
 *   backticks inside, so the value cannot close it. Not for table cells: GitHub splits cells on `|`
 *   even inside code spans.
 */
import { escapeControlCharacters } from './log-line.ts';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** `value` as literal text, on one line. */
export function markdownText(value: string): string {
  return escapeControlCharacters(value).replace(ASCII_PUNCTUATION, '\\$&');
}

/** `value` as an inline code span that nothing inside can end early; on one line. */
export function codeSpan(value: string): string {
  const text = escapeControlCharacters(value);
  if (text === '') return '` `';
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // A space on each side keeps a leading or trailing backtick off the fence (CommonMark strips one).
  const padded = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/**
 * `value` in a table cell, monospace when that is safe. GitHub splits cells on `|` even inside code
 * spans, and a backslash before it changes what splits, so such a value becomes escaped text.
 */
export function tableCode(value: string): string {
  return /[|\\]/.test(value) ? markdownText(value) : codeSpan(value);
}
