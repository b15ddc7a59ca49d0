/**
 * Text from outside (API error bodies, state fields, account ids, repository and branch names,
 * inputs) must never become a GitHub Actions workflow command when it reaches a log line. The runner
 * reads commands from stdout and stderr, one line at a time, in two forms
 * (actions/runner ActionCommand.TryParseV2 and TryParse):
 *
 * - `::name props::data` when the line starts with `::` after leading white space;
 * - the legacy `##[name props]data` anywhere in the line.
 *
 * A line ends at CR or LF. So a safe log line has no CR/LF (or other control character), does not
 * start with `::` after white space, and contains no `##[`. `neutraliseLine` makes any text so.
 */

/** C0 controls except tab, DEL, C1 controls, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/**
 * Characters .NET's TrimStart may skip before the `::`. Wider than its char.IsWhiteSpace on
 * purpose (format characters too): defusing a harmless line costs one backslash.
 */
const COMMAND_START = /^[\s\p{Z}\p{Cf}]*::/u;

/** The legacy form, which the runner honours anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;

/** `text` as one log line that the runner shows verbatim and never reads as a command. */
export function neutraliseLine(text: string): string {
  let line = escapeControlCharacters(text).replace(LEGACY_COMMAND, '##\\[');
  if (COMMAND_START.test(line)) line = `\\${line}`;
  return line;
}

/** CR/LF as `\r`/`\n`, other control characters as `\xNN`/`\uNNNN`: visible, on one line. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, escapeControl);
}

function escapeControl(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code > 0xff
    ? `\\u${code.toString(16).padStart(4, '0')}`
    : `\\x${code.toString(16).padStart(2, '0')}`;
}
