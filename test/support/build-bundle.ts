/**
 * vitest globalSetup: builds dist/ from src/ before any test runs (and before each re-run in watch
 * mode). The action tests spawn dist/index.js as the runner does (test/harness/run-action.ts), so
 * without this they would test whatever bundle was last built, not the code being edited.
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function buildBundle(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export default function setup(project: TestProject): void {
  buildBundle();
  project.onTestsRerun(buildBundle);
}
