/**
 * One gzip-compressed NDJSON file: one line per event, `JSON.stringify` of the object exactly as the
 * API sent it (after `JSON.parse`, so key order and values are the API's). Lines are buffered up to
 * `blockBytes`, then compressed and appended as one block of a single gzip stream.
 */
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { RawEvent } from '../onepassword/types.ts';
import type { EventFileWriter } from './event-file.ts';
import { decideFit } from './file-budget.ts';
import { GzipBlockEncoder } from './gzip-blocks.ts';
import { DEFAULT_NDJSON_BLOCK_BYTES } from './limits.ts';

export interface NdjsonFileOptions {
  maxFileBytes: number;
  maxFileRows: number;
  /** Uncompressed bytes per compressed block (default 1 MiB). */
  blockBytes?: number;
}

export class NdjsonFileWriter implements EventFileWriter {
  private readonly encoder = new GzipBlockEncoder();
  private readonly blockBytes: number;
  private lines: Uint8Array[] = [];
  private bufferedBytes = 0;
  private encodedRows = 0;
  private encodedBytes = 0;

  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly options: NdjsonFileOptions,
  ) {
    this.blockBytes = options.blockBytes ?? DEFAULT_NDJSON_BLOCK_BYTES;
  }

  static async create(path: string, options: NdjsonFileOptions): Promise<NdjsonFileWriter> {
    const handle = await open(path, 'w');
    const writer = new NdjsonFileWriter(path, handle, options);
    await writer.append(writer.encoder.header());
    return writer;
  }

  get rows(): number {
    return this.encodedRows + this.lines.length;
  }

  tryAppend(event: RawEvent): Promise<boolean> {
    return this.tryAppendLine(Buffer.from(`${JSON.stringify(event)}\n`, 'utf8'));
  }

  /**
   * Adds one line exactly as given (its bytes, ending in a newline): what compaction copies from
   * the files it merges. Same bounds as `tryAppend`.
   */
  async tryAppendLine(line: Uint8Array): Promise<boolean> {
    const lineBytes = line.length;
    for (;;) {
      const fit = decideFit({
        maxBytes: this.options.maxFileBytes,
        maxRows: this.options.maxFileRows,
        encodedBytes: this.encodedBytes,
        boundWithEvent:
          this.encodedBytes +
          GzipBlockEncoder.blockBound(this.bufferedBytes + lineBytes) +
          GzipBlockEncoder.END_BYTES,
        rows: this.rows,
        bufferedRows: this.lines.length,
      });
      if (fit === 'full') return false;
      if (fit === 'fits') break;
      await this.encodeBuffer();
    }
    this.lines.push(line);
    this.bufferedBytes += lineBytes;
    if (this.bufferedBytes >= this.blockBytes) await this.encodeBuffer();
    return true;
  }

  /** Most bytes the file can have once closed, as things stand: what the roll-over relies on. */
  get sizeBound(): number {
    const buffered = this.lines.length > 0 ? GzipBlockEncoder.blockBound(this.bufferedBytes) : 0;
    return this.encodedBytes + buffered + GzipBlockEncoder.END_BYTES;
  }

  flushBuffered(): Promise<void> {
    return this.encodeBuffer();
  }

  async close(): Promise<number> {
    try {
      await this.encodeBuffer();
      await this.append(this.encoder.end());
    } finally {
      await this.handle.close();
    }
    return this.encodedBytes;
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
    await rm(this.path, { force: true }).catch(() => {});
  }

  private async encodeBuffer(): Promise<void> {
    if (this.lines.length === 0) return;
    const input = Buffer.concat(this.lines, this.bufferedBytes);
    const rows = this.lines.length;
    this.lines = [];
    this.bufferedBytes = 0;
    await this.append(this.encoder.block(input));
    this.encodedRows += rows;
  }

  private async append(bytes: Uint8Array): Promise<void> {
    let start = 0;
    while (start < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, start, bytes.length - start);
      start += bytesWritten;
    }
    this.encodedBytes += bytes.length;
  }
}
