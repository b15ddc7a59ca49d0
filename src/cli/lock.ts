/**
 * One CLI run per output folder: a lock file created exclusively, holding the owner's pid and host.
 * A lock whose process is gone (a crash, a killed run) is stale and taken over, so a crash never
 * leaves the folder stuck.
 */
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ExportError } from '../errors.ts';

/** A dot-name: no `*.parquet` glob or reader of the folder picks it up. */
export const LOCK_FILE = '.1password-events.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export class OutputLock {
  private constructor(readonly file: string) {}

  /** Takes the lock of `outDir`, or throws naming the run that holds it. */
  static async acquire(outDir: string, now: Date): Promise<OutputLock> {
    await mkdir(outDir, { recursive: true });
    const file = path.join(outDir, LOCK_FILE);
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: now.toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(file, 'wx');
        await handle.writeFile(`${JSON.stringify(owner)}\n`);
        await handle.close();
        return new OutputLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readOwner(file);
      if (holder && isAlive(holder)) {
        throw new ExportError(
          'input',
          `another export is writing to ${outDir} (process ${holder.pid}, started ${holder.startedAt}); wait for it to finish, or stop it with Ctrl-C, then run this command again`,
        );
      }
      // Stale: its process is gone. Remove it and try once more (another starter may win the race).
      await rm(file, { force: true });
    }
    throw new ExportError(
      'input',
      `another export took the lock of ${outDir} at the same moment; run this command again`,
    );
  }

  async release(): Promise<void> {
    await rm(this.file, { force: true });
  }

  /** For exit paths that cannot wait (the launcher's hard abort). Only removes a lock this process holds. */
  static releaseSync(outDir: string, pid = process.pid): void {
    const file = path.join(outDir, LOCK_FILE);
    try {
      const holder = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
      if (holder.pid === pid && holder.host === os.hostname()) rmSync(file, { force: true });
    } catch {
      // no lock, or not readable: nothing of ours to remove
    }
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    const { pid, host, startedAt } = parsed;
    if (typeof pid === 'number' && typeof host === 'string') {
      return { pid, host, startedAt: typeof startedAt === 'string' ? startedAt : 'at an unknown time' };
    }
  } catch {
    // unreadable: treated as stale
  }
  return undefined;
}

/** On this host, whether the process still runs; a lock from another host is assumed alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
