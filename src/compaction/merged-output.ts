/**
 * The new files of one group, rolled at the size bound like fresh files. They are written under
 * temporary dot-names and only get their final names (`part-<runId>-<runAttempt>-<seq>`) once the
 * whole group is merged, so a failure halfway leaves nothing that looks like data.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { EventFileWriter } from '../output/event-file.ts';
import { fileExists, type WrittenFile } from '../output/files.ts';
import { partFileName } from '../output/layout.ts';
import { sha256OfFile } from '../output/run-writer.ts';
import type { CompactionGroup } from './types.ts';

export interface OutputNames {
  workDir: string;
  runId: string;
  runAttempt: string;
  /** Relative paths no new file may take (the stored tree and names given out before). */
  taken: Set<string>;
}

interface Pending {
  writer: EventFileWriter;
  relativePath: string;
  tempPath: string;
  finalPath: string;
  bytes?: number;
}

export class MergedOutput<W extends EventFileWriter> {
  private readonly files: Pending[] = [];
  private current: Pending | undefined;
  private readonly absoluteDir: string;

  constructor(
    private readonly group: CompactionGroup,
    private readonly names: OutputNames,
    private readonly create: (tempPath: string) => Promise<W>,
  ) {
    this.absoluteDir = path.join(names.workDir, ...group.dir.split('/'));
  }

  /** Offers one row to the open file; rolls to a new file when it is full. */
  async append(tryAppend: (writer: W) => Promise<boolean>): Promise<void> {
    if (this.current && (await tryAppend(this.current.writer as W))) return;
    await this.closeCurrent();
    const writer = await this.open();
    if (!(await tryAppend(writer))) throw new Error('a new file refused its first row');
  }

  /** Closes the last file, gives every file its final name; returns them with rows and SHA-256. */
  async finish(): Promise<WrittenFile[]> {
    await this.closeCurrent();
    const written: WrittenFile[] = [];
    for (const file of this.files) {
      await rename(file.tempPath, file.finalPath);
      written.push({
        path: file.relativePath,
        feed: this.group.feed,
        format: this.group.format,
        date: this.group.date,
        rows: file.writer.rows,
        bytes: file.bytes!,
        sha256: await sha256OfFile(file.finalPath),
      });
    }
    return written;
  }

  /** Removes every file of the group, temporary or renamed. Never throws. */
  async abort(): Promise<void> {
    for (const file of this.files) {
      await file.writer.abort();
      await rm(file.finalPath, { force: true }).catch(() => {});
    }
  }

  private async closeCurrent(): Promise<void> {
    if (!this.current) return;
    const file = this.current;
    this.current = undefined;
    file.bytes = await file.writer.close();
  }

  private async open(): Promise<W> {
    await mkdir(this.absoluteDir, { recursive: true });
    const name = await this.freeName();
    const relativePath = `${this.group.dir}/${name}`;
    this.names.taken.add(relativePath);
    const tempPath = path.join(this.absoluteDir, `.${name}.tmp`);
    const writer = await this.create(tempPath);
    this.current = { writer, relativePath, tempPath, finalPath: path.join(this.absoluteDir, name) };
    this.files.push(this.current);
    return writer;
  }

  private async freeName(): Promise<string> {
    for (let seq = 1; ; seq++) {
      const name = partFileName(this.names.runId, this.names.runAttempt, seq, this.group.format);
      if (this.names.taken.has(`${this.group.dir}/${name}`)) continue;
      if (await fileExists(path.join(this.absoluteDir, name))) continue;
      return name;
    }
  }
}
