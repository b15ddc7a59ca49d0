import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { silentLogger } from '../logger.ts';
import type { Logger } from '../logger.ts';
import type { StateDocument } from './document.ts';
import { ExportError } from '../errors.ts';
import { readStateFileBounded } from './bounded-read.ts';
import { readStateDocument, serializeStateDocument } from './parse.ts';
import type { StateRead, StateStore } from './store.ts';

/**
 * State in a local JSON file, for the CLI. Written atomically (temporary file in the same directory,
 * then rename) so an interrupted run leaves the old document intact, and readable by the owner only.
 * A missing file is no state; a broken or oversized one is an error, since it is the only copy and
 * starting over would export the whole window again. A newer release's schema is a warning and no state.
 */
export class FileStateStore implements StateStore {
  readonly name = 'file' as const;
  private readonly path: string;
  private readonly logger: Logger;

  constructor(path: string, options: { logger?: Logger } = {}) {
    this.path = path;
    this.logger = options.logger ?? silentLogger;
  }

  async read(): Promise<StateRead> {
    const doc = await this.load();
    return doc === undefined ? { status: 'absent' } : { status: 'found', doc, origin: this.path };
  }

  async load(): Promise<StateDocument | undefined> {
    let read: Awaited<ReturnType<typeof readStateFileBounded>>;
    try {
      read = await readStateFileBounded(this.path);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    const reading = read.ok ? readStateDocument(read.bytes) : { ok: false as const, reason: read.reason };
    if (reading.ok) return reading.doc;
    if ('unknownSchema' in reading && reading.unknownSchema) {
      this.logger.warning(
        `Ignoring the state in ${this.path}: ${reading.reason}; starting as if there were none.`,
      );
      return undefined;
    }
    throw new ExportError(
      'internal',
      `State in ${this.path} is not a valid state document: ${reading.reason}.`,
    );
  }

  async save(doc: StateDocument): Promise<{ saved: boolean; detail: string }> {
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(serializeStateDocument(doc), 'utf8');
        // Flush before the rename, or a crash could leave an empty file under the final name.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.path);
      return { saved: true, detail: `state written to ${this.path}` };
    } catch (error) {
      // Best effort: the temporary file may not exist (or its folder may not be one).
      await rm(temporary, { force: true }).catch(() => undefined);
      return { saved: false, detail: `could not write ${this.path}: ${(error as Error).message}` };
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
