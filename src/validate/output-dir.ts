import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.ts';

/**
 * `output-dir` is a folder, or can become one: the nearest part of the path that exists must be a
 * folder. Otherwise the first file write fails ("ENOTDIR") after every request was made.
 */
export function checkOutputDir(dir: string, input = 'output-dir'): string {
  const resolved = path.resolve(dir);
  for (let current = resolved; ; current = path.dirname(current)) {
    const stat = statOrUndefined(current, dir, input);
    if (stat) {
      if (stat.isDirectory()) return resolved;
      const what = current === resolved ? 'is a file, not a folder' : `is inside ${current}, which is a file`;
      throw new InputError(input, `"${dir}" ${what}`);
    }
    if (path.dirname(current) === current) return resolved;
  }
}

function statOrUndefined(file: string, dir: string, input: string) {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Missing, or under a file (ENOTDIR): the loop goes on to the parent, which says which.
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(input, `"${dir}" cannot be used (${code ?? 'error'} on ${file})`);
  }
}
