import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Everything a run left behind, as one buffer, for "the token appears nowhere" assertions:
 * stdout and stderr (without the `::add-mask::` lines, which must name the secret), outputs,
 * state, exported env, the summary, and every file under the run's temp dir, its workspace and
 * `extraDirs`. Gzip files are included both as stored and decompressed.
 */
export interface RunTraces {
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state?: Record<string, string>;
  exportedEnv?: Record<string, string>;
  tempDir?: string;
  workspace?: string;
}

export async function collectAllBytes(result: RunTraces, extraDirs: string[] = []): Promise<Buffer> {
  const withoutMasks = (text: string) =>
    text
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('::add-mask::'))
      .join('\n');
  const pairs = (record: Record<string, string> = {}) =>
    Object.entries(record)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n');
  const parts: Buffer[] = [
    Buffer.from(withoutMasks(result.stdout)),
    Buffer.from(withoutMasks(result.stderr)),
    Buffer.from(pairs(result.outputs)),
    Buffer.from(pairs(result.state)),
    Buffer.from(pairs(result.exportedEnv)),
    Buffer.from(result.summary),
  ];
  const dirs = new Set(
    [result.tempDir, result.workspace, ...extraDirs].filter((dir): dir is string => !!dir),
  );
  const seen = new Set<string>();
  for (const dir of dirs) {
    for (const file of await listFiles(dir)) {
      if (seen.has(file)) continue;
      seen.add(file);
      const bytes = await readFile(file);
      parts.push(bytes);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) parts.push(gunzipSafely(bytes));
    }
  }
  return Buffer.concat(parts.flatMap((part) => [part, Buffer.from('\n')]));
}

/** The forms a leaked secret commonly takes: as is, base64 (plain and url-safe), URL-encoded, JSON-escaped. */
export function secretForms(secret: string): string[] {
  const forms = [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
  return [...new Set(forms)];
}

/** Whether any form of `secret` occurs in `haystack`. */
export function containsSecret(haystack: Buffer | string, secret: string): boolean {
  const bytes = typeof haystack === 'string' ? Buffer.from(haystack) : haystack;
  return secretForms(secret).some((form) => bytes.includes(form));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

function gunzipSafely(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes);
  } catch {
    return Buffer.alloc(0);
  }
}
