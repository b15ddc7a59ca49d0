/**
 * What "no live Markdown from outside text" means, as checks on a document: no raw HTML tag, heading
 * or link made of the hostile sample, and every table row with as many cells as its table's header.
 */
import { expect } from 'vitest';

/** Text a hostile API, state file or input would use to add markup. */
export const HTML_MARKDOWN = '<img src=x onerror=alert(1)>\n# heading\n[link](https://evil.example) | cell |';

/** Pipes GFM splits a table row on: those not taken by a backslash escape. */
export function cellSeparators(row: string): number {
  return (row.match(/(?:\\.|[^|\\])*\|/g) ?? []).length;
}

/** Code spans are literal: a backtick run up to the next run of the same length, on one line. */
function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '');
}

export function expectInertMarkdown(markdown: string): void {
  const text = withoutCodeSpans(markdown);
  expect(text).not.toMatch(/(?<!\\)<(img|script)/i);
  expect(text).not.toMatch(/^#+ heading/m);
  expect(text).not.toMatch(/(?<!\\)\[link(?<!\\)\]\(/);
  let columns: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = undefined;
      continue;
    }
    columns ??= cellSeparators(line);
    expect(cellSeparators(line), line).toBe(columns);
  }
}
