/**
 * What a hard abort (a second Ctrl-C) leaves behind is cleaned up by the launcher, synchronously, on
 * its way out: every temporary file of the run, and (unless the run's state was already saved) every
 * file the run finished, so that no reader sees events the state does not cover. The next run then
 * fetches them again, exactly once.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { manifestPath } from '../output/layout.ts';

export interface RunFiles {
  outDir: string;
  runId: string;
  runAttempt: string;
}

/** Removes the run's files under outDir; returns how many were removed. */
export function abandonRun(run: RunFiles, stateSaved: boolean): number {
  const prefix = `part-${run.runId}-${run.runAttempt}-`;
  const manifest = path.basename(manifestPath(run.runId, run.runAttempt));
  let removed = 0;
  let entries: string[];
  try {
    entries = readdirSync(run.outDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const name = path.basename(entry);
    const temporary = name.startsWith('.') && name.endsWith('.tmp');
    const finished = name.startsWith(prefix) || name === manifest;
    if (temporary || (!stateSaved && finished)) {
      rmSync(path.join(run.outDir, entry), { force: true });
      removed++;
    }
  }
  return removed;
}
