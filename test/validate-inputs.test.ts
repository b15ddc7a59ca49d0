/** The input validators of issue 12 (item 6), one by one, with the values that used to fail late. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { parseArtifactName } from '../src/validate/artifact-name.ts';
import { branchNameProblem, parseBranchName } from '../src/validate/branch-name.ts';
import { githubTokenProblem } from '../src/validate/github-token.ts';
import { checkLabels, MAX_LABEL_LENGTH } from '../src/validate/labels.ts';
import { checkOutputDir } from '../src/validate/output-dir.ts';
import { parseRetentionDays } from '../src/validate/retention-days.ts';

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('artifact-name', () => {
  it('refuses what the artifact service refuses, naming the character', () => {
    expect(refusal(() => parseArtifactName('exports/1password'))).toMatch(
      /^Invalid artifact-name: contains a slash/,
    );
    expect(refusal(() => parseArtifactName('a:b*c'))).toContain('a colon, an asterisk');
    for (const name of ['a"b', 'a<b', 'a>b', 'a|b', 'a?b', 'a\\b', 'a\nb', 'a\rb'])
      expect(() => parseArtifactName(name)).toThrow(InputError);
  });
  it('accepts ordinary names', () => {
    for (const name of ['1password-events-123-1', 'audit log (acme)', 'events_2026.12'])
      expect(parseArtifactName(name)).toBe(name);
  });
});

describe('retention-days', () => {
  it('is a plain whole number from 1 to 90', () => {
    expect(parseRetentionDays('')).toBeUndefined();
    expect(parseRetentionDays('1')).toBe(1);
    expect(parseRetentionDays(' 90 ')).toBe(90);
    for (const value of ['1e1', '0x10', '0', '91', '-1', '1.5', '10.0', '+5', 'Infinity', '٣', '0b1', '1_0'])
      expect(
        refusal(() => parseRetentionDays(value)),
        value,
      ).toContain('whole number of days from 1 to 90');
  });
});

describe('storage-branch', () => {
  it('follows git check-ref-format', () => {
    expect(parseBranchName('')).toBeUndefined();
    for (const name of ['main', 'feature/x', 'export-1password', 'a.b/c_d', 'release@2026'])
      expect(branchNameProblem(name), name).toBeUndefined();
    const bad = [
      'a b',
      'feature/../x',
      'main\n::error::x',
      'tab\there',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      '/main',
      'main/',
      'a//b',
      'main.',
      '.hidden',
      'a/.b',
      'x.lock',
      'a/b.lock/c',
      'a@{1}',
      '@',
      '-main',
      'refs/heads/main',
      'x'.repeat(256),
      'del\x7f',
    ];
    for (const name of bad) expect(branchNameProblem(name), JSON.stringify(name)).toBeDefined();
    expect(refusal(() => parseBranchName('feature/../x'))).toBe(
      'Invalid storage-branch: "feature/../x" is not a valid branch name: it contains ..',
    );
  });
});

describe('alert-labels', () => {
  it(`refuses a label longer than ${MAX_LABEL_LENGTH} characters, counting code points`, () => {
    expect(checkLabels(['a'.repeat(50), '🔒'.repeat(50)])).toHaveLength(2);
    expect(refusal(() => checkLabels(['ok', 'x'.repeat(51)]))).toContain('longer than 50 characters');
    expect(() => checkLabels(['bell\u0007'])).toThrow(InputError);
    expect(checkLabels(['a', 'a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('github tokens', () => {
  it('cannot carry a space or line break into a header', () => {
    expect(githubTokenProblem('ghs_abc123')).toBeUndefined();
    expect(githubTokenProblem('ghs_abc 123')).toBeDefined();
    expect(githubTokenProblem('ghs_abc\n123')).toBeDefined();
    expect(githubTokenProblem('ghs_abcé')).toBeDefined();
  });
});

describe('output-dir', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'output-dir-'));
  const file = path.join(root, 'a-file');
  writeFileSync(file, 'x');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('accepts a folder, or a path whose nearest existing part is a folder', () => {
    expect(checkOutputDir(root)).toBe(root);
    expect(checkOutputDir(path.join(root, 'new', 'deeper'))).toBe(path.join(root, 'new', 'deeper'));
  });
  it('refuses a file, or a path under a file', () => {
    expect(refusal(() => checkOutputDir(file))).toBe(`Invalid output-dir: "${file}" is a file, not a folder`);
    expect(refusal(() => checkOutputDir(path.join(file, 'x', 'y')))).toContain(`which is a file`);
  });
});
