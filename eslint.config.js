import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layers (docs/architecture.md), enforced below; test/lint-layers.test.ts checks the patterns.
// - Base: src/time, src/validate, errors.ts, clock.ts, logger.ts, version.ts import nothing of ours
//   but each other.
// - The Events API client (src/onepassword), the writers (src/output) and state (src/state) import
//   only the base, never GitHub (@actions/*, @octokit/*) or each other, except that output and state
//   may use the feed definitions and event types (onepassword/feeds.ts, onepassword/types.ts); the two
//   state stores whose backend is GitHub itself may also use src/github.
const BASE = '(time|validate)/|(errors|clock|logger|version)\\.ts$';
const FEEDS_AND_TYPES = 'onepassword/(feeds|types)\\.ts$';
const GITHUB_PACKAGES = {
  regex: '^@(actions|octokit)/',
  message: 'this layer knows nothing about GitHub (see eslint.config.js).',
};
/** A pattern refusing relative imports from a folder under src/ other than to `allowed`. */
const onlyFromSubfolder = (allowed, message) => ({ regex: `^\\.\\./(?!${allowed})`, message });
/** State stores whose backend is GitHub itself: the one place in src/state that may use it. */
const GITHUB_STATE_STORES = [
  'src/state/cache-store.ts',
  'src/state/cache-listing.ts',
  'src/state/artifact-store.ts',
  'src/state/repo-store.ts',
];
/** The state store whose backend is a bucket: it may use src/s3 (and nothing else beyond state's own). */
const S3_STATE_STORES = ['src/state/s3-store.ts'];

const restrict = (files, patterns, extra = {}) => ({
  files,
  ...extra,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export const layers = [
  restrict(
    ['src/time/**/*.ts', 'src/validate/**/*.ts'],
    [GITHUB_PACKAGES, onlyFromSubfolder(BASE, 'the base modules import nothing of ours but each other.')],
  ),
  restrict(
    ['src/errors.ts', 'src/clock.ts', 'src/logger.ts', 'src/version.ts'],
    [
      GITHUB_PACKAGES,
      { regex: `^\\./(?!${BASE})`, message: 'the base modules import nothing of ours but each other.' },
    ],
  ),
  restrict(
    ['src/onepassword/**/*.ts'],
    [GITHUB_PACKAGES, onlyFromSubfolder(BASE, 'the Events API client imports only the base modules.')],
  ),
  restrict(
    ['src/output/**/*.ts'],
    [
      GITHUB_PACKAGES,
      onlyFromSubfolder(
        `${BASE}|${FEEDS_AND_TYPES}`,
        'output imports only the base and onepassword/{feeds,types}.ts.',
      ),
    ],
  ),
  restrict(
    ['src/state/**/*.ts'],
    [
      GITHUB_PACKAGES,
      onlyFromSubfolder(
        `${BASE}|${FEEDS_AND_TYPES}`,
        'state imports only the base and onepassword/{feeds,types}.ts.',
      ),
    ],
    { ignores: [...GITHUB_STATE_STORES, ...S3_STATE_STORES] },
  ),
  restrict(S3_STATE_STORES, [
    GITHUB_PACKAGES,
    onlyFromSubfolder(
      `${BASE}|${FEEDS_AND_TYPES}|s3/`,
      'the S3 state store imports only the base, onepassword/{feeds,types}.ts and src/s3.',
    ),
  ]),
  restrict(GITHUB_STATE_STORES, [
    onlyFromSubfolder(
      `${BASE}|${FEEDS_AND_TYPES}|github/`,
      'a GitHub-backed state store imports only the base, onepassword/{feeds,types}.ts and src/github.',
    ),
  ]),
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
  {
    // Log lines carry outside text: only src/action/safe-log.ts may call @actions/core's loggers.
    files: ['src/**/*.ts'],
    ignores: ['src/action/safe-log.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['info', 'debug', 'notice', 'warning', 'error', 'setFailed', 'startGroup', 'group'].map(
          (property) => ({
            object: 'core',
            property,
            message: 'Log through src/action/safe-log.ts: it neutralises workflow commands in outside text.',
          }),
        ),
      ],
    },
  },
);
