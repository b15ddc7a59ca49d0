import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { InputError, isExportError } from '../src/errors.ts';
import { createOctokit } from '../src/github/octokit.ts';
import { getRepoVisibility } from '../src/github/repository.ts';
import { assertNotPublic } from '../src/github/visibility.ts';
import { MemoryLogger } from '../src/logger.ts';
import { startGitHubRestSim } from './sim/github/rest.ts';
import type { GitHubRestSim } from './sim/github/rest.ts';

let sim: GitHubRestSim;
const token = `ghs_${randomBytes(18).toString('hex')}`;

beforeAll(async () => {
  sim = await startGitHubRestSim();
  sim.createRepo('octo/open', { visibility: 'public' });
  sim.createRepo('octo/closed', { visibility: 'private', defaultBranch: 'trunk' });
  sim.createRepo('octo/company', { visibility: 'internal' });
  sim.createRepo('octo/hidden', { visibility: 'private' });
  sim.addToken(token, {
    'octo/open': { contents: 'read' },
    'octo/closed': { contents: 'write' },
    'octo/company': { issues: 'write' },
  });
});

afterAll(async () => {
  expect(sim.crashes).toEqual([]);
  await sim.close();
});

const octokit = () => createOctokit({ token, baseUrl: sim.url });

describe('getRepoVisibility', () => {
  it.each([
    ['octo/open', { visibility: 'public', defaultBranch: 'main', private: false }],
    ['octo/closed', { visibility: 'private', defaultBranch: 'trunk', private: true }],
    ['octo/company', { visibility: 'internal', defaultBranch: 'main', private: true }],
  ])('reads %s', async (name, expected) => {
    expect(await getRepoVisibility(octokit(), name)).toEqual(expected);
  });

  it('says when the repository cannot be seen, without the token', async () => {
    const error = await getRepoVisibility(octokit(), 'octo/hidden').catch((caught: unknown) => caught);
    expect(isExportError(error, 'delivery')).toBe(true);
    expect((error as Error).message).toBe(
      'Could not read repository octo/hidden: it does not exist or the token cannot see it.',
    );
  });

  it('refuses a malformed name before any request', async () => {
    const before = sim.requestLog.length;
    await expect(getRepoVisibility(octokit(), 'not-a-repo')).rejects.toThrow(InputError);
    expect(sim.requestLog.length).toBe(before);
  });
});

describe('assertNotPublic', () => {
  it.each(['artifact', 'repo'] as const)('refuses a public repository (%s)', (purpose) => {
    let caught: unknown;
    try {
      assertNotPublic({ repoFullName: 'octo/open', visibility: 'public', allowPublic: false, purpose });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).input).toBe('allow-public-repo');
    expect((caught as Error).message).toMatch(
      /^Invalid allow-public-repo: octo\/open is public; 1Password events contain names, email addresses and IP addresses/,
    );
    expect((caught as Error).message).toMatch(/set allow-public-repo: true to allow/);
    expect((caught as Error).message).toMatch(purpose === 'artifact' ? /artifacts/ : /committed/);
  });

  it.each(['private', 'internal'] as const)('lets a %s repository through', (visibility) => {
    expect(() =>
      assertNotPublic({ repoFullName: 'octo/x', visibility, allowPublic: false, purpose: 'repo' }),
    ).not.toThrow();
  });

  it('lets a public repository through when allowed, with a warning', () => {
    const logger = new MemoryLogger();
    assertNotPublic({
      repoFullName: 'octo/open',
      visibility: 'public',
      allowPublic: true,
      purpose: 'artifact',
      logger,
    });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^warning: octo\/open is public and allow-public-repo is true/);
  });
});
