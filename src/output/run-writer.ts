/**
 * Everything one run writes: routes each event to the open file of its (feed, UTC date, format),
 * opens files on demand, rolls them at the row/byte bounds, and keeps a bounded number open.
 * A (feed, date) pair is a partition; an open partition has one open file per format.
 *
 * - Partition: the UTC date of the event's timestamp. An event whose timestamp is not RFC 3339 is
 *   filed under the UTC date it was written (its `timestamp` column is null and the original is in
 *   `extra` and the NDJSON). A `date=unknown` folder would turn the partition column into a string
 *   for every reader of the feed, so the rare bad event gets a real date instead, with a warning.
 * - Bounds: no file exceeds `maxFileBytes` (see file-budget.ts for how, and the one exception: a
 *   single event larger than the bound, which gets a file of its own and a warning), nor
 *   `maxFileRows` events.
 * - Memory: at most `maxOpenPartitions` partitions are open; opening another finishes the files of
 *   the least recently used. Each open file buffers at most one row group (Parquet) or one block
 *   (NDJSON), so memory stays flat however many dates a backlog of late events scatters over.
 *   Each page is written date by date (the API's order is kept within a date), so a page that mixes
 *   many dates touches each partition once instead of switching back and forth, which would cut
 *   the files into many small ones once more dates are live than partitions may be open.
 * - Visibility: a file is written under a temporary dot-name in its folder and renamed when it is
 *   complete, so nothing half-written ever carries a final name. Existing files are never replaced:
 *   the sequence number skips names already taken.
 * - Calls are serialised, so feeds pulled concurrently can share one writer. After a failure every
 *   later call rethrows it; `abort()` removes the unfinished files.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { systemClock, type Clock } from '../clock.ts';
import { ExportError } from '../errors.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { Feed } from '../onepassword/feeds.ts';
import type { RawEvent } from '../onepassword/types.ts';
import type { EventFileWriter } from './event-file.ts';
import { fileExists, FORMATS, type Format, type WrittenFile } from './files.ts';
import { assertSafeNamePart, partFileName, partitionDir } from './layout.ts';
import { DEFAULT_MAX_FILE_BYTES, DEFAULT_ROW_GROUP_SIZE } from './limits.ts';
import { NdjsonFileWriter } from './ndjson-writer.ts';
import { ParquetFileWriter } from './parquet-writer.ts';
import { parseRfc3339Micros, utcDateOfMicros } from '../time/rfc3339.ts';

export interface RunWriterOptions {
  outDir: string;
  runId: string;
  runAttempt: string;
  formats: readonly Format[];
  /** Rows per Parquet row group (default 10,000). */
  rowGroupSize?: number;
  /** No file is larger than this (default 25 MiB). */
  maxFileBytes?: number;
  /** No file holds more events than this (default: no limit). */
  maxFileRows?: number;
  /** (feed, date) partitions with open files at once (default 8). */
  maxOpenPartitions?: number;
  /** Uncompressed bytes per NDJSON gzip block (default 1 MiB). */
  ndjsonBlockBytes?: number;
  logger?: Logger;
  /** Dates events whose timestamp cannot be parsed. */
  clock?: Clock;
}

export interface FeedStats {
  events: number;
  /** The earliest and latest event times, as the API wrote them. */
  firstEventTime?: string;
  lastEventTime?: string;
}

interface Partition {
  key: string;
  feed: Feed;
  date: string;
  files: Map<Format, OpenFile>;
  /** Its buffers were flushed since it was last written to (see flushIdle). */
  flushed?: boolean;
}

interface OpenFile {
  partition: Partition;
  writer: EventFileWriter;
  format: Format;
  relativePath: string;
  tempPath: string;
  finalPath: string;
}

interface TimeBound {
  micros: bigint;
  text: string;
}

interface FeedTally {
  events: number;
  first?: TimeBound;
  last?: TimeBound;
  warnedBadTimestamp: boolean;
}

export class RunWriter {
  private readonly outDir: string;
  private readonly formats: Format[];
  private readonly rowGroupSize: number;
  private readonly maxFileBytes: number;
  private readonly maxFileRows: number;
  private readonly maxOpenPartitions: number;
  private readonly logger: Logger;
  private readonly clock: Clock;
  /** Open partitions, least recently used first (a Map iterates in insertion order). */
  private readonly open = new Map<string, Partition>();
  private readonly nextSeq = new Map<string, number>();
  private readonly madeDirs = new Set<string>();
  private readonly written: WrittenFile[] = [];
  private readonly tallies = new Map<Feed, FeedTally>();
  private tail: Promise<unknown> = Promise.resolve();
  private failure: unknown;
  private closing = false;
  private closed = false;

