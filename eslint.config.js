import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers, enforced below: the Events API client (src/onepassword), the writers (src/output) and the
// state document and its stores (src/state) import nothing from GitHub or the two shells, and none of
// another's modules, except that output and state may use the feed definitions and event types
// (onepassword/feeds.ts, onepassword/types.ts). Shared base modules at src/ root are allowed.
const GITHUB_AND_SHELLS = [
  {
    regex: '^@(actions|octokit)/',
    message: 'core modules know nothing about GitHub (see eslint.config.js).',
  },
  {
    regex: '(^|/)(github|action|alerts|sinks|cli)/',
    message: 'core modules know nothing about GitHub or the shells (see eslint.config.js).',
  },
];
const onlyFeedsAndTypesOfOnePassword = {
  regex: '^\\.\\./onepassword/(?!(feeds|types)\\.ts$)',
  message: 'output and state use only onepassword/feeds.ts and onepassword/types.ts.',
};
/** State stores whose backend is GitHub itself: the one place in src/state that may use it. */
const GITHUB_STATE_STORES = ['src/state/cache-store.ts', 'src/state/repo-store.ts'];

export const layers = [
  {
    files: ['src/onepassword/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...GITHUB_AND_SHELLS,
            {
              regex: '^\\.\\./(output|state)/',
              message: 'the Events API client does not use output or state.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/output/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...GITHUB_AND_SHELLS,
            onlyFeedsAndTypesOfOnePassword,
            { regex: '^\\.\\./state/', message: 'output does not use state.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    ignores: GITHUB_STATE_STORES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...GITHUB_AND_SHELLS,
            onlyFeedsAndTypesOfOnePassword,
            { regex: '^\\.\\./output/', message: 'state does not use output.' },
          ],
        },
      ],
    },
  },
  {
    files: GITHUB_STATE_STORES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            onlyFeedsAndTypesOfOnePassword,
            { regex: '^\\.\\./output/', message: 'state does not use output.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'demo-output/', 'coverage/', '.vitest-results.json'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // noUncheckedIndexedAccess makes `!` after a length or key check the idiom (~190 sites).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages and file names are what templates are for here.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `(x) => void call(x)` adds nothing over `(x) => call(x)` in callbacks.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // Abort reasons and caught values are rethrown as they came (AbortSignal.reason is `any`).
      '@typescript-eslint/prefer-promise-reject-errors': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      '@typescript-eslint/only-throw-error': [
        'error',
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
    },
  },
  {
    // Tests read back what the code wrote (JSON.parse, DuckDB rows) as untyped values and check them
    // with expect; they delete fields and stringify unknown values to build hostile inputs and
    // failure messages; simulators hand out their servers' methods. Typing each of those adds noise.
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // afterAll hooks guard with ?. against a beforeAll that failed, and String()/BigInt() values
      // whose declared types are narrower than what arrives; both are deliberate here.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // Test doubles pass async callbacks to APIs that take them, whether or not they await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  ...layers,
  {
    // Plain JavaScript (build scripts, fixtures, this file) is outside the TypeScript project.
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
);
