/**
 * neutraliseLine against the runner's own reading of a log line (test/harness/runner-protocol.ts):
 * no crafted text may come out as a command, in either the `::` or the legacy `##[` form, on either
 * side of a CR or LF.
 */
import { describe, expect, it } from 'vitest';
import { neutraliseLine } from '../src/text/log-line.ts';
import { parseWorkflowCommands, runnerLines } from './harness/runner-protocol.ts';

/** What an attacker would put in a state field, an API error body, an account id or an input. */
export const HOSTILE_TEXTS = [
  '::error::forged',
  '::add-mask::1password',
  '::stop-commands::pause\n::add-mask::later',
  'writtenBy\n::warning title=forged::owned',
  'cr only\r::error::after a bare CR',
  'crlf\r\n::notice::after CRLF',
  '   ::error::after spaces',
  '\t::error::after a tab',
  '\u00a0::error::after a no-break space',
  '\u0085::error::after NEL',
  '\u2028::error::after a line separator',
  '\ufeff::error::after a BOM',
  'middle ##[add-mask]secret',
  '###[error]three hashes',
  '##[set-output name=x]y',
  '##[stop-commands]token',
  '::set-output name=files::[]',
  '\u001b[31mred\u001b[0m and a bell\u0007',
];

function commandsIn(text: string) {
  const parsed = parseWorkflowCommands(text);
  return [
    ...parsed.masks,
    ...parsed.annotations.map((a) => a.message),
    ...parsed.stopCommands,
    ...parsed.debug,
    ...parsed.groups,
    ...Object.keys(parsed.outputs),
    ...parsed.other.map((c) => c.name),
  ];
}

describe('neutraliseLine', () => {
  it('the attacks are real: unneutralised, each one is a command to the runner', () => {
    for (const text of HOSTILE_TEXTS.filter((t) => !t.startsWith('\u001b'))) {
      expect(commandsIn(text).length, JSON.stringify(text)).toBeGreaterThan(0);
    }
  });

  it('leaves one line that the runner reads as no command at all', () => {
    for (const text of HOSTILE_TEXTS) {
      const line = neutraliseLine(text);
      expect(runnerLines(line), JSON.stringify(text)).toHaveLength(1);
      expect(commandsIn(line), JSON.stringify(line)).toEqual([]);
      // The same holds with our own prefix, and as the first words of a line.
      expect(commandsIn(neutraliseLine(`State written by ${text}`))).toEqual([]);
    }
  });

  it('shows CR, LF and other control characters as visible escapes, and keeps tabs', () => {
    expect(neutraliseLine('a\nb\r\nc\rd')).toBe('a\\nb\\r\\nc\\rd');
    expect(neutraliseLine('\u001b[2J\u0000\u007f\u2028')).toBe('\\x1b[2J\\x00\\x7f\\u2028');
    expect(neutraliseLine('col1\tcol2')).toBe('col1\tcol2');
  });

  it('changes ordinary text not at all', () => {
    for (const text of ['signinattempts: 1,000 events', 'a :: b', 'x ## y [z]', 'C# [1]', 'https://x/#[y]'])
      expect(neutraliseLine(text)).toBe(text);
  });

  it('defuses a command start with one visible backslash and the legacy form inside the line', () => {
    expect(neutraliseLine('::error::x')).toBe('\\::error::x');
    expect(neutraliseLine('a ##[error]b')).toBe('a ##\\[error]b');
  });

  it('holds for every mix of the dangerous pieces (exhaustive over short strings)', () => {
    const pieces = [':', '#', '[', ']', '\n', '\r', ' ', 'error', 'add-mask', '\u0085', '\u00a0', '\\'];
    const check = (text: string) => {
      const line = neutraliseLine(text);
      expect(runnerLines(line)).toHaveLength(1);
      expect(commandsIn(line), JSON.stringify(text)).toEqual([]);
    };
    const build = (prefix: string, depth: number) => {
      check(prefix);
      if (depth === 0) return;
      for (const piece of pieces) build(prefix + piece, depth - 1);
    };
    build('', 4);
  });
});
