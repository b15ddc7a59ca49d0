import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every run tests the code as it is now: dist/ (spawned by the action tests) is rebuilt first.
    globalSetup: ['test/support/build-bundle.ts'],
    // What a test prints (the libraries' ::debug:: lines included) is shown only if it fails.
    setupFiles: ['test/support/quiet-output.ts'],
    silent: 'passed-only',
  },
});