  constructor(private readonly options: RunWriterOptions) {
    assertSafeNamePart('runId', options.runId);
    assertSafeNamePart('runAttempt', options.runAttempt);
    this.formats = [...new Set(options.formats)];
    if (this.formats.length === 0 || this.formats.some((f) => !FORMATS.includes(f))) {
      throw new ExportError('internal', `formats must be a non-empty list of ${FORMATS.join(', ')}`);
    }
    this.outDir = path.resolve(options.outDir);
    this.rowGroupSize = positiveInteger('rowGroupSize', options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE);
    this.maxFileBytes = positiveInteger('maxFileBytes', options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    this.maxFileRows =
      options.maxFileRows === undefined ? Infinity : positiveInteger('maxFileRows', options.maxFileRows);
    this.maxOpenPartitions = positiveInteger('maxOpenPartitions', options.maxOpenPartitions ?? 8);
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? systemClock;
  }

  /** Write a page of events of one feed. Resolves when every event is in a file (possibly still buffered). */
  write(feed: Feed, events: readonly RawEvent[]): Promise<void> {
    if (this.closing) return Promise.reject(new ExportError('internal', 'RunWriter.write after close'));
    return this.serialize(async () => {
      const touched = new Set<Partition>();
      for (const [date, ofDate] of this.byDate(feed, events)) {
        const partition = await this.partition(feed, date);
        touched.add(partition);
        for (const event of ofDate) {
          for (const format of this.formats) await this.append(partition, format, event);
        }
      }
      await this.flushIdle(feed, touched);
    });
  }

  /** Finish every file; returns all files of the run (sorted by path) with rows, bytes and SHA-256. */
  close(): Promise<WrittenFile[]> {
    this.closing = true;
    return this.serialize(async () => {
      if (!this.closed) {
        for (const partition of [...this.open.values()]) await this.closePartition(partition);
        this.closed = true;
      }
      return [...this.written].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    });
  }

  /** After a failure: close and delete every unfinished file. Finished files stay. */
  async abort(): Promise<void> {
    await this.tail.catch(() => {});
    const files = [...this.open.values()].flatMap((partition) => [...partition.files.values()]);
    this.open.clear();
    this.closing = this.closed = true;
    await Promise.all(files.map((file) => file.writer.abort()));
  }

  stats(feed: Feed): FeedStats {
    const tally = this.tallies.get(feed);
    if (!tally) return { events: 0 };
    return {
      events: tally.events,
      ...(tally.first ? { firstEventTime: tally.first.text } : {}),
      ...(tally.last ? { lastEventTime: tally.last.text } : {}),
    };
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(() => {
      // The first failure, rethrown as it was caught.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      if (this.failure !== undefined) throw this.failure;
      return task();
    });
    this.tail = run.catch((error: unknown) => {
      this.failure ??= error;
    });
    return run;
  }

  /**
   * The events grouped by UTC date, in the API's order within each date; partitions already open
   * come first so that opening the others cannot evict one still needed for this page. Also counts
   * the events into the feed's stats.
   */
  private byDate(feed: Feed, events: readonly RawEvent[]): [string, RawEvent[]][] {
    const tally = this.tally(feed);
    const groups = new Map<string, RawEvent[]>();
    for (const event of events) {
      tally.events++;
      const date = this.dateOf(feed, event, tally);
      let group = groups.get(date);
      if (!group) groups.set(date, (group = []));
      group.push(event);
    }
    const isOpen = ([date]: [string, RawEvent[]]) => this.open.has(`${feed}/${date}`);
    const entries = [...groups];
    return [...entries.filter(isOpen), ...entries.filter((entry) => !isOpen(entry))];
  }

  /** The partition date of an event (see the top of this file), noting its time in the stats. */
  private dateOf(feed: Feed, event: RawEvent, tally: FeedTally): string {
    const micros = typeof event.timestamp === 'string' ? parseRfc3339Micros(event.timestamp) : null;
    if (micros !== null) {
      const text = event.timestamp;
      if (!tally.first || micros < tally.first.micros) tally.first = { micros, text };
      if (!tally.last || micros > tally.last.micros) tally.last = { micros, text };
      return utcDateOfMicros(micros);
    }
    const today = utcDateOfMicros(BigInt(this.clock.now()) * 1000n);
    if (!tally.warnedBadTimestamp) {
      tally.warnedBadTimestamp = true;
      this.logger.warning(
        `${feed}: event ${event.uuid} has no RFC 3339 timestamp; it is filed under date=${today} ` +
          `with a null timestamp column (the original value is kept in "extra" and in the NDJSON)`,
      );
    }
    return today;
  }

  private tally(feed: Feed): FeedTally {
    let tally = this.tallies.get(feed);
    if (!tally) {
      tally = { events: 0, warnedBadTimestamp: false };
      this.tallies.set(feed, tally);
    }
    return tally;
  }

  /** The open partition of (feed, date), marked most recently used; opened (evicting) if needed. */
  private async partition(feed: Feed, date: string): Promise<Partition> {
    const key = `${feed}/${date}`;
    let partition = this.open.get(key);
    if (partition) {
      this.open.delete(key);
    } else {
      while (this.open.size >= this.maxOpenPartitions) {
        await this.closePartition(this.open.values().next().value as Partition);
      }
      partition = { key, feed, date, files: new Map() };
    }
    this.open.set(key, partition);
    return partition;
  }

  /**
   * A backlog moves through the dates of a feed in order, so a partition this page did not touch
   * is usually done: its buffered rows become a row group now instead of holding memory until the
   * partition is closed (with 8 open partitions that was most of the live heap). The file stays
   * open for late arrivals.
   */
  private async flushIdle(feed: Feed, touched: ReadonlySet<Partition>): Promise<void> {
    for (const partition of this.open.values()) {
      if (partition.feed !== feed || touched.has(partition) || partition.flushed) continue;
      for (const file of partition.files.values()) await file.writer.flushBuffered();
      partition.flushed = true;
    }
    for (const partition of touched) partition.flushed = false;
  }

  private async closePartition(partition: Partition): Promise<void> {
    this.open.delete(partition.key);
    for (const file of [...partition.files.values()]) await this.finish(file);
  }

  private async append(partition: Partition, format: Format, event: RawEvent): Promise<void> {
    let file = partition.files.get(format) ?? (await this.openFile(partition, format));
    if (await file.writer.tryAppend(event)) return;
    await this.finish(file);
    file = await this.openFile(partition, format);
    if (!(await file.writer.tryAppend(event))) {
      throw new ExportError('internal', `a new ${format} file refused its first event`);
    }
  }

  private async openFile(partition: Partition, format: Format): Promise<OpenFile> {
    const { feed, date } = partition;
    const dir = partitionDir(feed, date, format);
    const absoluteDir = path.join(this.outDir, ...dir.split('/'));
    if (!this.madeDirs.has(absoluteDir)) {
      await mkdir(absoluteDir, { recursive: true });
      this.madeDirs.add(absoluteDir);
    }
    let seq = this.nextSeq.get(dir) ?? 1;
    let name = partFileName(this.options.runId, this.options.runAttempt, seq, format);
    while (await fileExists(path.join(absoluteDir, name))) {
      seq++;
      name = partFileName(this.options.runId, this.options.runAttempt, seq, format);
    }
    this.nextSeq.set(dir, seq + 1);
    const finalPath = path.join(absoluteDir, name);
    const tempPath = path.join(absoluteDir, `.${name}.tmp`);
    const writer =
      format === 'parquet'
        ? await ParquetFileWriter.create(tempPath, {
            feed,
            rowGroupSize: this.rowGroupSize,
            maxFileBytes: this.maxFileBytes,
            maxFileRows: this.maxFileRows,
          })
        : await NdjsonFileWriter.create(tempPath, {
            maxFileBytes: this.maxFileBytes,
            maxFileRows: this.maxFileRows,
            ...(this.options.ndjsonBlockBytes !== undefined
              ? { blockBytes: this.options.ndjsonBlockBytes }
              : {}),
          });
    const file: OpenFile = { partition, writer, format, relativePath: `${dir}/${name}`, tempPath, finalPath };
    partition.files.set(format, file);
    return file;
  }

  private async finish(file: OpenFile): Promise<void> {
    // Forget it first: if closing fails, abort() must not try to finish it again.
    if (file.partition.files.get(file.format) === file) file.partition.files.delete(file.format);
    let bytes: number;
    try {
      bytes = await file.writer.close();
    } catch (error) {
      await file.writer.abort();
      throw error;
    }
    await rename(file.tempPath, file.finalPath);
    const sha256 = await sha256OfFile(file.finalPath);
    if (bytes > this.maxFileBytes) {
      this.logger.warning(
        `${file.relativePath} is ${bytes} bytes, over the ${this.maxFileBytes}-byte bound: it holds a single event larger than the bound`,
      );
    }
    this.logger.debug(`wrote ${file.relativePath} (${file.writer.rows} events, ${bytes} bytes)`);
    this.written.push({
      path: file.relativePath,
      feed: file.partition.feed,
      format: file.format,
      date: file.partition.date,
      rows: file.writer.rows,
      bytes,
      sha256,
    });
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ExportError('internal', `${name} must be a positive integer (got ${value})`);
  }
  return value;
}

/** SHA-256 of the file as it is on disk, read as a stream. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
