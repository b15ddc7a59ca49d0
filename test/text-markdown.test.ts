/**
 * Outside text in the job summary and alert issues stays text. Checked with a small model of the
 * parts of GFM that matter: after escaping, no character that could open markup is left unescaped,
 * tables keep their cells, and a code span cannot be closed early.
 */
import { describe, expect, it } from 'vitest';
import { codeSpan, markdownText, tableCode } from '../src/text/markdown.ts';

export const HOSTILE_MARKDOWN = [
  '<img src=x onerror=alert(1)>\n# heading\n[link](https://evil.example)',
  'a | b | c',
  '`code` ``more`` ```fence```',
  '**bold** _em_ ~~strike~~ ![img](x)',
  '<!-- hidden --> <script>alert(1)</script> &amp; &#60;',
  '> quote\n- list\n1. ordered\n---',
  'https://evil.example www.evil.example',
  '\\| escaped pipe \\\\| and more',
  '::error::x\r\n##[add-mask]y',
];

/** Characters left unescaped: every ASCII punctuation character must follow an odd run of `\`. */
function unescapedPunctuation(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (!/[!-/:-@[-`{-~]/.test(char) || char === '\\') continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) found.push(char);
  }
  return found;
}

describe('markdownText', () => {
  it('escapes every markup character, and is one line', () => {
    for (const value of HOSTILE_MARKDOWN) {
      const text = markdownText(value);
      expect(text).not.toMatch(/[\r\n]/);
      expect(unescapedPunctuation(text), text).toEqual([]);
    }
  });

  it('keeps a table row to its cells: no pipe splits it', () => {
    const row = `| ${markdownText('a | b \\| c \\\\| d')} | 2 |`;
    // GFM splits cells on a pipe not consumed by a backslash escape (`\\` is one escape).
    const cells = row.match(/(?:\\.|[^|\\])+(?=\|)/g) ?? [];
    expect(cells).toHaveLength(2);
  });

  it('reads back as the value once the escapes are taken out', () => {
    const value = 'a <b> [c](d) | e `f` \\ g';
    expect(markdownText(value).replace(/\\(.)/g, '$1')).toBe(value);
  });
});

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run inside, so the value cannot close it', () => {
    for (const value of HOSTILE_MARKDOWN) {
      const span = codeSpan(value);
      const fence = /^`+/.exec(span)![0];
      const inner = span.slice(fence.length, span.length - fence.length);
      expect(span.endsWith(fence)).toBe(true);
      for (const run of inner.match(/`+/g) ?? []) expect(run.length).not.toBe(fence.length);
      expect(inner).not.toMatch(/[\r\n]/);
    }
  });

  it('pads a value that starts or ends with a backtick, and shows an empty value as a space', () => {
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('')).toBe('` `');
  });
});

describe('tableCode', () => {
  it('is a code span for ordinary values and escaped text when a pipe or backslash could split the cell', () => {
    expect(tableCode('https://events.1password.com')).toBe('`https://events.1password.com`');
    expect(tableCode('a|b')).toBe('a\\|b');
    expect(tableCode('a\\|b')).toBe(markdownText('a\\|b'));
  });
});
