/**
 * The layering rules in eslint.config.js are live: the base modules, the Events API client, output
 * and state are told off for each import of GitHub, the shells or another layer's modules, and allowed
 * what the rule says they may use. (A pattern that silently stops matching would enforce nothing.)
 */
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const configUrl = new URL('../eslint.config.js', import.meta.url).href;
const { layers } = (await import(configUrl)) as { layers: Linter.Config[] };

// Only the layering rules, without type information: a probe file need not exist.
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...layers],
});

async function refused(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath: file });
  expect(result!.messages.filter((m) => m.ruleId !== 'no-restricted-imports')).toEqual([]);
  return result!.messages.length > 0;
}

const importOf = (specifier: string) => `import { x } from '${specifier}';\nexport { x };`;

describe('layers', () => {
  it.each([
    ['src/onepassword/probe.ts', '@actions/core'],
    ['src/onepassword/probe.ts', '@octokit/rest'],
    ['src/onepassword/probe.ts', '../github/octokit.ts'],
    ['src/onepassword/probe.ts', '../action/context.ts'],
    ['src/onepassword/probe.ts', '../output/timestamp.ts'],
    ['src/onepassword/probe.ts', '../state/document.ts'],
    ['src/output/probe.ts', '@actions/cache'],
    ['src/output/probe.ts', '../sinks/repo.ts'],
    ['src/output/probe.ts', '../onepassword/client.ts'],
    ['src/output/probe.ts', '../state/document.ts'],
    ['src/state/probe.ts', '@actions/cache'],
    ['src/state/probe.ts', '../github/repository.ts'],
    ['src/state/probe.ts', '../onepassword/pager.ts'],
    ['src/state/probe.ts', '../output/layout.ts'],
    ['src/state/cache-store.ts', '../output/layout.ts'],
    ['src/state/cache-store.ts', '../onepassword/client.ts'],
    ['src/state/repo-store.ts', '../sinks/repo.ts'],
    ['src/onepassword/probe.ts', '../pipeline.ts'],
    ['src/onepassword/probe.ts', '../config.ts'],
    ['src/time/probe.ts', '../onepassword/feeds.ts'],
    ['src/validate/probe.ts', '../config.ts'],
    ['src/validate/probe.ts', '@actions/core'],
    ['src/errors.ts', './config.ts'],
    ['src/logger.ts', './onepassword/feeds.ts'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await refused(file, importOf(specifier))).toBe(true);
  });

  it.each([
    ['src/onepassword/probe.ts', 'got'],
    ['src/onepassword/probe.ts', './feeds.ts'],
    ['src/onepassword/probe.ts', '../clock.ts'],
    ['src/onepassword/probe.ts', '../time/duration.ts'],
    ['src/onepassword/probe.ts', '../validate/token.ts'],
    ['src/time/probe.ts', '../errors.ts'],
    ['src/validate/probe.ts', '../time/rfc3339.ts'],
    ['src/errors.ts', './time/rfc3339.ts'],
    ['src/output/probe.ts', '../version.ts'],
    ['src/output/probe.ts', '../onepassword/feeds.ts'],
    ['src/output/probe.ts', '../onepassword/types.ts'],
    ['src/output/probe.ts', 'hyparquet-writer'],
    ['src/state/probe.ts', '../onepassword/feeds.ts'],
    ['src/state/probe.ts', '../errors.ts'],
    // The two stores whose backend is GitHub itself.
    ['src/state/cache-store.ts', '@actions/cache'],
    ['src/state/repo-store.ts', '../github/repository.ts'],
    // Outside the three layers the rule does not apply.
    ['src/sinks/probe.ts', '@actions/core'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await refused(file, importOf(specifier))).toBe(false);
  });

  it('refuses type-only imports and re-exports too', async () => {
    expect(
      await refused(
        'src/output/probe.ts',
        "import type { X } from '../github/storage-layout.ts';\nexport type { X };",
      ),
    ).toBe(true);
    expect(await refused('src/state/probe.ts', "export * from '@actions/cache';")).toBe(true);
  });
});
